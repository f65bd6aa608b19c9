package io.yardstick.runtime.calc;

/**
 * The aggregates of a run as an engine that did the row work computed them (an SQL engine): per aggregate
 * (named as the calculator's kernel field is) the state of every cell it has rows in.
 */
@FunctionalInterface
public interface AggregateStates {
	/** Loads every cell of one aggregate into its kernel ({@link Kernel#load}); cells without rows stay empty. */
	void load(String aggregate, Kernel kernel);
}
