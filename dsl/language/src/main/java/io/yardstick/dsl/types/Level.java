package io.yardstick.dsl.types;

/**
 * Where a value lives. A constant is the same everywhere; a row value differs per row of a source
 * and is only meaningful inside an aggregate; an aggregate value is one per period and breakdown,
 * which is what a metric's formula must give.
 */
public enum Level {
	CONSTANT,
	ROW,
	AGGREGATE;

	/** The level of a value computed from two others; a row and an aggregate value never meet (see FormulaAnalyzer). */
	public Level with(Level other) {
		return this.ordinal() >= other.ordinal() ? this : other;
	}
}
