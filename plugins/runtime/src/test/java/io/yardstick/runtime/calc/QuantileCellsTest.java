package io.yardstick.runtime.calc;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.runtime.spec.DimensionSpec;
import io.yardstick.runtime.spec.Direction;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.LayerSpec;
import io.yardstick.runtime.spec.MetricSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.time.Grain;
import io.yardstick.runtime.time.Periods;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Percentiles keep each value once, in the finest grouping's cells, and find a coarser cell's from the union of
 * its fine cells: every cell of every grouping must still be the R-7 percentile of exactly its own rows, whole
 * or merged from parts, with the crossed grouping's dimensions in either order.
 */
class QuantileCellsTest {
	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	static final List<String> REGIONS = List.of("east", "north", "south");
	static final List<String> LINES = List.of("a", "b", "c", "d");

	@Test
	void everyGroupingsCellIsThePercentileOfItsOwnRows() {
		for (String breakdowns : List.of("region,region*line", "line*region,region,line", "region,line",
				"region*line")) {
			for (int parts : new int[] { 1, 3 }) {
				check(breakdowns, parts, 0.9);
				check(breakdowns, parts, 0.5);
				check(breakdowns, parts, 0);
				check(breakdowns, parts, 1);
			}
		}
	}

	/** One value repeated and a cell with one value: ties and the smallest cells. */
	@Test
	void tiesAndSingleValues() {
		Run run = run("region*line,region");
		Quantile p90 = new Quantile(run, 0, 0.9);
		int[] cells = new int[run.groupings()];
		cellsOf(run, 0, 1, 2, cells);
		for (int i = 0; i < 10; i++) {
			p90.add(cells, 7);
		}
		cellsOf(run, 1, 0, 0, cells);
		p90.add(cells, -3.5);
		p90.finish();
		assertThat(p90.value(0, 0, 0)).isEqualTo(7);
		assertThat(p90.value(1, 0, 1 * LINES.size() + 2)).isEqualTo(7);
		assertThat(p90.value(2, 0, 1)).isEqualTo(7);
		assertThat(p90.value(0, 1, 0)).isEqualTo(-3.5);
		assertThat(p90.value(2, 1, 0)).isEqualTo(-3.5);
		assertThat(p90.value(2, 1, 1)).isNaN();
		assertThat(p90.value(1, 0, 0)).isNaN();
	}

	/**
	 * Large cells find their statistics through a sample: values in order, in reverse, mostly one value, in two
	 * far clusters and at random must give what sorting gives, at levels near either end too.
	 */
	@Test
	void largeCellsOfEveryShape() {
		int rows = 60_000;
		for (String shape : List.of("ascending", "descending", "ties", "clusters", "random", "signed zeros")) {
			Random random = new Random(shape.hashCode());
			double[] values = new double[rows];
			int[] regions = new int[rows];
			for (int row = 0; row < rows; row++) {
				values[row] = switch (shape) {
					case "ascending" -> row;
					case "descending" -> -row * 0.5;
					case "ties" -> random.nextInt(100) == 0 ? random.nextInt(10) : 3;
					case "clusters" -> random.nextBoolean() ? 1e9 + random.nextInt(50) : -random.nextInt(50);
					case "signed zeros" -> random.nextInt(3) == 0 ? random.nextInt(5) : random.nextBoolean() ? 0.0 : -0.0;
					default -> random.nextGaussian() * 1000;
				};
				regions[row] = shape.equals("ascending") ? row * REGIONS.size() / rows : random.nextInt(REGIONS.size());
			}
			for (double fraction : new double[] { 0.001, 0.1, 0.5, 0.9, 0.999 }) {
				Run run = run("region");
				Quantile whole = new Quantile(run, 0, fraction);
				int[] cells = new int[run.groupings()];
				for (int row = 0; row < rows; row++) {
					cellsOf(run, 1, regions[row], 0, cells);
					whole.add(cells, values[row]);
				}
				whole.finish();
				for (int g = 0; g < run.groupings(); g++) {
					for (int group = 0; group < run.groups(g); group++) {
						List<Double> own = new ArrayList<>();
						for (int row = 0; row < rows; row++) {
							if (g == 0 || regions[row] == group) {
								own.add(values[row]);
							}
						}
						assertThat(Double.valueOf(whole.value(g, 1, group))).as("%s, p%s: grouping %d, group %d", shape,
								fraction, g, group).isEqualTo(Double.valueOf(r7(own, fraction)));
					}
				}
			}
		}
	}

	/** Blocks linked from another cell keep their order and their partly filled ends. */
	@Test
	void linkedBlocksCopyOutInTheOrderAdded() {
		Quantile.CellValues first = new Quantile.CellValues();
		Quantile.CellValues second = new Quantile.CellValues();
		Quantile.CellValues third = new Quantile.CellValues();
		List<Double> expected = new ArrayList<>();
		for (int i = 0; i < 9_000; i++) {
			first.add(i);
			expected.add((double) i);
		}
		for (int i = 0; i < 5; i++) {
			second.add(-i);
			expected.add((double) -i);
		}
		for (int i = 0; i < 4_100; i++) {
			third.add(i * 0.5);
			expected.add(i * 0.5);
		}
		first.link(second);
		first.link(third);
		first.add(42);
		expected.add(42.0);
		double[] out = new double[first.size() + 2];
		assertThat(first.copyTo(out, 2)).isEqualTo(expected.size() + 2);
		for (int i = 0; i < expected.size(); i++) {
			assertThat(out[i + 2]).as("value %d", i).isEqualTo(expected.get(i));
		}
	}

	private static void check(String breakdowns, int parts, double fraction) {
		Run run = run(breakdowns);
		Random random = new Random(breakdowns.hashCode() * 31L + parts);
		int rows = 20_000;
		int[] months = new int[rows];
		int[] regions = new int[rows];
		int[] lines = new int[rows];
		double[] values = new double[rows];
		for (int row = 0; row < rows; row++) {
			months[row] = random.nextInt(3);
			regions[row] = random.nextInt(REGIONS.size());
			// line d never in the south: a fine cell with no values inside a coarse one with many
			lines[row] = regions[row] == 2 ? random.nextInt(LINES.size() - 1) : random.nextInt(LINES.size());
			values[row] = random.nextInt(4) == 0 ? random.nextInt(20) : random.nextGaussian() * 100;
			if (random.nextInt(50) == 0) {
				values[row] = Double.NaN;
			}
		}
		Quantile whole = new Quantile(run, 0, fraction);
		Quantile[] kernels = new Quantile[parts];
		kernels[0] = whole;
		for (int i = 1; i < parts; i++) {
			kernels[i] = new Quantile(run, 0, fraction);
		}
		int[] cells = new int[run.groupings()];
		for (int row = 0; row < rows; row++) {
			cellsOf(run, months[row], regions[row], lines[row], cells);
			kernels[(int) ((long) row * parts / rows)].add(cells, values[row]);
		}
		for (int i = 1; i < parts; i++) {
			whole.merge(kernels[i]);
		}
		whole.finish();
		for (int g = 0; g < run.groupings(); g++) {
			for (int month = 0; month < 3; month++) {
				for (int group = 0; group < run.groups(g); group++) {
					List<Double> own = new ArrayList<>();
					for (int row = 0; row < rows; row++) {
						cellsOf(run, months[row], regions[row], lines[row], cells);
						if (cells[g] == month * run.groups(g) + group && !Double.isNaN(values[row])) {
							own.add(values[row]);
						}
					}
					// boxed: the same bits, and null (NaN) equal to null
					assertThat(Double.valueOf(whole.value(g, month, group))).as("%s, %d parts, p%s: grouping %d, month %d, group %d",
							breakdowns, parts, fraction, g, month, group).isEqualTo(Double.valueOf(r7(own, fraction)));
				}
			}
		}
	}

	/** R-7 by sorting, as a reader checks it by hand. */
	private static double r7(List<Double> values, double fraction) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		// the 1-based position, with the level through percent and back as the kernel computes it
		double position = (fraction * 100 / 100) * (sorted.length - 1) + 1;
		int lower = (int) Math.floor(position) - 1;
		if (lower + 1 >= sorted.length) {
			return sorted[sorted.length - 1];
		}
		return sorted[lower] + (position - Math.floor(position)) * (sorted[lower + 1] - sorted[lower]);
	}

	/** A row's cells, as a generated scan computes them from its region and line codes. */
	static void cellsOf(Run run, int month, int region, int line, int[] cells) {
		for (int g = 0; g < run.groupings(); g++) {
			int group = 0;
			for (String dimension : groupings(run).get(g).dimensions()) {
				group = dimension.equals("region") ? group * REGIONS.size() + region : group * LINES.size() + line;
			}
			cells[g] = month * run.groups(g) + group;
		}
	}

	static List<Grouping> groupings(Run run) {
		return run.finish().groupings().stream().map(result -> result.grouping()).toList();
	}

	/** A run of one metric by region and line over three months, for kernels filled by hand. */
	static Run run(String breakdowns) {
		MetricSpec metric = new MetricSpec("p", Map.of(), "execution", FieldType.NUMBER, null, null, null,
				Direction.HIGHER_IS_BETTER, false, null, null, null, List.of("region", "line"), "percentile(x)", null,
				null, null, List.of("Row"));
		TemplateSpec template = new TemplateSpec("test.Quantiles", Map.of(), ZONE, List.of(),
				List.of(new DimensionSpec("region", Map.of(), Map.of()), new DimensionSpec("line", Map.of(), Map.of())),
				List.of(new LayerSpec("execution", Map.of(), 1)), List.of(metric), List.of(), List.of());
		Periods periods = Periods.between(Grain.MONTH, ZONE, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));
		return Run.overCells(template, periods, Map.of("region", REGIONS, "line", LINES),
				new RunOptions(Grain.MONTH, Grouping.parseList(breakdowns), null, null));
	}
}
