package io.yardstick.runtime.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The consecutive periods of one grain that a run reports, cut in the template's time zone. Periods are
 * half-open: a period holds the instants t with start <= t < end, and its end is the next one's start.
 */
public final class Periods {
	private final Grain grain;
	private final ZoneId zone;
	private final LocalDate[] firstDays;
	/** Boundaries in epoch milliseconds: period p is [bounds[p], bounds[p + 1]). */
	private final long[] bounds;
	/**
	 * The first instant the data does not cover: the start of the day after its latest time value; a period
	 * that ends after it is partial. {@link Long#MAX_VALUE} when the data's end is unknown.
	 */
	private long coveredUntil = Long.MAX_VALUE;
	/** Whether the headline period may be a partial one (the latest), rather than the last complete one. */
	private boolean partialHeadline;

	private Periods(Grain grain, ZoneId zone, List<LocalDate> firstDays) {
		this.grain = grain;
		this.zone = zone;
		this.firstDays = firstDays.toArray(LocalDate[]::new);
		this.bounds = new long[this.firstDays.length + 1];
		for (int p = 0; p < this.firstDays.length; p++) {
			bounds[p] = startMillis(this.firstDays[p]);
		}
		bounds[this.firstDays.length] = startMillis(
				this.firstDays.length == 0 ? LocalDate.EPOCH : grain.next(this.firstDays[this.firstDays.length - 1]));
	}

	/** The periods from the one containing {@code from} to the one containing {@code toInclusive}. */
	public static Periods between(Grain grain, ZoneId zone, LocalDate from, LocalDate toInclusive) {
		List<LocalDate> days = new ArrayList<>();
		if (!toInclusive.isBefore(from)) {
			LocalDate last = grain.floor(toInclusive);
			for (LocalDate day = grain.floor(from); !day.isAfter(last); day = grain.next(day)) {
				days.add(day);
			}
		}
		return new Periods(grain, zone, days);
	}

	/** The periods covering two instants (epoch milliseconds), both included. */
	public static Periods covering(Grain grain, ZoneId zone, long firstMillis, long lastMillis) {
		return between(grain, zone, Instant.ofEpochMilli(firstMillis).atZone(zone).toLocalDate(),
				Instant.ofEpochMilli(lastMillis).atZone(zone).toLocalDate());
	}

	/**
	 * The same periods, knowing where the data ends: a period that ends after the day of the data's latest
	 * time value is partial ({@link #partial}).
	 *
	 * @param lastDataMillis the latest time value of the data (epoch milliseconds), or {@link Long#MIN_VALUE}
	 *     when there is none (then no period is partial)
	 * @param partialHeadline whether the {@link #headline} is the latest period even when it is partial
	 */
	public Periods withDataEnd(long lastDataMillis, boolean partialHeadline) {
		Periods copy = new Periods(grain, zone, List.of(firstDays));
		copy.coveredUntil = lastDataMillis == Long.MIN_VALUE ? Long.MAX_VALUE
				: startMillis(Instant.ofEpochMilli(lastDataMillis).atZone(zone).toLocalDate().plusDays(1));
		copy.partialHeadline = partialHeadline;
		return copy;
	}

	/** Whether the data stops before the period's last day: a month whose data ends on the 14th. */
	public boolean partial(int period) {
		return bounds[period + 1] > coveredUntil;
	}

	/** The first day the data does not cover, or null when unknown. */
	public LocalDate dataEndsBefore() {
		return coveredUntil == Long.MAX_VALUE ? null : Instant.ofEpochMilli(coveredUntil).atZone(zone).toLocalDate();
	}

	/**
	 * The period whose values head a run's tables and report, set statuses and raise threshold alerts: the last
	 * complete period, unless the run asked for the latest (or every period is partial); -1 without periods.
	 */
	public int headline() {
		int latest = firstDays.length - 1;
		if (partialHeadline) {
			return latest;
		}
		for (int p = latest; p >= 0; p--) {
			if (!partial(p)) {
				return p;
			}
		}
		return latest;
	}

	public static Periods none(Grain grain, ZoneId zone) {
		return new Periods(grain, zone, List.of());
	}

	private long startMillis(LocalDate day) {
		return day.atStartOfDay(zone).toInstant().toEpochMilli();
	}

	public Grain grain() {
		return grain;
	}

	public ZoneId zone() {
		return zone;
	}

	public int count() {
		return firstDays.length;
	}

	/** The period an instant falls in, or -1 when it is null or outside every period. */
	public int indexOf(long epochMillis) {
		if (firstDays.length == 0 || epochMillis < bounds[0] || epochMillis >= bounds[bounds.length - 1]) {
			return -1;
		}
		int found = Arrays.binarySearch(bounds, epochMillis);
		return found >= 0 ? found : -found - 2;
	}

	public long start(int period) {
		return bounds[period];
	}

	/** The first instant of the next period. */
	public long end(int period) {
		return bounds[period + 1];
	}

	public LocalDate firstDay(int period) {
		return firstDays[period];
	}

	/**
	 * The first period of the year, quarter or month ({@code unit}) in which a period begins: where its
	 * to-date window starts. -1 when that lies before the first reported period, when the grain is coarser
	 * than the unit, and for weeks, which do not nest in months, quarters or years.
	 */
	public int toDateStart(int period, Grain unit) {
		if (grain == Grain.WEEK || grain.ordinal() > unit.ordinal()) {
			return -1;
		}
		int found = Arrays.binarySearch(firstDays, unit.floor(firstDays[period]));
		return found >= 0 ? found : -1;
	}

	public String label(int period) {
		return grain.label(firstDays[period]);
	}
}
