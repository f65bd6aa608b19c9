package io.yardstick.dsl.templatetest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.yardstick.runtime.text.Texts;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Coverage for people ({@link #text}) and programs ({@link #json}). */
public final class CoverageReport {
	private CoverageReport() {
	}

	/** {@link #text(TestCoverage, Texts)} in English. */
	public static String text(TestCoverage coverage) {
		return text(coverage, TestReport.texts("en"));
	}

	/**
	 * Per template a summary line, then one line per gap: a metric without an expectation, a filter seen only true
	 * or only false, a row value never seen null, a division never seen by zero.
	 */
	public static String text(TestCoverage coverage, Texts texts) {
		StringBuilder text = new StringBuilder();
		for (TestCoverage.TemplateCoverage template : coverage.templates()) {
			List<TestCoverage.MetricCoverage> metrics = template.metrics();
			long expected = metrics.stream().filter(TestCoverage.MetricCoverage::expected).count();
			long filtersBoth = template.filters().stream().filter(CoverageReport::bothWays).count();
			long nullsSeen = template.nullables().stream().filter(probe -> probe.seen() > 0).count();
			List<TestCoverage.MetricCoverage> dividing = metrics.stream().filter(TestCoverage.MetricCoverage::divides)
					.toList();
			long zeroSeen = dividing.stream().filter(TestCoverage.MetricCoverage::seenZeroDenominator).count();
			text.append(texts.get("coverage.summary", template.template(), expected, metrics.size(), filtersBoth,
					template.filters().size(), nullsSeen, template.nullables().size(), zeroSeen, dividing.size()))
					.append('\n');
			for (TestCoverage.MetricCoverage metric : metrics) {
				if (!metric.expected()) {
					gap(text, texts.get("coverage.noExpectation", metric.name()));
				}
			}
			for (TestCoverage.Probe filter : template.filters()) {
				if (!bothWays(filter)) {
					String seen = texts.get(filter.rows() == 0 ? "coverage.filter.onNoRow"
							: filter.seen() == 0 ? "coverage.filter.onlyFalse" : "coverage.filter.onlyTrue");
					gap(text, texts.get("coverage.filter", filter.position().toText(), filter.text(), filter.metric(), seen,
							filter.seen(), filter.rows()));
				}
			}
			for (TestCoverage.Probe nullable : template.nullables()) {
				if (nullable.seen() == 0) {
					gap(text, texts.plural("coverage.neverNull", nullable.rows(), nullable.position().toText(),
							nullable.text(), nullable.metric()));
				}
			}
			for (TestCoverage.MetricCoverage metric : dividing) {
				if (!metric.seenZeroDenominator()) {
					gap(text, texts.get("coverage.zeroNeverSeen", metric.name()));
				}
			}
			if (template.problem() != null) {
				gap(text, template.problem());
			}
		}
		return text.toString();
	}

	private static void gap(StringBuilder text, String line) {
		text.append("  ").append(line).append('\n');
	}

	static boolean bothWays(TestCoverage.Probe filter) {
		return filter.seen() > 0 && filter.seen() < filter.rows();
	}

	/** Everything {@link #text} summarises, in full; docs/testing.md describes the fields. */
	public static String json(TestCoverage coverage) {
		StringWriter out = new StringWriter();
		try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
			json.useDefaultPrettyPrinter();
			json.writeStartObject();
			json.writeArrayFieldStart("templates");
			for (TestCoverage.TemplateCoverage template : coverage.templates()) {
				json.writeStartObject();
				json.writeStringField("template", template.template());
				json.writeArrayFieldStart("metrics");
				for (TestCoverage.MetricCoverage metric : template.metrics()) {
					json.writeStartObject();
					json.writeStringField("metric", metric.name());
					json.writeBooleanField("expected", metric.expected());
					json.writeBooleanField("seenNull", metric.seenNull());
					json.writeBooleanField("divides", metric.divides());
					json.writeBooleanField("seenZeroDenominator", metric.seenZeroDenominator());
					json.writeEndObject();
				}
				json.writeEndArray();
				probes(json, "filters", "rowsTrue", template.filters());
				probes(json, "rowValues", "rowsNull", template.nullables());
				if (template.problem() != null) {
					json.writeStringField("problem", template.problem());
				}
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString().replace("\r\n", "\n") + "\n";
	}

	private static void probes(JsonGenerator json, String name, String seenName, List<TestCoverage.Probe> probes)
			throws IOException {
		json.writeArrayFieldStart(name);
		for (TestCoverage.Probe probe : probes) {
			json.writeStartObject();
			json.writeStringField("metric", probe.metric());
			json.writeStringField("file", probe.position().file());
			json.writeNumberField("line", probe.position().line());
			json.writeNumberField("column", probe.position().column());
			json.writeStringField("text", probe.text());
			json.writeNumberField(seenName, probe.seen());
			json.writeNumberField("rows", probe.rows());
			json.writeEndObject();
		}
		json.writeEndArray();
	}
}
