package io.yardstick.dsl.templatetest;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.pipeline.CompiledTemplate;
import io.yardstick.dsl.pipeline.ComputeEngine;
import io.yardstick.dsl.pipeline.ComputeException;
import io.yardstick.dsl.pipeline.JavaEngine;
import io.yardstick.dsl.pipeline.SourceData;
import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.results.Results;
import io.yardstick.dsl.pipeline.Pipeline;
import io.yardstick.dsl.testing.GoldenFiles;
import io.yardstick.dsl.testing.ValidationCases;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Template tests run on the Java calculator, each case folder's tests against its complete expected output: the
 * failures with their positions and the summary ({@code expected/output.txt}), and for the coverage case what the
 * tests exercised ({@code expected/coverage.txt}). Paths are relative to the case folder.
 */
class TemplateTestRunnerTest {
	private static final Path CASES = Path.of("src/test/resources/template-tests");

	@TestFactory
	Stream<DynamicTest> eachCaseGivesExactlyItsExpectedOutput() {
		return ValidationCases.caseFolders(CASES).stream().map(folder -> DynamicTest.dynamicTest(
				folder.getFileName().toString(), () -> {
					Run run = run(folder);
					GoldenFiles.assertMatches(folder.resolve("expected/output.txt"), run.output());
					GoldenFiles.assertMatches(folder.resolve("expected/coverage.txt"), run.coverage());
				}));
	}

	@Test
	void aPassingCaseFailsNothingAndAFailingOneSaysWhere() throws Exception {
		assertThat(run(CASES.resolve("passing")).results()).allMatch(TestResult::passed).hasSize(3);
		List<TestResult> failing = run(CASES.resolve("failing")).results();
		assertThat(failing).extracting(TestResult::passed).containsExactly(false, true);
		TestFailure first = failing.get(0).failures().get(0);
		assertThat(first.position().line()).isEqualTo(16);
		assertThat(first.position().column()).isEqualTo(3);
		assertThat(first.message()).isEqualTo("wrongExpectations: expected fcr in 2026-03 = 75%, got 66.6667%");
	}

	/**
	 * An engine that computes what Java computes, then adds one to the first value of a metric: the runner must
	 * report the disagreement as a failure of its own, at the test, even where every expectation is met.
	 */
	@Test
	void anEngineThatDisagreesWithJavaFailsTheTest() throws Exception {
		Path folder = CASES.resolve("passing");
		KpiWorkspace.ValidatedModel validated = Pipeline.validate(folder.resolve("model"), ProgressListener.NONE);
		ComputeEngine skewed = new ComputeEngine() {
			@Override
			public String name() {
				return "skewed";
			}

			@Override
			public String describe() {
				return "Java, one value off";
			}

			@Override
			public Results compute(CompiledTemplate compiled, SourceData data, RunOptions options) throws ComputeException {
				Results results = new JavaEngine().compute(compiled, data, options);
				results.total().values()[results.index("cost")][0] += 1;
				return results;
			}

			@Override
			public void close() {
				// Holds nothing.
			}
		};
		List<TestResult> results = new TestRunner(List.of(skewed), null).runAll(validated.model(),
				validated.report().findings(), template -> true);
		String output = TestReport.text(results, List.of("java", "skewed")).replace(folder + "/", "");
		assertThat(output).isEqualTo("""
				model/shop.tests.kpi:5:2: npsTextbook: Java and skewed disagree on cost in 2026-03: 1000 (Java) against 1001 (skewed)
				model/shop.tests.kpi:36:2: zoneAndRange: Java and skewed disagree on cost in 2026-03-31: 120.5 (Java) against 121.5 (skewed)
				model/shop.tests.kpi:51:2: badRowExpected: Java and skewed disagree on cost in 2026-03: 10 (Java) against 11 (skewed)
				3 tests of 1 template on java and skewed: 0 passed, 3 failed (15 expectations checked)
				""");
	}

	record Run(List<TestResult> results, String output, String coverage) {
	}

	static Run run(Path folder) throws Exception {
		KpiWorkspace.ValidatedModel validated = Pipeline.validate(folder.resolve("model"), ProgressListener.NONE);
		assertThat(validated.report().findings()).as("findings of %s", folder)
				.noneMatch(finding -> finding.severity() == io.yardstick.dsl.workspace.Severity.ERROR);
		TestCoverage coverage = new TestCoverage();
		List<TestResult> results = new TestRunner(List.of(), coverage).runAll(validated.model(),
				validated.report().findings(), template -> true);
		String prefix = folder.toString() + "/";
		return new Run(results, TestReport.text(results, List.of(JavaEngine.NAME)).replace(prefix, ""),
				CoverageReport.text(coverage).replace(prefix, ""));
	}
}
