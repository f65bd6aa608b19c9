package io.yardstick.runtime.calc;

import io.yardstick.runtime.data.Dataset;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.spec.TemplateSpec;

/** What a generated calculator offers: its template, and a run over loaded data. */
public interface Calculator {

	TemplateSpec template();

	Results run(Dataset data, RunOptions options);

	/**
	 * Derives every metric from aggregates that an engine computed from the rows: the same formulas, period
	 * functions and zero-denominator rules as {@link #run}, on the engine's cells.
	 *
	 * @param run a run prepared by {@link Run#overCells}
	 */
	Results derive(Run run, AggregateStates states);
}
