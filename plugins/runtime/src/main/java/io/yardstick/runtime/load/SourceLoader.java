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
 * its buffer; a lane ({@link Lane}) parses them into columns of its own, with a dictionary of its own per
 * text field, noting bad cells. Parsing reads no state that committing writes. Then, record by record in
 * file order, this thread rejects the bad ones, checks and adds keys, gives the kept texts their codes in
 * the field's dictionary and copies the kept rows into the columns. So every result (codes in order of
 * first appearance among the rows kept, the first error in the file, no trace of a rejected row) is the
 * one reading row by row would give, whatever the threads.
 *
 * <p>On a file of some size with two processors, the rest of the file after the first batch is cut into
 * chunks that worker threads delimit and parse a few ahead of the commit ({@link #readChunks}): a chunk
 * starts at a guessed record start (the line after a byte offset) and counts its lines from 1 until the
 * records before it tell the true line. It is taken only when those records end exactly where it starts;
 * otherwise (a quoted cell holding a line break across the cut) it is dropped and this thread reads the
 * records up to the next chunk itself.
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

	/** Records of the first batch when the rest goes to the workers. */
	private static final int FIRST_BATCH = 1024;
	/** The smallest chunk a file's size makes: below this, a chunk's own costs would show. */
	private static final long MIN_SPLIT_CHUNK = 256 << 10;
	private static final int CHECKPOINT_SHIFT = 10;
	private static final int MAX_ROWS = Integer.MAX_VALUE - 16;
	private static final int KEY_NONE = 0;
	private static final int KEY_TEXT_DICT = 1;
	private static final int KEY_TEXT_HASH = 2;
	private static final int KEY_VALUE = 3;
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
	private final LoadOptions options;
	/** The words of the errors and warnings, in the run's language. */
	private final Texts texts;
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

	/** The declared columns, which every lane parses. */
	private int[] parsedColumns;

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
					delimiter());
			reader.texts(texts);
			reader.skipBom();
			progress.progress(name, 0, size);
			readHeader(reader);
			blankLines = reader.blankLines();
			dataStart = reader.position();
			allocate(1024 + 16);
			plan();
			Lane inline = new Lane(reader);
			boolean twoLanes = threads > 1 && size >= parallelFromBytes;
			// the first batch is read by this thread alone, before any worker starts: on two lanes, only enough
			// records to size the columns and the chunks
			inline.read(dataStart, reader.nextLine(), Long.MAX_VALUE, twoLanes ? Math.min(batchSize, FIRST_BATCH) : batchSize);
			if (inline.records >= 64) {
				presize((reader.position() - dataStart) / (double) inline.records, size - dataStart);
			}
			commitLane(inline);
			if (twoLanes) {
				worker = Executors.newFixedThreadPool(threads, task -> {
					Thread thread = new Thread(task, "yardstick-load-" + name);
					thread.setDaemon(true);
					return thread;
				});
			}
			readChunks(inline, reader.position(), reader.nextLine(), size, worker, twoLanes ? threads + 1 : 0, progress);
			progress.progress(name, size, size);
			lines = linesRead;
			blankLines += blankLinesTaken;
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
					texts.get("load.header", reader.problem()) + spanned(reader, 0) + encodingHint(reader.problemIsEncoding()));
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
				dictionaryOf.put(field, dictionaries[f].toDictionary());
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

	// ------------------------------------------------------------------ lanes

	/**
	 * What one chunk of records needs while it is delimited and parsed, apart from every other chunk: its
	 * reader, parser, a column per field with a slot per record, and a dictionary per kept text field whose
	 * codes are local to the chunk. Only the thread the chunk is given to writes it; the committing thread
	 * reads it once that thread is done.
	 */
	private final class Lane {
		final CsvReader reader;
		final CellParser parser = new CellParser(zone, texts);
		final FormattedCells formatted = format.isPlain() ? null : new FormattedCells(format, zone, texts);
		final double[][] numbers = new double[fieldCount][];
		final long[][] times = new long[fieldCount][];
		final int[][] ints = new int[fieldCount][];
		final byte[][] flags = new byte[fieldCount][];
		/** Per kept text field (not the key): the chunk's own dictionary, and its codes' global codes once committed. */
		final ByteMap[] dictionaries = new ByteMap[fieldCount];
		final int[][] remap = new int[fieldCount][];
		final int[] failedColumn = new int[batchSize];
		final String[] failure = new String[batchSize];
		final long[] keyFingerprints = new long[batchSize];
		/** Scratch of {@link #parseTextReferences}: per record, the cell's range and hash. */
		final long[] ranges = new long[batchSize];
		final long[] hashes = new long[batchSize];
		/** Per record: malformed as a whole, so not parsed cell by cell. */
		final boolean[] skip = new boolean[batchSize];
		/** Per record: the row it was committed to, or -1 when rejected. */
		final int[] committedRow = new int[batchSize];
		/** The chunk: where it starts (a guess unless it is the first), where it should end, what was read. */
		long start;
		long end;
		int records;
		Future<?> task;

		/** Call after {@link #allocate}: a lane has a column wherever the table has one, texts aside. */
		Lane(CsvReader reader) {
			this.reader = reader;
			reader.texts(texts);
			for (int f = 0; f < fieldCount; f++) {
				if (SourceLoader.this.numbers[f] != null) {
					numbers[f] = new double[batchSize];
				} else if (SourceLoader.this.times[f] != null) {
					times[f] = new long[batchSize];
				} else if (SourceLoader.this.flags[f] != null) {
					flags[f] = new byte[batchSize];
				} else if (SourceLoader.this.ints[f] != null && !(f == keyField && kinds[f] == Kinds.TEXT)) {
					ints[f] = new int[batchSize];
					if (kinds[f] == Kinds.TEXT) {
						dictionaries[f] = new ByteMap();
						remap[f] = new int[64];
					}
				}
			}
		}

		/** Delimits the chunk's records (a batch) and parses them: the work done off the committing thread. */
		void read(long from, long line, long until) throws IOException {
			read(from, line, until, batchSize);
		}

		void read(long from, long line, long until, int maxRecords) throws IOException {
			start = from;
			end = until;
			reader.seek(from, line);
			reader.stopAt(until);
			records = reader.readBatch(maxRecords);
			prepare(this, records);
			parse(this, records);
		}
	}

	/** Per field: whether its lane column is copied to the table as it is (every stored field but texts). */
	private boolean[] copied;
	/** The fields whose lane codes go through the lane's dictionary: kept texts other than the key. */
	private int[] localTexts;

	private void plan() {
		List<Integer> columns = new ArrayList<>();
		for (int c = 0; c < columnCount; c++) {
			if (fieldOfColumn[c] >= 0) {
				columns.add(c);
			}
		}
		parsedColumns = columns.stream().mapToInt(Integer::intValue).toArray();
		copied = new boolean[fieldCount];
		List<Integer> texts = new ArrayList<>();
		for (int f = 0; f < fieldCount; f++) {
			boolean stored = numbers[f] != null || times[f] != null || ints[f] != null || flags[f] != null;
			if (kinds[f] == Kinds.TEXT) {
				if (stored && f != keyField) {
					texts.add(f);
				}
			} else {
				copied[f] = stored;
			}
		}
		localTexts = texts.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * The bytes of each chunk: {@link #chunkBytes}, or fewer when the records so far are so short that a
	 * chunk of that size would fill more than three quarters of a batch (a full batch refutes the cut), or
	 * when the file holds fewer than sixteen such chunks (so that the last chunk, parsed while the other
	 * worker may have nothing left to do, is a small part of the file).
	 */
	private long chunkSize(long bytesSoFar, long dataBytes) {
		double bytesPerRecord = bytesSoFar / (double) Math.max(1, ordinal);
		long chunk = Math.min(chunkBytes, Math.max(MIN_SPLIT_CHUNK, dataBytes / 16));
		return Math.max(1, Math.min(chunk, (long) (bytesPerRecord * batchSize * 0.75)));
	}

	// ------------------------------------------------------------------ rows

	/**
	 * Reads the rest of the file in chunks on the worker threads, a few ahead of the one being committed,
	 * and commits them on this thread in file order. Chunk k starts at a guessed record start, the line
	 * after offset {@code from + k * chunk - 1}, and ends at the record that reaches the next chunk's guessed
	 * start. A chunk is taken only when it starts exactly where the records before it ended; otherwise (a
	 * quoted cell holding a line break across the cut, a batch that filled before the cut) it is dropped and
	 * this thread reads the records up to the next chunk's start itself. So the result is always the one
	 * reading record by record gives, whatever the chunk size and the threads.
	 */
	private void readChunks(Lane inline, long from, long line, long size, ExecutorService worker, int slots,
			ProgressListener progress) throws IOException {
		long chunk = chunkSize(from - dataStart, size - dataStart);
		java.util.ArrayDeque<Lane> free = new java.util.ArrayDeque<>();
		java.util.ArrayDeque<Lane> inFlight = new java.util.ArrayDeque<>();
		// a chunk's reader holds the chunk and a record's worth more: a bigger buffer would copy bytes that
		// the next chunk's reader copies again
		int buffer = (int) Math.min(readBufferSize, Math.min(size + 16, chunk + (64 << 10)));
		for (int i = 0; i < slots; i++) {
			free.add(new Lane(new CsvReader(channel, from, 1, buffer, delimiter())));
		}
		long expected = from;
		long expectedLine = line;
		long nextStart = from;
		long nextCut = from;
		long step = Math.max(1, size / 100);
		long nextReport = reportProgress(progress, from, size, step, step);
		while (true) {
			while (!free.isEmpty() && nextStart < size) {
				long start = nextStart;
				nextCut = Math.max(nextCut, start) + chunk;
				long until = nextCut >= size ? Long.MAX_VALUE : lineAfter(nextCut - 1, size);
				nextStart = until;
				Lane lane = free.poll();
				lane.task = worker.submit(() -> {
					lane.read(start, 1, until);
					return null;
				});
				inFlight.add(lane);
			}
			Lane head = inFlight.peek();
			if (head == null && expected >= size) {
				break;
			}
			if (head != null) {
				join(head.task);
			}
			if (head != null && head.start == expected) {
				inFlight.poll();
				parallelBatches.incrementAndGet();
				head.reader.shiftLines(expectedLine - 1);
				commitLane(head);
				expected = head.reader.position();
				expectedLine = head.reader.nextLine();
				free.add(head);
			} else if (head != null && head.start < expected) {
				refutedCuts.incrementAndGet();
				inFlight.poll();
				free.add(head);
				continue;
			} else {
				// the records between the last taken chunk and the next one's guessed start
				inline.read(expected, expectedLine, head == null ? Long.MAX_VALUE : head.start);
				if (inline.records == 0 && inline.reader.position() <= expected) {
					break;
				}
				commitLane(inline);
				expected = inline.reader.position();
				expectedLine = inline.reader.nextLine();
			}
			nextReport = reportProgress(progress, expected, size, step, nextReport);
		}
		linesRead = expectedLine - 1;
	}

	/** The offset just past the first line break at or after {@code offset}, regardless of quotes; the file's size if none. */
	private long lineAfter(long offset, long size) throws IOException {
		java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4096);
		long at = offset;
		while (at < size) {
			buffer.clear();
			int n = channel.read(buffer, at);
			if (n <= 0) {
				return size;
			}
			byte[] bytes = buffer.array();
			for (int i = 0; i < n; i++) {
				if (bytes[i] == '\n') {
					return at + i + 1;
				}
				if (bytes[i] == '\r') {
					if (i + 1 < n) {
						return at + i + (bytes[i + 1] == '\n' ? 2 : 1);
					}
					return at + i + 1 < size && lineAfterCr(at + i + 1) ? at + i + 2 : at + i + 1;
				}
			}
			at += n;
		}
		return size;
	}

	private boolean lineAfterCr(long next) throws IOException {
		java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
		return channel.read(one, next) == 1 && one.get(0) == '\n';
	}

	/** File offset of the first record, after the header. */
	private long dataStart;
	/** Lines of the file, once read. */
	private long linesRead;
	/** Blank lines of the chunks taken. */
	private long blankLinesTaken;

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

	private void prepare(Lane lane, int n) {
		CsvReader reader = lane.reader;
		Arrays.fill(lane.failedColumn, 0, n, NO_FAILURE);
		for (int record = 0; record < n; record++) {
			lane.skip[record] = reader.recordProblem(record) != null || reader.recordCells(record) != columnCount;
		}
		for (int f : localTexts) {
			lane.dictionaries[f].clear();
		}
	}

	/**
	 * Commits a lane's records in file order, then copies the accepted rows' values from the lane's columns
	 * into the table's; texts get their global codes while they commit, so that codes follow the order of
	 * first appearance among the rows kept.
	 */
	private void commitLane(Lane lane) throws IOException {
		CsvReader reader = lane.reader;
		int n = lane.records;
		blankLinesTaken += reader.batchBlankLines();
		if (rows + (long) n > capacity) {
			grow(rows + (long) n);
		}
		for (int f : localTexts) {
			int distinct = lane.dictionaries[f].size();
			if (lane.remap[f].length < distinct) {
				lane.remap[f] = new int[Math.max(distinct, lane.remap[f].length * 2)];
			}
			dictionaries[f].findAll(lane.dictionaries[f], lane.remap[f]);
		}
		final int first = rows;
		for (int record = 0; record < n; record++) {
			if ((ordinal & ((1 << CHECKPOINT_SHIFT) - 1)) == 0) {
				checkpoint(reader.recordOffset(record), reader.recordLine(record));
			}
			int before = rows;
			commit(lane, reader, record);
			lane.committedRow[record] = rows > before ? before : -1;
			ordinal++;
		}
		int accepted = rows - first;
		for (int f = 0; f < fieldCount; f++) {
			if (!copied[f]) {
				continue;
			}
			Object from = lane.numbers[f] != null ? lane.numbers[f]
					: lane.times[f] != null ? lane.times[f] : lane.ints[f] != null ? lane.ints[f] : lane.flags[f];
			Object to = numbers[f] != null ? numbers[f]
					: times[f] != null ? times[f] : ints[f] != null ? ints[f] : flags[f];
			if (accepted == n) {
				System.arraycopy(from, 0, to, first, n);
			} else {
				for (int record = 0; record < n; record++) {
					int row = lane.committedRow[record];
					if (row >= 0) {
						System.arraycopy(from, record, to, row, 1);
					}
				}
			}
		}
	}

	/**
	 * Parses a lane's batch into the lane's columns. Reads shared state only (other sources' keys, the zone):
	 * safe on several threads, one lane each. One small loop per kind, so that each compiles on its own.
	 */
	private void parse(Lane lane, int n) {
		CsvReader reader = lane.reader;
		for (int c : parsedColumns) {
			int f = fieldOfColumn[c];
			switch (kinds[f]) {
			case Kinds.TIMESTAMP:
			case Kinds.DATE:
				parseTimes(lane, reader, n, c, f);
				break;
			case Kinds.TEXT:
				parseTexts(lane, reader, n, c, f);
				break;
			case Kinds.BOOL:
				parseFlags(lane, reader, n, c, f);
				break;
			case Kinds.REFERENCE:
				if (targets[f].byText()) {
					parseTextReferences(lane, reader, n, c, f);
				} else {
					parseCodes(lane, reader, n, c, f);
				}
				break;
			case Kinds.ENUM:
				parseCodes(lane, reader, n, c, f);
				break;
			default:
				parseNumbers(lane, reader, n, c, f);
			}
		}
	}

	/**
	 * The cell of a record in column c, trimmed when the field trims: {@code start << 32 | end}; or -1 when
	 * there is nothing to parse (a malformed record, or an empty cell, which this stores as null or notes
	 * as a failure).
	 */
	private long cell(Lane lane, CsvReader reader, int record, int c, int f) {
		if (lane.skip[record]) {
			return -1;
		}
		long span = reader.cellSpan(reader.firstCell(record) + c);
		byte[] a = reader.spanArray(span);
		int s = CsvReader.spanStart(span);
		int e = CsvReader.spanEnd(span);
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
				setNull(lane, f, record);
			}
			return -1;
		}
		return ((long) s << 32) | e;
	}

	private void setNull(Lane lane, int f, int record) {
		if (lane.numbers[f] != null) {
			lane.numbers[f][record] = Double.NaN;
		} else if (lane.times[f] != null) {
			lane.times[f][record] = Long.MIN_VALUE;
		} else if (lane.ints[f] != null) {
			lane.ints[f][record] = -1;
		} else if (lane.flags[f] != null) {
			lane.flags[f][record] = -1;
		}
	}

	private void parseNumbers(Lane lane, CsvReader reader, int n, int c, int f) {
		final CellParser parser = lane.parser;
		final double[] column = lane.numbers[f];
		final FieldSpec field = fields[f];
		final int kind = kinds[f];
		final boolean key = f == keyField;
		for (int record = 0; record < n; record++) {
			long range = cell(lane, reader, record, c, f);
			if (range < 0) {
				continue;
			}
			byte[] a = reader.cellArray(reader.firstCell(record) + c);
			int s = (int) (range >>> 32);
			int e = (int) range;
			if (rewritesNumbers) {
				parseRewrittenNumber(lane, record, c, f, a, s, e);
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
				column[record] = value;
				if (key) {
					lane.keyFingerprints[record] = Kinds.fingerprint(value);
				}
			}
		}
	}

	/** A number of a source whose format has other separators or a currency symbol: rewritten, then parsed. */
	private void parseRewrittenNumber(Lane lane, int record, int c, int f, byte[] cell, int s, int e) {
		FormattedCells cells = lane.formatted;
		int length = cells.rewrite(cell, s, e);
		byte[] a = cells.rewritten();
		double value = parseNumber(lane.parser, f, a, 0, length);
		if (value != value) {
			failed(lane, record, c, FormattedCells.asWritten(lane.parser.error, cell, s, e, length, a));
		} else {
			lane.numbers[f][record] = value;
			if (f == keyField) {
				lane.keyFingerprints[record] = Kinds.fingerprint(value);
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

	private void parseTimes(Lane lane, CsvReader reader, int n, int c, int f) {
		final CellParser parser = lane.parser;
		final long[] column = lane.times[f];
		final boolean date = kinds[f] == Kinds.DATE;
		final boolean key = f == keyField;
		final FormattedCells patterned = lane.formatted;
		final boolean hasPattern = patterned != null
				&& (date ? patterned.hasDatePattern() : patterned.hasTimestampPattern());
		for (int record = 0; record < n; record++) {
			long range = cell(lane, reader, record, c, f);
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
				column[record] = time;
				if (key) {
					lane.keyFingerprints[record] = time;
				}
			}
		}
	}

	/** Text: the code in the chunk's own dictionary; a key: its hash. */
	private void parseTexts(Lane lane, CsvReader reader, int n, int c, int f) {
		final int[] column = lane.ints[f];
		final ByteMap dictionary = lane.dictionaries[f];
		final boolean key = f == keyField;
		if (dropped[f]) {
			// checked for emptiness here, for line breaks and UTF-8 by the reader; nothing is kept
			for (int record = 0; record < n; record++) {
				cell(lane, reader, record, c, f);
			}
			return;
		}
		for (int record = 0; record < n; record++) {
			long range = cell(lane, reader, record, c, f);
			if (range < 0) {
				continue;
			}
			byte[] a = reader.cellArray(reader.firstCell(record) + c);
			int s = (int) (range >>> 32);
			int e = (int) range;
			long hash = Hashing.hash(a, s, e);
			if (key) {
				lane.keyFingerprints[record] = hash;
				continue;
			}
			int code = dictionary.find(a, s, e, hash);
			column[record] = code >= 0 ? code : dictionary.add(a, s, e, hash);
		}
	}

	private void parseFlags(Lane lane, CsvReader reader, int n, int c, int f) {
		final CellParser parser = lane.parser;
		final byte[] column = lane.flags[f];
		final boolean key = f == keyField;
		for (int record = 0; record < n; record++) {
			long range = cell(lane, reader, record, c, f);
			if (range < 0) {
				continue;
			}
			byte[] a = reader.cellArray(reader.firstCell(record) + c);
			byte flag = parser.bool(a, (int) (range >>> 32), (int) range);
			if (flag < 0) {
				failed(lane, record, c, parser.error);
			} else {
				column[record] = flag;
				if (key) {
					lane.keyFingerprints[record] = flag;
				}
			}
		}
	}

	/** Enum codes and reference rows. */
	private void parseCodes(Lane lane, CsvReader reader, int n, int c, int f) {
		final CellParser parser = lane.parser;
		final int[] column = lane.ints[f];
		final boolean isEnum = kinds[f] == Kinds.ENUM;
		final byte[][] values = enumValues[f];
		final List<String> names = fields[f].enumValues();
		final KeyIndex target = targets[f];
		final boolean key = f == keyField;
		for (int record = 0; record < n; record++) {
			long range = cell(lane, reader, record, c, f);
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
				column[record] = code;
				if (key) {
					lane.keyFingerprints[record] = code;
				}
			}
		}
	}

	/**
	 * References to a text key: first every cell's hash, then every lookup. The lookups of a column go to
	 * random places of a table that may be far larger than the processor's caches; with nothing else in
	 * the loop, several of them wait for memory at once instead of one after the other.
	 */
	private void parseTextReferences(Lane lane, CsvReader reader, int n, int c, int f) {
		final int[] column = lane.ints[f];
		final long[] ranges = lane.ranges;
		final long[] hashes = lane.hashes;
		final KeyIndex target = targets[f];
		final boolean key = f == keyField;
		for (int record = 0; record < n; record++) {
			long range = cell(lane, reader, record, c, f);
			ranges[record] = range;
			if (range >= 0) {
				byte[] a = reader.cellArray(reader.firstCell(record) + c);
				hashes[record] = Hashing.hash(a, (int) (range >>> 32), (int) range);
			}
		}
		for (int record = 0; record < n; record++) {
			long range = ranges[record];
			if (range < 0) {
				continue;
			}
			byte[] a = reader.cellArray(reader.firstCell(record) + c);
			int s = (int) (range >>> 32);
			int e = (int) range;
			int row = target.row(a, s, e, hashes[record]);
			if (row < 0) {
				failed(lane, record, c, target.unknown(a, s, e, texts));
			} else {
				column[record] = row;
				if (key) {
					lane.keyFingerprints[record] = row;
				}
			}
		}
	}

	private void failed(Lane lane, int record, int column, String message) {
		if (column < lane.failedColumn[record]) {
			lane.failedColumn[record] = column;
			lane.failure[record] = message;
		}
	}

	/**
	 * Takes a parsed record into the next row, in file order: rejects it when it is malformed, has a bad
	 * cell or a duplicate key; otherwise adds its key and gives its texts their global codes (the values
	 * are copied from the lane by {@link #commitLane}).
	 */
	private void commit(Lane lane, CsvReader reader, int record) throws IOException {
		String problem = reader.recordProblem(record);
		int first = reader.firstCell(record);
		continuationLines += reader.recordBreaks(record);
		if (reader.recordMultiLineCells(record) > 0) {
			noteMultiLineCells(reader, record);
		}
		if (problem != null) {
			int cell = reader.recordProblemCell(record);
			boolean encoding = reader.recordProblemIsEncoding(record);
			if (encoding && !encodingGuessed) {
				// a file in another encoding fails on most rows: stop at the first, saying which it looks like
				encodingGuessed = true;
				String guess = Encodings.guess(readFrom);
				if (guess != null && !guess.equals("UTF-8")) {
					throw new DataLoadException(new DataError(file, reader.recordLine(record),
							reader.cellColumn(first + cell), name, null, problem + encodingHint(true)));
				}
			}
			int f = cell < columnCount && encoding ? fieldOfColumn[cell] : -1;
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
		int bad = lane.failedColumn[record];
		if (bad != NO_FAILURE) {
			reject(reader, record, reader.cellColumn(first + bad), fieldOfColumn[bad], lane.failure[record], true);
			return;
		}
		final int row = rows;
		long fingerprint = lane.keyFingerprints[record];
		if (keyField >= 0 && isDuplicate(reader, record, fingerprint)) {
			return;
		}
		for (int f : localTexts) {
			int local = lane.ints[f][record];
			int code = -1;
			if (local >= 0) {
				code = lane.remap[f][local];
				if (code < 0) {
					// absent when the chunk was looked up: this row is its first among the rows kept
					code = dictionaries[f].addFrom(lane.dictionaries[f], local);
					lane.remap[f][local] = code;
				}
			}
			ints[f][row] = code;
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

	/** The byte between cells: a comma in the CSV copy of a workbook or a Parquet file, else the format's. */
	private byte delimiter() {
		return copy ? (byte) ',' : format.delimiter();
	}

	/** The advice after a malformed UTF-8 problem: what encoding the file looks like; else nothing. */
	private String encodingHint(boolean malformedUtf8) {
		return malformedUtf8 ? Encodings.hint(readFrom, format.encoding(), name, texts) : "";
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
				delimiter());
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
