package io.yardstick.runtime.spec;

/**
 * A target or threshold: {@code >= 30}, {@code between 5% and 15%}, {@code outside 3% and 20%}. Values are
 * stored as the metric's values are (fractions for percents, seconds for durations).
 */
public record Condition(Operator operator, double value, double high) {

	public enum Operator {
		EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), BETWEEN("between"), OUTSIDE("outside");

		private final String symbol;

		Operator(String symbol) {
			this.symbol = symbol;
		}

		public String symbol() {
			return symbol;
		}
	}

	public static Condition bound(Operator operator, double value) {
		return new Condition(operator, value, Double.NaN);
	}

	public static Condition between(double low, double high) {
		return new Condition(Operator.BETWEEN, low, high);
	}

	public static Condition outside(double low, double high) {
		return new Condition(Operator.OUTSIDE, low, high);
	}

	/**
	 * How close to a bound a value counts as on it, relative to their size: formulas compute in doubles, so
	 * {@code 100 * (0.3 - 0.2)} is 9.999999999999998, which must meet {@code >= 10} as the 10 it stands for does.
	 * Far below any difference a template can mean (15 significant digits), far above a few rounding steps.
	 */
	public static final double ON_THE_BOUND = 1e-12;

	/** Whether the value satisfies the condition; a null (NaN) value satisfies none. */
	public boolean holds(double actual) {
		if (Double.isNaN(actual)) {
			return false;
		}
		return switch (operator) {
			case EQ -> onBound(actual, value);
			case NE -> !onBound(actual, value);
			case LT -> actual < value && !onBound(actual, value);
			case LE -> actual <= value || onBound(actual, value);
			case GT -> actual > value && !onBound(actual, value);
			case GE -> actual >= value || onBound(actual, value);
			case BETWEEN -> (value <= actual || onBound(actual, value)) && (actual <= high || onBound(actual, high));
			case OUTSIDE -> (actual < value && !onBound(actual, value)) || (actual > high && !onBound(actual, high));
		};
	}

	static boolean onBound(double actual, double bound) {
		return actual == bound || Math.abs(actual - bound) <= ON_THE_BOUND * Math.max(Math.abs(actual), Math.abs(bound));
	}
}
