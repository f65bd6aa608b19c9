package io.yardstick.dsl.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.generator.CalculatorGenerator.GeneratedSource;
import io.yardstick.dsl.testing.GoldenFiles;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.results.ResultsCsv;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Per case folder: the generated source equals the golden file, compiles (lint warnings are errors), runs on
 * the case's data, and gives exactly the expected values (and cohort tables, where the template declares one).
 */
class CalculatorGoldenTest {

	@TestFactory
	Stream<DynamicTest> cases() throws Exception {
		return CalculatorCases.all().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> check(folder)));
	}

	private static void check(Path folder) throws Exception {
		GeneratedSource source = new CalculatorGenerator().generate(CalculatorCases.template(folder), null);
		String simpleName = source.qualifiedClassName().substring(source.qualifiedClassName().lastIndexOf('.') + 1);
		assertThat(source.content()).doesNotContain("\r");
		GoldenFiles.assertMatches(folder.resolve("expected").resolve(simpleName + ".java"), source.content());
		Class<?> compiled = CalculatorCompiler.compile(source.qualifiedClassName(), source.content());
		Results results = CalculatorCases.run(compiled, folder);
		GoldenFiles.assertMatches(folder.resolve("expected/values.tsv"), CalculatorCases.values(results));
		if (!results.template().cohorts().isEmpty()) {
			// The cohort tables as put together from the run's totals, in the form yardstick run writes them.
			GoldenFiles.assertMatches(folder.resolve("expected/cohorts.csv"), ResultsCsv.toCohortsCsv(results));
		}
	}
}
