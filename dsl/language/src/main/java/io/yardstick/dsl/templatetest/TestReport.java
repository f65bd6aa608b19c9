package io.yardstick.dsl.templatetest;

import io.yardstick.runtime.text.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test results for people ({@link #text}) and for CI servers ({@link #junitXml}). Deterministic: no times. */
public final class TestReport {
	/** The summary's and the coverage's words: {@code testreport_en.properties}, {@code testreport_zh.properties}. */
	public static final String TEXTS = "io/yardstick/dsl/templatetest/testreport";

	private TestReport() {
	}

	/** The report's words in a language (zh or en; others and null as {@link Texts#textLanguage} chooses). */
	public static Texts texts(String language) {
		return Texts.of(TEXTS, language);
	}

	/** {@link #text(List, List, Texts)} in English. */
	public static String text(List<TestResult> results, List<String> engines) {
		return text(results, engines, texts("en"));
	}

	/** Every failure, {@code path:line:column: test: expected … got …}, then the summary line. */
	public static String text(List<TestResult> results, List<String> engines, Texts texts) {
		StringBuilder text = new StringBuilder();
		for (TestResult result : results) {
			for (TestFailure failure : result.failures()) {
				text.append(failure.toText());
				if (result.inherited()) {
					text.append(texts.get("inherited", result.template()));
				}
				text.append('\n');
			}
		}
		return text.append(summary(results, engines, texts)).append('\n').toString();
	}

	/** {@link #summary(List, List, Texts)} in English. */
	public static String summary(List<TestResult> results, List<String> engines) {
		return summary(results, engines, texts("en"));
	}

	/** {@code 12 tests of 3 templates on java and duckdb: 11 passed, 1 failed (40 expectations checked)}. */
	public static String summary(List<TestResult> results, List<String> engines, Texts texts) {
		long failed = results.stream().filter(result -> !result.passed()).count();
		long templates = results.stream().map(TestResult::template).distinct().count();
		int checked = results.stream().mapToInt(TestResult::checked).sum();
		long skipped = results.stream().mapToLong(result -> result.skipped().size()).sum();
		return texts.get("summary", texts.plural("summary.tests", results.size()),
				texts.plural("summary.templates", templates), String.join(texts.get("summary.and"), engines),
				results.size() - failed, failed, texts.plural("summary.expectations", checked),
				skipped == 0 ? "" : texts.get("summary.skipped", skipped));
	}

	/**
	 * JUnit XML as CI servers read it: a {@code testsuite} per template, a {@code testcase} per test (classname the
	 * template, with the test's file and line), a {@code failure} whose text lists every failure of the test, and
	 * a {@code skipped} element for inherited expectations a template overrides.
	 */
	public static String junitXml(List<TestResult> results) {
		Map<String, List<TestResult>> byTemplate = new LinkedHashMap<>();
		for (TestResult result : results) {
			byTemplate.computeIfAbsent(result.template(), key -> new ArrayList<>()).add(result);
		}
		long failures = results.stream().filter(result -> !result.passed()).count();
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		xml.append("<testsuites name=\"yardstick test\" tests=\"").append(results.size()).append("\" failures=\"")
				.append(failures).append("\" errors=\"0\">\n");
		for (Map.Entry<String, List<TestResult>> suite : byTemplate.entrySet()) {
			List<TestResult> tests = suite.getValue();
			xml.append("  <testsuite name=\"").append(escape(suite.getKey())).append("\" tests=\"").append(tests.size())
					.append("\" failures=\"").append(tests.stream().filter(result -> !result.passed()).count())
					.append("\" errors=\"0\" skipped=\"0\">\n");
			for (TestResult test : tests) {
				xml.append("    <testcase name=\"").append(escape(test.test()))
						.append(test.inherited() ? " (from " + escape(test.declaredFor()) + ")" : "")
						.append("\" classname=\"").append(escape(test.template())).append("\" file=\"")
						.append(escape(test.position().file())).append("\" line=\"").append(test.position().line())
						.append("\" assertions=\"").append(test.checked()).append('"');
				if (test.passed() && test.skipped().isEmpty()) {
					xml.append("/>\n");
					continue;
				}
				xml.append(">\n");
				if (!test.passed()) {
					xml.append("      <failure message=\"").append(escape(test.failures().get(0).message()))
							.append("\" type=\"expectation\">");
					List<String> lines = test.failures().stream().map(TestFailure::toText).toList();
					xml.append(escape(String.join("\n", lines))).append("</failure>\n");
				}
				if (!test.skipped().isEmpty()) {
					xml.append("      <system-out>").append(escape("not checked: " + String.join("; ", test.skipped())))
							.append("</system-out>\n");
				}
				xml.append("    </testcase>\n");
			}
			xml.append("  </testsuite>\n");
		}
		return xml.append("</testsuites>\n").toString();
	}

	/** Text for an XML attribute or element; characters XML 1.0 cannot hold at all become U+FFFD. */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\n' -> escaped.append("&#10;");
				case '\t' -> escaped.append("&#9;");
				case '\r' -> escaped.append("&#13;");
				default -> {
					boolean allowed = c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
					escaped.appendCodePoint(allowed ? c : 0xFFFD);
				}
			}
		});
		return escaped.toString();
	}
}
