package io.yardstick.bench.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole comparison on 2,000 sample tickets: the generated calculator and DuckDB's SQL must agree on every
 * value. Times are measured but never asserted.
 */
class CalculatorVsDuckDbTest {
	@TempDir
	Path data;

	@Test
	void calculatorAndDuckDbAgreeOnEveryValue() throws Exception {
		CalculatorVsDuckDb.Settings settings = new CalculatorVsDuckDb.Settings(CalculatorVsDuckDb.Workload.AFTER_SALES,
				2_000, data, null, 1, 1, 1, 0, 1e-9);
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		CalculatorVsDuckDb.Outcome outcome = CalculatorVsDuckDb.run(settings,
				new PrintStream(log, true, StandardCharsets.UTF_8));

		assertThat(outcome.mismatches()).as(log.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(outcome.rows().get("Ticket")).isEqualTo(2_000L);
		assertThat(outcome.months()).isEqualTo(18);
		// 10 metrics × 18 months × (the total + each region), some of them null (small groups).
		assertThat(outcome.valuesCompared()).isEqualTo(10 * 18 * (1 + outcome.regions()));
		assertThat(outcome.regions()).isGreaterThan(1);
		assertThat(outcome.nullValues()).isLessThan(outcome.valuesCompared());
		assertThat(CalculatorVsDuckDb.markdown(outcome)).contains("all agree");
	}

	@Test
	void theAllAggregatesWorkloadAgreesWithItsHandWrittenQuery() throws Exception {
		CalculatorVsDuckDb.Settings settings = new CalculatorVsDuckDb.Settings(
				CalculatorVsDuckDb.Workload.ALL_AGGREGATES, 2_000, data, null, 1, 1, 1, 0, 1e-9);
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		CalculatorVsDuckDb.Outcome outcome = CalculatorVsDuckDb.run(settings,
				new PrintStream(log, true, StandardCharsets.UTF_8));

		assertThat(outcome.mismatches()).as(log.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(outcome.rows()).containsOnlyKeys("Ticket", "Customer");
		// 14 metrics × 18 months × (the total + each region + each region × product line)
		assertThat(outcome.valuesCompared()).isGreaterThan(14 * 18 * (1 + outcome.regions()));
		assertThat(CalculatorVsDuckDb.markdown(outcome)).contains("2,000 tickets, all-aggregates").contains("all agree")
				.doesNotContain("orders");
	}

	@Test
	void generatedDataIsReusedWhenTheSettingsMatch() throws Exception {
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
		Path first = SampleData.ensure(data, SampleData.settings(100), out);
		Path again = SampleData.ensure(data, SampleData.settings(100), out);

		assertThat(again).isEqualTo(first);
		assertThat(log.toString(StandardCharsets.UTF_8)).contains("generating").contains("reusing");
	}

	@Test
	void toleranceIsRelativeAndNullsMustMatch() {
		MetricValues a = new MetricValues();
		MetricValues b = new MetricValues();
		a.put("m", "total", "", "2025-01", 1_000_000.0);
		b.put("m", "total", "", "2025-01", 1_000_000.0000001);
		a.put("m", "total", "", "2025-02", null);
		b.put("m", "total", "", "2025-02", null);
		a.put("m", "total", "", "2025-03", 0.5);
		b.put("m", "total", "", "2025-03", 0.5000001);
		a.put("m", "total", "", "2025-04", null);
		b.put("m", "total", "", "2025-04", 0.0);
		a.put("m", "total", "", "2025-05", 1.0);

		assertThat(MetricValues.mismatches(a, b, 1e-9)).hasSize(3)
				.anyMatch(line -> line.startsWith("m total 2025-03"))
				.anyMatch(line -> line.startsWith("m total 2025-04"))
				.anyMatch(line -> line.contains("only the calculator"));
	}
}
