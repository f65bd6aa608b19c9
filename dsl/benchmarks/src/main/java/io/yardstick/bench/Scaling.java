package io.yardstick.bench;

import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.LoadedModel;
import io.yardstick.dsl.workspace.ProgressListener;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether full validation grows linearly with the model: 1,250 to 10,000 metrics, once by adding
 * templates (50 metrics each) and once by growing templates (50 of them). All sizes run in one
 * JVM after a warm-up, in turns, so that each size sees the same JIT state and about the same
 * background load; each figure is the median of its rounds.
 *
 * <p>Besides wall time it records the CPU time of the validating thread, which other processes on
 * the machine do not inflate (they only take the processor away), and the time the JVM spent in
 * garbage collection, which the thread's CPU time does not include. The growth column compares
 * CPU time with the size before: 2.00 per doubling is linear.
 */
public final class Scaling {
	private static final int WARMUP = 3;
	private static final int ROUNDS = 3;

	/** templates × metrics per template. */
	static final int[][] BY_TEMPLATES = { { 25, 50 }, { 50, 50 }, { 100, 50 }, { 200, 50 } };
	static final int[][] BY_TEMPLATE_SIZE = { { 50, 25 }, { 50, 50 }, { 50, 100 }, { 50, 200 } };
	static final String MORE_TEMPLATES = "more templates (50 metrics each)";
	static final String BIGGER_TEMPLATES = "bigger templates (50 templates)";

	private Scaling() {
	}

	/** Medians of one size: wall times of parse and of link + validate, CPU and GC time of the whole. */
	record Row(String series, int templates, int perTemplate, long parseMs, long validateMs, long cpuMs, long gcMs) {
		int metrics() {
			return templates * perTemplate;
		}

		long wallMs() {
			return parseMs + validateMs;
		}
	}

	private record Shape(int templates, int perTemplate) {
		String key() {
			return templates + "x" + perTemplate;
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
		Map<String, Shape> shapes = new LinkedHashMap<>();
		for (int[][] series : List.of(BY_TEMPLATES, BY_TEMPLATE_SIZE)) {
			for (int[] s : series) {
				Shape shape = new Shape(s[0], s[1]);
				shapes.putIfAbsent(shape.key(), shape);
			}
		}
		Map<String, Map<String, String>> models = new LinkedHashMap<>();
		shapes.forEach((key, shape) -> models.put(key,
				SyntheticModel.generate(shape.templates(), shape.perTemplate(), SyntheticModel.DEFAULT_SEED).files()));
		Map<String, long[][]> samples = new LinkedHashMap<>();
		for (int round = 0; round < ROUNDS; round++) {
			for (Shape shape : shapes.values()) {
				long[] t = time(workspace, models.get(shape.key()), round == 0);
				samples.computeIfAbsent(shape.key(), k -> new long[4][ROUNDS]);
				for (int i = 0; i < 4; i++) {
					samples.get(shape.key())[i][round] = t[i];
				}
				out.printf(Locale.ROOT, "scaling: %d x %d, round %d: parse %d ms, link+validate %d ms, thread CPU %d ms, "
						+ "GC %d ms%n", shape.templates(), shape.perTemplate(), round + 1, t[0], t[1], t[2], t[3]);
			}
		}
		List<Row> rows = new ArrayList<>();
		rows.addAll(rows(MORE_TEMPLATES, BY_TEMPLATES, samples));
		rows.addAll(rows(BIGGER_TEMPLATES, BY_TEMPLATE_SIZE, samples));
		return rows;
	}

	private static List<Row> rows(String series, int[][] shapes, Map<String, long[][]> samples) {
		List<Row> rows = new ArrayList<>();
		for (int[] shape : shapes) {
			long[][] s = samples.get(new Shape(shape[0], shape[1]).key());
			rows.add(new Row(series, shape[0], shape[1], median(s[0]), median(s[1]), median(s[2]), median(s[3])));
		}
		return rows;
	}

	/** Wall ms of parse, of link + validate; thread CPU ms and GC ms of both; after a full GC. */
	private static long[] time(KpiWorkspace workspace, Map<String, String> files, boolean check) {
		System.gc();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long gcBefore = gcMillis();
		long cpuBefore = threads.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		LoadedModel model = workspace.load(files);
		long loaded = System.nanoTime();
		List<Finding> findings = workspace.validate(model, ProgressListener.NONE);
		long validated = System.nanoTime();
		long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
		long gc = gcMillis() - gcBefore;
		if (check) {
			ValidationBenchmark.requireClean(findings, "a scaling model");
		}
		return new long[] { (loaded - start) / 1_000_000, (validated - loaded) / 1_000_000, cpu / 1_000_000, gc };
	}

	private static long gcMillis() {
		long total = 0;
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			total += Math.max(0, gc.getCollectionTime());
		}
		return total;
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	/** A Markdown table; the growth column compares thread CPU time with the size before (2.00 = linear). */
	public static String table(List<Row> rows) {
		StringBuilder out = new StringBuilder();
		out.append("| series | templates × metrics | metrics | parse ms | link+validate ms | wall ms | thread CPU ms "
				+ "| CPU ms per 1,000 metrics | CPU vs. half the size (2.00 = linear) | GC ms |\n");
		out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		Row previous = null;
		for (Row row : rows) {
			String growth = previous != null && previous.series().equals(row.series())
					? String.format(Locale.ROOT, "%.2f", (double) row.cpuMs() / previous.cpuMs())
					: "";
			out.append(String.format(Locale.ROOT, "| %s | %d × %d | %,d | %d | %d | %d | %d | %.0f | %s | %d |%n",
					row.series(), row.templates(), row.perTemplate(), row.metrics(), row.parseMs(), row.validateMs(),
					row.wallMs(), row.cpuMs(), row.cpuMs() * 1000.0 / row.metrics(), growth, row.gcMs()));
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
