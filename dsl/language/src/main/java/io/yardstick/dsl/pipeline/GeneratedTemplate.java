package io.yardstick.dsl.pipeline;

import io.yardstick.dsl.generator.CalculatorGenerator.GeneratedSource;
import io.yardstick.dsl.generator.CalculatorModel;
import io.yardstick.dsl.generator.GeneratorException;
import io.yardstick.dsl.generator.ReportGenerator.GeneratedReport;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.Severity;
import io.yardstick.report.ConformanceReport;
import java.util.List;

/**
 * What generation gives.
 *
 * @param plan the backend-neutral plan that the Java calculator's source was rendered from and that the SQL
 *     renderers read
 * @param reports the template's reports in declaration order (the derived one when it declares none)
 * @param conformance how the template departs from the one it extends; null when it extends none
 */
public record GeneratedTemplate(SelectedTemplate selected, CalculatorModel plan, GeneratedSource source,
		List<GeneratedReport> reports, ConformanceReport conformance) {

	/** The code of a finding for a construct the validator accepts but a generator or engine cannot translate. */
	public static final String NOT_GENERATED = "not-generated";

	public GeneratedTemplate {
		reports = List.copyOf(reports);
	}

	/** A construct a renderer refuses, as a finding at the construct's position. */
	public Finding refusal(GeneratorException refused) {
		return KpiWorkspace.findingAt(selected.model(), refused.where(), Severity.ERROR, NOT_GENERATED,
				refused.getMessage());
	}
}
