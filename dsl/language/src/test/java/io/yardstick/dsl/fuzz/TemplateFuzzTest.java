package io.yardstick.dsl.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.generator.CalculatorGenerator;
import io.yardstick.dsl.generator.CalculatorGenerator.GeneratedSource;
import io.yardstick.dsl.generator.GeneratorException;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.testing.Models;
import io.yardstick.dsl.validation.IssueCodes;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.LoadedModel;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.dsl.workspace.Severity;
import io.yardstick.dsl.workspace.KpiFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.xtext.EcoreUtil2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded, bounded fuzzing of template text through validate and generate: templates are generated from
 * the grammar and then mutated (characters and tokens inserted, deleted, repeated; deep nesting; long
 * chains; extreme numbers and names). For each: no internal-error finding, no exception escapes the
 * workspace or the generator, and every template that validates without errors generates Java that
 * compiles. docs/reliability.md gives the counts; {@code -Dyardstick.fuzz=long} runs a long campaign and
 * {@code -Dyardstick.fuzz.seed=N} replays one seed.
 */
class TemplateFuzzTest {
	private static final long SEED = Long.getLong("yardstick.fuzz.seed", 20261206L);
	private static final boolean LONG = "long".equals(System.getProperty("yardstick.fuzz"));
	/** Inputs validated; every one that validates clean is generated and compiled too. */
	private static final int INPUTS = Integer.getInteger("yardstick.fuzz.inputs", LONG ? 50_000 : 1_000);

	@TempDir
	Path folder;

	@Test
	void noInternalErrorsAndEveryCleanTemplateCompiles() throws IOException {
		KpiWorkspace workspace = Models.workspace();
		TemplateText generator = new TemplateText();
		List<String> failures = new ArrayList<>();
		Map<String, String> sources = new LinkedHashMap<>();
		Map<String, String> inputs = new LinkedHashMap<>();
		int clean = 0;
		for (int i = 0; i < INPUTS && failures.size() < 5; i++) {
			long seed = SEED + i;
			String text = generator.template(new Random(seed));
			Path file = folder.resolve("fuzz.kpi");
			// A mutation may split a surrogate pair: written as UTF-8 it becomes '?', as an editor would save it.
			Files.write(file, text.getBytes(StandardCharsets.UTF_8));
			try {
				// Through the files, as `yardstick validate` and `generate` read them.
				KpiWorkspace.ValidatedModel validated = workspace.loadAndValidate(KpiFiles.collect(List.of(file)),
						ProgressListener.NONE);
				LoadedModel loaded = validated.model();
				List<Finding> findings = validated.report().findings();
				findings.stream().filter(finding -> finding.code().equals(IssueCodes.INTERNAL_ERROR))
						.forEach(finding -> failures.add("seed " + seed + ": " + finding.toText() + "\n" + text));
				if (findings.stream().noneMatch(finding -> finding.severity() == Severity.ERROR)) {
					clean++;
					Model model = (Model) loaded.resource(loaded.names().get(0)).getContents().get(0);
					for (Template template : EcoreUtil2.typeSelect(model.getElements(), Template.class)) {
						// A package of its own per input, so that one javac run compiles many; the template's
						// package follows, so that its names are mapped as the generator maps them.
						String packageName = "s" + seed + (model.getName() == null ? "" : "." + model.getName());
						GeneratedSource source = new CalculatorGenerator().generate(template, packageName);
						sources.put(source.qualifiedClassName(), source.content());
						inputs.put(source.qualifiedClassName(), "seed " + seed + "\n" + text);
					}
				}
			} catch (GeneratorException e) {
				failures.add("seed " + seed + ": validates clean but is not generated: " + e.getMessage() + "\n" + text);
			} catch (RuntimeException | StackOverflowError e) {
				failures.add("seed " + seed + ": " + e + "\n" + text);
			}
		}
		failures.addAll(BatchCompiler.compile(sources, inputs));
		System.out.printf("template fuzz: seed %d, %d inputs, %d validate clean, %d calculators compiled%n", SEED, INPUTS,
				clean, sources.size());
		assertThat(failures).as("internal errors").isEmpty();
		// The generator must keep producing valid templates, or the compile half of the suite tests nothing.
		assertThat(clean).as("templates that validate clean").isGreaterThan(INPUTS / 10);
	}
}
