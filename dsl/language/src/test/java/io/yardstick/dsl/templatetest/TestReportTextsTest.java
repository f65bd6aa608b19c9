package io.yardstick.dsl.templatetest;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.runtime.text.Texts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test report's words in both languages: the same keys, and the same report told in each. */
class TestReportTextsTest {
	private static final TestPosition AT = new TestPosition("a.kpi", 12, 3, 12, 9);

	@Test
	void everyKeyIsInBothLanguages() {
		assertThat(Texts.entries(TestReport.TEXTS, "zh").keySet()).isEqualTo(Texts.entries(TestReport.TEXTS, "en").keySet());
	}

	@Test
	void theSummaryAndAnInheritedFailureAreToldInTheLanguageAskedFor() {
		List<TestResult> results = List.of(
				new TestResult("c.Client", "baseline", "s.Standard", AT, 3, List.of("tickets: overridden"),
						List.of(new TestFailure(AT, "baseline: expected 3, got 4"))),
				new TestResult("c.Client", "own", "c.Client", AT, 1, List.of(), List.of()));
		List<String> engines = List.of("java", "duckdb");
		assertThat(TestReport.text(results, engines)).isEqualTo("a.kpi:12:3: baseline: expected 3, got 4"
				+ " (inherited, run on c.Client)\n"
				+ "2 tests of 1 template on java and duckdb: 1 passed, 1 failed (4 expectations checked, 1 skipped)\n");
		assertThat(TestReport.text(results, engines, TestReport.texts("zh"))).isEqualTo(
				"a.kpi:12:3: baseline: expected 3, got 4（继承的测试，在 c.Client 上运行）\n"
						+ "1 个模板的 2 个测试，在 java 和 duckdb 上运行：通过 1 个，失败 1 个（检查了 4 个期望值，跳过 1 个）\n");
	}
}
