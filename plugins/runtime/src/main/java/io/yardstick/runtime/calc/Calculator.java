package io.yardstick.runtime.calc;

import io.yardstick.runtime.data.Dataset;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.spec.TemplateSpec;

/** What a generated calculator offers: its template, and a run over loaded data. */
public interface Calculator {

	TemplateSpec template();

	Results run(Dataset data, RunOptions options);
}
