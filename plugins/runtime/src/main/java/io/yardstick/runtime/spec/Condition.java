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

	/** Whether the value satisfies the condition; a null (NaN) value satisfies none. */
	public boolean holds(double actual) {
		if (Double.isNaN(actual)) {
			return false;
		}
		return switch (operator) {
			case EQ -> actual == value;
			case NE -> actual != value;
			case LT -> actual < value;
			case LE -> actual <= value;
			case GT -> actual > value;
			case GE -> actual >= value;
			case BETWEEN -> value <= actual && actual <= high;
			case OUTSIDE -> actual < value || actual > high;
		};
	}
}
