package io.yardstick.dsl.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.generator.CalculatorGenerator.GeneratedSource;
import io.yardstick.dsl.testing.GoldenFiles;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Per case folder: the generated source equals the golden file, compiles (lint warnings are errors), runs on
 * the case's data, and gives exactly the expected values.
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
		GoldenFiles.assertMatches(folder.resolve("expected/values.tsv"),
				CalculatorCases.values(CalculatorCases.run(compiled, folder)));
	}
}
