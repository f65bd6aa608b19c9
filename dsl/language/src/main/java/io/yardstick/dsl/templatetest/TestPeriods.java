package io.yardstick.dsl.templatetest;

import io.yardstick.runtime.time.Grain;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Period labels as results write them: 2026-03-02, 2026-W10, 2026-03, 2026-Q1, 2026. */
public final class TestPeriods {
	private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	private TestPeriods() {
	}

	/** The first day of the period a label names at the grain; null when it names none. */
	public static LocalDate start(Grain grain, String label) {
		try {
			LocalDate start = switch (grain) {
				case DAY -> label.length() == 10 ? LocalDate.parse(label) : null;
				case WEEK -> week(label);
				case MONTH -> {
					Matcher m = MONTH.matcher(label);
					yield m.matches() ? LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1) : null;
				}
				case QUARTER -> {
					Matcher m = QUARTER.matcher(label);
					yield m.matches() ? LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) * 3 - 2, 1)
							: null;
				}
				case YEAR -> YEAR.matcher(label).matches() ? LocalDate.of(Integer.parseInt(label), 1, 1) : null;
			};
			return start != null && grain.label(start).equals(label) ? start : null;
		} catch (java.time.DateTimeException e) {
			return null;
		}
	}

	private static LocalDate week(String label) {
		Matcher m = WEEK.matcher(label);
		if (!m.matches()) {
			return null;
		}
		LocalDate thursday = LocalDate.of(Integer.parseInt(m.group(1)), 1, 4)
				.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(m.group(2)));
		return Grain.WEEK.floor(thursday);
	}

	/** An example label of the grain, for messages. */
	public static String example(Grain grain) {
		return grain.label(LocalDate.of(2026, 3, 2));
	}

	/** A day written as 2026-03-01, or null. */
	public static LocalDate day(String text) {
		if (text == null || text.length() != 10) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		} catch (DateTimeParseException e) {
			return null;
		}
	}
}
