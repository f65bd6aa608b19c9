package io.yardstick.dsl.generator.sql;

import io.yardstick.dsl.generator.sql.Sql.Binary;
import io.yardstick.dsl.generator.sql.Sql.Call;
import io.yardstick.dsl.generator.sql.Sql.Case;
import io.yardstick.dsl.generator.sql.Sql.Expr;
import io.yardstick.dsl.generator.sql.Sql.Function;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Local times without time-zone arithmetic where the template's zone allows it. Reading a local timestamp or
 * a date as an instant costs the engine a time-zone conversion per value (ICU's, in DuckDB), which dominates
 * a scan. Where the zone's offset no longer changes (a fixed offset, or a zone such as Asia/Shanghai whose
 * last switch lies in the past and that has no rule for future ones), a local time from some day on is its
 * wall-clock reading minus that offset: the same instant the calculator computes, by plain arithmetic. Earlier
 * values, and every value in a zone that still switches, keep the exact conversion.
 *
 * @param from the first local day from which the offset holds, or null when it holds always
 * @param offsetMillis the offset, in milliseconds east of UTC
 */
record WallClock(LocalDate from, long offsetMillis) {

	/** The shortcut for a zone on a dialect, or null where there is none. */
	static WallClock of(ZoneId zone, SqlDialect dialect) {
		if (zone == null || !dialect.readsWallClock()) {
			return null;
		}
		ZoneRules rules = zone.getRules();
		if (rules.isFixedOffset()) {
			return new WallClock(null, rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds() * 1000L);
		}
		List<ZoneOffsetTransition> transitions = rules.getTransitions();
		if (!rules.getTransitionRules().isEmpty() || transitions.isEmpty()) {
			return null;
		}
		ZoneOffsetTransition last = transitions.get(transitions.size() - 1);
		// a day clear of the last switch on both of its sides of the local time line
		LocalDate from = (last.getDateTimeBefore().isAfter(last.getDateTimeAfter()) ? last.getDateTimeBefore()
				: last.getDateTimeAfter()).toLocalDate().plusDays(2);
		return new WallClock(from, last.getOffsetAfter().getTotalSeconds() * 1000L);
	}

	/**
	 * A local timestamp or date column as epoch milliseconds: by arithmetic where the offset holds, else by
	 * {@code exact}, the conversion through the zone.
	 */
	Expr millis(Expr column, Expr exact) {
		if (from == null) {
			return arithmetic(column);
		}
		return new Case(holds(column), arithmetic(column), exact);
	}

	/** A local timestamp or date column as epoch milliseconds, for values from {@link #from} on. */
	Expr arithmetic(Expr column) {
		Expr reading = new Call(Function.WALL_CLOCK_MILLIS, column);
		return offsetMillis == 0 ? reading : new Binary("-", reading, new Sql.Integer(offsetMillis));
	}

	/** Whether the offset holds for a value: true from {@link #from} on, null for null. */
	Expr holds(Expr column) {
		return new Binary(">=", new Call(Function.LOCAL_DATE, column), new Sql.Date(from));
	}
}
