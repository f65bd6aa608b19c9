package io.yardstick.dsl.conformance;

import io.yardstick.dsl.kpi.Band;
import io.yardstick.dsl.kpi.Bound;
import io.yardstick.dsl.kpi.Condition;
import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.kpi.OutsideBand;
import io.yardstick.dsl.types.Constants;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a target or threshold moved, by meaning: the set of values that satisfy it grew or shrank. A target met by
 * fewer values is tighter; a warning or critical threshold that catches more values is tighter too, since it
 * fires sooner. Conditions that neither contain the other (`>= 4` to `between 3 and 5`) just changed.
 */
final class ConditionChange {
	enum Movement {
		UNCHANGED, TIGHTENED, LOOSENED, CHANGED, ADDED, REMOVED
	}

	private ConditionChange() {
	}

	/** {@code judging}: true for a target (met inside), false for a threshold (fires inside). */
	static Movement compare(Condition before, Condition after, boolean judging) {
		if (before == null && after == null) {
			return Movement.UNCHANGED;
		}
		if (before == null) {
			return Movement.ADDED;
		}
		if (after == null) {
			return Movement.REMOVED;
		}
		Optional<List<Interval>> was = intervals(before);
		Optional<List<Interval>> is = intervals(after);
		if (was.isEmpty() || is.isEmpty()) {
			return Movement.CHANGED;
		}
		boolean shrank = contains(was.get(), is.get());
		boolean grew = contains(is.get(), was.get());
		if (shrank && grew) {
			return Movement.UNCHANGED;
		}
		if (!shrank && !grew) {
			return Movement.CHANGED;
		}
		return shrank == judging ? Movement.TIGHTENED : Movement.LOOSENED;
	}

	/** A stretch of the real line; null ends are infinite. */
	record Interval(BigDecimal low, boolean lowClosed, BigDecimal high, boolean highClosed) {
		boolean within(Interval outer) {
			return above(low, lowClosed, outer.low, outer.lowClosed) && below(high, highClosed, outer.high, outer.highClosed);
		}

		private static boolean above(BigDecimal low, boolean closed, BigDecimal outerLow, boolean outerClosed) {
			if (outerLow == null) {
				return true;
			}
			if (low == null) {
				return false;
			}
			int order = low.compareTo(outerLow);
			return order > 0 || order == 0 && (outerClosed || !closed);
		}

		private static boolean below(BigDecimal high, boolean closed, BigDecimal outerHigh, boolean outerClosed) {
			if (outerHigh == null) {
				return true;
			}
			if (high == null) {
				return false;
			}
			int order = high.compareTo(outerHigh);
			return order < 0 || order == 0 && (outerClosed || !closed);
		}
	}

	/** Whether every interval of {@code inner} lies inside one of {@code outer}. */
	static boolean contains(List<Interval> outer, List<Interval> inner) {
		return inner.stream().allMatch(part -> outer.stream().anyMatch(part::within));
	}

	static Optional<List<Interval>> intervals(Condition condition) {
		if (condition instanceof Band band) {
			return both(band.getLow(), band.getHigh()).map(ends -> List.of(new Interval(ends[0], true, ends[1], true)));
		}
		if (condition instanceof OutsideBand band) {
			return both(band.getLow(), band.getHigh()).map(ends -> List.of(new Interval(null, false, ends[0], false),
					new Interval(ends[1], false, null, false)));
		}
		Bound bound = (Bound) condition;
		return Constants.evaluate(bound.getValue()).map(value -> {
			List<Interval> parts = new ArrayList<>();
			switch (bound.getOperator()) {
				case ">" -> parts.add(new Interval(value, false, null, false));
				case ">=" -> parts.add(new Interval(value, true, null, false));
				case "<" -> parts.add(new Interval(null, false, value, false));
				case "<=" -> parts.add(new Interval(null, false, value, true));
				case "=" -> parts.add(new Interval(value, true, value, true));
				default -> {
					parts.add(new Interval(null, false, value, false));
					parts.add(new Interval(value, false, null, false));
				}
			}
			return parts;
		});
	}

	private static Optional<BigDecimal[]> both(Expression low, Expression high) {
		Optional<BigDecimal> lowValue = Constants.evaluate(low);
		Optional<BigDecimal> highValue = Constants.evaluate(high);
		if (lowValue.isEmpty() || highValue.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new BigDecimal[] { lowValue.get(), highValue.get() });
	}
}
