package io.yardstick.runtime.load;

import io.yardstick.runtime.text.Texts;
import java.util.Locale;

/**
 * How many rows of one source may be rejected before loading stops: a number of rows, or a percentage of
 * the rows read. Skipping bad rows is for a few stray rows; a file whose rows are mostly rejected is a file
 * read wrongly (another encoding, another date format), and a run on its remains would look like a result.
 *
 * @param rows the most rows that may be rejected, or -1 when the limit is a percentage
 * @param percent the most rows that may be rejected, in percent of the rows read, or -1
 */
public record BadRowLimit(long rows, double percent) {

	/** No limit: every row may be rejected. The library's default; the command line's is {@link #COMMAND_LINE}. */
	public static final BadRowLimit NONE = new BadRowLimit(-1, 100);
	/** The command line's default: 5% of a source's rows. */
	public static final BadRowLimit COMMAND_LINE = new BadRowLimit(-1, 5);

	public BadRowLimit {
		if ((rows < 0) == (percent < 0)) {
			throw new IllegalArgumentException("a bad-row limit is a number of rows or a percentage");
		}
		if (percent > 100) {
			throw new IllegalArgumentException("a bad-row limit of " + percent + "% is more than all rows");
		}
	}

	/**
	 * {@code 100} or {@code 2.5%}.
	 *
	 * @throws IllegalArgumentException saying what is expected
	 */
	public static BadRowLimit parse(String text) {
		return parse(text, "en");
	}

	/**
	 * {@link #parse(String)}, saying what is expected in a language ({@code en} or {@code zh}).
	 *
	 * @throws IllegalArgumentException saying what is expected
	 */
	public static BadRowLimit parse(String text, String language) {
		String written = text.strip();
		try {
			if (written.endsWith("%")) {
				double percent = Double.parseDouble(written.substring(0, written.length() - 1).strip());
				if (percent >= 0 && percent <= 100) {
					return new BadRowLimit(-1, percent);
				}
			} else {
				long rows = Long.parseLong(written);
				if (rows >= 0) {
					return new BadRowLimit(rows, -1);
				}
			}
		} catch (NumberFormatException e) {
			// the message below says what is expected
		}
		throw new IllegalArgumentException(LoadTexts.of(language).get("limit.malformed", text));
	}

	/** Whether this many rejected rows of this many read are past the limit (at the limit is not). */
	public boolean exceeded(long rejected, long read) {
		if (rows >= 0) {
			return rejected > rows;
		}
		return rejected * 100.0 > percent * read;
	}

	@Override
	public String toString() {
		return toText(LoadTexts.of("en"));
	}

	/** {@code 100 rows} or {@code 2.5%} in the language of the texts. */
	String toText(Texts texts) {
		if (rows >= 0) {
			return texts.plural("limit.rows", rows);
		}
		return (percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent)) + "%";
	}

	static String percentOf(long part, long whole) {
		return String.format(Locale.ROOT, "%.1f%%", whole == 0 ? 0 : part * 100.0 / whole);
	}
}
