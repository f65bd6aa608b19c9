package io.yardstick.dsl.pipeline;

import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.results.Results;

/**
 * Where a compiled template's rows are aggregated. Every engine gives the same results for the same rows; the
 * differential tests hold them to it. An engine may hold a connection, so it is closed after use.
 */
public interface ComputeEngine extends AutoCloseable {
	/** The name {@code --engine} takes: java, duckdb, postgres, spark. */
	String name();

	/** What the engine is, for the console: its version and where it runs. */
	String describe();

	Results compute(CompiledTemplate compiled, SourceData data, RunOptions options) throws ComputeException;

	@Override
	void close();
}
