package io.yardstick.bench.calc;

import io.yardstick.runtime.calc.Calculator;
import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.data.Dataset;
import io.yardstick.runtime.load.Bindings;
import io.yardstick.runtime.load.DataLoader;
import io.yardstick.runtime.load.LoadOptions;
import io.yardstick.runtime.load.LoadResult;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.time.Grain;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The generated calculator of the standard after-sales template against DuckDB, in one JVM, on the same CSV
 * files of the CLI's sample data:
 *
 * <pre>
 * java -Xmx2g -cp dsl/benchmarks/target/benchmarks.jar io.yardstick.bench.calc.CalculatorVsDuckDb \
 *     --tickets 1000000 --data /tmp/yardstick-bench
 * </pre>
 *
 * Two phases on each side. <b>Load</b>: CSV files to memory ({@link DataLoader} into typed columns; DuckDB
 * {@code CREATE TABLE ... AS SELECT * FROM read_csv(...)} with explicit column types), three times, the
 * dataset (the tables) dropped between runs; the median counts. <b>Compute</b>: the ten metrics by month, in
 * total and by region, on data already in memory (the calculator's {@code run}; one SQL query over the loaded
 * tables, its result read to the last row), after warm-up runs; the median of five counts. Then every value of
 * the two sides is compared (metric × grouping × group × period, relative tolerance 1e-9, nulls alike): any
 * difference is listed and the command fails. Prints a Markdown summary; {@code docs/performance.md} reports
 * it.
 *
 * <p>{@code --workload all-aggregates} measures the same phases for the benchmark template that uses every
 * aggregate kind ({@code templates/all-aggregates}, by month in total, by region and by region × product line)
 * against its hand-written query ({@link AllAggregatesPeer}); DuckDB then loads only the tables that template
 * reads. {@code --workload wide} measures issue 21's wide workload ({@code templates/wide}: one table of 18
 * columns with a unique ticket id and about one customer id per eight tickets, sixteen metrics by month in total
 * and by region) on its own data ({@link WideData}) against {@link WidePeer}. {@code --threads N} sets the
 * calculator's {@code RunOptions.threads} (default: one per processor). {@code --warmups N} and {@code --runs N}
 * set the computes before measuring (default 3) and measured (default 5) on both sides: a compute of 1 M rows takes
 * a few hundred milliseconds of CPU, and after three warm-ups the JIT compiler's work is still a good part of it.
 * {@code --loads N} sets the loads of each side (default 3, the median counts): with three, the first of which
 * also compiles the loader, a tenth of a second either way moves a 1 M ratio by a fifth.
 */
public final class CalculatorVsDuckDb {
	/** What is computed: a template of the repository, the breakdowns asked for, and the peer's tables and query. */
	enum Workload {
		AFTER_SALES("after-sales", AfterSalesCalculator.TEMPLATE_DIR, AfterSalesCalculator.TEMPLATE, "region",
				List.of("customer", "ticket", "sale")),
		ALL_AGGREGATES("all-aggregates", "dsl/benchmarks/src/main/resources/templates/all-aggregates", "AllAggregates",
				"region,region*productLine", List.of("customer", "ticket")),
		WIDE("wide", "dsl/benchmarks/src/main/resources/templates/wide", "WideAfterSales", "region",
				List.of("wide_ticket"));

		final String id;
		final String templateDir;
		final String template;
		final String breakdowns;
		final List<String> tables;

		Workload(String id, String templateDir, String template, String breakdowns, List<String> tables) {
			this.id = id;
			this.templateDir = templateDir;
			this.template = template;
			this.breakdowns = breakdowns;
			this.tables = tables;
		}

		static Workload of(String id) {
			for (Workload workload : values()) {
				if (workload.id.equals(id)) {
					return workload;
				}
			}
			throw new IllegalArgumentException("unknown workload " + id + ": after-sales, all-aggregates or wide");
		}

		MetricValues peer(DuckDbPeer duckdb) throws java.sql.SQLException {
			return switch (this) {
				case AFTER_SALES -> duckdb.compute();
				case ALL_AGGREGATES -> duckdb.computeGrouped(AllAggregatesPeer.QUERY, AllAggregatesPeer.METRICS);
				case WIDE -> duckdb.computeGrouped(WidePeer.QUERY, WidePeer.METRICS);
			};
		}

		/** The peer's table of a source. */
		String table(String source) {
			return (this == WIDE ? "wide_" : "") + source.toLowerCase(Locale.ROOT);
		}

		/** The folder of the workload's CSV files for so many tickets, generated unless it is there already. */
		Path data(Path root, long tickets, PrintStream log) throws java.io.IOException {
			return this == WIDE ? WideData.ensure(root, tickets, log)
					: SampleData.ensure(root, SampleData.settings(tickets), log);
		}

		long csvBytes(Path dir) throws java.io.IOException {
			return this == WIDE ? WideData.size(dir) : SampleData.size(dir);
		}
	}

	/** What to run. */
	record Settings(Workload workload, long tickets, Path dataRoot, Path templateDir, int loadRuns, int warmups,
			int runs, int duckdbThreads, double tolerance, int threads, boolean peer) {

		Settings(Workload workload, long tickets, Path dataRoot, Path templateDir, int loadRuns, int warmups,
				int runs, int duckdbThreads, double tolerance) {
			this(workload, tickets, dataRoot, templateDir, loadRuns, warmups, runs, duckdbThreads, tolerance, 0, true);
		}

		static Settings defaults(long tickets, Path dataRoot) {
			return new Settings(Workload.AFTER_SALES, tickets, dataRoot, null, 3, 3, 5, 0, 1e-9);
		}
	}

	/** One phase of one side: wall and process CPU time of each measured run, and the phase's peak heap. */
	record Phase(long[] wallNanos, long[] cpuNanos, long[] gcMillis, long heapPoolPeaks, long heapPeakBeforeGc) {
		double medianWallMillis() {
			return median(wallNanos) / 1e6;
		}

		double medianCpuMillis() {
			return median(cpuNanos) / 1e6;
		}

		double meanGcMillis() {
			return Arrays.stream(gcMillis).average().orElse(0);
		}
	}

	/** What a run found. */
	record Outcome(Settings settings, Path dataDir, long csvBytes, Map<String, Long> rows, int months, int regions,
			Phase yardstickLoad, Phase yardstickCompute, long yardstickRetained, Phase duckdbLoad,
			Phase duckdbCompute, long duckdbMemory, String duckdbVersion, int duckdbThreads, int valuesCompared,
			long nullValues, double largestDifference, List<String> mismatches, String loadBefore, String loadAfter) {
	}

	private CalculatorVsDuckDb() {
	}

	public static void main(String[] args) throws Exception {
		long tickets = 1_000_000;
		Path data = Path.of(System.getProperty("java.io.tmpdir"), "yardstick-bench");
		Path template = null;
		Path summary = null;
		int threads = 0;
		int calculatorThreads = 0;
		boolean peer = true;
		int warmups = -1;
		int runs = -1;
		int loads = -1;
		Workload workload = Workload.AFTER_SALES;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--workload" -> workload = Workload.of(args[++i]);
				case "--tickets" -> tickets = Long.parseLong(args[++i].replace("_", ""));
				case "--data" -> data = Path.of(args[++i]);
				case "--template" -> template = Path.of(args[++i]);
				case "--duckdb-threads" -> threads = Integer.parseInt(args[++i]);
				case "--threads" -> calculatorThreads = Integer.parseInt(args[++i]);
				case "--no-peer" -> peer = false;
				case "--warmups" -> warmups = Integer.parseInt(args[++i]);
				case "--runs" -> runs = Integer.parseInt(args[++i]);
				case "--loads" -> loads = Integer.parseInt(args[++i]);
				case "--summary" -> summary = Path.of(args[++i]);
				default -> {
					System.err.println("usage: CalculatorVsDuckDb [--workload after-sales|all-aggregates|wide] [--tickets N]"
							+ " [--data DIR] [--template DIR] [--duckdb-threads N] [--threads N] [--no-peer] [--warmups N]"
							+ " [--runs N] [--loads N] [--summary FILE]");
					System.exit(2);
				}
			}
		}
		Settings defaults = Settings.defaults(tickets, data);
		// more warm-ups measure the compiled code rather than the compiler, whose work a short compute includes
		Settings settings = new Settings(workload, tickets, data, template, loads > 0 ? loads : defaults.loadRuns(),
				warmups >= 0 ? warmups : defaults.warmups(), runs > 0 ? runs : defaults.runs(), threads, defaults.tolerance(), calculatorThreads, peer);
		Outcome outcome = run(settings, System.out);
		String markdown = markdown(outcome);
		System.out.println();
		System.out.print(markdown);
		if (summary != null) {
			Files.writeString(summary, markdown, StandardCharsets.UTF_8);
		}
		if (!outcome.mismatches().isEmpty()) {
			System.err.println();
			System.err.println("THE CALCULATOR AND DUCKDB DISAGREE on " + outcome.mismatches().size() + " of "
					+ outcome.valuesCompared() + " values:");
			outcome.mismatches().stream().limit(200).forEach(line -> System.err.println("  " + line));
			if (outcome.mismatches().size() > 200) {
				System.err.println("  ... and " + (outcome.mismatches().size() - 200) + " more");
			}
			System.exit(1);
		}
	}

	/** Generates or reuses the data, measures both sides, and compares their values. */
	static Outcome run(Settings settings, PrintStream log) throws Exception {
		Workload workload = settings.workload();
		Path dir = workload.data(settings.dataRoot(), settings.tickets(), log);
		String loadBefore = loadAverage();
		log.println("load average: " + loadBefore);
		long csvBytes = workload.csvBytes(dir);

		long start = System.nanoTime();
		Path templateDir = settings.templateDir() != null ? settings.templateDir()
				: EnginesVsPeer.locate(workload.templateDir);
		Calculator calculator = AfterSalesCalculator.compile(templateDir, workload.template).calculator();
		log.printf(Locale.ROOT, "calculator: %s generated and compiled in %.1f s%n",
				calculator.getClass().getName(), (System.nanoTime() - start) / 1e9);
		TemplateSpec spec = calculator.template();
		Map<String, Path> bindings = Bindings.byConvention(dir, spec);
		RunOptions options = new RunOptions(Grain.MONTH, Grouping.parseList(workload.breakdowns), null, null)
				.withThreads(settings.threads());

		// ---- Yardstick: load
		long baseline = Heap.usedAfterGc();
		Heap.reset();
		long[] wall = new long[settings.loadRuns()];
		long[] cpu = new long[settings.loadRuns()];
		long[] gc = new long[settings.loadRuns()];
		LoadResult loaded = null;
		for (int i = 0; i < settings.loadRuns(); i++) {
			if (loaded != null) {
				loaded = null; // dropped before the next run
				Heap.usedAfterGc();
			}
			long gcStart = gcMillis();
			long cpuStart = cpuNanos();
			long wallStart = System.nanoTime();
			loaded = DataLoader.load(spec, bindings, LoadOptions.defaults());
			wall[i] = System.nanoTime() - wallStart;
			cpu[i] = cpuNanos() - cpuStart;
			gc[i] = gcMillis() - gcStart;
			log.printf(Locale.ROOT, "yardstick load %d: %.0f ms (%d rows)%n", i + 1, wall[i] / 1e6,
					loaded.report().rowsLoaded());
		}
		Heap.settle();
		Phase yardstickLoad = new Phase(wall, cpu, gc, Heap.poolPeaks(), Heap.peakBeforeGc());
		long retained = Heap.usedAfterGc() - baseline;
		Map<String, Long> rows = new java.util.LinkedHashMap<>();
		for (String source : List.of("Ticket", "Sale", "Customer")) {
			if (spec.source(source).isEmpty()) {
				continue;
			}
			rows.put(source, loaded.report().source(source).rowsLoaded());
		}

		// ---- Yardstick: compute
		Dataset dataset = loaded.dataset();
		loaded = null;
		Heap.usedAfterGc();
		Heap.reset();
		Results results = null;
		for (int i = 0; i < settings.warmups(); i++) {
			results = calculator.run(dataset, options);
		}
		wall = new long[settings.runs()];
		cpu = new long[settings.runs()];
		gc = new long[settings.runs()];
		for (int i = 0; i < settings.runs(); i++) {
			long gcStart = gcMillis();
			long cpuStart = cpuNanos();
			long wallStart = System.nanoTime();
			results = calculator.run(dataset, options);
			wall[i] = System.nanoTime() - wallStart;
			cpu[i] = cpuNanos() - cpuStart;
			gc[i] = gcMillis() - gcStart;
		}
		Heap.settle();
		Phase yardstickCompute = new Phase(wall, cpu, gc, Heap.poolPeaks(), Heap.peakBeforeGc());
		log.printf(Locale.ROOT, "yardstick compute: %s ms%n", millis(wall));
		MetricValues ours = MetricValues.of(results);
		int months = results.periods().count();
		int regions = results.grouping("region").groups().size();
		dataset = null;
		results = null;
		Heap.usedAfterGc();

		if (!settings.peer()) {
			return new Outcome(settings, dir, csvBytes, rows, months, regions, yardstickLoad, yardstickCompute,
					retained, null, null, 0, "-", 0, ours.size(), ours.nulls(), 0, List.of(), loadBefore, loadAverage());
		}

		// ---- DuckDB
		try (DuckDbPeer duckdb = new DuckDbPeer(settings.duckdbThreads())) {
			String version = duckdb.version();
			int threads = duckdb.threads();
			Heap.reset();
			wall = new long[settings.loadRuns()];
			cpu = new long[settings.loadRuns()];
			gc = new long[settings.loadRuns()];
			for (int i = 0; i < settings.loadRuns(); i++) {
				duckdb.drop();
				long gcStart = gcMillis();
				long cpuStart = cpuNanos();
				long wallStart = System.nanoTime();
				duckdb.load(dir, workload.tables);
				wall[i] = System.nanoTime() - wallStart;
				cpu[i] = cpuNanos() - cpuStart;
				gc[i] = gcMillis() - gcStart;
				log.printf(Locale.ROOT, "duckdb load %d: %.0f ms%n", i + 1, wall[i] / 1e6);
			}
			Heap.settle();
			Phase duckdbLoad = new Phase(wall, cpu, gc, Heap.poolPeaks(), Heap.peakBeforeGc());
			long duckdbMemory = duckdb.memory();
			List<String> problems = new ArrayList<>();
			for (Map.Entry<String, Long> count : rows.entrySet()) {
				long theirs = duckdb.rows(workload.table(count.getKey()));
				if (theirs != count.getValue()) {
					problems.add(count.getKey() + ": the loader loaded " + count.getValue() + " rows, DuckDB "
							+ theirs);
				}
			}

			Heap.usedAfterGc();
			Heap.reset();
			MetricValues theirs = null;
			for (int i = 0; i < settings.warmups(); i++) {
				theirs = workload.peer(duckdb);
			}
			wall = new long[settings.runs()];
			cpu = new long[settings.runs()];
			gc = new long[settings.runs()];
			for (int i = 0; i < settings.runs(); i++) {
				long gcStart = gcMillis();
				long cpuStart = cpuNanos();
				long wallStart = System.nanoTime();
				theirs = workload.peer(duckdb);
				wall[i] = System.nanoTime() - wallStart;
				cpu[i] = cpuNanos() - cpuStart;
				gc[i] = gcMillis() - gcStart;
			}
			Heap.settle();
			Phase duckdbCompute = new Phase(wall, cpu, gc, Heap.poolPeaks(), Heap.peakBeforeGc());
			log.printf(Locale.ROOT, "duckdb compute: %s ms%n", millis(wall));

			problems.addAll(MetricValues.mismatches(ours, theirs, settings.tolerance()));
			return new Outcome(settings, dir, csvBytes, rows, months, regions, yardstickLoad, yardstickCompute,
					retained, duckdbLoad, duckdbCompute, duckdbMemory, version, threads, ours.size(), ours.nulls(),
					MetricValues.largestDifference(ours, theirs), problems, loadBefore, loadAverage());
		}
	}

	/** The summary: a table of both phases on both sides, the ratios, and the conditions. */
	static String markdown(Outcome o) {
		if (!o.settings().peer()) {
			return yardstickOnly(o);
		}
		StringBuilder md = new StringBuilder();
		Settings s = o.settings();
		md.append(String.format(Locale.ROOT, "#### %,d tickets%s%n%n", o.rows().get("Ticket"),
				s.workload() == Workload.AFTER_SALES ? "" : ", " + s.workload().id));
		md.append("| phase | Yardstick | DuckDB | Yardstick / DuckDB |\n|---|---:|---:|---:|\n");
		md.append(String.format(Locale.ROOT, "| load, wall (median of %d) | %s | %s | **%.2f** |%n", s.loadRuns(),
				time(o.yardstickLoad().medianWallMillis()), time(o.duckdbLoad().medianWallMillis()),
				o.yardstickLoad().medianWallMillis() / o.duckdbLoad().medianWallMillis()));
		md.append(String.format(Locale.ROOT, "| load, process CPU | %s | %s | %.2f |%n",
				time(o.yardstickLoad().medianCpuMillis()), time(o.duckdbLoad().medianCpuMillis()),
				o.yardstickLoad().medianCpuMillis() / o.duckdbLoad().medianCpuMillis()));
		md.append(String.format(Locale.ROOT, "| compute, wall (median of %d, after %d warm-up) | %s | %s | **%.2f** |%n",
				s.runs(), s.warmups(), time(o.yardstickCompute().medianWallMillis()),
				time(o.duckdbCompute().medianWallMillis()),
				o.yardstickCompute().medianWallMillis() / o.duckdbCompute().medianWallMillis()));
		md.append(String.format(Locale.ROOT, "| compute, process CPU | %s | %s | %.2f |%n",
				time(o.yardstickCompute().medianCpuMillis()), time(o.duckdbCompute().medianCpuMillis()),
				o.yardstickCompute().medianCpuMillis() / o.duckdbCompute().medianCpuMillis()));
		md.append(String.format(Locale.ROOT, "| GC pauses per run, load; compute (mean) | %s; %s | %s; %s | |%n",
				time(o.yardstickLoad().meanGcMillis()), time(o.yardstickCompute().meanGcMillis()),
				time(o.duckdbLoad().meanGcMillis()), time(o.duckdbCompute().meanGcMillis())));
		md.append(String.format(Locale.ROOT, "| peak Java heap, load (true peak; sum of pool peaks) | %s; %s | %s; %s | |%n",
				mb(o.yardstickLoad().heapPeakBeforeGc()), mb(o.yardstickLoad().heapPoolPeaks()),
				mb(o.duckdbLoad().heapPeakBeforeGc()), mb(o.duckdbLoad().heapPoolPeaks())));
		md.append(String.format(Locale.ROOT, "| peak Java heap, compute (true peak; sum of pool peaks) | %s; %s | %s; %s | |%n",
				mb(o.yardstickCompute().heapPeakBeforeGc()), mb(o.yardstickCompute().heapPoolPeaks()),
				mb(o.duckdbCompute().heapPeakBeforeGc()), mb(o.duckdbCompute().heapPoolPeaks())));
		md.append(String.format(Locale.ROOT, "| data held after load | %s of heap | %s outside the heap | %.2f |%n",
				mb(o.yardstickRetained()), mb(o.duckdbMemory()), (double) o.yardstickRetained() / o.duckdbMemory()));
		md.append('\n');
		md.append(String.format(Locale.ROOT,
				"Data: %,d tickets, %s%s; %.0f MB of CSV in %s; %d months × (total + %d regions). "
						+ "Values compared: %,d (%,d of them null on both sides), %s.%n",
				o.rows().get("Ticket"),
				o.rows().containsKey("Sale") ? String.format(Locale.ROOT, "%,d orders, ", o.rows().get("Sale")) : "",
				o.rows().containsKey("Customer") ? String.format(Locale.ROOT, "%,d customers", o.rows().get("Customer"))
						: "no customer table", o.csvBytes() / 1e6,
				o.dataDir(), o.months(), o.regions(), o.valuesCompared(), o.nullValues(),
				o.mismatches().isEmpty() ? "**all agree** (relative tolerance " + s.tolerance()
						+ "; largest relative difference " + String.format(Locale.ROOT, "%.1e", o.largestDifference()) + ")"
						: "**" + o.mismatches().size() + " MISMATCHES**"));
		md.append(String.format(Locale.ROOT,
				"Conditions: DuckDB %s, %d threads; the loader one thread per core, the calculator %s; %d cores, load"
						+ " average %s before, %s after; Java %s, max heap %s, %s.%n",
				o.duckdbVersion(), o.duckdbThreads(),
				s.threads() == 0 ? "one thread per core" : s.threads() + (s.threads() == 1 ? " thread" : " threads"),
				Runtime.getRuntime().availableProcessors(), o.loadBefore(),
				o.loadAfter(),
				System.getProperty("java.runtime.version"), mb(Heap.max()),
				ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
						.collect(Collectors.joining(", "))));
		md.append('\n');
		md.append("Every measured run, wall ms:\n\n```\n");
		md.append("yardstick load     ").append(millis(o.yardstickLoad().wallNanos())).append('\n');
		md.append("duckdb load        ").append(millis(o.duckdbLoad().wallNanos())).append('\n');
		md.append("yardstick compute  ").append(millis(o.yardstickCompute().wallNanos())).append('\n');
		md.append("duckdb compute     ").append(millis(o.duckdbCompute().wallNanos())).append('\n');
		md.append("```\n");
		return md.toString();
	}

	/**
	 * With {@code --no-peer}: the calculator's side alone, for its time and memory where DuckDB would not fit
	 * beside it (DuckDB's tables live outside the Java heap, in the same process).
	 */
	private static String yardstickOnly(Outcome o) {
		Settings s = o.settings();
		StringBuilder md = new StringBuilder();
		md.append(String.format(Locale.ROOT, "#### %,d tickets, %s, Yardstick only%n%n", o.rows().get("Ticket"),
				s.workload().id));
		md.append("| phase | Yardstick |\n|---|---:|\n");
		md.append(String.format(Locale.ROOT, "| load, wall (median of %d); process CPU | %s; %s |%n", s.loadRuns(),
				time(o.yardstickLoad().medianWallMillis()), time(o.yardstickLoad().medianCpuMillis())));
		md.append(String.format(Locale.ROOT, "| compute, wall (median of %d, after %d warm-up); process CPU | %s; %s |%n",
				s.runs(), s.warmups(), time(o.yardstickCompute().medianWallMillis()),
				time(o.yardstickCompute().medianCpuMillis())));
		md.append(String.format(Locale.ROOT, "| GC pauses per run, load; compute (mean) | %s; %s |%n",
				time(o.yardstickLoad().meanGcMillis()), time(o.yardstickCompute().meanGcMillis())));
		md.append(String.format(Locale.ROOT, "| peak Java heap, load (true peak; sum of pool peaks) | %s; %s |%n",
				mb(o.yardstickLoad().heapPeakBeforeGc()), mb(o.yardstickLoad().heapPoolPeaks())));
		md.append(String.format(Locale.ROOT, "| peak Java heap, compute (true peak; sum of pool peaks) | %s; %s |%n",
				mb(o.yardstickCompute().heapPeakBeforeGc()), mb(o.yardstickCompute().heapPoolPeaks())));
		md.append(String.format(Locale.ROOT, "| data held after load | %s of heap |%n", mb(o.yardstickRetained())));
		md.append(String.format(Locale.ROOT,
				"%nValues computed: %,d; not compared (--no-peer). Load average %s before, %s after; max heap %s; the "
						+ "calculator %s.%n%n```%nyardstick load     %s%nyardstick compute  %s%n```%n",
				o.valuesCompared(), o.loadBefore(), o.loadAfter(), mb(Heap.max()),
				s.threads() == 0 ? "one thread per core" : s.threads() + " threads",
				millis(o.yardstickLoad().wallNanos()), millis(o.yardstickCompute().wallNanos())));
		return md.toString();
	}

	/** The 1-minute load average of the machine, when the system tells it. */
	private static String loadAverage() {
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		return load < 0 ? "?" : String.format(Locale.ROOT, "%.2f", load);
	}

	/** Time the collectors report having spent, all of them together. */
	private static long gcMillis() {
		long total = 0;
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			total += Math.max(0, collector.getCollectionTime());
		}
		return total;
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
	}

	static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private static String millis(long[] nanos) {
		return Arrays.stream(nanos).mapToObj(n -> String.format(Locale.ROOT, "%.0f", n / 1e6))
				.collect(Collectors.joining(" "));
	}

	private static String time(double millis) {
		return millis >= 10_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000)
				: millis >= 1000 ? String.format(Locale.ROOT, "%.2f s", millis / 1000)
						: String.format(Locale.ROOT, "%.0f ms", millis);
	}

	private static String mb(long bytes) {
		return String.format(Locale.ROOT, "%,.0f MB", bytes / 1048576.0);
	}
}
