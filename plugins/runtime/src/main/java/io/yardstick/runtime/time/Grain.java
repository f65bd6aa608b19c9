package io.yardstick.runtime.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The length of a period. Weeks are ISO weeks, starting on Monday. */
public enum Grain {
	DAY, WEEK, MONTH, QUARTER, YEAR;

	/**
	 * The key of the period of this grain a date falls in: consecutive periods have consecutive keys, so the
	 * difference of two keys counts periods. Days since 1970-01-01; Monday weeks (1970-01-01 was a Thursday);
	 * months, quarters and years counted from year 0.
	 */
	public long key(LocalDate day) {
		return switch (this) {
			case DAY -> day.toEpochDay();
			case WEEK -> Math.floorDiv(day.toEpochDay() + 3, 7);
			case MONTH -> day.getYear() * 12L + day.getMonthValue() - 1;
			case QUARTER -> day.getYear() * 4L + (day.getMonthValue() - 1) / 3;
			case YEAR -> day.getYear();
		};
	}

	public static Grain parse(String text) {
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("unknown grain \"" + text + "\": use day, week, month, quarter or year");
		}
	}

	public String keyword() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The first day of the period that contains the day. */
	public LocalDate floor(LocalDate day) {
		return switch (this) {
			case DAY -> day;
			case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> day.withDayOfMonth(1);
			case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
			case YEAR -> day.withDayOfYear(1);
		};
	}

	/** The first day of the next period, given the first day of a period. */
	public LocalDate next(LocalDate periodStart) {
		return switch (this) {
			case DAY -> periodStart.plusDays(1);
			case WEEK -> periodStart.plusWeeks(1);
			case MONTH -> periodStart.plusMonths(1);
			case QUARTER -> periodStart.plusMonths(3);
			case YEAR -> periodStart.plusYears(1);
		};
	}

	/** The first day of the period {@code periods} periods after (before, when negative) the one that starts on the day. */
	public LocalDate shift(LocalDate periodStart, long periods) {
		return switch (this) {
			case DAY -> periodStart.plusDays(periods);
			case WEEK -> periodStart.plusWeeks(periods);
			case MONTH -> periodStart.plusMonths(periods);
			case QUARTER -> periodStart.plusMonths(3 * periods);
			case YEAR -> periodStart.plusYears(periods);
		};
	}

	/** How a period is named in results: 2025-03-01, 2025-W09, 2025-03, 2025-Q1, 2025. */
	public String label(LocalDate periodStart) {
		return switch (this) {
			case DAY -> periodStart.toString();
			case WEEK -> String.format(Locale.ROOT, "%d-W%02d", periodStart.get(IsoFields.WEEK_BASED_YEAR),
					periodStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			case MONTH -> String.format(Locale.ROOT, "%d-%02d", periodStart.getYear(), periodStart.getMonthValue());
			case QUARTER -> periodStart.getYear() + "-Q" + ((periodStart.getMonthValue() - 1) / 3 + 1);
			case YEAR -> Integer.toString(periodStart.getYear());
		};
	}
}
