package io.yardstick.runtime.load;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Local date-times of one zone to instants, fast: the zone's offset is cached per local day. A day whose
 * every local time has one and the same offset (no transition touches it) is "simple": its instants are
 * local seconds minus the cached offset. A day with a transition (a DST change: a gap or an overlap) goes
 * through {@link ZonedDateTime#ofLocal} every time, so the result is always the one java.time gives:
 * a local time in a gap moves forward by the gap's length, one in an overlap takes the earlier offset.
 */
final class ZoneTimes {
	/** 1900-01-01 .. 2199-12-31 are cached; other days take the slow path. */
	private static final long FIRST_DAY = LocalDate.of(1900, 1, 1).toEpochDay();
	private static final int DAYS = (int) (LocalDate.of(2200, 1, 1).toEpochDay() - FIRST_DAY);
	private static final int UNKNOWN = 0;
	private static final int COMPLEX = Integer.MIN_VALUE;
	/** Offsets are stored plus this bias, so that 0 means "not computed yet". */
	private static final int BIAS = 1 << 20;

	private final ZoneId zone;
	private final ZoneRules rules;
	private final boolean fixed;
	private final int fixedOffset;
	/**
	 * The cache; filled lazily, possibly by several threads at once: an entry is an int written whole, and
	 * every thread computes the same value for it.
	 */
	private final int[] days;

	ZoneTimes(ZoneId zone) {
		this.zone = zone;
		this.rules = zone.getRules();
		this.fixed = rules.isFixedOffset();
		this.fixedOffset = fixed ? rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds() : 0;
		this.days = fixed ? null : new int[DAYS];
	}

	/** Epoch second of a local date-time (epoch day plus second of the day) in the zone. */
	long toEpochSecond(long epochDay, int secondOfDay) {
		if (fixed) {
			return epochDay * 86400 + secondOfDay - fixedOffset;
		}
		int offset = simpleOffset(epochDay);
		if (offset != COMPLEX) {
			return epochDay * 86400 + secondOfDay - offset;
		}
		LocalDateTime local = LocalDateTime.of(LocalDate.ofEpochDay(epochDay),
				java.time.LocalTime.ofSecondOfDay(secondOfDay));
		return ZonedDateTime.ofLocal(local, zone, null).toEpochSecond();
	}

	/** Epoch second of the first instant of a local day in the zone. */
	long startOfDay(long epochDay) {
		if (fixed) {
			return epochDay * 86400 - fixedOffset;
		}
		int offset = simpleOffset(epochDay);
		if (offset != COMPLEX) {
			return epochDay * 86400 - offset;
		}
		return LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toEpochSecond();
	}

	/** The offset in seconds that holds for the whole local day, or COMPLEX. */
	private int simpleOffset(long epochDay) {
		long index = epochDay - FIRST_DAY;
		if (index < 0 || index >= DAYS) {
			return computeSimpleOffset(epochDay);
		}
		int cached = days[(int) index];
		if (cached == UNKNOWN) {
			int offset = computeSimpleOffset(epochDay);
			cached = offset == COMPLEX ? COMPLEX : offset + BIAS;
			days[(int) index] = cached;
		}
		return cached == COMPLEX ? COMPLEX : cached - BIAS;
	}

	private int computeSimpleOffset(long epochDay) {
		LocalDateTime midnight = LocalDate.ofEpochDay(epochDay).atStartOfDay();
		List<ZoneOffset> valid = rules.getValidOffsets(midnight);
		if (valid.size() != 1) {
			return COMPLEX;
		}
		int offset = valid.get(0).getTotalSeconds();
		long start = epochDay * 86400 - offset;
		long end = start + 86400;
		ZoneOffsetTransition next = rules.nextTransition(java.time.Instant.ofEpochSecond(start - 1));
		if (next != null && next.toEpochSecond() < end) {
			return COMPLEX;
		}
		return offset;
	}
}
