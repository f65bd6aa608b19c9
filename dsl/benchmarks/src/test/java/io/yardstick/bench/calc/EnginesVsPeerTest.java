package io.yardstick.bench.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both workloads on 2,000 sample tickets: the Java calculator, Yardstick's SQL on DuckDB and the hand-written
 * queries agree on every value, so the benchmark compares like with like. Times are measured, never asserted.
 */
class EnginesVsPeerTest {
	@TempDir
	Path data;

	@Test
	void javaYardstickSqlAndTheHandWrittenQueriesAgreeOnEveryValue() throws Exception {
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		List<EnginesVsPeer.Outcome> outcomes = EnginesVsPeer.run(new EnginesVsPeer.Settings(2_000, data, 0, 1, null, 0, java.util.Set.of(), 0),
				new PrintStream(log, true, StandardCharsets.UTF_8));

		assertThat(outcomes).extracting(outcome -> outcome.workload().name()).containsExactly("after-sales",
				"all aggregates");
		for (EnginesVsPeer.Outcome outcome : outcomes) {
			assertThat(outcome.mismatches()).as(log.toString(StandardCharsets.UTF_8)).isEmpty();
			assertThat(outcome.nulls()).isLessThan(outcome.values());
		}
		// 14 metrics × 18 months × (the total, each region, each region × product line).
		assertThat(outcomes.get(1).values()).isGreaterThan(14 * 18 * 3);
		assertThat(EnginesVsPeer.markdown(outcomes)).contains("all agree").doesNotContain("MISMATCHES");
	}
}
