package io.yardstick.bench.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe loads every row each time and reports each load and the median; times are never asserted. */
class LoadProbeTest {
	@TempDir
	Path data;

	@Test
	void everyLoadReadsEveryRow() throws Exception {
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		long[] cpu = LoadProbe.run(CalculatorVsDuckDb.Workload.WIDE, 2_000, data, 3,
				new PrintStream(log, true, StandardCharsets.UTF_8));
		String text = log.toString(StandardCharsets.UTF_8);
		assertThat(cpu).hasSize(3);
		assertThat(text).contains("load 1: ").contains("load 3: ")
				.containsPattern("wide, 2000 tickets: loading thread's CPU, median of 3 loads: \\d+ ms");
		assertThat(text.lines().filter(line -> line.startsWith("load ")))
				.allSatisfy(line -> assertThat(line).endsWith(" ms of CPU, 2000 rows"));
	}
}
