package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.currency;
import static io.yardstick.runtime.load.Fixtures.duration;
import static io.yardstick.runtime.load.Fixtures.enumeration;
import static io.yardstick.runtime.load.Fixtures.field;
import static io.yardstick.runtime.load.Fixtures.key;
import static io.yardstick.runtime.load.Fixtures.optional;
import static io.yardstick.runtime.load.Fixtures.reference;
import static io.yardstick.runtime.load.Fixtures.score;
import static io.yardstick.runtime.load.Fixtures.source;
import static io.yardstick.runtime.load.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.runtime.load.LoadReport.SourceReport;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.TemplateSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded, bounded fuzz suite of CSV data through the loader: valid files of two sources (one referring to
 * the other) are generated, then mutated (stray quotes, delimiters, line breaks, byte order marks, truncation,
 * huge cells, values of the wrong kind, malformed UTF-8, deleted and repeated text), and loaded under SKIP and
 * FAIL with read buffers and batches of random sizes. For every input:
 * <ul>
 * <li>no exception but a {@link DataLoadException}, and under SKIP only for a problem with a whole file;</li>
 * <li>records read = loaded + rejected;</li>
 * <li>every physical line is accounted for: the file's lines (counted here from the bytes) = the header's
 * first line + blank lines + records + lines that continue a quoted cell, and the quoted cells that span
 * lines are those a reference parser finds;</li>
 * <li>the quarantine file holds exactly the rejected records, each with its first and last line and its
 * cells as a reference parser reads them, and the loaded keys are exactly the other records' keys, in order;
 * </li>
 * <li>FAIL stops at the error SKIP gives first.</li>
 * </ul>
 * 3,000 inputs by default (a few seconds); {@code -Dyardstick.fuzz=long} runs 100,000 with larger huge cells,
 * {@code -Dyardstick.fuzz.inputs=N} any number, {@code -Dyardstick.fuzz.seed=S} another campaign, and
 * {@code -Dyardstick.fuzz.only=I} replays input I of a campaign. See docs/reliability.md.
 */
class CsvLoaderFuzzTest {
	private static final boolean LONG = "long".equals(System.getProperty("yardstick.fuzz"));
	private static final int INPUTS = Integer.getInteger("yardstick.fuzz.inputs", LONG ? 100_000 : 3_000);
	private static final long SEED = Long.getLong("yardstick.fuzz.seed", 19L);
	private static final int ONLY = Integer.getInteger("yardstick.fuzz.only", -1);
	/** Not a speed limit: only a load that never ends fails this way. */
	private static final Duration HANG = Duration.ofSeconds(60);

	private static final FieldSpec REGION = new FieldSpec("region", FieldType.TEXT, false, false, true, false, null,
			null, null, List.of(), null);
	static final TemplateSpec TEMPLATE = template("Asia/Shanghai",
			source("Customer", key("id", FieldType.TEXT), REGION, field("signedAt", FieldType.DATE)),
			source("Ticket", key("id", FieldType.TEXT), reference("customer", "Customer", false),
					field("createdAt", FieldType.TIMESTAMP), enumeration("status", false, "open", "resolved", "closed"),
					field("contacts", FieldType.COUNT), score("csat", true, 1.0, 5.0), currency("cost", "CNY"),
					duration("handling", "h", true), optional("share", FieldType.PERCENT),
					field("reopened", FieldType.BOOL), optional("note", FieldType.TEXT)));
	private static final List<String> SOURCES = List.of("Customer", "Ticket");

	@TempDir
	Path dir;

	// what the campaign exercised: each outcome must occur, or the generator has stopped reaching it
	private long wholeFileFailures;
	private long loads;
	private long loadedRows;
	private long rejectedRows;
	private long multiLineCells;
	private long failStops;

	@Test
	void mutatedCsvIsLoadedOrRejectedWithEveryLineAccountedFor() throws Exception {
		int saved = SourceLoader.readBufferSize;
		int savedBatch = SourceLoader.batchSize;
		long savedParallel = SourceLoader.parallelFromBytes;
		long savedChunk = SourceLoader.chunkBytes;
		ExecutorService watchdog = Executors.newSingleThreadExecutor();
		try {
			for (int input = 0; input < INPUTS; input++) {
				if (ONLY >= 0 && input != ONLY) {
					continue;
				}
				int index = input;
				Random random = new Random(SEED * 1_000_003L + input);
				Map<String, byte[]> files = new HashMap<>();
				files.put("Customer", mutate(random, customers(random)));
				files.put("Ticket", mutate(random, tickets(random)));
				SourceLoader.readBufferSize = random.nextInt(4) == 0 ? CsvReader.DEFAULT_BUFFER : 64 + random.nextInt(512);
				SourceLoader.batchSize = random.nextInt(3) == 0 ? 16_384 : 1 + random.nextInt(40);
				SourceLoader.parallelFromBytes = random.nextBoolean() ? 0 : 4L << 20;
				SourceLoader.chunkBytes = random.nextBoolean() ? 1 + random.nextInt(200) : 2L << 20;
				boolean alsoFail = random.nextInt(3) == 0;
				Future<?> checked = watchdog.submit(() -> {
					check(files, alsoFail);
					return null;
				});
				try {
					checked.get(HANG.toSeconds(), TimeUnit.SECONDS);
				} catch (TimeoutException e) {
					checked.cancel(true);
					throw new AssertionError("fuzz input " + index + " of seed " + SEED + " did not finish within " + HANG);
				} catch (ExecutionException e) {
					Throwable failure = e.getCause();
					throw new AssertionError("fuzz input " + index + " of seed " + SEED + " (replay with -Dyardstick.fuzz.seed="
							+ SEED + " -Dyardstick.fuzz.only=" + index + ", buffer " + SourceLoader.readBufferSize + ", batch "
							+ SourceLoader.batchSize + ", chunk " + SourceLoader.chunkBytes + ")\nCustomer.csv: " + shown(files.get("Customer")) + "\nTicket.csv: "
							+ shown(files.get("Ticket")) + "\n" + failure, failure);
				}
			}
			if (ONLY < 0) {
				System.out.printf("CSV fuzz, seed %d: %d inputs, %d loaded (%d rows loaded, %d rejected, %d quoted cells"
						+ " over lines, %d FAIL stops), %d stopped by a whole-file problem%n", SEED, INPUTS, loads,
						loadedRows, rejectedRows, multiLineCells, failStops, wholeFileFailures);
				assertThat(new long[] {loads, loadedRows, rejectedRows, multiLineCells, failStops, wholeFileFailures})
						.as("every outcome occurs").doesNotContain(0L);
			}
		} finally {
			watchdog.shutdownNow();
			SourceLoader.readBufferSize = saved;
			SourceLoader.batchSize = savedBatch;
			SourceLoader.parallelFromBytes = savedParallel;
			SourceLoader.chunkBytes = savedChunk;
		}
	}

	// ------------------------------------------------------------------ the properties

	private void check(Map<String, byte[]> files, boolean alsoFail) throws IOException {
		Path data = dir.resolve("data");
		Files.createDirectories(data);
		for (String source : SOURCES) {
			Files.write(data.resolve(source + ".csv"), files.get(source));
		}
		Path quarantine = dir.resolve("rejected");
		Map<String, Parsed> expected = new HashMap<>();
		for (String source : SOURCES) {
			expected.put(source, Parsed.of(files.get(source)));
		}
		LoadResult result;
		try {
			result = DataLoader.load(TEMPLATE, Bindings.byConvention(data, TEMPLATE),
					LoadOptions.defaults().skipBadRows(quarantine).keepingUnreferencedKeys(true));
		} catch (DataLoadException e) {
			// under SKIP only a whole file stops loading: no file, no header, a bad or incomplete header, or bytes
			// that look like another encoding than UTF-8 (which may show on any line)
			for (DataError error : e.errors()) {
				if (error.message().contains("; the file looks like ")) {
					continue;
				}
				Parsed parsed = expected.get(error.source());
				long headerEnd = parsed.records.isEmpty() ? 1 : parsed.records.get(0).endLine;
				assertThat(error.line()).as(error.toText()).isLessThanOrEqualTo(headerEnd);
			}
			wholeFileFailures++;
			return;
		}
		loads++;
		loadedRows += result.report().rowsLoaded();
		rejectedRows += result.report().rowsRejected();
		multiLineCells += result.report().multiLineCellCount();
		DataError firstError = null;
		for (String source : SOURCES) {
			SourceReport report = result.report().source(source);
			Parsed parsed = expected.get(source);
			checkLines(report, parsed);
			List<List<String>> quarantined = checkQuarantine(report, parsed, quarantine.resolve(source + ".rejected.csv"));
			checkLoadedKeys(result, source, parsed, quarantined);
			if (firstError == null && !report.firstErrors().isEmpty()) {
				firstError = report.firstErrors().get(0);
			}
		}
		if (alsoFail) {
			try {
				DataLoader.load(TEMPLATE, Bindings.byConvention(data, TEMPLATE), LoadOptions.defaults());
				assertThat(firstError).as("FAIL loaded what SKIP rejected rows of").isNull();
			} catch (DataLoadException e) {
				assertThat(e.errors()).containsExactly(firstError);
				failStops++;
			}
		}
	}

	private static void checkLines(SourceReport report, Parsed parsed) {
		assertThat(report.rowsRead()).as("records").isEqualTo(parsed.records.size() - 1);
		assertThat(report.rowsRead()).as("read = loaded + rejected").isEqualTo(report.rowsLoaded() + report.rowsRejected());
		assertThat(report.lines()).as("physical lines").isEqualTo(parsed.physicalLines);
		assertThat(report.blankLines()).as("blank lines").isEqualTo(parsed.blankLines);
		assertThat(report.continuationLines()).as("continuation lines").isEqualTo(parsed.continuationLines);
		assertThat(1 + report.blankLines() + report.rowsRead() + report.continuationLines()).as("every line")
				.isEqualTo(report.lines());
		assertThat(report.multiLineCellCount()).as("quoted cells over lines").isEqualTo(parsed.multiLineCells);
	}

	/** The quarantine's rows, without line, endLine and reason, after checking them against the records. */
	private static List<List<String>> checkQuarantine(SourceReport report, Parsed parsed, Path file) throws IOException {
		if (report.rowsRejected() == 0) {
			assertThat(file).doesNotExist();
			return List.of();
		}
		assertThat(report.quarantineFile()).isEqualTo(file);
		Parsed written = Parsed.of(Files.readAllBytes(file));
		assertThat(written.records).hasSize((int) report.rowsRejected() + 1);
		assertThat(written.records.get(0).cells.subList(0, 3)).containsExactly("line", "endLine", "reason");
		assertThat(written.records.get(0).cells.subList(3, written.records.get(0).cells.size()))
				.isEqualTo(parsed.records.get(0).cells);
		Map<Long, Record> byLine = new HashMap<>();
		for (Record record : parsed.records.subList(1, parsed.records.size())) {
			byLine.put(record.line, record);
		}
		List<List<String>> rows = new ArrayList<>();
		long previous = 0;
		for (Record row : written.records.subList(1, written.records.size())) {
			long line = Long.parseLong(row.cells.get(0));
			assertThat(line).as("quarantined lines ascend").isGreaterThan(previous);
			previous = line;
			Record original = byLine.get(line);
			assertThat(original).as("a record starts on quarantined line %d", line).isNotNull();
			assertThat(Long.parseLong(row.cells.get(1))).as("endLine of line %d", line).isEqualTo(original.endLine);
			assertThat(row.cells.subList(3, row.cells.size())).as("cells of line %d", line).isEqualTo(original.cells);
			rows.add(row.cells);
		}
		return rows;
	}

	/** The loaded keys are the keys of the records not quarantined, in file order. */
	private static void checkLoadedKeys(LoadResult result, String source, Parsed parsed, List<List<String>> quarantined) {
		Set<Long> rejectedLines = new HashSet<>();
		for (List<String> row : quarantined) {
			rejectedLines.add(Long.parseLong(row.get(0)));
		}
		List<String> header = parsed.records.get(0).cells;
		int keyColumn = 0;
		while (!header.get(keyColumn).strip().equals("id")) {
			keyColumn++;
		}
		List<String> keys = new ArrayList<>();
		for (Record record : parsed.records.subList(1, parsed.records.size())) {
			if (!rejectedLines.contains(record.line)) {
				keys.add(record.cells.get(keyColumn));
			}
		}
		assertThat(result.dataset().table(source).dictionary("id").values()).as("loaded keys").isEqualTo(keys);
	}

	// ------------------------------------------------------------------ valid data

	private static byte[] customers(Random random) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("id", "region", "signedAt"));
		int count = random.nextInt(12);
		for (int i = 0; i < count; i++) {
			rows.add(List.of("C" + i, pick(random, "North", "South", "华东", "East, \"big\""),
					String.format("2024-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28))));
		}
		return csv(random, rows);
	}

	private static byte[] tickets(Random random) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("id", "customer", "createdAt", "status", "contacts", "csat", "cost", "handling", "share",
				"reopened", "note"));
		int count = random.nextInt(30);
		for (int i = 0; i < count; i++) {
			rows.add(List.of("T" + i, "C" + random.nextInt(12),
					String.format("2025-%02d-%02dT%02d:%02d", 1 + random.nextInt(12), 1 + random.nextInt(28),
							random.nextInt(24), random.nextInt(60)),
					pick(random, "open", "resolved", "closed"), Integer.toString(random.nextInt(9)),
					pick(random, "", "1", "4.5", "5"), pick(random, "12.50", "-3 CNY", "0"),
					pick(random, "", "2", "90min", "PT1H30M"), pick(random, "", "95%", "0.25"),
					pick(random, "true", "false", "1", "0"),
					pick(random, "", "ok", "a, b", "say \"hi\"", "two\nlines", "three\r\nline\nnote", "中文")));
		}
		return csv(random, rows);
	}

	private static String pick(Random random, String... values) {
		return values[random.nextInt(values.length)];
	}

	/** RFC 4180, with LF or CRLF line ends, sometimes a BOM, sometimes no final line break. */
	private static byte[] csv(Random random, List<List<String>> rows) {
		String lineEnd = random.nextBoolean() ? "\n" : "\r\n";
		StringBuilder text = new StringBuilder(random.nextInt(8) == 0 ? "\uFEFF" : "");
		for (List<String> row : rows) {
			for (int c = 0; c < row.size(); c++) {
				if (c > 0) {
					text.append(',');
				}
				text.append(Quarantine.escape(row.get(c)));
			}
			text.append(lineEnd);
		}
		if (random.nextInt(5) == 0) {
			text.setLength(text.length() - lineEnd.length());
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	// ------------------------------------------------------------------ mutations

	private static final String[] WRONG = {"abc", "-1", "1e400", "2025-13-45", "NaN", "∞", "\t", "1,5", "TRUE ", "P1M",
			"2025-02-30T10:00", "120%", "C999", "", " ", "\"\"", "x\"y"};

	private static byte[] mutate(Random random, byte[] valid) {
		byte[] bytes = valid;
		int mutations = random.nextInt(5);
		for (int m = 0; m < mutations; m++) {
			// mostly in the data: a broken header stops the whole file, which says little about the rows
			int headerEnd = 0;
			while (headerEnd < bytes.length && bytes[headerEnd] != '\n') {
				headerEnd++;
			}
			int from = random.nextInt(8) == 0 ? 0 : Math.min(headerEnd + 1, bytes.length);
			int at = from + random.nextInt(bytes.length - from + 1);
			switch (random.nextInt(12)) {
			case 0 -> bytes = insert(bytes, at, "\"");
			case 1 -> bytes = insert(bytes, at, ",");
			case 2 -> bytes = insert(bytes, at, pick(random, "\n", "\r\n", "\r"));
			case 3 -> bytes = insert(bytes, random.nextBoolean() ? 0 : at, "\uFEFF");
			case 4 -> bytes = java.util.Arrays.copyOf(bytes, at);
			case 5 -> bytes = insert(bytes, at, hugeCell(random));
			case 6 -> bytes = insert(bytes, at, pick(random, WRONG));
			case 7 -> bytes = insertBytes(bytes, at, new byte[] {(byte) pick(random, 0xFF, 0xC3, 0xE4, 0x80, 0xED)});
			case 8 -> {
				int end = Math.min(bytes.length, at + 1 + random.nextInt(20));
				byte[] cut = new byte[bytes.length - (end - at)];
				System.arraycopy(bytes, 0, cut, 0, at);
				System.arraycopy(bytes, end, cut, at, bytes.length - end);
				bytes = cut;
			}
			case 9 -> bytes = repeatLine(bytes, at);
			case 10 -> bytes = insert(bytes, at, pick(random, "\n\n", "\r\n\r\n", " \n"));
			default -> bytes = insert(bytes, at, "\"" + pick(random, "x", ",", "\n", "\"\"") + "\"");
			}
		}
		return bytes;
	}

	private static int pick(Random random, int... values) {
		return values[random.nextInt(values.length)];
	}

	private static String hugeCell(Random random) {
		if (random.nextInt(4) != 0) {
			return "";
		}
		int length = random.nextInt(10) != 0 ? 1 + random.nextInt(5_000)
				: LONG ? 1 + random.nextInt(2_000_000) : 1 + random.nextInt(200_000);
		char digit = (char) ('0' + random.nextInt(10));
		return random.nextBoolean() ? String.valueOf(digit).repeat(length) : "\"" + "x,".repeat(length / 2) + "\"";
	}

	private static byte[] insert(byte[] bytes, int at, String text) {
		return insertBytes(bytes, at, text.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] insertBytes(byte[] bytes, int at, byte[] inserted) {
		byte[] result = new byte[bytes.length + inserted.length];
		System.arraycopy(bytes, 0, result, 0, at);
		System.arraycopy(inserted, 0, result, at, inserted.length);
		System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
		return result;
	}

	/** Repeats the line around a position (a duplicate key, usually). */
	private static byte[] repeatLine(byte[] bytes, int at) {
		int start = at;
		while (start > 0 && bytes[start - 1] != '\n') {
			start--;
		}
		int end = at;
		while (end < bytes.length && bytes[end] != '\n') {
			end++;
		}
		if (end < bytes.length) {
			end++;
		}
		byte[] line = java.util.Arrays.copyOfRange(bytes, start, end);
		return insertBytes(bytes, end, line);
	}

	private static String shown(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.length() > 4000) {
			text = text.substring(0, 4000) + "... (" + bytes.length + " bytes)";
		}
		return "\"" + text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
	}

	// ------------------------------------------------------------------ a reference reader

	/** A record as the reference reader sees it: its first and last physical line, and its cells' text. */
	record Record(long line, long endLine, List<String> cells) {
	}

	/**
	 * RFC 4180 as docs/data.md describes it, read the simplest way (the whole file, a byte at a time, no
	 * buffers): what the loader must agree with, whatever its buffer and batch sizes.
	 */
	static final class Parsed {
		final List<Record> records = new ArrayList<>();
		long physicalLines;
		long blankLines;
		long continuationLines;
		long multiLineCells;

		static Parsed of(byte[] b) {
			Parsed parsed = new Parsed();
			int n = b.length;
			// lines, straight from the bytes: every line break, and a last line without one
			for (int i = 0; i < n; i++) {
				if (b[i] == '\n' || (b[i] == '\r' && (i + 1 == n || b[i + 1] != '\n'))) {
					parsed.physicalLines++;
				}
			}
			if (n > 0 && b[n - 1] != '\n' && b[n - 1] != '\r') {
				parsed.physicalLines++;
			}
			int p = n >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF ? 3 : 0;
			long line = 1;
			while (p < n) {
				if (b[p] == '\n' || b[p] == '\r') {
					p += b[p] == '\r' && p + 1 < n && b[p + 1] == '\n' ? 2 : 1;
					parsed.blankLines++;
					line++;
					continue;
				}
				List<String> cells = new ArrayList<>();
				long breaks = 0;
				while (true) {
					ByteArrayOutputStream cell = new ByteArrayOutputStream();
					if (p < n && b[p] == '"') {
						p++;
						long before = breaks;
						boolean closed = false;
						while (p < n) {
							if (b[p] == '"') {
								if (p + 1 < n && b[p + 1] == '"') {
									cell.write('"');
									p += 2;
									continue;
								}
								p++;
								closed = true;
								break;
							}
							if (b[p] == '\n' || (b[p] == '\r' && (p + 1 == n || b[p + 1] != '\n'))) {
								breaks++;
							}
							cell.write(b[p++]);
						}
						if (!closed && breaks > before && (b[n - 1] == '\n' || b[n - 1] == '\r')) {
							breaks--; // the file's last line break ends its last line
						}
						if (breaks > before) {
							parsed.multiLineCells++;
						}
						while (p < n && b[p] != ',' && b[p] != '\n' && b[p] != '\r') {
							p++; // text after the closing quote: an error, not part of the cell
						}
					} else {
						while (p < n && b[p] != ',' && b[p] != '\n' && b[p] != '\r') {
							cell.write(b[p++]);
						}
					}
					cells.add(cell.toString(StandardCharsets.UTF_8));
					if (p < n && b[p] == ',') {
						p++;
						continue;
					}
					if (p < n) {
						p += b[p] == '\r' && p + 1 < n && b[p + 1] == '\n' ? 2 : 1;
					}
					break;
				}
				parsed.records.add(new Record(line, line + breaks, List.copyOf(cells)));
				parsed.continuationLines += breaks;
				line += breaks + 1;
			}
			return parsed;
		}
	}

	// ------------------------------------------------------------------ the reference reader itself

	@Test
	void theReferenceReaderReadsWhatTheDocumentationSays() {
		Parsed parsed = Parsed.of("\uFEFFa,b\r\n\r\n\"x\r\ny\",\"q\"\"\"\nlast,\"open\nend\n".getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.records).containsExactly(new Record(1, 1, List.of("a", "b")),
				new Record(3, 4, List.of("x\r\ny", "q\"")), new Record(5, 6, List.of("last", "open\nend\n")));
		assertThat(parsed.physicalLines).isEqualTo(6);
		assertThat(parsed.blankLines).isEqualTo(1);
		assertThat(parsed.continuationLines).isEqualTo(2);
		assertThat(parsed.multiLineCells).isEqualTo(2);
	}
}
