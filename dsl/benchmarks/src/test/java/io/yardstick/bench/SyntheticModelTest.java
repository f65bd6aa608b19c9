package io.yardstick.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.LoadedModel;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.dsl.workspace.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The benchmark's model is what it claims to be: 5,000 metrics over 50 templates that validate
 * clean, and a variant that differs in exactly one metric. No timing here: speed is measured by
 * the JMH benchmarks and reported in docs/performance.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyntheticModelTest {
	private final SyntheticModel synthetic = SyntheticModel.standard();
	private KpiWorkspace workspace;
	private LoadedModel model;
	private List<Finding> findings;

	@BeforeAll
	void loadAndValidate() {
		workspace = new KpiWorkspace();
		model = workspace.load(synthetic.files());
		findings = workspace.validate(model, ProgressListener.NONE);
	}

	@Test
	void hasFiftyTemplatesOfOneHundredMetricsInFiftyOneFiles() {
		assertThat(synthetic.files()).hasSize(51);
		assertThat(synthetic.templates()).hasSize(50);
		assertThat(synthetic.metricCount()).isEqualTo(5_000);

		int templates = 0;
		int metrics = 0;
		for (String name : model.names()) {
			Resource resource = model.resource(name);
			templates += EcoreUtil2.getAllContentsOfType(resource.getContents().get(0), Template.class).size();
			metrics += EcoreUtil2.getAllContentsOfType(resource.getContents().get(0), Metric.class).size();
		}
		assertThat(templates).as("templates parsed").isEqualTo(50);
		assertThat(metrics).as("metrics parsed").isEqualTo(5_000);
	}

	@Test
	void validatesWithoutErrorsOrWarnings() {
		assertThat(render(findings, Severity.ERROR)).as("errors").isEmpty();
		assertThat(render(findings, Severity.WARNING)).as("warnings").isEmpty();
		// Divisions by a metric or an aggregate may meet zero: the validator says so, as an info.
		assertThat(findings).filteredOn(f -> f.severity() == Severity.INFO)
				.allSatisfy(f -> assertThat(f.code()).isEqualTo("zero-denominator"));
	}

	@Test
	void isDeterministic() {
		assertThat(SyntheticModel.standard().files()).isEqualTo(synthetic.files());
		SyntheticModel other = SyntheticModel.generate(50, 100, SyntheticModel.DEFAULT_SEED + 1);
		assertThat(other.files()).isNotEqualTo(synthetic.files());
	}

	@Test
	void aTemplateDoesNotDependOnHowManyAreGenerated() {
		SyntheticModel small = SyntheticModel.generate(5, 100, SyntheticModel.DEFAULT_SEED);
		assertThat(small.files().get("synthetic/t003.kpi")).isEqualTo(synthetic.files().get("synthetic/t003.kpi"));
	}

	@Test
	void variantEditsExactlyOneMetricAndStaysClean() throws Exception {
		String file = synthetic.variantFile();
		Map<String, String> original = synthetic.files();
		Map<String, String> variant = synthetic.variantFiles();
		for (String name : original.keySet()) {
			if (!name.equals(file)) {
				assertThat(variant.get(name)).as(name).isEqualTo(original.get(name));
			}
		}
		assertThat(variant.get(file)).isNotEqualTo(original.get(file));

		Map<String, String> before = metricTexts(model, file);
		workspace.replace(model, file, synthetic.variantText());
		try {
			List<Finding> edited = workspace.validate(model, file);
			assertThat(render(edited, Severity.ERROR)).as("errors in the variant").isEmpty();
			assertThat(render(edited, Severity.WARNING)).as("warnings in the variant").isEmpty();
			Map<String, String> after = metricTexts(model, file);
			assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
			List<String> changed = before.keySet().stream().filter(n -> !before.get(n).equals(after.get(n))).toList();
			assertThat(changed).containsExactly(synthetic.variantMetric());
		} finally {
			workspace.replace(model, file, original.get(file));
		}
		assertThat(render(workspace.validate(model, file), Severity.ERROR)).isEmpty();
	}

	@Test
	void smallestAndLargestTemplatesAlsoValidateClean() {
		// The scaling series uses templates of 25 to 200 metrics; other seeds must work as well.
		for (SyntheticModel shape : List.of(SyntheticModel.generate(3, 12, 7), SyntheticModel.generate(1, 200, 11),
				SyntheticModel.generate(4, 25, 13))) {
			KpiWorkspace ws = workspace;
			List<Finding> found = ws.validate(ws.load(shape.files()), ProgressListener.NONE);
			assertThat(render(found, Severity.ERROR)).as("errors").isEmpty();
			assertThat(render(found, Severity.WARNING)).as("warnings").isEmpty();
		}
	}

	private static Map<String, String> metricTexts(LoadedModel model, String file) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (Metric metric : EcoreUtil2.getAllContentsOfType(model.resource(file).getContents().get(0), Metric.class)) {
			texts.put(metric.getName(), NodeModelUtils.getTokenText(NodeModelUtils.findActualNodeFor(metric)));
		}
		return texts;
	}

	private static List<String> render(List<Finding> findings, Severity severity) {
		return findings.stream().filter(f -> f.severity() == severity).map(Finding::toText).limit(50)
				.collect(Collectors.toList());
	}
}
