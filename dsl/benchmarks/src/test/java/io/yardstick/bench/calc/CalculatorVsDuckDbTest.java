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
	void theWideWorkloadAgreesWithItsHandWrittenQueryOnOneThreadAndTwo() throws Exception {
		for (int threads : new int[] { 1, 2 }) {
			CalculatorVsDuckDb.Settings settings = new CalculatorVsDuckDb.Settings(CalculatorVsDuckDb.Workload.WIDE,
					2_000, data, null, 1, 1, 1, 0, 1e-9, threads, true);
			ByteArrayOutputStream log = new ByteArrayOutputStream();
			CalculatorVsDuckDb.Outcome outcome = CalculatorVsDuckDb.run(settings,
					new PrintStream(log, true, StandardCharsets.UTF_8));

			assertThat(outcome.mismatches()).as(log.toString(StandardCharsets.UTF_8)).isEmpty();
			assertThat(outcome.rows()).containsOnlyKeys("Ticket").containsEntry("Ticket", 2_000L);
			// 16 metrics × 18 months × (the total + 7 regions)
			assertThat(outcome.valuesCompared()).isEqualTo(16 * 18 * 8);
			assertThat(CalculatorVsDuckDb.markdown(outcome)).contains("2,000 tickets, wide").contains("all agree")
					.contains("no customer table").contains(threads == 1 ? "the calculator 1 thread;" : "2 threads;");
		}
	}

	/** {@code --no-peer}: the calculator's phases alone, for its memory where DuckDB would not fit beside it. */
	@Test
	void withoutThePeerOnlyTheCalculatorIsMeasured() throws Exception {
		CalculatorVsDuckDb.Settings settings = new CalculatorVsDuckDb.Settings(CalculatorVsDuckDb.Workload.WIDE,
				2_000, data, null, 1, 1, 1, 0, 1e-9, 1, false);
		CalculatorVsDuckDb.Outcome outcome = CalculatorVsDuckDb.run(settings,
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

		assertThat(outcome.duckdbLoad()).isNull();
		assertThat(outcome.valuesCompared()).isEqualTo(16 * 18 * 8);
		assertThat(CalculatorVsDuckDb.markdown(outcome)).startsWith("#### 2,000 tickets, wide, Yardstick only\n")
				.contains("| peak Java heap, compute (true peak; sum of pool peaks) |").doesNotContain("DuckDB");
	}

	/** Ticket ids are unique, customer ids one per eight tickets or so, and the same bytes every time. */
	@Test
	void wideDataHasTheIssuesIdsAndIsTheSameEveryTime() throws Exception {
		java.io.StringWriter first = new java.io.StringWriter();
		java.io.StringWriter again = new java.io.StringWriter();
		WideData.write(first, 8_000);
		WideData.write(again, 8_000);
		String[] lines = first.toString().split("\n");

		assertThat(again.toString()).isEqualTo(first.toString());
		assertThat(lines).hasSize(8_001);
		assertThat(lines[0].split(",")).hasSize(18);
		java.util.Set<String> tickets = new java.util.HashSet<>();
		java.util.Set<String> customers = new java.util.HashSet<>();
		for (int i = 1; i < lines.length; i++) {
			String[] cells = lines[i].split(",", -1);
			assertThat(cells).as(lines[i]).hasSize(18);
			tickets.add(cells[0]);
			customers.add(cells[1]);
		}
		assertThat(tickets).hasSize(8_000);
		// 8,000 draws from 1,000 customers leave almost none out
		assertThat(customers.size()).isBetween(990, 1_000);
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
