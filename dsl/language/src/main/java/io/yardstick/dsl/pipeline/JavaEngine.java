package io.yardstick.dsl.pipeline;

import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.results.Results;

/** The generated Java calculator over rows in memory: the oracle every other engine is compared with. */
public final class JavaEngine implements ComputeEngine {
	public static final String NAME = "java";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String describe() {
		return "the Java calculator, in this JVM";
	}

	@Override
	public Results compute(CompiledTemplate compiled, SourceData data, RunOptions options) throws ComputeException {
		if (!data.tables().isEmpty() || data.loaded() == null) {
			throw ComputeException.unusable("the Java calculator reads files only: a source bound to a table ("
					+ String.join(", ", data.tables().keySet()) + ") needs an SQL engine", null);
		}
		return compiled.calculator().run(data.loaded(), options);
	}

	@Override
	public void close() {
		// Holds nothing.
	}
}
