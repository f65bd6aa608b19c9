package io.yardstick.runtime.calc;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/** Calendar parts of points in time in the template's zone: the scalar functions year(t) ... hour(t). */
public final class TimeParts {
	private final ZoneId zone;

	public TimeParts(ZoneId zone) {
		this.zone = zone;
	}

	private ZonedDateTime at(long t) {
		return Instant.ofEpochMilli(t).atZone(zone);
	}

	public double year(long t) {
		return t == Ops.NO_TIME ? Double.NaN : at(t).getYear();
	}

	public double quarter(long t) {
		return t == Ops.NO_TIME ? Double.NaN : (at(t).getMonthValue() - 1) / 3 + 1;
	}

	public double month(long t) {
		return t == Ops.NO_TIME ? Double.NaN : at(t).getMonthValue();
	}

	public double week(long t) {
		return t == Ops.NO_TIME ? Double.NaN : at(t).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
	}

	/** The ISO week-based year, which {@link #week} numbers the weeks of. */
	public double weekYear(long t) {
		return t == Ops.NO_TIME ? Double.NaN : at(t).get(IsoFields.WEEK_BASED_YEAR);
	}

	public double day(long t) {
		return t == Ops.NO_TIME ? Double.NaN : at(t).getDayOfMonth();
	}

	public double weekday(long t) {
		return t == Ops.NO_TIME ? Double.NaN : at(t).getDayOfWeek().getValue();
	}

	/**
	 * {@code a - b} for two dates: whole calendar days in seconds, so that consecutive dates are one day apart
	 * also across a daylight-saving switch (their first instants are 23 or 25 hours apart then).
	 */
	public double calendarSeconds(long a, long b) {
		if (a == Ops.NO_TIME || b == Ops.NO_TIME) {
			return Double.NaN;
		}
		return (at(a).toLocalDate().toEpochDay() - at(b).toLocalDate().toEpochDay()) * 86400.0;
	}

	public double hour(long t) {
		return t == Ops.NO_TIME ? Double.NaN : at(t).getHour();
	}
}
