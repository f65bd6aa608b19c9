package io.yardstick.dsl.generator.sql;

import java.math.BigDecimal;

/** Number literals every dialect writes alike. */
final class SqlText {
	private SqlText() {
	}

	/**
	 * The double nearest the literal, as Java reads it: the same value the Java calculator computes with, in
	 * a form every engine parses as a number ({@code 1.0E300}, {@code 0.25}).
	 */
	static String doubleText(BigDecimal value) {
		double d = value.doubleValue();
		if (Double.isInfinite(d)) {
			throw new IllegalArgumentException("number out of the range of a double: " + value);
		}
		return Double.toString(d);
	}

	static String fraction(double fraction) {
		return Double.toString(fraction);
	}
}
