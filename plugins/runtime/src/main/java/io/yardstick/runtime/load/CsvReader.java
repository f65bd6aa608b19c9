package io.yardstick.runtime.load;

import io.yardstick.runtime.text.Texts;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Reads the records of an RFC 4180 CSV file from bytes, one record at a time, without building a String
 * per cell. A record's cells are byte ranges: into the read buffer for unquoted cells and quoted cells
 * without escapes, into a scratch buffer for quoted cells holding {@code ""}.
 *
 * <p>Line breaks are LF, CRLF or a lone CR; completely blank lines are skipped. Bytes are checked to be
 * well-formed UTF-8. Problems in a record (an unterminated quote, text after a closing quote, a quote
 * inside an unquoted cell, malformed UTF-8) do not stop reading: the record is still delimited and
 * {@link #problem()} tells the first one, so that a caller may reject the row and go on.
 *
 * <p>Records are read in batches ({@link #readBatch}): every record of a batch stays in the buffer until the
 * next batch is read, so its cells may be parsed in any order, by several threads. {@link #next} reads a
 * batch of one and has accessors for it.
 *
 * <p>Reads use positional I/O, so several readers may share one channel (a second reader re-reads a
 * record from a checkpoint when a duplicate key has to be confirmed).
 */
final class CsvReader {
	static final int DEFAULT_BUFFER = 1 << 22;
	private static final int MAX_BUFFER = Integer.MAX_VALUE - 64;
	private static final int NEED_MORE = -1;
	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
	private static final long ONES = 0x0101010101010101L;
	private static final long HIGHS = 0x8080808080808080L;
	private static final long QUOTES = '"' * ONES;
	/** A cell's span whose bytes are in the scratch buffer, not the read buffer. */
	private static final long SCRATCHED = Long.MIN_VALUE;

	private final FileChannel channel;
	private final long fileSize;
	private byte[] buf;
	/** File offset of {@code buf[0]}. */
	private long bufOffset;
	private int limit;
	private int pos;
	private boolean eof;
	private long nextLine;
	/** The byte between cells: a comma unless the source's format declares another. */
	private final byte delimiter;
	/** The delimiter in every byte of a word, for the word-at-a-time scan of unquoted cells. */
	private final long delimiters;

	// the cells of the batch, flat
	/**
	 * Per cell: start (bits 32-62) and end (bits 0-31) of its content, and {@link #SCRATCHED} when the content
	 * is in the scratch buffer. One array, so that parsing a column reads one slot per cell.
	 */
	private long[] spans = new long[256];
	/*
	 * Where each cell of one record starts (in the buffer), the start of the physical line it starts on and the
	 * record's line breaks before it: found again by delimiting the record anew when an error message or a
	 * multi-line cell needs them ({@link #locate}), rather than written for every cell while tokenizing.
	 */
	private int locatedRecord = -1;
	private int[] locatedStarts = new int[16];
	private int[] locatedLineStarts = new int[16];
	private int[] locatedBreaksBefore = new int[16];
	private byte[] scratch = new byte[256];
	private int scratchLen;
	// the records of the batch
	private int records;
	private long[] recordLines = new long[16];
	private long[] recordOffsets = new long[16];
	private int[] firstCells = new int[16];
	private int[] cellCounts = new int[16];
	private String[] problems = new String[16];
	private int[] problemCells = new int[16];
	/** Per record: whether its problem is a byte that is not UTF-8, which may mean the file has another encoding. */
	private boolean[] encodingProblems = new boolean[16];
	private int[] recordEnds = new int[16];
	private int[] recordEndLineStarts = new int[16];
	private int[] recordBreaks = new int[16];
	private int[] multiLineCells = new int[16];
	private long blankLines;
	private long batchBlankLines;
	/** A batch ends after the record that reaches this file offset: the end of a chunk read by another reader. */
	private long stopAt = Long.MAX_VALUE;
	// what tokenize found of the record it delimited
	private int cellCount;
	private int recordEnd;
	private int recordLineStartOfEnd;
	private int breaksOfRecord;
	private int multiLineCellsOfRecord;
	private String problem;
	private int problemCell;
	private boolean problemIsEncoding;
	/** The words of the problems: English unless the loader tells the run's language. */
	private Texts texts = LoadTexts.of("en");

	CsvReader(FileChannel channel, long startOffset, long startLine, int bufferSize) throws IOException {
		this(channel, startOffset, startLine, bufferSize, (byte) ',');
	}

	CsvReader(FileChannel channel, long startOffset, long startLine, int bufferSize, byte delimiter)
			throws IOException {
		this.delimiter = delimiter;
		this.delimiters = (delimiter & 0xFFL) * ONES;
		this.channel = channel;
		this.fileSize = channel.size();
		this.buf = new byte[Math.max(bufferSize, 64)];
		this.bufOffset = startOffset;
		this.nextLine = startLine;
	}

	/** Tells the problems in the language of these texts. */
	void texts(Texts words) {
		texts = words;
	}

	/** Skips a UTF-8 byte order mark at the current position; call before the first record. */
	void skipBom() throws IOException {
		while (limit - pos < 3 && !eof) {
			fill();
		}
		if (limit - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
			pos += 3;
		}
	}

	/** The file offset where the next record starts (or the end of the file). */
	long position() {
		return bufOffset + pos;
	}

	/**
	 * Reads the next records, at most {@code max}, as many as the buffer holds whole (at least one unless at
	 * the end of the file); the previous batch is gone. Returns how many were read, 0 at the end.
	 */
	int readBatch(int max) throws IOException {
		records = 0;
		locatedRecord = -1;
		scratchLen = 0;
		batchBlankLines = 0;
		int cells = 0;
		while (records < max) {
			// blank lines
			boolean more = true;
			while (true) {
				if (pos >= limit) {
					if (eof) {
						more = false;
						break;
					}
					if (records > 0) {
						return records;
					}
					fill();
					continue;
				}
				byte b = buf[pos];
				if (b == '\n') {
					pos++;
					nextLine++;
					blankLines++;
					batchBlankLines++;
				} else if (b == '\r') {
					if (pos + 1 >= limit && !eof) {
						if (records > 0) {
							return records;
						}
						fill();
						continue;
					}
					pos += pos + 1 < limit && buf[pos + 1] == '\n' ? 2 : 1;
					nextLine++;
					blankLines++;
					batchBlankLines++;
				} else {
					break;
				}
			}
			if (!more) {
				break;
			}
			int scratchMark = scratchLen;
			int end = tokenize(pos, cells);
			if (end == NEED_MORE) {
				scratchLen = scratchMark;
				if (records > 0) {
					return records;
				}
				fill();
				continue;
			}
			int r = records;
			if (r == recordLines.length) {
				growRecords();
			}
			recordLines[r] = nextLine;
			recordOffsets[r] = bufOffset + pos;
			firstCells[r] = cells;
			cellCounts[r] = cellCount;
			problems[r] = problem;
			problemCells[r] = problemCell;
			encodingProblems[r] = problemIsEncoding;
			recordEnds[r] = recordEnd;
			recordEndLineStarts[r] = recordLineStartOfEnd;
			recordBreaks[r] = breaksOfRecord;
			multiLineCells[r] = multiLineCellsOfRecord;
			nextLine += breaksOfRecord + 1;
			cells += cellCount;
			pos = end;
			records++;
			if (bufOffset + pos >= stopAt) {
				break;
			}
		}
		return records;
	}

	// ------------------------------------------------------------------ chunks

	/**
	 * Makes every batch end after the record that reaches {@code offset} (the blank lines after it are left
	 * to whoever reads on from there); {@code Long.MAX_VALUE} for no such end.
	 */
	void stopAt(long offset) {
		stopAt = offset;
	}

	/**
	 * Moves to a file offset, as if the record there started on {@code line}; the bytes already buffered are
	 * reused when the offset lies among them. The previous batch is gone.
	 */
	void seek(long offset, long line) {
		records = 0;
		locatedRecord = -1;
		scratchLen = 0;
		if (offset >= bufOffset && offset <= bufOffset + limit) {
			pos = (int) (offset - bufOffset);
		} else {
			bufOffset = offset;
			pos = 0;
			limit = 0;
			eof = false;
		}
		nextLine = line;
	}

	/**
	 * Moves just past the next line break (CRLF counts as one), without looking at quotes: a guess at where
	 * a record starts, which the reader of the bytes before it confirms or refutes. False when no line
	 * break follows before the end of the file.
	 */
	boolean skipPastLineBreak() throws IOException {
		while (true) {
			while (pos < limit) {
				byte c = buf[pos];
				if (c == '\n') {
					pos++;
					return true;
				}
				if (c == '\r') {
					if (pos + 1 >= limit && !eof) {
						fill();
						continue;
					}
					pos += pos + 1 < limit && buf[pos + 1] == '\n' ? 2 : 1;
					return true;
				}
				pos++;
			}
			if (eof) {
				return false;
			}
			fill();
		}
	}

	/**
	 * Adds {@code delta} to the lines of the batch and of what follows: a chunk is read before the line it
	 * starts on is known.
	 */
	void shiftLines(long delta) {
		for (int r = 0; r < records; r++) {
			recordLines[r] += delta;
		}
		nextLine += delta;
	}

	/** The line the next record starts on, or would. */
	long nextLine() {
		return nextLine;
	}

	/** The blank lines the last batch skipped. */
	long batchBlankLines() {
		return batchBlankLines;
	}

	/** Whether every byte of the file has been read. */
	boolean atEnd() {
		return eof && pos >= limit;
	}

	/** Reads the next record as a batch of one; false at the end of the file. */
	boolean next() throws IOException {
		return readBatch(1) == 1;
	}

	// ------------------------------------------------------------------ the batch

	/** The 1-based physical line where a record starts. */
	long recordLine(int record) {
		return recordLines[record];
	}

	/** How many line breaks a record holds inside quoted cells: it spans that many physical lines more than one. */
	int recordBreaks(int record) {
		return recordBreaks[record];
	}

	/** How many of a record's cells are quoted cells that hold a line break. */
	int recordMultiLineCells(int record) {
		return multiLineCells[record];
	}

	/** The line breaks inside a cell: 0 unless it is a quoted cell that spans lines. */
	int cellBreaks(int cell) {
		int record = recordOf(cell);
		if (recordBreaks[record] == 0) {
			return 0;
		}
		int c = locate(record, cell);
		int after = c + 1 < cellCounts[record] ? locatedBreaksBefore[c + 1] : recordBreaks[record];
		return after - locatedBreaksBefore[c];
	}

	/** The line breaks of a cell's record before the cell: its first line is the record's line plus these. */
	int cellBreaksBefore(int cell) {
		int record = recordOf(cell);
		return recordBreaks[record] == 0 ? 0 : locatedBreaksBefore[locate(record, cell)];
	}

	/**
	 * The physical lines read so far: every line break, and a last line without one. After the last record,
	 * the file's lines.
	 */
	long linesRead() {
		return nextLine - 1;
	}

	/** The blank lines skipped so far. */
	long blankLines() {
		return blankLines;
	}

	/** The file offset of a record's first byte. */
	long recordOffset(int record) {
		return recordOffsets[record];
	}

	int recordCells(int record) {
		return cellCounts[record];
	}

	/** The index of a record's first cell among the batch's cells. */
	int firstCell(int record) {
		return firstCells[record];
	}

	/** The first problem found in a record, or null. */
	String recordProblem(int record) {
		return problems[record];
	}

	/** Whether a record's problem is a malformed UTF-8 byte. */
	boolean recordProblemIsEncoding(int record) {
		return encodingProblems[record];
	}

	/** The cell (of its record) the problem is in. */
	int recordProblemCell(int record) {
		return problemCells[record];
	}

	/** The column just after a record's last cell. */
	int recordEndColumn(int record) {
		return columnOf(recordEndLineStarts[record], recordEnds[record]);
	}

	byte[] cellArray(int cell) {
		return spans[cell] < 0 ? scratch : buf;
	}

	int cellStart(int cell) {
		return spanStart(spans[cell]);
	}

	int cellEnd(int cell) {
		return spanEnd(spans[cell]);
	}

	/** A cell's span: its array, start and end in one value ({@link #spanArray}, {@link #spanStart}, {@link #spanEnd}). */
	long cellSpan(int cell) {
		return spans[cell];
	}

	byte[] spanArray(long span) {
		return span < 0 ? scratch : buf;
	}

	static int spanStart(long span) {
		return (int) (span >>> 32) & Integer.MAX_VALUE;
	}

	static int spanEnd(long span) {
		return (int) span;
	}

	String cellText(int cell) {
		int start = cellStart(cell);
		return new String(cellArray(cell), start, cellEnd(cell) - start, StandardCharsets.UTF_8);
	}

	/** The 1-based character column where a cell starts, on the physical line it starts on. */
	int cellColumn(int cell) {
		int c = locate(recordOf(cell), cell);
		return columnOf(locatedLineStarts[c], locatedStarts[c]);
	}

	/** The record of the batch a cell belongs to: every record has a cell at least, so first cells ascend. */
	private int recordOf(int cell) {
		int low = 0;
		int high = records - 1;
		while (low < high) {
			int middle = (low + high + 1) >>> 1;
			if (firstCells[middle] <= cell) {
				low = middle;
			} else {
				high = middle - 1;
			}
		}
		return low;
	}

	/**
	 * Delimits a record of the batch again, from its first byte, noting where each cell starts; returns the
	 * cell's index in its record. The record was delimited whole by {@link #tokenize}, so its bytes are in the
	 * buffer and only the bytes that end a cell or a line need a look: the continuation bytes of a UTF-8
	 * character are none of them, and a problem the tokenizer found does not change where cells start.
	 */
	private int locate(int record, int cell) {
		int target = cell - firstCells[record];
		if (locatedRecord == record) {
			return target;
		}
		int count = cellCounts[record];
		if (locatedStarts.length < count) {
			int n = Math.max(count, locatedStarts.length * 2);
			locatedStarts = new int[n];
			locatedLineStarts = new int[n];
			locatedBreaksBefore = new int[n];
		}
		final byte[] b = buf;
		final byte delim = delimiter;
		final int end = recordEnds[record];
		int p = (int) (recordOffsets[record] - bufOffset);
		int lineStart = p;
		int breaks = 0;
		for (int i = 0; i < count; i++) {
			locatedStarts[i] = p;
			locatedLineStarts[i] = lineStart;
			locatedBreaksBefore[i] = breaks;
			if (p < end && b[p] == '"') {
				p++;
				while (p < end) {
					byte c = b[p];
					if (c == '"') {
						if (p + 1 < limit && b[p + 1] == '"') {
							p += 2;
							continue;
						}
						p++;
						break;
					}
					if (c == '\n' || c == '\r' && (p + 1 >= limit || b[p + 1] != '\n')) {
						breaks++;
						lineStart = p + 1;
					}
					p++;
				}
			}
			// an unquoted cell, or what follows a closing quote up to the delimiter
			while (p < end && b[p] != delim && b[p] != '\n' && b[p] != '\r') {
				p++;
			}
			p++; // the delimiter
		}
		locatedRecord = record;
		return target;
	}

	// ------------------------------------------------------------------ the record of next()

	int cells() {
		return cellCounts[0];
	}

	long line() {
		return recordLines[0];
	}

	long recordOffset() {
		return recordOffsets[0];
	}

	String problem() {
		return problems[0];
	}

	boolean problemIsEncoding() {
		return encodingProblems[0];
	}

	int problemCell() {
		return problemCells[0];
	}

	byte[] array(int cell) {
		return cellArray(firstCells[0] + cell);
	}

	int start(int cell) {
		return cellStart(firstCells[0] + cell);
	}

	int end(int cell) {
		return cellEnd(firstCells[0] + cell);
	}

	String text(int cell) {
		return cellText(firstCells[0] + cell);
	}

	int column(int cell) {
		return cellColumn(firstCells[0] + cell);
	}

	private int columnOf(int lineStart, int at) {
		int column = 1;
		for (int i = lineStart; i < at; i++) {
			if ((buf[i] & 0xC0) != 0x80) {
				column++;
			}
		}
		return column;
	}

	// ------------------------------------------------------------------ tokenizing

	/**
	 * Delimits the record starting at {@code from}, its cells stored from index {@code base}; the position
	 * after it, or NEED_MORE.
	 */
	private int tokenize(int from, int base) {
		int breaks = 0;
		int multiLine = 0;
		cellCount = 0;
		problem = null;
		problemIsEncoding = false;
		int p = from;
		int lineStart = from;
		final byte[] b = buf;
		final int lim = limit;
		final byte delim = delimiter;
		while (true) {
			int cell = base + cellCount;
			if (cell == spans.length) {
				growCells();
			}
			int breaksBeforeCell = breaks;
			if (p < lim && b[p] == '"') {
				p++;
				int contentStart = p;
				int contentEnd;
				boolean inScratch = false;
				int scratchStart = 0;
				while (true) {
					if (p >= lim) {
						if (!eof) {
							return NEED_MORE;
						}
						problem(cell - base, texts.get("csv.unterminatedQuote"));
						contentEnd = p;
						if (breaks > breaksBeforeCell && (b[p - 1] == '\n' || b[p - 1] == '\r')) {
							// the file's last line break ends its last line: no line starts after it
							breaks--;
						}
						break;
					}
					byte c = b[p];
					if (c == '"') {
						if (p + 1 >= lim && !eof) {
							return NEED_MORE;
						}
						if (p + 1 < lim && b[p + 1] == '"') {
							if (!inScratch) {
								inScratch = true;
								scratchStart = scratchLen;
								appendScratch(b, contentStart, p + 1);
							} else {
								appendScratch(b, p, p + 1);
							}
							p += 2;
							continue;
						}
						contentEnd = p;
						p++;
						break;
					}
					int n = 1;
					if (c == '\n') {
						breaks++;
						lineStart = p + 1;
					} else if (c == '\r') {
						if (p + 1 >= lim && !eof) {
							return NEED_MORE;
						}
						if (p + 1 >= lim || b[p + 1] != '\n') {
							breaks++;
							lineStart = p + 1;
						}
					} else if (c < 0) {
						n = utf8Length(b, p, lim, eof);
						if (n == 0) {
							return NEED_MORE;
						}
						if (n < 0) {
							malformedUtf8(cell - base, b[p]);
							n = 1;
						}
					}
					if (inScratch) {
						appendScratch(b, p, p + n);
					}
					p += n;
				}
				if (breaks > breaksBeforeCell) {
					multiLine++;
				}
				spans[cell] = inScratch ? SCRATCHED | span(scratchStart, scratchLen) : span(contentStart, contentEnd);
				// after the closing quote: a delimiter, or text that should not be there
				if (p < lim && b[p] != delim && b[p] != '\n' && b[p] != '\r') {
					problem(cell - base, texts.get("csv.afterClosingQuote", shown(b, p, lim)));
					while (p < lim && b[p] != delim && b[p] != '\n' && b[p] != '\r') {
						p++;
					}
					if (p >= lim && !eof) {
						return NEED_MORE;
					}
				}
			} else {
				int s = p;
				while (true) {
					if (p + 8 <= lim) {
						// eight bytes at a time up to the first that needs a look: the delimiter, a control
						// byte (line breaks among them), a quote, or a byte of a multi-byte character
						long special = specialBytes((long) LONGS.get(b, p));
						if (special == 0) {
							p += 8;
							continue;
						}
						p += Long.numberOfTrailingZeros(special) >>> 3;
					} else if (p >= lim) {
						break;
					}
					byte c = b[p];
					if (c == delim || c == '\n' || c == '\r') {
						break;
					}
					if (c < 0) {
						int n = utf8Length(b, p, lim, eof);
						if (n == 0) {
							return NEED_MORE;
						}
						if (n < 0) {
							malformedUtf8(cell - base, c);
							n = 1;
						}
						p += n;
						continue;
					}
					if (c == '"') {
						problem(cell - base, texts.get("csv.quoteInUnquotedCell"));
					}
					p++;
				}
				if (p >= lim && !eof) {
					return NEED_MORE;
				}
				spans[cell] = span(s, p);
			}
			cellCount++;
			if (p >= lim) {
				recordEnd = p;
				recordLineStartOfEnd = lineStart;
				breaksOfRecord = breaks;
				multiLineCellsOfRecord = multiLine;
				return p;
			}
			byte d = b[p];
			if (d == delim) {
				p++;
				continue;
			}
			recordEnd = p;
			recordLineStartOfEnd = lineStart;
			breaksOfRecord = breaks;
			multiLineCellsOfRecord = multiLine;
			if (d == '\n') {
				return p + 1;
			}
			// '\r'
			if (p + 1 >= lim && !eof) {
				return NEED_MORE;
			}
			return p + 1 < lim && b[p + 1] == '\n' ? p + 2 : p + 1;
		}
	}

	private static long span(int start, int end) {
		return ((long) start << 32) | (end & 0xFFFFFFFFL);
	}

	/**
	 * The high bit of each byte of a word (little-endian) that is the delimiter, a quote, below 0x20 or above
	 * 0x7F; exact up to the first such byte, which is all the scan needs (a borrow may mark bytes after it).
	 */
	private long specialBytes(long word) {
		long delimiter = word ^ delimiters;
		long quote = word ^ QUOTES;
		long control = word - 0x2020202020202020L;
		return ((delimiter - ONES) & ~delimiter | (quote - ONES) & ~quote | control & ~word | word) & HIGHS;
	}

	private void problem(int cell, String message) {
		if (problem == null) {
			problem = message;
			problemCell = cell;
		}
	}

	private void malformedUtf8(int cell, byte b) {
		if (problem == null) {
			problem(cell, texts.get("csv.malformedUtf8", String.format("0x%02x", b & 0xFF)));
			problemIsEncoding = true;
		}
	}

	private static String shown(byte[] b, int p, int lim) {
		int n = b[p] < 0 ? Math.max(1, utf8Length(b, p, lim, true)) : 1;
		return "\"" + new String(b, p, n, StandardCharsets.UTF_8) + "\"";
	}

	/**
	 * The length of the UTF-8 sequence starting at {@code p} (a byte >= 0x80): 2..4 when well formed, -1
	 * when malformed, 0 when the buffer ends inside it and more data may come.
	 */
	static int utf8Length(byte[] b, int p, int lim, boolean eof) {
		int lead = b[p] & 0xFF;
		int n;
		int lo = 0x80;
		int hi = 0xBF;
		if (lead >= 0xC2 && lead <= 0xDF) {
			n = 2;
		} else if (lead >= 0xE0 && lead <= 0xEF) {
			n = 3;
			if (lead == 0xE0) {
				lo = 0xA0;
			} else if (lead == 0xED) {
				hi = 0x9F;
			}
		} else if (lead >= 0xF0 && lead <= 0xF4) {
			n = 4;
			if (lead == 0xF0) {
				lo = 0x90;
			} else if (lead == 0xF4) {
				hi = 0x8F;
			}
		} else {
			return -1;
		}
		for (int i = 1; i < n; i++) {
			if (p + i >= lim) {
				return eof ? -1 : 0;
			}
			int c = b[p + i] & 0xFF;
			if (i == 1 ? c < lo || c > hi : c < 0x80 || c > 0xBF) {
				return -1;
			}
		}
		return n;
	}

	private void appendScratch(byte[] from, int s, int e) {
		int n = e - s;
		if (scratchLen + n > scratch.length) {
			scratch = java.util.Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLen + n));
		}
		System.arraycopy(from, s, scratch, scratchLen, n);
		scratchLen += n;
	}

	private void growCells() {
		int n = spans.length * 2;
		spans = java.util.Arrays.copyOf(spans, n);
	}

	private void growRecords() {
		int n = recordLines.length * 2;
		recordLines = java.util.Arrays.copyOf(recordLines, n);
		recordOffsets = java.util.Arrays.copyOf(recordOffsets, n);
		firstCells = java.util.Arrays.copyOf(firstCells, n);
		cellCounts = java.util.Arrays.copyOf(cellCounts, n);
		problems = java.util.Arrays.copyOf(problems, n);
		problemCells = java.util.Arrays.copyOf(problemCells, n);
		encodingProblems = java.util.Arrays.copyOf(encodingProblems, n);
		recordEnds = java.util.Arrays.copyOf(recordEnds, n);
		recordEndLineStarts = java.util.Arrays.copyOf(recordEndLineStarts, n);
		recordBreaks = java.util.Arrays.copyOf(recordBreaks, n);
		multiLineCells = java.util.Arrays.copyOf(multiLineCells, n);
	}

	/** Keeps the unread bytes from {@code pos}, makes room and reads more. */
	private void fill() throws IOException {
		if (pos > 0) {
			System.arraycopy(buf, pos, buf, 0, limit - pos);
			bufOffset += pos;
			limit -= pos;
			pos = 0;
		}
		if (limit == buf.length) {
			if (buf.length >= MAX_BUFFER) {
				throw new IOException(texts.get("csv.recordTooLong", MAX_BUFFER));
			}
			buf = java.util.Arrays.copyOf(buf, (int) Math.min(MAX_BUFFER, buf.length * 2L));
		}
		ByteBuffer target = ByteBuffer.wrap(buf, limit, buf.length - limit);
		long at = bufOffset + limit;
		while (target.hasRemaining()) {
			int n = channel.read(target, at);
			if (n < 0) {
				eof = true;
				break;
			}
			at += n;
			if (n == 0 && at >= fileSize) {
				eof = true;
				break;
			}
		}
		limit = target.position();
	}

}
