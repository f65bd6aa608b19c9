package io.yardstick.dsl.types;

/** What a function consumes and where it may appear. */
public enum FunctionCategory {
	/** Reads the rows of one source and gives one value per period and breakdown; takes {@code where}. */
	AGGREGATE,
	/** Works value by value, on a row or on a metric value alike. */
	SCALAR,
	/** Reads a metric value of earlier periods. */
	PERIOD
}
