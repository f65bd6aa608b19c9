package io.yardstick.runtime.calc;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.runtime.data.Dataset;
import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.spec.Direction;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.LayerSpec;
import io.yardstick.runtime.spec.MetricSpec;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.time.Grain;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Run#scan} cuts a large source into chunks by its rows alone and merges them in chunk order: the values
 * are the same bits with one thread and with several, and they are those of one unbroken pass over the rows, up
 * to the rounding of sums taken in another order.
 */
class ChunkedScanTest {
	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	private static final int ROWS = 260_000;
	private static final int METRICS = 6;

	@Test
	void oneThreadAndSeveralGiveTheSameBitsAndAnUnbrokenPassGivesTheSameValues() {
		Dataset data = data();
		TemplateSpec template = template();
		assertThat(Run.chunks(ROWS)).isEqualTo(5);

		double[][] unbroken = values(template, data, 1, false);
		double[][] oneThread = values(template, data, 1, true);
		double[][] twoThreads = values(template, data, 2, true);
		double[][] threeThreads = values(template, data, 3, true);

		for (int m = 0; m < METRICS; m++) {
			assertThat(twoThreads[m]).as("metric %d, two threads", m).isEqualTo(oneThread[m]);
			assertThat(threeThreads[m]).as("metric %d, three threads", m).isEqualTo(oneThread[m]);
			for (int cell = 0; cell < unbroken[m].length; cell++) {
				double expected = unbroken[m][cell];
				double actual = oneThread[m][cell];
				assertThat(Double.isNaN(actual)).as("metric %d, cell %d", m, cell).isEqualTo(Double.isNaN(expected));
				if (m == 0 || m >= 3) {
					// counts, percentiles and distinct counts merge without rounding
					assertThat(actual).as("metric %d, cell %d", m, cell).isEqualTo(expected);
				} else {
					assertThat(Math.abs(actual - expected)).as("metric %d, cell %d", m, cell)
							.isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(expected)));
				}
			}
		}
		assertThat(unbroken[0]).as("rows in the three months").containsExactly(expectedCounts(data));
	}

	/** Every metric's value per month: the kernels filled by a scan of every row, chunked or in one pass. */
	private static double[][] values(TemplateSpec template, Dataset data, int threads, boolean chunked) {
		Run run = Run.start(template, data, new RunOptions(Grain.MONTH, List.of(), null, null).withThreads(threads));
		Run.Part whole = part(run, data);
		if (chunked) {
			run.scan("Row", whole, () -> part(run, data));
		} else {
			whole.rows().scan(0, ROWS);
		}
		double[][] values = new double[METRICS][run.periods().count()];
		for (int m = 0; m < METRICS; m++) {
			Kernel kernel = whole.kernels()[m];
			kernel.finish();
			for (int p = 0; p < values[m].length; p++) {
				values[m][p] = kernel.value(0, p, 0);
			}
		}
		return values;
	}

	/** A count, a sum, a mean, a standard deviation, a 90th percentile and a distinct count of one column. */
	private static Run.Part part(Run run, Dataset data) {
		Count count = new Count(run, 0);
		Sum sum = new Sum(run, 1);
		Deviation deviation = new Deviation(run, 2);
		Quantile p90 = new Quantile(run, 3, 0.9);
		Quantile median = Quantile.median(run, 4);
		Distinct distinct = new Distinct(run, 5);
		long[] at = data.table("Row").times("at");
		double[] x = data.table("Row").numbers("x");
		int[][] groupCodes = run.groupCodes("Row");
		return new Run.Part((from, to) -> {
			int[] cells = new int[run.groupings()];
			for (int row = from; row < to; row++) {
				int p = run.periods().indexOf(at[row]);
				if (p >= 0) {
					run.cellsOf(groupCodes, row, p, cells);
					count.add(cells);
					sum.add(cells, x[row]);
					deviation.add(cells, x[row]);
					p90.add(cells, x[row]);
					median.add(cells, x[row]);
					distinct.add(cells, x[row]);
				}
			}
		}, count, sum, deviation, p90, median, distinct);
	}

	private static double[] expectedCounts(Dataset data) {
		double[] counts = new double[3];
		for (long t : data.table("Row").times("at")) {
			counts[java.time.Instant.ofEpochMilli(t).atZone(ZONE).getMonthValue() - 1]++;
		}
		return counts;
	}

	private static Dataset data() {
		Random random = new Random(5);
		long start = LocalDateTime.of(2025, 1, 1, 0, 0).atZone(ZONE).toInstant().toEpochMilli();
		long[] at = new long[ROWS];
		double[] x = new double[ROWS];
		for (int row = 0; row < ROWS; row++) {
			at[row] = start + random.nextInt(90) * 86_400_000L + random.nextInt(86_400_000);
			// cents: sums of them round differently in another order
			x[row] = random.nextInt(7) == 0 ? Double.NaN : random.nextInt(100_000) / 100.0;
		}
		return new Dataset().add(new Table(source(), ROWS, Map.of("at", at, "x", x), Map.of()));
	}

	private static SourceSpec source() {
		return new SourceSpec("Row", List.of(
				new FieldSpec("at", FieldType.TIMESTAMP, false, false, false, true, null, null, null, List.of(), null),
				new FieldSpec("x", FieldType.NUMBER, true, false, false, false, null, null, null, List.of(), null)));
	}

	private static TemplateSpec template() {
		List<MetricSpec> metrics = new java.util.ArrayList<>();
		for (int m = 0; m < METRICS; m++) {
			metrics.add(new MetricSpec("m" + m, Map.of(), "execution", FieldType.NUMBER, null, null, null,
					Direction.HIGHER_IS_BETTER, false, null, null, null, List.of(), "x", null, null, null,
					List.of("Row")));
		}
		return new TemplateSpec("test.Chunks", Map.of(), ZONE, List.of(source()), List.of(),
				List.of(new LayerSpec("execution", Map.of(), 1)), metrics, List.of(), List.of());
	}
}
