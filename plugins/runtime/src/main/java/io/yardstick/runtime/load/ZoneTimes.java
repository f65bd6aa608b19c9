package io.yardstick.runtime.load;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Local date-times of one zone to instants, by a table computed once from the zone's transitions: per local
 * day either the one offset that holds all day, or the transition that touches the day. A cell then costs an
 * array read and, on a transition day, one comparison: no {@link ZoneRules} lookup. The rules are those of
 * java.time's {@link ZonedDateTime#ofLocal} with no preferred offset (docs/language.md, local times): a
 * local time in a gap moves forward by the gap's length, one in an overlap takes the earlier offset (the
 * one before the transition). A day that two transitions touch, and a day outside 1900..2199, go through
 * java.time itself.
 */
final class ZoneTimes {
	private static final long FIRST_DAY = LocalDate.of(1900, 1, 1).toEpochDay();
	private static final int DAYS = (int) (LocalDate.of(2200, 1, 1).toEpochDay() - FIRST_DAY);
	/**
	 * A day's entry is its offset shifted left by one (bit 0 clear), or the index of the transition that touches
	 * it shifted left by one plus 1, or this when several do.
	 */
	private static final int SEVERAL = -1;

	private final ZoneId zone;
	private final boolean fixed;
	private final int fixedOffset;
	private final int[] days;
	/** Per transition: the local second (epoch based) from which the offset after holds, and the two offsets. */
	private final long[] switchAt;
	private final int[] offsetBefore;
	private final int[] offsetAfter;

	ZoneTimes(ZoneId zone) {
		this.zone = zone;
		ZoneRules rules = zone.getRules();
		this.fixed = rules.isFixedOffset();
		this.fixedOffset = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
		if (fixed) {
			days = null;
			switchAt = null;
			offsetBefore = null;
			offsetAfter = null;
			return;
		}
		days = new int[DAYS];
		long firstSecond = FIRST_DAY * 86400 - 86400;
		long endSecond = (FIRST_DAY + DAYS) * 86400 + 86400;
		List<ZoneOffsetTransition> transitions = new ArrayList<>();
		for (ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(firstSecond)); next != null
				&& next.toEpochSecond() < endSecond; next = rules.nextTransition(next.getInstant())) {
			transitions.add(next);
		}
		switchAt = new long[transitions.size()];
		offsetBefore = new int[transitions.size()];
		offsetAfter = new int[transitions.size()];
		int offset = rules.getOffset(Instant.ofEpochSecond(firstSecond)).getTotalSeconds();
		int filledTo = 0;
		for (int i = 0; i < transitions.size(); i++) {
			ZoneOffsetTransition transition = transitions.get(i);
			offsetBefore[i] = transition.getOffsetBefore().getTotalSeconds();
			offsetAfter[i] = transition.getOffsetAfter().getTotalSeconds();
			long localBefore = transition.toEpochSecond() + offsetBefore[i];
			long localAfter = transition.toEpochSecond() + offsetAfter[i];
			// before the later of the two local times, the offset before holds: the earlier one in an overlap,
			// and in a gap the local time moved forward by the gap's length
			switchAt[i] = Math.max(localBefore, localAfter);
			int firstTouched = index(Math.floorDiv(Math.min(localBefore, localAfter), 86400));
			int lastTouched = index(Math.floorDiv(switchAt[i], 86400));
			for (int day = filledTo; day < Math.min(firstTouched, DAYS); day++) {
				days[day] = offset << 1;
			}
			for (int day = firstTouched; day <= Math.min(lastTouched, DAYS - 1); day++) {
				boolean touchedBefore = day < filledTo && (days[day] & 1) == 1;
				days[day] = touchedBefore ? SEVERAL : (i << 1) | 1;
			}
			filledTo = Math.max(filledTo, Math.min(lastTouched + 1, DAYS));
			offset = offsetAfter[i];
		}
		for (int day = filledTo; day < DAYS; day++) {
			days[day] = offset << 1;
		}
	}

	private static int index(long epochDay) {
		return (int) Math.max(0, Math.min(DAYS, epochDay - FIRST_DAY));
	}

	/** Epoch second of a local date-time (epoch day plus second of the day) in the zone. */
	long toEpochSecond(long epochDay, int secondOfDay) {
		long local = epochDay * 86400 + secondOfDay;
		if (fixed) {
			return local - fixedOffset;
		}
		long index = epochDay - FIRST_DAY;
		if (index >= 0 && index < DAYS) {
			int entry = days[(int) index];
			if ((entry & 1) == 0) {
				return local - (entry >> 1);
			}
			if (entry != SEVERAL) {
				int transition = entry >>> 1;
				return local - (local < switchAt[transition] ? offsetBefore[transition] : offsetAfter[transition]);
			}
		}
		LocalDateTime dateTime = LocalDateTime.of(LocalDate.ofEpochDay(epochDay), LocalTime.ofSecondOfDay(secondOfDay));
		return ZonedDateTime.ofLocal(dateTime, zone, null).toEpochSecond();
	}

	/**
	 * Epoch second of the first instant of a local day in the zone: its midnight, or the end of a gap that
	 * midnight falls in, which is what {@link #toEpochSecond} gives for midnight.
	 */
	long startOfDay(long epochDay) {
		return toEpochSecond(epochDay, 0);
	}
}
