package io.yardstick.dsl.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.dsl.generator.CalculatorGenerator.GeneratedSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The compiler a Java runtime without javac falls back to: every calculator case compiled by the Eclipse compiler
 * gives exactly the golden values javac's build gives.
 */
class EclipseCompilerFallbackTest {

	@TestFactory
	Stream<DynamicTest> casesGiveTheGoldenValues() throws Exception {
		return CalculatorCases.all().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
			GeneratedSource source = new CalculatorGenerator().generate(CalculatorCases.template(folder), null);
			Class<?> compiled = CalculatorCompiler.compile(source.qualifiedClassName(), source.content(), new EclipseCompiler());
			assertThat(CalculatorCases.values(CalculatorCases.run(compiled, folder)))
					.isEqualTo(Files.readString(folder.resolve("expected/values.tsv"), StandardCharsets.UTF_8));
		}));
	}

	@Test
	void aSourceThatDoesNotCompileIsReportedWithTheCompilersMessages() {
		assertThatThrownBy(() -> CalculatorCompiler.compile("demo.Broken",
				"package demo;\npublic class Broken { int x = \"text\"; }\n", new EclipseCompiler()))
				.isInstanceOf(CalculatorCompiler.CompilationFailure.class)
				.hasMessageStartingWith("generated source of demo.Broken does not compile:\n2: Type mismatch: cannot convert from java.lang.String to int");
	}

	@Test
	void withAJdkTheCompilerIsJavac() {
		assertThat(CalculatorCompiler.compiler().getClass().getModule().getName()).isEqualTo("jdk.compiler");
	}
}
