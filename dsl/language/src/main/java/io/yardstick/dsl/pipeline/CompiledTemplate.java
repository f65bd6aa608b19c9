package io.yardstick.dsl.pipeline;

import io.yardstick.runtime.calc.Calculator;
import io.yardstick.runtime.spec.TemplateSpec;

/** The generated calculator, compiled and loaded, beside what it was generated from. */
public record CompiledTemplate(GeneratedTemplate generated, Calculator calculator) {

	/** The template as the runtime sees it: sources, fields, metrics, zone. */
	public TemplateSpec spec() {
		return calculator.template();
	}
}
