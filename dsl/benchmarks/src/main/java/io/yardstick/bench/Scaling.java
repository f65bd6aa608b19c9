package io.yardstick.bench;

import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.LoadedModel;
import io.yardstick.dsl.workspace.ProgressListener;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether full validation grows linearly with the model: 1,250 to 10,000 metrics, once by adding
 * templates (50 metrics each) and once by growing templates (50 of them). All sizes run in one
 * JVM after a warm-up, in turns, so that each size sees the same JIT state and the same
 * background load; each figure is the median of its rounds. Parse (load) and link + validate
 * are timed apart.
 */
public final class Scaling {
	private static final int WARMUP = 4;
	private static final int ROUNDS = 3;

	/** templates × metrics per template. */
	static final int[][] BY_TEMPLATES = { { 25, 50 }, { 50, 50 }, { 100, 50 }, { 200, 50 } };
	static final int[][] BY_TEMPLATE_SIZE = { { 50, 25 }, { 50, 50 }, { 50, 100 }, { 50, 200 } };

	private Scaling() {
	}

	record Row(String series, int templates, int perTemplate, long loadMs, long validateMs) {
		int metrics() {
			return templates * perTemplate;
		}

		long totalMs() {
			return loadMs + validateMs;
		}
	}

	public static List<Row> run(PrintStream out) {
		KpiWorkspace workspace = new KpiWorkspace();
		Map<String, String> standard = SyntheticModel.standard().files();
		out.println("scaling: warming up on the 5,000-metric model (" + WARMUP + " runs)");
		for (int i = 0; i < WARMUP; i++) {
			long[] t = time(workspace, standard, true);
			out.printf(Locale.ROOT, "scaling: warm-up %d: %d ms%n", i + 1, t[0] + t[1]);
		}
		List<Row> rows = new ArrayList<>();
		rows.addAll(series(workspace, "more templates (50 metrics each)", BY_TEMPLATES, out));
		rows.addAll(series(workspace, "bigger templates (50 templates)", BY_TEMPLATE_SIZE, out));
		return rows;
	}

	private static List<Row> series(KpiWorkspace workspace, String name, int[][] shapes, PrintStream out) {
		List<Map<String, String>> models = new ArrayList<>();
		for (int[] shape : shapes) {
			models.add(SyntheticModel.generate(shape[0], shape[1], SyntheticModel.DEFAULT_SEED).files());
		}
		long[][] load = new long[shapes.length][ROUNDS];
		long[][] validate = new long[shapes.length][ROUNDS];
		for (int round = 0; round < ROUNDS; round++) {
			for (int i = 0; i < shapes.length; i++) {
				long[] t = time(workspace, models.get(i), round == 0);
				load[i][round] = t[0];
				validate[i][round] = t[1];
				out.printf(Locale.ROOT, "scaling: %s, %d x %d, round %d: parse %d ms, link+validate %d ms%n", name,
						shapes[i][0], shapes[i][1], round + 1, t[0], t[1]);
			}
		}
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < shapes.length; i++) {
			rows.add(new Row(name, shapes[i][0], shapes[i][1], median(load[i]), median(validate[i])));
		}
		return rows;
	}

	/** Parse and validate times in ms, after a full GC so that no size pays for another's garbage. */
	private static long[] time(KpiWorkspace workspace, Map<String, String> files, boolean check) {
		System.gc();
		long start = System.nanoTime();
		LoadedModel model = workspace.load(files);
		long loaded = System.nanoTime();
		List<Finding> findings = workspace.validate(model, ProgressListener.NONE);
		long validated = System.nanoTime();
		if (check) {
			ValidationBenchmark.requireClean(findings, "a scaling model");
		}
		return new long[] { (loaded - start) / 1_000_000, (validated - loaded) / 1_000_000 };
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	/** A Markdown table: time, time per 1,000 metrics, and growth against the size before. */
	public static String table(List<Row> rows) {
		StringBuilder out = new StringBuilder();
		out.append("| series | templates × metrics | metrics | parse ms | link+validate ms | total ms | ms per 1,000 metrics "
				+ "| total vs. previous size (2.00 = linear) |\n");
		out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
		Row previous = null;
		for (Row row : rows) {
			String growth = previous != null && previous.series().equals(row.series())
					? String.format(Locale.ROOT, "%.2f", (double) row.totalMs() / previous.totalMs())
					: "";
			out.append(String.format(Locale.ROOT, "| %s | %d × %d | %,d | %d | %d | %d | %.0f | %s |%n", row.series(),
					row.templates(), row.perTemplate(), row.metrics(), row.loadMs(), row.validateMs(), row.totalMs(),
					row.totalMs() * 1000.0 / row.metrics(), growth));
			previous = row;
		}
		return out.toString();
	}

	public static void main(String[] args) {
		List<Row> rows = run(System.out);
		System.out.println();
		System.out.print(table(rows));
	}
}
