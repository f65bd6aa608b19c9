package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.writeBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tokenizer gives the same records whatever its buffer size, so records split across reads are whole. */
class CsvReaderTest {
	@TempDir
	Path dir;

	private static final String TRICKY = "\uFEFFa,b,c\r\n" + "1,\"x,y\",\"say \"\"hi\"\"\"\r\n" + "\r\n"
			+ "2,\"line\nbreak\",\"cr\rhere\"\n" + "3,华北地区,😀 emoji\r" + "4,,\n" + ",\"\",\"\"\"\"\n"
			+ "5,\"unterminated";

	/** Each record as line|cells|problem. */
	private List<String> records(byte[] bytes, int bufferSize) throws IOException {
		Path file = writeBytes(dir, "t.csv", bytes);
		List<String> records = new ArrayList<>();
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			CsvReader reader = new CsvReader(channel, 0, 1, bufferSize);
			reader.skipBom();
			while (reader.next()) {
				StringBuilder record = new StringBuilder().append(reader.line()).append('@')
						.append(reader.recordOffset());
				for (int cell = 0; cell < reader.cells(); cell++) {
					record.append('|').append(reader.text(cell)).append('#').append(reader.column(cell));
				}
				if (reader.problem() != null) {
					record.append(" !").append(reader.problem()).append(" in ").append(reader.problemCell());
				}
				records.add(record.toString());
			}
			assertThat(reader.position()).isEqualTo(bytes.length);
		}
		return records;
	}

	@Test
	void recordsOfATrickyFile() throws IOException {
		byte[] bytes = TRICKY.getBytes(StandardCharsets.UTF_8);
		// line@offset|cell#column...: the third cell of line 4 starts on line 5, after "break", at column 8
		assertThat(records(bytes, 1 << 20)).containsExactly("1@3|a#1|b#3|c#5", "2@10|1#1|x,y#3|say \"hi\"#9",
				"4@34|2#1|line\nbreak#3|cr\rhere#8", "7@59|3#1|华北地区#3|😀 emoji#8", "8@85|4#1|#3|#4",
				"9@89|#1|#2|\"#5", "10@98|5#1|unterminated#3 !unterminated quoted cell: no closing quote before the end"
						+ " of the file in 1");
	}

	/**
	 * Unquoted cells are scanned a word of eight bytes at a time: a byte that ends the cell or needs a look is
	 * found at every place of a word, and the bytes after it in the same word are not mistaken for one.
	 */
	@Test
	void aSpecialByteIsFoundAtEveryPlaceOfAWord() throws IOException {
		String letters = "abcdefghijklmnopqrstuvw";
		for (int at = 0; at <= letters.length(); at++) {
			String before = letters.substring(0, at);
			String after = letters.substring(at);
			assertThat(cells("x," + before + "," + after + ",y\n")).as("comma at %d", at)
					.containsExactly("|x|" + before + "|" + after + "|y");
			assertThat(cells("x," + before + "\n" + after + ",y\n")).as("LF at %d", at)
					.containsExactly("|x|" + before, "|" + after + "|y");
			assertThat(cells("x," + before + "\r\n" + after + ",y\n")).as("CRLF at %d", at)
					.containsExactly("|x|" + before, "|" + after + "|y");
			assertThat(cells("x," + before + "\t\u0001" + after + ",y\n")).as("control bytes at %d", at)
					.containsExactly("|x|" + before + "\t\u0001" + after + "|y");
			assertThat(cells("x," + before + "é华" + after + ",y\n")).as("UTF-8 at %d", at)
					.containsExactly("|x|" + before + "é华" + after + "|y");
			if (at == 0) {
				continue; // a quote that starts a cell opens a quoted cell
			}
			assertThat(cells("x," + before + "\"" + after + ",y\n")).as("quote at %d", at)
					.containsExactly("|x|" + before + "\"" + after + "|y !a quote inside an unquoted cell: quote the"
							+ " whole cell and double the quote (\"\") in 1");
		}
	}

	/** The cells of each record, without lines and columns. */
	private List<String> cells(String text) throws IOException {
		List<String> cells = new ArrayList<>();
		for (String record : records(text.getBytes(StandardCharsets.UTF_8), 1 << 20)) {
			cells.add(record.replaceAll("#\\d+", "").replaceAll("^\\d+@\\d+", ""));
		}
		return cells;
	}

	@Test
	void everyBufferSizeGivesTheSameRecords() throws IOException {
		byte[] bytes = TRICKY.getBytes(StandardCharsets.UTF_8);
		List<String> expected = records(bytes, 1 << 20);
		for (int size = 1; size <= bytes.length + 2; size++) {
			assertThat(records(bytes, size)).as("buffer of %d bytes", size).isEqualTo(expected);
		}
	}

	@Test
	void malformedUtf8IsFoundWhereverTheBufferEnds() throws IOException {
		byte[] prefix = "a,b\n1,".getBytes(StandardCharsets.UTF_8);
		byte[][] bad = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE4, 'x'},
				{(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xF0, (byte) 0x9F}};
		for (byte[] sequence : bad) {
			byte[] bytes = new byte[prefix.length + sequence.length + 3];
			System.arraycopy(prefix, 0, bytes, 0, prefix.length);
			System.arraycopy(sequence, 0, bytes, prefix.length, sequence.length);
			bytes[bytes.length - 3] = ',';
			bytes[bytes.length - 2] = 'z';
			bytes[bytes.length - 1] = '\n';
			for (int size = 64; size <= 70; size++) {
				List<String> records = records(bytes, size);
				assertThat(records).hasSize(2);
				assertThat(records.get(1)).contains("!malformed UTF-8: byte 0x" + String.format("%02x", sequence[0] & 0xFF));
			}
		}
	}

	/**
	 * A cell's line and column are found again from its record's first byte only when asked: for every cell of
	 * random files (quoted cells holding LF, CRLF, CR, escaped quotes and delimiters, text after a closing
	 * quote, Chinese text and emoji, blank lines, a byte order mark, every kind of line end), whatever the
	 * buffer size, the batch size and the order the cells are asked in, the line and column are those counted
	 * in the text, and the line breaks inside a cell those it holds.
	 */
	@Test
	void positionsFoundAgainAreThoseOfTheText() throws IOException {
		String[] plain = {"", "abc", "华北地区", "😀 x", "12.5", "a\"b", " "};
		String[] quoted = {"\"x,y\"", "\"line\nbreak\"", "\"cr\r\nlf\"", "\"lone\rcr\"", "\"say \"\"hi\"\"\"",
				"\"\"", "\"\n\n华\n\"", "\"ab\"junk", "\"\r\n\"\"\r\"", "\"é\r\"x"};
		String[] ends = {"\n", "\r\n", "\r"};
		for (int seed = 0; seed < 60; seed++) {
			Random random = new Random(seed);
			StringBuilder text = new StringBuilder(seed % 3 == 0 ? "\uFEFF" : "");
			List<List<String>> expected = new ArrayList<>();
			int records = 1 + random.nextInt(12);
			for (int r = 0; r < records; r++) {
				List<String> cells = new ArrayList<>();
				int count = 1 + random.nextInt(5);
				for (int c = 0; c < count; c++) {
					if (c > 0) {
						text.append(',');
					}
					String cell = random.nextInt(3) == 0 ? quoted[random.nextInt(quoted.length)]
							: plain[random.nextInt(plain.length)];
					if (c == 0 && cell.isEmpty() && count == 1) {
						cell = "abc"; // a record of one empty cell is a blank line
					}
					int[] at = lineAndColumn(text);
					cells.add(at[0] + ":" + at[1] + "+" + lineAndColumn(new StringBuilder(cell))[2]);
					text.append(cell);
				}
				expected.add(cells);
				text.append(ends[random.nextInt(ends.length)]);
				if (random.nextInt(4) == 0) {
					text.append("\n");
				}
			}
			byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
			Path file = writeBytes(dir, "p.csv", bytes);
			for (int attempt = 0; attempt < 4; attempt++) {
				int bufferSize = 64 + random.nextInt(bytes.length + 1);
				int batch = 1 + random.nextInt(records);
				List<List<String>> found = new ArrayList<>();
				try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
					CsvReader reader = new CsvReader(channel, 0, 1, bufferSize);
					reader.skipBom();
					for (int n = reader.readBatch(batch); n > 0; n = reader.readBatch(batch)) {
						String[][] batchCells = new String[n][];
						for (int r = 0; r < n; r++) {
							batchCells[r] = new String[reader.recordCells(r)];
						}
						// the cells asked for in a random order, so that a record is delimited again often
						int total = reader.firstCell(n - 1) + reader.recordCells(n - 1);
						for (int k = 0; k < 2 * total; k++) {
							int r = random.nextInt(n);
							int c = random.nextInt(reader.recordCells(r));
							int cell = reader.firstCell(r) + c;
							batchCells[r][c] = (reader.recordLine(r) + reader.cellBreaksBefore(cell)) + ":"
									+ reader.cellColumn(cell) + "+" + reader.cellBreaks(cell);
						}
						for (int r = 0; r < n; r++) {
							for (int c = 0; c < batchCells[r].length; c++) {
								int cell = reader.firstCell(r) + c;
								batchCells[r][c] = (reader.recordLine(r) + reader.cellBreaksBefore(cell)) + ":"
										+ reader.cellColumn(cell) + "+" + reader.cellBreaks(cell);
							}
							found.add(List.of(batchCells[r]));
						}
					}
				}
				assertThat(found).as("seed %d, buffer %d, batches of %d: %s", seed, bufferSize, batch, text)
						.isEqualTo(expected);
			}
		}
	}

	/**
	 * The 1-based line and column just after the text, counting CRLF, LF and a lone CR as one line break
	 * and code points (not bytes, not a byte order mark) as columns; and the line breaks the text holds.
	 */
	private static int[] lineAndColumn(CharSequence text) {
		int line = 1;
		int column = 1;
		int breaks = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
				line++;
				breaks++;
				column = 1;
			} else if (c != '\r' && c != '\uFEFF' && !Character.isLowSurrogate(c)) {
				column++;
			}
		}
		return new int[] {line, column, breaks};
	}
}
