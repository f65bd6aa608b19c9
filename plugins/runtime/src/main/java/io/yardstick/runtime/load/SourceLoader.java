package io.yardstick.runtime.load;

import io.yardstick.runtime.data.Dictionary;
import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.load.LoadReport.SourceReport;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.SourceFormat;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.text.Texts;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads one source's CSV file into a {@link Table}, a batch of records at a time.
 *
 * <p><b>Batches and chunks.</b> The {@link CsvReader} delimits up to {@link #batchSize} records that stay in
 * its buffer. Then the batch's cells are parsed into the slots their rows would take if none were rejected.
 * This phase only reads shared state (dictionaries, key lookups): a text new to its dictionary is marked
 * pending, a bad cell is noted. Then, record by record in file order, this thread rejects the bad ones,
 * checks and adds keys, adds the pending texts and moves rows down over the rejected ones. So every result
 * (codes in order of first appearance, the first error in the file, no trace of a rejected row) is the one
 * reading row by row would give, whatever the threads.
 *
 * <p>On a file of some size with two processors, the file is read as pairs of chunks, one per thread, each
 * delimited and parsed by its own thread ({@link #readPair}): the second chunk starts at a guessed record
 * start (the line after a byte offset), and counts its lines from 1 until the first chunk's end tells the
 * true line. The guess is taken only when the first chunk, read from a known record start, ends there;
 * otherwise (a quoted cell holding a line break across the cut) the second chunk is read again later from
 * the true record start. Commits stay on this thread, in file order.
 *
 * <p><b>Keys.</b> A text key that another source refers to (or that a formula reads, or that is a dimension,
 * or kept on request) is a dictionary whose codes are the rows: it serves as the key lookup and detects duplicates exactly.
 * Any other key is checked for uniqueness with a {@link KeySet} of 64-bit fingerprints and row numbers,
 * keeping no text: ten million keys cost about 270 MB while the source loads, and nothing after. A
 * fingerprint is the value itself for numbers, times, codes and flags; for text it is a 64-bit hash, and a
 * match (a real duplicate, or with odds of about n²/2⁶⁵ two different keys) is confirmed by re-reading the
 * earlier row from the file: a checkpoint (file offset and line) is kept every 1,024 records, so this reads
 * at most 1,024 records. The same re-reading gives the earlier row's line for the message.
 */
final class SourceLoader {
	/** The read buffer's size; tests make it tiny to cross buffer boundaries everywhere. */
	static int readBufferSize = CsvReader.DEFAULT_BUFFER;
	/** Records per batch at most. */
	static int batchSize = 16_384;
	/** Files from this size on are read by two threads, when there are two processors. */
	static long parallelFromBytes = 4L << 20;
	/** How many threads read a file: 2 when the machine has two processors or more. */
	static int threads = Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 1;
	/** The bytes of a chunk at most; fewer when a batch's records would not hold them. Tests make it tiny. */
	static long chunkBytes = 2L << 20;
	/** Pairs of chunks read side by side so far, for tests. */
	static final java.util.concurrent.atomic.AtomicLong parallelBatches = new java.util.concurrent.atomic.AtomicLong();
	/** Chunks whose guessed start the chunk before refuted (a quoted cell over the cut, a full batch), for tests. */
	static final java.util.concurrent.atomic.AtomicLong refutedCuts = new java.util.concurrent.atomic.AtomicLong();

	private static final int CHECKPOINT_SHIFT = 10;
	private static final int MAX_ROWS = Integer.MAX_VALUE - 16;
	private static final int KEY_NONE = 0;
	private static final int KEY_TEXT_DICT = 1;
	private static final int KEY_TEXT_HASH = 2;
	private static final int KEY_VALUE = 3;
	/** The code of a text not in its dictionary yet, until its row is committed. */
	private static final int PENDING = -3;
	private static final int NO_FAILURE = Integer.MAX_VALUE;

	private final SourceSpec spec;
	private final String name;
	private final Path file;
	/** The file the bytes are read from: the source's file, or its UTF-8 copy when it is in another encoding. */
	private Path readFrom;
	private final SourceFormat format;
	/** The header each field reads: the field's name unless the source's format maps it to another. */
	private final String[] columnNames;
	private final boolean rewritesNumbers;
	private FormattedCells[] formatted;
	private final LoadOptions options;
	/** The words of the errors and warnings, in the run's language. */
	private final Texts texts;
	/** How the reader's message about a malformed UTF-8 byte starts, in that language. */
	private final String malformedUtf8;
	private final boolean fail;
	private final boolean referenced;
	private final boolean keepKey;

	// the fields
	private final int fieldCount;
	private final FieldSpec[] fields;
	private final int[] kinds;
	private final boolean[] optional;
	private final boolean[] trims;
	private final double[] unitSeconds;
	private final byte[][][] enumValues;
	private final KeyIndex[] targets;
	/** Per field: a text that nothing reads, checked cell by cell but not kept. */
	private final boolean[] dropped;
	private final int keyField;
	private int keyMode = KEY_NONE;
	private final ZoneTimes zone;

	// the columns
	private int capacity;
	private double[][] numbers;
	private long[][] times;
	private int[][] ints;
	private byte[][] flags;
	private ByteMap[] dictionaries;
	private KeySet keySet;
	/**
	 * While an unreferenced text key arrives in strictly ascending byte order (as exported and generated ids
	 * usually do), no key can repeat an earlier one: only the fingerprints are collected, in row order, and
	 * the hash set is built from them the first time the order breaks. Saves a random probe per row.
	 */
	private boolean keysAscending;
	private byte[] lastKey = new byte[64];
	private int lastKeyLength;
	private long[] ascendingFingerprints;
	private int ascendingCount;
	private ByteMap keyDictionary;

	// the header
	private List<String> header;
	private int columnCount;
	private int[] fieldOfColumn;
	private int[] columnOfField;
	private int keyColumn = -1;
	private final List<String> ignored = new ArrayList<>();

	// the batch, per lane (a chunk's thread): the declared columns, parser and failures; per record the key's fingerprint
	private int[] parsedColumns;
	private CellParser[] parsers;
	private int[][] failedColumn;
	private String[][] failure;
	private long[][] keyFingerprints;
	/** Per record of the batch: malformed as a whole, so not parsed cell by cell. */
	private boolean[][] skip;
	private long[][][] pendingHashes;

	// progress
	private FileChannel channel;
	private int rows;
	private long ordinal;
	private long rejected;
	private long[] rejectedOrdinals = new long[16];
	private int rejectedCount;
	private long[] checkpointOffsets = new long[64];
	private long[] checkpointLines = new long[64];
	private Quarantine quarantine;
	private final List<DataError> firstErrors = new ArrayList<>();
	private final Map<String, Long> rejectedKeys = new HashMap<>();
	private final Map<String, Long> rejectedByReason = new LinkedHashMap<>();
	// the lines
	private long continuationLines;
	private long multiLineCellCount;
	private final List<LoadReport.MultiLineCell> multiLineCells = new ArrayList<>();

	private SourceReport report;
	private KeyIndex keyIndex;
	/** Whether a malformed UTF-8 cell has made the loader guess the file's encoding already. */
	private boolean encodingGuessed;
	/** Whether the bytes are a CSV copy of a workbook or a Parquet file: UTF-8 and commas, whatever the format. */
	private boolean copy;

	/**
	 * @param referenced whether another source refers to this one: its key is then a lookup
	 * @param keepKey whether to keep a text key as a column even when no source refers to it
	 */
	SourceLoader(SourceSpec spec, Path file, ZoneTimes zone, LoadOptions options, boolean referenced,
			boolean keepKey, Map<String, KeyIndex> loaded) {
		this.keepKey = keepKey;
		this.spec = spec;
		this.name = spec.name();
		this.file = file;
		this.readFrom = file;
		this.format = spec.format();
		this.rewritesNumbers = format.rewritesNumbers();
		this.options = options;
		this.texts = LoadTexts.of(options.language());
		this.malformedUtf8 = texts.get("csv.malformedUtf8", "");
		this.fail = options.policy() == BadRowPolicy.FAIL;
		this.referenced = referenced;
		this.zone = zone;
		this.fieldCount = spec.fields().size();
		this.fields = spec.fields().toArray(new FieldSpec[0]);
		this.kinds = new int[fieldCount];
		this.optional = new boolean[fieldCount];
		this.trims = new boolean[fieldCount];
		this.unitSeconds = new double[fieldCount];
		this.enumValues = new byte[fieldCount][][];
		this.targets = new KeyIndex[fieldCount];
		this.dropped = new boolean[fieldCount];
		this.columnNames = new String[fieldCount];
		int key = -1;
		for (int f = 0; f < fieldCount; f++) {
			FieldSpec field = fields[f];
			columnNames[f] = format.column(field.name());
			kinds[f] = Kinds.of(field.type());
			optional[f] = field.optional() && !field.key();
			trims[f] = kinds[f] != Kinds.TEXT;
			if (kinds[f] == Kinds.DURATION) {
				unitSeconds[f] = CellParser.unitSeconds(field.unit());
			}
			if (kinds[f] == Kinds.ENUM) {
				enumValues[f] = Kinds.enumBytes(field);
			}
			if (kinds[f] == Kinds.REFERENCE) {
				targets[f] = loaded.get(field.referencedSource());
				if (targets[f] == null) {
					throw new IllegalStateException(name + "." + field.name() + " refers to "
							+ field.referencedSource() + ", which is not loaded yet");
				}
				trims[f] = targets[f].trims();
			}
			if (field.key() && key < 0) {
				key = f;
			}
		}
		this.keyField = key;
	}

	/**
	 * Drops the text fields the predicate names (by field name) that are no key: their cells are still checked,
	 * but no column or dictionary is kept. Call before {@link #load}.
	 */
	void dropUnread(java.util.function.Predicate<String> unread) {
		for (int f = 0; f < fieldCount; f++) {
			dropped[f] = kinds[f] == Kinds.TEXT && f != keyField && !fields[f].dimension() && unread.test(fields[f].name());
		}
	}

	SourceReport report() {
		return report;
	}

	/** The key lookup for the sources that refer to this one; null when none does. */
	KeyIndex keyIndex() {
		return keyIndex;
	}

	/** Reads the source from a CSV copy of its file ({@link TableFiles}), which it deletes once read. */
	void readCopy(Path csv) {
		readFrom = csv;
		copy = true;
	}

	Table load() {
		long started = System.nanoTime();
		if (!Files.exists(readFrom)) {
			throw fileError(0, 0, null, Hints.fileNotFound(file, name, texts));
		}
		if (Files.isDirectory(file)) {
			throw fileError(0, 0, null, texts.get("load.isFolder", file));
		}
		if (!fail) {
			try {
				Files.deleteIfExists(Quarantine.fileOf(options.quarantineDir(), name));
			} catch (IOException e) {
				throw fileError(0, 0, null, texts.get("load.cannotRemoveQuarantine", e));
			}
		}
		ProgressListener progress = options.progress();
		ExecutorService worker = null;
		long lines = 0;
		long blankLines = 0;
		if (!copy && !format.isUtf8()) {
			readFrom = Transcoding.toUtf8(file, format.encoding(), name, texts);
		}
		try (FileChannel opened = FileChannel.open(readFrom, StandardOpenOption.READ)) {
			channel = opened;
			long size = opened.size();
			CsvReader reader = new CsvReader(opened, 0, 1, (int) Math.min(readBufferSize, size + 16),
					copy ? (byte) ',' : format.delimiter());
			reader.texts(texts);
			reader.skipBom();
			progress.progress(name, 0, size);
			readHeader(reader);
			blankLines = reader.blankLines();
			long dataStart = reader.position();
			allocate(1024 + 16);
			boolean twoLanes = threads > 1 && size >= parallelFromBytes;
			plan(twoLanes ? 2 : 1);
			CsvReader spare = null;
			if (twoLanes) {
				worker = Executors.newSingleThreadExecutor(task -> {
					Thread thread = new Thread(task, "yardstick-load-" + name);
					thread.setDaemon(true);
					return thread;
				});
				spare = new CsvReader(opened, dataStart, 1, (int) Math.min(readBufferSize, size + 16),
						format.delimiter());
				spare.texts(texts);
			}
			long step = Math.max(1, size / 100);
			long nextReport = step;
			while (true) {
				if (spare != null && ordinal > 0 && !reader.atEnd()) {
					long chunk = chunkSize(reader.position() - dataStart);
					spare.seek(reader.position() + chunk, 1);
					if (spare.skipPastLineBreak() && spare.position() < size) {
						CsvReader next = readPair(reader, spare, spare.position(), chunk, worker);
						if (next != reader) {
							spare = reader;
							reader = next;
						}
						blankLines += pairBlankLines;
						nextReport = reportProgress(progress, reader.position(), size, step, nextReport);
						continue;
					}
				}
				int n = reader.readBatch(batchSize);
				blankLines += reader.batchBlankLines();
				if (n == 0) {
					break;
				}
				if (ordinal == 0 && n >= 64) {
					presize((reader.position() - dataStart) / (double) n, size - dataStart);
				}
				readBatch(reader, n);
				nextReport = reportProgress(progress, reader.position(), size, step, nextReport);
			}
			progress.progress(name, size, size);
			lines = reader.linesRead();
		} catch (NoSuchFileException e) {
			throw fileError(0, 0, null, Hints.fileNotFound(file, name, texts));
		} catch (IOException e) {
			throw fileError(0, 0, null, texts.get("load.cannotRead", file, e.getMessage()));
		} finally {
			channel = null;
			if (readFrom != file) {
				Transcoding.delete(readFrom);
			}
			if (worker != null) {
				worker.shutdownNow();
			}
			if (quarantine != null) {
				try {
					quarantine.close();
				} catch (IOException e) {
					throw fileError(0, 0, null, texts.get("load.cannotWriteQuarantine", e.getMessage()));
				}
			}
		}
		Table table = table();
		report = new SourceReport(name, file, ordinal, rows, rejected, quarantine == null ? null : quarantine.file(),
				ignored, firstErrors, (System.nanoTime() - started) / 1_000_000, lines, blankLines, continuationLines,
				multiLineCellCount, multiLineCells);
		return table;
	}

	private long reportProgress(ProgressListener progress, long position, long size, long step, long nextReport) {
		if (position < nextReport) {
			return nextReport;
		}
		if (position < size) {
			progress.progress(name, position, size);
		}
		return position + step;
	}

	// ------------------------------------------------------------------ header

	private void readHeader(CsvReader reader) throws IOException {
		if (!reader.next()) {
			throw fileError(1, 1, null, texts.get("load.emptyFile"));
		}
		if (reader.problem() != null) {
			throw fileError(reader.line(), reader.column(reader.problemCell()), null,
					texts.get("load.header", reader.problem()) + spanned(reader, 0) + encodingHint(reader.problem()));
		}
		continuationLines += reader.recordBreaks(0);
		columnCount = reader.cells();
		header = new ArrayList<>(columnCount);
		fieldOfColumn = new int[columnCount];
		columnOfField = new int[fieldCount];
		Map<String, Integer> seen = new HashMap<>();
		List<DataError> errors = new ArrayList<>();
		for (int c = 0; c < columnCount; c++) {
			String text = reader.text(c);
			header.add(text);
			String column = text.strip();
			fieldOfColumn[c] = -1;
			if (column.isEmpty()) {
				ignored.add(texts.get("load.unnamedColumn", c + 1));
				continue;
			}
			Integer first = seen.putIfAbsent(column, c);
			if (first != null) {
				errors.add(new DataError(file, 1, reader.column(c), name, null,
						texts.get("load.duplicateColumn", column, reader.column(first))));
				continue;
			}
			int f = fieldIndex(column);
			if (f < 0) {
				ignored.add(column);
			} else {
				fieldOfColumn[c] = f;
				columnOfField[f] = c;
				if (f == keyField) {
					keyColumn = c;
				}
			}
		}
		for (int f = 0; f < fieldCount; f++) {
			if (!seen.containsKey(columnNames[f])) {
				errors.add(new DataError(file, 1, 1, name, fields[f].name(),
						Hints.missingColumn(columnNames[f], fields[f].name(), file, header, name, texts)));
			}
		}
		if (!errors.isEmpty()) {
			throw new DataLoadException(errors);
		}
		if (reader.recordMultiLineCells(0) > 0) {
			noteMultiLineCells(reader, 0);
		}
	}

	private int fieldIndex(String column) {
		for (int f = 0; f < fieldCount; f++) {
			if (columnNames[f].equals(column)) {
				return f;
			}
		}
		return -1;
	}

	// ------------------------------------------------------------------ columns

	private void allocate(int initial) {
		capacity = initial;
		numbers = new double[fieldCount][];
		times = new long[fieldCount][];
		ints = new int[fieldCount][];
		flags = new byte[fieldCount][];
		dictionaries = new ByteMap[fieldCount];
		if (keyField >= 0) {
			if (kinds[keyField] != Kinds.TEXT) {
				keyMode = KEY_VALUE;
			} else if (referenced || keepKey) {
				keyMode = KEY_TEXT_DICT;
			} else {
				keyMode = KEY_TEXT_HASH;
			}
			if (keyMode == KEY_TEXT_HASH && !trims[keyField]) {
				keysAscending = true;
				ascendingFingerprints = new long[Math.max(16, initial)];
			} else if (keyMode != KEY_TEXT_DICT) {
				keySet = new KeySet(initial);
			}
		}
		for (int f = 0; f < fieldCount; f++) {
			if (f == keyField && keyMode == KEY_TEXT_HASH || dropped[f]) {
				continue;
			}
			switch (fields[f].type().storage()) {
			case NUMBER:
				numbers[f] = new double[capacity];
				break;
			case TIME:
				times[f] = new long[capacity];
				break;
			case CODE:
			case ROW:
				ints[f] = new int[capacity];
				if (kinds[f] == Kinds.TEXT) {
					dictionaries[f] = new ByteMap();
				}
				break;
			case FLAG:
				flags[f] = new byte[capacity];
				break;
			default:
				throw new IllegalStateException();
			}
		}
		if (keyMode == KEY_TEXT_DICT) {
			keyDictionary = dictionaries[keyField];
		}
	}

	/** Grows the columns once to the number of rows the file likely holds, from the first rows' size. */
	private void presize(double bytesPerRecord, long dataBytes) {
		long expected = (long) (dataBytes / Math.max(1, bytesPerRecord) * 1.02) + 64;
		if (expected > capacity) {
			resize((int) Math.min(MAX_ROWS, expected));
		}
		if (keySet != null) {
			keySet.expect((int) Math.min(MAX_ROWS, expected));
		}
		if (keysAscending && ascendingFingerprints.length < expected) {
			ascendingFingerprints = Arrays.copyOf(ascendingFingerprints, (int) Math.min(MAX_ROWS, expected));
		}
	}

	private void grow(long needed) {
		if (needed > MAX_ROWS) {
			throw fileError(0, 0, null, texts.get("load.tooManyRows", MAX_ROWS));
		}
		resize((int) Math.min(MAX_ROWS, Math.max(needed, capacity + (capacity >> 1) + 16L)));
	}

	private void resize(int newCapacity) {
		for (int f = 0; f < fieldCount; f++) {
			if (numbers[f] != null) {
				numbers[f] = Arrays.copyOf(numbers[f], newCapacity);
			} else if (times[f] != null) {
				times[f] = Arrays.copyOf(times[f], newCapacity);
			} else if (ints[f] != null) {
				ints[f] = Arrays.copyOf(ints[f], newCapacity);
			} else if (flags[f] != null) {
				flags[f] = Arrays.copyOf(flags[f], newCapacity);
			}
		}
		capacity = newCapacity;
	}

	private void setNull(int f, int row) {
		if (numbers[f] != null) {
			numbers[f][row] = Double.NaN;
		} else if (times[f] != null) {
			times[f][row] = Long.MIN_VALUE;
		} else if (ints[f] != null) {
			ints[f][row] = -1;
		} else if (flags[f] != null) {
			flags[f][row] = -1;
		}
	}

	private Table table() {
		Map<String, Object> columns = new LinkedHashMap<>();
		Map<String, Dictionary> dictionaryOf = new LinkedHashMap<>();
		for (int f = 0; f < fieldCount; f++) {
			String field = fields[f].name();
			if (numbers[f] != null) {
				columns.put(field, trim(numbers[f]));
				numbers[f] = null;
			} else if (times[f] != null) {
				columns.put(field, trim(times[f]));
				times[f] = null;
			} else if (ints[f] != null) {
				columns.put(field, trim(ints[f]));
				ints[f] = null;
			} else if (flags[f] != null) {
				columns.put(field, trim(flags[f]));
				flags[f] = null;
			}
			if (dictionaries[f] != null) {
				dictionaryOf.put(field, Dictionary.of(dictionaries[f].values()));
			}
		}
		if (referenced) {
			FieldSpec key = fields[keyField];
			keyIndex = new KeyIndex(name, file, key, keyDictionary, keySet,
					kinds[keyField] == Kinds.REFERENCE ? targets[keyField] : null);
			keyIndex.rejectedKeys.putAll(rejectedKeys);
		}
		keySet = null;
		dictionaries = null;
		return new Table(spec, rows, columns, dictionaryOf);
	}

	private double[] trim(double[] column) {
		return column.length == rows ? column : Arrays.copyOf(column, rows);
	}

	private long[] trim(long[] column) {
		return column.length == rows ? column : Arrays.copyOf(column, rows);
	}

	private int[] trim(int[] column) {
		return column.length == rows ? column : Arrays.copyOf(column, rows);
	}

	private byte[] trim(byte[] column) {
		return column.length == rows ? column : Arrays.copyOf(column, rows);
	}

	// ------------------------------------------------------------------ planning the parse

	/** Sizes each lane's batch arrays; every lane parses all the declared columns of its own records. */
	private void plan(int lanes) {
		List<Integer> columns = new ArrayList<>();
		for (int c = 0; c < columnCount; c++) {
			if (fieldOfColumn[c] >= 0) {
				columns.add(c);
			}
		}
		parsedColumns = columns.stream().mapToInt(Integer::intValue).toArray();
		parsers = new CellParser[lanes];
		failedColumn = new int[lanes][batchSize];
		failure = new String[lanes][batchSize];
		formatted = format.isPlain() ? null : new FormattedCells[lanes];
		keyFingerprints = new long[lanes][batchSize];
		skip = new boolean[lanes][batchSize];
		pendingHashes = new long[lanes][fieldCount][];
		for (int lane = 0; lane < lanes; lane++) {
			parsers[lane] = new CellParser(zone, texts);
			if (formatted != null) {
				formatted[lane] = new FormattedCells(format, zone, texts);
			}
			for (int f = 0; f < fieldCount; f++) {
				if (kinds[f] == Kinds.TEXT && f != keyField && !dropped[f]) {
					pendingHashes[lane][f] = new long[batchSize];
				}
			}
		}
	}

	/**
	 * The bytes of the next chunk: {@link #chunkBytes}, or fewer when the records so far are so short that a
	 * chunk of that size would fill more than three quarters of a batch (a full batch refutes the cut).
	 */
	private long chunkSize(long bytesSoFar) {
		double bytesPerRecord = bytesSoFar / (double) Math.max(1, ordinal);
		return Math.max(1, Math.min(chunkBytes, (long) (bytesPerRecord * batchSize * 0.75)));
	}

	// ------------------------------------------------------------------ rows

	/** Blank lines skipped by the last pair of chunks that were taken. */
	private long pairBlankLines;

	/** Reads, parses and commits one batch on this thread alone. */
	private void readBatch(CsvReader reader, int n) throws IOException {
		if (rows + (long) n > capacity) {
			grow(rows + n);
		}
		final int base = rows;
		prepare(0, reader, n);
		parse(0, reader, n, base);
		commitAll(0, reader, n, base);
	}

	/**
	 * Reads two chunks side by side: {@code first} from where it stands to the record that reaches the cut,
	 * {@code second} from the cut, a guessed record start, for about {@code chunk} bytes. Each thread delimits
	 * and parses its own chunk; then this thread commits the first chunk's records and the second's, in file
	 * order. The guess holds when the first chunk's last record ends exactly at the cut; when it does not (a
	 * quoted cell holds a line break across the cut, or the first chunk filled its batch before the cut), the
	 * second chunk's work is dropped and only the first is taken, so the result is always the one reading
	 * record by record gives. Returns the reader that reads on.
	 */
	private CsvReader readPair(CsvReader first, CsvReader second, long cut, long chunk, ExecutorService worker)
			throws IOException {
		first.stopAt(cut);
		second.stopAt(cut + chunk);
		Future<Integer> delimited = worker.submit(() -> second.readBatch(batchSize));
		int n = first.readBatch(batchSize);
		int m = join(delimited);
		first.stopAt(Long.MAX_VALUE);
		second.stopAt(Long.MAX_VALUE);
		pairBlankLines = first.batchBlankLines();
		if (first.position() != cut || n == 0) {
			refutedCuts.incrementAndGet();
			if (n > 0) {
				readBatch(first, n);
			}
			return first;
		}
		second.shiftLines(first.nextLine() - 1);
		pairBlankLines += second.batchBlankLines();
		if (rows + (long) n + m > capacity) {
			grow(rows + (long) n + m);
		}
		final int base = rows;
		prepare(0, first, n);
		prepare(1, second, m);
		parallelBatches.incrementAndGet();
		Future<?> parsed = worker.submit(() -> parse(1, second, m, base + n));
		parse(0, first, n, base);
		join(parsed);
		commitAll(0, first, n, base);
		commitAll(1, second, m, base + n);
		return second;
	}

	private static <T> T join(Future<T> task) throws IOException {
		try {
			return task.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted");
		} catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof IOException) {
				throw (IOException) cause;
			}
			if (cause instanceof RuntimeException) {
				throw (RuntimeException) cause;
			}
			if (cause instanceof Error) {
				throw (Error) cause;
			}
			throw new IllegalStateException(cause);
		}
	}

	private void prepare(int lane, CsvReader reader, int n) {
		Arrays.fill(failedColumn[lane], 0, n, NO_FAILURE);
		for (int record = 0; record < n; record++) {
			skip[lane][record] = reader.recordProblem(record) != null || reader.recordCells(record) != columnCount;
		}
	}

	private void commitAll(int lane, CsvReader reader, int n, int base) throws IOException {
		for (int record = 0; record < n; record++) {
			if ((ordinal & ((1 << CHECKPOINT_SHIFT) - 1)) == 0) {
				checkpoint(reader.recordOffset(record), reader.recordLine(record));
			}
			commit(lane, reader, record, base + record);
			ordinal++;
		}
	}

	/**
	 * Parses a lane's batch into the slots {@code base + record}. Reads shared state only: safe on several
	 * threads, one lane each. One small loop per kind, so that each compiles on its own.
	 */
	private void parse(int lane, CsvReader reader, int n, int base) {
		for (int c : parsedColumns) {
			int f = fieldOfColumn[c];
			switch (kinds[f]) {
			case Kinds.TIMESTAMP:
			case Kinds.DATE:
				parseTimes(lane, reader, n, base, c, f);
				break;
			case Kinds.TEXT:
				parseTexts(lane, reader, n, base, c, f);
				break;
			case Kinds.BOOL:
				parseFlags(lane, reader, n, base, c, f);
				break;
			case Kinds.ENUM:
			case Kinds.REFERENCE:
				parseCodes(lane, reader, n, base, c, f);
				break;
			default:
				parseNumbers(lane, reader, n, base, c, f);
			}
		}
	}

	/**
	 * The cell of a record in column c, trimmed when the field trims: {@code start << 32 | end}; or -1 when
	 * there is nothing to parse (a malformed record, or an empty cell, which this stores as null or notes
	 * as a failure).
	 */
	private long cell(int lane, CsvReader reader, int record, int c, int f, int row) {
		if (skip[lane][record]) {
			return -1;
		}
		int cell = reader.firstCell(record) + c;
		byte[] a = reader.cellArray(cell);
		int s = reader.cellStart(cell);
		int e = reader.cellEnd(cell);
		if (trims[f]) {
			while (s < e && (a[s] == ' ' || a[s] == '\t')) {
				s++;
			}
			while (e > s && (a[e - 1] == ' ' || a[e - 1] == '\t')) {
				e--;
			}
		}
		if (s == e) {
			if (!optional[f]) {
				failed(lane, record, c, texts.get(f == keyField ? "cell.emptyKey" : "cell.empty"));
			} else {
				setNull(f, row);
			}
			return -1;
		}
		return ((long) s << 32) | e;
	}

	private void parseNumbers(int lane, CsvReader reader, int n, int base, int c, int f) {
		final CellParser parser = parsers[lane];
		final double[] column = numbers[f];
		final FieldSpec field = fields[f];
		final int kind = kinds[f];
		final boolean key = f == keyField;
		for (int record = 0; record < n; record++) {
			long range = cell(lane, reader, record, c, f, base + record);
			if (range < 0) {
				continue;
			}
			byte[] a = reader.cellArray(reader.firstCell(record) + c);
			int s = (int) (range >>> 32);
			int e = (int) range;
			if (rewritesNumbers) {
				parseRewrittenNumber(lane, record, c, f, base + record, a, s, e);
				continue;
			}
			double value;
			switch (kind) {
			case Kinds.COUNT:
				value = parser.count(a, s, e);
				break;
			case Kinds.PERCENT:
				value = parser.percent(a, s, e);
				break;
			case Kinds.RATIO:
				value = parser.ratio(a, s, e);
				break;
			case Kinds.SCORE:
				value = parser.score(a, s, e, field.min(), field.max());
				break;
			case Kinds.DURATION:
				value = parser.duration(a, s, e, field.unit(), unitSeconds[f]);
				break;
			case Kinds.CURRENCY:
				value = parser.currency(a, s, e, field.unit());
				break;
			default:
				value = parser.number(a, s, e);
			}
			if (value != value) {
				failed(lane, record, c, parser.error);
			} else {
				column[base + record] = value;
				if (key) {
					keyFingerprints[lane][record] = Kinds.fingerprint(value);
				}
			}
		}
	}

	/** A number of a source whose format has other separators or a currency symbol: rewritten, then parsed. */
	private void parseRewrittenNumber(int lane, int record, int c, int f, int row, byte[] cell, int s, int e) {
		FormattedCells cells = formatted[lane];
		int length = cells.rewrite(cell, s, e);
		byte[] a = cells.rewritten();
		double value = parseNumber(parsers[lane], f, a, 0, length);
		if (value != value) {
			failed(lane, record, c, FormattedCells.asWritten(parsers[lane].error, cell, s, e, length, a));
		} else {
			numbers[f][row] = value;
			if (f == keyField) {
				keyFingerprints[lane][record] = Kinds.fingerprint(value);
			}
		}
	}

	private double parseNumber(CellParser parser, int f, byte[] a, int s, int e) {
		FieldSpec field = fields[f];
		switch (kinds[f]) {
		case Kinds.COUNT:
			return parser.count(a, s, e);
		case Kinds.PERCENT:
			return parser.percent(a, s, e);
		case Kinds.RATIO:
			return parser.ratio(a, s, e);
		case Kinds.SCORE:
			return parser.score(a, s, e, field.min(), field.max());
		case Kinds.DURATION:
			return parser.duration(a, s, e, field.unit(), unitSeconds[f]);
		case Kinds.CURRENCY:
			return parser.currency(a, s, e, field.unit());
		default:
			return parser.number(a, s, e);
		}
	}

	private void parseTimes(int lane, CsvReader reader, int n, int base, int c, int f) {
		final CellParser parser = parsers[lane];
		final long[] column = times[f];
		final boolean date = kinds[f] == Kinds.DATE;
		final boolean key = f == keyField;
		final FormattedCells patterned = formatted == null ? null : formatted[lane];
		final boolean hasPattern = patterned != null
				&& (date ? patterned.hasDatePattern() : patterned.hasTimestampPattern());
		for (int record = 0; record < n; record++) {
			long range = cell(lane, reader, record, c, f, base + record);
			if (range < 0) {
				continue;
			}
			byte[] a = reader.cellArray(reader.firstCell(record) + c);
			int s = (int) (range >>> 32);
			int e = (int) range;
			long time;
			if (hasPattern) {
				time = date ? patterned.date(a, s, e) : patterned.timestamp(a, s, e);
				if (time == CellParser.FAIL_TIME && copy) {
					// a workbook's or a Parquet file's typed time comes in ISO 8601, whatever the pattern of its texts
					long iso = date ? parser.date(a, s, e) : parser.timestamp(a, s, e);
					time = iso == CellParser.FAIL_TIME ? time : iso;
				}
			} else {
				time = date ? parser.date(a, s, e) : parser.timestamp(a, s, e);
			}
			if (time == CellParser.FAIL_TIME) {
				failed(lane, record, c, hasPattern ? patterned.error : parser.error);
			} else {
				column[base + record] = time;
				if (key) {
					keyFingerprints[lane][record] = time;
				}
			}
		}
	}

	/** Text: the code when the dictionary has the value, else PENDING and its hash; a key: its hash. */
	private void parseTexts(int lane, CsvReader reader, int n, int base, int c, int f) {
		final int[] column = ints[f];
		final ByteMap dictionary = dictionaries[f];
		final long[] pending = pendingHashes[lane][f];
		final boolean key = f == keyField;
		if (dropped[f]) {
			// checked for emptiness here, for line breaks and UTF-8 by the reader; nothing is kept
			for (int record = 0; record < n; record++) {
				cell(lane, reader, record, c, f, base + record);
			}
			return;
		}
		for (int record = 0; record < n; record++) {
			long range = cell(lane, reader, record, c, f, base + record);
			if (range < 0) {
				continue;
			}
			byte[] a = reader.cellArray(reader.firstCell(record) + c);
			int s = (int) (range >>> 32);
			int e = (int) range;
			long hash = Hashing.hash(a, s, e);
			if (key) {
				keyFingerprints[lane][record] = hash;
				continue;
			}
			int code = dictionary.find(a, s, e, hash);
			if (code < 0) {
				column[base + record] = PENDING;
				pending[record] = hash;
			} else {
				column[base + record] = code;
			}
		}
	}

	private void parseFlags(int lane, CsvReader reader, int n, int base, int c, int f) {
		final CellParser parser = parsers[lane];
		final byte[] column = flags[f];
		final boolean key = f == keyField;
		for (int record = 0; record < n; record++) {
			long range = cell(lane, reader, record, c, f, base + record);
			if (range < 0) {
				continue;
			}
			byte[] a = reader.cellArray(reader.firstCell(record) + c);
			byte flag = parser.bool(a, (int) (range >>> 32), (int) range);
			if (flag < 0) {
				failed(lane, record, c, parser.error);
			} else {
				column[base + record] = flag;
				if (key) {
					keyFingerprints[lane][record] = flag;
				}
			}
		}
	}

	/** Enum codes and reference rows. */
	private void parseCodes(int lane, CsvReader reader, int n, int base, int c, int f) {
		final CellParser parser = parsers[lane];
		final int[] column = ints[f];
		final boolean isEnum = kinds[f] == Kinds.ENUM;
		final byte[][] values = enumValues[f];
		final List<String> names = fields[f].enumValues();
		final KeyIndex target = targets[f];
		final boolean key = f == keyField;
		for (int record = 0; record < n; record++) {
			long range = cell(lane, reader, record, c, f, base + record);
			if (range < 0) {
				continue;
			}
			byte[] a = reader.cellArray(reader.firstCell(record) + c);
			int s = (int) (range >>> 32);
			int e = (int) range;
			int code = isEnum ? parser.enumCode(a, s, e, values, names) : target.row(parser, a, s, e);
			if (code < 0) {
				failed(lane, record, c, isEnum ? parser.error : target.unknown(a, s, e, texts));
			} else {
				column[base + record] = code;
				if (key) {
					keyFingerprints[lane][record] = code;
				}
			}
		}
	}

	private void failed(int lane, int record, int column, String message) {
		if (column < failedColumn[lane][record]) {
			failedColumn[lane][record] = column;
			failure[lane][record] = message;
		}
	}

	/**
	 * Takes a parsed record into the next row, in file order: rejects it when it is malformed, has a bad
	 * cell or a duplicate key; otherwise adds its key and its new texts, moving it down from its slot when
	 * rows before it in the batch were rejected.
	 */
	private void commit(int lane, CsvReader reader, int record, int slot) throws IOException {
		String problem = reader.recordProblem(record);
		int first = reader.firstCell(record);
		continuationLines += reader.recordBreaks(record);
		if (reader.recordMultiLineCells(record) > 0) {
			noteMultiLineCells(reader, record);
		}
		if (problem != null) {
			int cell = reader.recordProblemCell(record);
			if (problem.startsWith(malformedUtf8) && !encodingGuessed) {
				// a file in another encoding fails on most rows: stop at the first, saying which it looks like
				encodingGuessed = true;
				String guess = Encodings.guess(readFrom);
				if (guess != null && !guess.equals("UTF-8")) {
					throw new DataLoadException(new DataError(file, reader.recordLine(record),
							reader.cellColumn(first + cell), name, null, problem + encodingHint(problem)));
				}
			}
			int f = cell < columnCount && problem.startsWith(malformedUtf8) ? fieldOfColumn[cell] : -1;
			reject(reader, record, reader.cellColumn(first + cell), f, problem + spanned(reader, record), true);
			return;
		}
		if (reader.recordMultiLineCells(record) > 0 && rejectedForLineBreaks(reader, record)) {
			return;
		}
		int cells = reader.recordCells(record);
		if (cells != columnCount) {
			reject(reader, record, cells > columnCount ? reader.cellColumn(first + columnCount)
					: reader.recordEndColumn(record), -1,
					texts.plural("load.cellCount", cells, columnCount), true);
			return;
		}
		int bad = failedColumn[lane][record];
		String message = failure[lane][record];
		if (bad != NO_FAILURE) {
			reject(reader, record, reader.cellColumn(first + bad), fieldOfColumn[bad], message, true);
			return;
		}
		final int row = rows;
		long fingerprint = keyFingerprints[lane][record];
		if (keyField >= 0 && isDuplicate(reader, record, fingerprint)) {
			return;
		}
		if (row != slot) {
			moveRow(slot, row);
		}
		for (int f = 0; f < fieldCount; f++) {
			if (pendingHashes[lane][f] != null && ints[f][row] == PENDING) {
				int cell = first + columnOfField[f];
				byte[] a = reader.cellArray(cell);
				int s = reader.cellStart(cell);
				int e = reader.cellEnd(cell);
				long hash = pendingHashes[lane][f][record];
				int code = dictionaries[f].find(a, s, e, hash);
				ints[f][row] = code >= 0 ? code : dictionaries[f].add(a, s, e, hash);
			}
		}
		if (keyMode == KEY_TEXT_DICT) {
			int cell = first + keyColumn;
			ints[keyField][row] = keyDictionary.add(reader.cellArray(cell), reader.cellStart(cell),
					reader.cellEnd(cell), fingerprint);
		} else if (keysAscending) {
			if (ascendingCount == ascendingFingerprints.length) {
				ascendingFingerprints = Arrays.copyOf(ascendingFingerprints, Math.max(16, ascendingCount * 2));
			}
			ascendingFingerprints[ascendingCount++] = fingerprint;
		} else if (keyField >= 0) {
			keySet.add(fingerprint, row);
		}
		rows++;
	}

	/** The advice after a malformed UTF-8 problem: what encoding the file looks like; else nothing. */
	private String encodingHint(String problem) {
		return problem.startsWith(malformedUtf8) ? Encodings.hint(readFrom, format.encoding(), name, texts) : "";
	}

	/** Notes the record's quoted cells that span lines, for the report's warnings. */
	private void noteMultiLineCells(CsvReader reader, int record) {
		int first = reader.firstCell(record);
		for (int c = 0; c < reader.recordCells(record); c++) {
			int breaks = reader.cellBreaks(first + c);
			if (breaks == 0) {
				continue;
			}
			multiLineCellCount++;
			if (multiLineCells.size() < SourceReport.MAX_WARNINGS_KEPT) {
				long line = reader.recordLine(record) + reader.cellBreaksBefore(first + c);
				int f = c < columnCount ? fieldOfColumn[c] : -1;
				multiLineCells.add(new LoadReport.MultiLineCell(line, reader.cellColumn(first + c), line + breaks,
						c < columnCount ? header.get(c) : null, f < 0 ? null : fields[f].name()));
			}
		}
	}

	/**
	 * Rejects a record whose first offending quoted cell spans more lines than allowed, or holds a line break
	 * in a field that cannot hold one; true when it did.
	 */
	private boolean rejectedForLineBreaks(CsvReader reader, int record) throws IOException {
		int first = reader.firstCell(record);
		int limit = options.maxCellLines();
		for (int c = 0; c < reader.recordCells(record); c++) {
			int breaks = reader.cellBreaks(first + c);
			if (breaks == 0) {
				continue;
			}
			int f = c < columnCount ? fieldOfColumn[c] : -1;
			long line = reader.recordLine(record) + reader.cellBreaksBefore(first + c);
			String span = texts.get("load.cellSpansLines", line, line + breaks, breaks + 1L);
			String refusal = null;
			if (breaks + 1L > limit) {
				refusal = texts.get("load.cellOverLineLimit", span, limit);
			} else if (f >= 0 && !holdsLineBreaks(f)) {
				refusal = texts.get("load.cellHoldsNoLineBreak", span, what(f));
			}
			if (refusal != null) {
				reject(reader, record, reader.cellColumn(first + c), f, refusal, true);
				return true;
			}
		}
		return false;
	}

	/** Only free text holds line breaks: not a key, a dimension, a reference or any other kind. */
	private boolean holdsLineBreaks(int f) {
		return kinds[f] == Kinds.TEXT && f != keyField && !fields[f].dimension();
	}

	private String what(int f) {
		if (f == keyField) {
			return texts.get("what.key");
		}
		if (fields[f].dimension()) {
			return texts.get("what.dimension");
		}
		return kinds[f] == Kinds.REFERENCE ? texts.get("what.reference")
				: texts.get("what.field", fields[f].type().keyword());
	}

	/** {@code " (the record spans lines 3-5)"} for a record over several lines, else nothing. */
	private String spanned(CsvReader reader, int record) {
		int breaks = reader.recordBreaks(record);
		if (breaks == 0) {
			return "";
		}
		long line = reader.recordLine(record);
		return texts.get("load.recordSpans", line, line + breaks, breaks + 1L);
	}

	/** The keys stopped ascending: from now on every key is checked against the hash set of all before it. */
	private void stopAscendingKeys() {
		keysAscending = false;
		keySet = new KeySet(Math.max(capacity, ascendingCount));
		keySet.expect(Math.max(capacity, ascendingCount));
		for (int row = 0; row < ascendingCount; row++) {
			keySet.add(ascendingFingerprints[row], row);
		}
		ascendingFingerprints = null;
	}

	/** Rejects the record when its key is already taken. */
	private boolean isDuplicate(CsvReader reader, int record, long fingerprint) throws IOException {
		int cell = reader.firstCell(record) + keyColumn;
		byte[] a = reader.cellArray(cell);
		int s = reader.cellStart(cell);
		int e = reader.cellEnd(cell);
		long firstLine = -1;
		if (keyMode == KEY_TEXT_DICT) {
			int earlier = keyDictionary.find(a, s, e, fingerprint);
			if (earlier >= 0) {
				firstLine = locate(ordinalOfRow(earlier)).line;
			}
		} else if (keyMode == KEY_TEXT_HASH) {
			if (keysAscending) {
				if (Arrays.compareUnsigned(a, s, e, lastKey, 0, lastKeyLength) > 0) {
					// Nothing rejects the record after this check: it is the next accepted key.
					if (lastKey.length < e - s) {
						lastKey = new byte[Math.max(e - s, lastKey.length * 2)];
					}
					System.arraycopy(a, s, lastKey, 0, e - s);
					lastKeyLength = e - s;
					return false;
				}
				stopAscendingKeys();
			}
			for (int slot = keySet.first(fingerprint); slot >= 0; slot = keySet.next(fingerprint, slot)) {
				Located earlier = locate(ordinalOfRow(keySet.row(slot)));
				if (earlier.key != null && Arrays.equals(earlier.key, 0, earlier.key.length, a, s, e)) {
					firstLine = earlier.line;
					break;
				}
			}
		} else {
			int slot = keySet.first(fingerprint);
			if (slot >= 0) {
				firstLine = locate(ordinalOfRow(keySet.row(slot))).line;
			}
		}
		if (firstLine < 0) {
			return false;
		}
		String key = CellParser.text(a, s, e);
		if (trims[keyField]) {
			key = key.strip();
		}
		reject(reader, record, reader.cellColumn(cell), keyField,
				texts.get("load.duplicateKey", key, texts.get("load.firstOnLine", firstLine)), false);
		return true;
	}

	private void moveRow(int from, int to) {
		for (int f = 0; f < fieldCount; f++) {
			if (numbers[f] != null) {
				numbers[f][to] = numbers[f][from];
			} else if (times[f] != null) {
				times[f][to] = times[f][from];
			} else if (ints[f] != null) {
				ints[f][to] = ints[f][from];
			} else if (flags[f] != null) {
				flags[f][to] = flags[f][from];
			}
		}
	}

	/**
	 * Rejects a record: throws under FAIL; under SKIP writes it to the quarantine file and counts it.
	 *
	 * @param keyGone whether the row's key is unknown after this (not so for a duplicate key)
	 */
	private void reject(CsvReader reader, int record, int column, int f, String message, boolean keyGone)
			throws IOException {
		long line = reader.recordLine(record);
		DataError error = new DataError(file, line, column, name, f < 0 ? null : fields[f].name(), message);
		if (fail) {
			throw DataLoadException.badRow(error);
		}
		rejected++;
		countReason(f, message);
		if (rejectedCount == rejectedOrdinals.length) {
			rejectedOrdinals = Arrays.copyOf(rejectedOrdinals, rejectedCount * 2);
		}
		rejectedOrdinals[rejectedCount++] = ordinal;
		if (firstErrors.size() < SourceReport.MAX_ERRORS_KEPT) {
			firstErrors.add(error);
		}
		if (quarantine == null) {
			quarantine = new Quarantine(options.quarantineDir(), name, header);
		}
		quarantine.write(line, line + reader.recordBreaks(record), error.reason(), reader, record);
		if (keyGone && referenced && keyColumn >= 0 && keyColumn < reader.recordCells(record)) {
			String key = reader.cellText(reader.firstCell(record) + keyColumn);
			if (trims[keyField]) {
				key = key.strip();
			}
			if (!key.isEmpty()) {
				rejectedKeys.putIfAbsent(key, line);
			}
		}
	}

	/** Reasons kept apart at most; rarer ones beyond are counted as one "other reasons". */
	private static final int MAX_REASONS = 1000;
	private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("\"(?:[^\"]|\"\")*\"");
	private static final java.util.regex.Pattern LINES = java.util.regex.Pattern.compile("\\b(lines?) \\d+(-\\d+)?");
	private static final java.util.regex.Pattern LINE_COUNT = java.util.regex.Pattern.compile(" \\(\\d+ lines\\)|: \\d+ lines\\)");
	private static final java.util.regex.Pattern CELLS = java.util.regex.Pattern.compile("^\\d+ cells?,");
	// the same places in Chinese messages (load_zh.properties)
	private static final java.util.regex.Pattern ZH_LINES = java.util.regex.Pattern.compile("第 \\d+(-\\d+)? 行");
	private static final java.util.regex.Pattern ZH_LINE_COUNT = java.util.regex.Pattern.compile("[（：]共 \\d+ 行）");
	private static final java.util.regex.Pattern ZH_CELLS = java.util.regex.Pattern.compile("^\\d+ 个单元格，");

	/** Counts a rejection under its reason: the field and the message without the cell's value or its lines. */
	private void countReason(int f, String message) {
		String reason = QUOTED.matcher(message).replaceAll("\"…\"");
		reason = LINES.matcher(reason).replaceAll("$1 …");
		reason = LINE_COUNT.matcher(reason).replaceAll(")").replace(" ))", ")");
		reason = CELLS.matcher(reason).replaceAll("… cells,");
		reason = ZH_LINES.matcher(reason).replaceAll("第 … 行");
		reason = ZH_LINE_COUNT.matcher(reason).replaceAll(count -> count.group().startsWith("（") ? "" : "）");
		reason = ZH_CELLS.matcher(reason).replaceAll("… 个单元格，");
		String key = (f < 0 ? name : name + "." + fields[f].name()) + ": " + reason;
		if (rejectedByReason.size() >= MAX_REASONS && !rejectedByReason.containsKey(key)) {
			key = name + ": " + texts.get("load.otherReasons");
		}
		rejectedByReason.merge(key, 1L, Long::sum);
	}

	/** How many rows were rejected for each reason, in order of first occurrence. */
	Map<String, Long> rejectedByReason() {
		return rejectedByReason;
	}

	private DataLoadException fileError(long line, int column, String field, String message) {
		return new DataLoadException(new DataError(file, line, column, name, field, message));
	}

	// ------------------------------------------------------------------ finding earlier rows again

	private void checkpoint(long offset, long line) {
		int index = (int) (ordinal >>> CHECKPOINT_SHIFT);
		if (index == checkpointOffsets.length) {
			checkpointOffsets = Arrays.copyOf(checkpointOffsets, index * 2);
			checkpointLines = Arrays.copyOf(checkpointLines, index * 2);
		}
		checkpointOffsets[index] = offset;
		checkpointLines[index] = line;
	}

	/** The record number of a loaded row: its row plus the rejected records before it. */
	long ordinalOfRow(int row) {
		long candidate = row;
		while (true) {
			long next = row + rejectedUpTo(candidate);
			if (next == candidate) {
				return candidate;
			}
			candidate = next;
		}
	}

	/** How many rejected record numbers are <= ordinal. */
	private int rejectedUpTo(long ordinalIncluded) {
		int low = 0;
		int high = rejectedCount;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (rejectedOrdinals[mid] <= ordinalIncluded) {
				low = mid + 1;
			} else {
				high = mid;
			}
		}
		return low;
	}

	private static final class Located {
		final long line;
		final byte[] key;

		Located(long line, byte[] key) {
			this.line = line;
			this.key = key;
		}
	}

	/** Re-reads a record of the file from the checkpoint before it: its line and its key cell. */
	private Located locate(long recordOrdinal) throws IOException {
		int index = (int) (recordOrdinal >>> CHECKPOINT_SHIFT);
		CsvReader again = new CsvReader(channel, checkpointOffsets[index], checkpointLines[index], 1 << 16,
				format.delimiter());
		long skip = recordOrdinal - ((long) index << CHECKPOINT_SHIFT);
		for (long i = 0; i <= skip; i++) {
			if (!again.next()) {
				throw new IOException("the file changed while it was read");
			}
		}
		byte[] key = null;
		if (keyColumn >= 0 && keyColumn < again.cells()) {
			key = Arrays.copyOfRange(again.array(keyColumn), again.start(keyColumn), again.end(keyColumn));
		}
		return new Located(again.line(), key);
	}
}
