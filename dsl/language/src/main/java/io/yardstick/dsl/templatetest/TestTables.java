package io.yardstick.dsl.templatetest;

import java.util.ArrayList;
import java.util.List;

/**
 * The cells of one line of a test's inline table, {@code | T1 | "a | b" | null |}. Cells are separated by
 * {@code |}; a cell is trimmed; an empty cell or {@code null} is no value; a cell in double quotes is taken as
 * written (so {@code "null"} is the text null and {@code "a | b"} holds a bar), with {@code \"} and
 * {@code \\} inside. The line's last bar may be left out.
 */
public final class TestTables {
	private TestTables() {
	}

	/**
	 * One cell.
	 *
	 * @param offset where the cell's text starts in the line (its first non-blank character)
	 * @param length how many characters it spans in the line, quotes included
	 */
	public record Cell(String text, boolean isNull, int offset, int length) {
	}

	/**
	 * A line that cannot be split: what is wrong and where in the line.
	 *
	 * @param key the finding text that says what is wrong ({@code test-bad-rows.…} in {@code findings_en.properties})
	 */
	public record Problem(int offset, int length, String key) {
		/** What is wrong, in English. */
		public String message() {
			return message("en");
		}

		/** What is wrong, in {@code zh} or {@code en}. */
		public String message(String language) {
			return io.yardstick.dsl.validation.FindingTexts.of(language).get(key);
		}
	}

	/** The cells of a line, or the problem that stopped splitting it. */
	public record Row(List<Cell> cells, Problem problem) {
	}

	/** Splits a line that starts with {@code |}. */
	public static Row split(String line) {
		List<Cell> cells = new ArrayList<>();
		int i = 1;
		int length = line.length();
		while (i <= length) {
			while (i < length && isBlank(line.charAt(i))) {
				i++;
			}
			if (i >= length) {
				break; // blank after the last bar: the bar closed the row
			}
			int start = i;
			if (line.charAt(i) == '"') {
				StringBuilder text = new StringBuilder();
				i++;
				boolean closed = false;
				while (i < length) {
					char c = line.charAt(i);
					if (c == '\\' && i + 1 < length) {
						text.append(line.charAt(i + 1));
						i += 2;
					} else if (c == '"') {
						closed = true;
						i++;
						break;
					} else {
						text.append(c);
						i++;
					}
				}
				if (!closed) {
					return new Row(cells, new Problem(start, length - start, "test-bad-rows.unclosedQuote"));
				}
				int end = i;
				while (i < length && isBlank(line.charAt(i))) {
					i++;
				}
				if (i < length && line.charAt(i) != '|') {
					return new Row(cells, new Problem(i, 1, "test-bad-rows.textAfterQuote"));
				}
				cells.add(new Cell(text.toString(), false, start, end - start));
				i++;
			} else {
				int end = start;
				while (i < length && line.charAt(i) != '|') {
					if (!isBlank(line.charAt(i))) {
						end = i + 1;
					}
					i++;
				}
				String text = line.substring(start, Math.max(start, end));
				cells.add(new Cell(text, text.isEmpty() || text.equals("null"), start, end - start));
				i++;
			}
		}
		return new Row(cells, null);
	}

	private static boolean isBlank(char c) {
		return c == ' ' || c == '\t';
	}
}
