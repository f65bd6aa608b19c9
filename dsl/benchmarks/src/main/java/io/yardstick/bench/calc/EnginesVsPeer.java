package io.yardstick.bench.calc;

import io.yardstick.cli.sample.SampleDataSettings;
import io.yardstick.dsl.pipeline.CompiledTemplate;
import io.yardstick.dsl.pipeline.ComputeEngine;
import io.yardstick.dsl.pipeline.JavaEngine;
import io.yardstick.dsl.pipeline.Pipeline;
import io.yardstick.dsl.pipeline.SourceData;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.engines.DuckDbEngine;
import io.yardstick.engines.Engines;
import io.yardstick.engines.SqlComputeEngine;
import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.data.Dataset;
import io.yardstick.runtime.load.Bindings;
import io.yardstick.runtime.load.LoadOptions;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.time.Grain;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One template computed three ways on the same rows, through the pipeline {@code yardstick run} calls: the
 * generated Java calculator, Yardstick's SQL on DuckDB ({@code --engine duckdb} with every source bound to a
 * table), and a hand-written DuckDB query (the peer). Two workloads: the after-sales template and a template
 * with every aggregate kind ({@code templates/all-aggregates}). With {@code --spark local[2]} (and the Spark
 * engine on the class path), also Spark.
 *
 * <pre>
 * java -Xmx8g -cp dsl/benchmarks/target/benchmarks.jar io.yardstick.bench.calc.EnginesVsPeer \
 *     --tickets 1000000 --data /tmp/yardstick-bench
 * </pre>
 *
 * The CSV files are read once by DuckDB into tables and once by Yardstick's loader into memory; load is not
 * timed here ({@link CalculatorVsDuckDb} times it). Each compute is timed from the call to the last value read,
 * after warm-up runs; the median counts. Yardstick's SQL and the peer take turns, run by run. Yardstick's SQL includes what {@code run} does besides the scans:
 * checking the referenced sources' keys and references, finding the periods and the breakdowns' values. Every
 * value of the three is compared (relative 1e-9, nulls alike, the same cells): a difference fails the command.
 */
public final class EnginesVsPeer {
	record Settings(long tickets, Path dataRoot, int warmups, int runs, String spark, int sparkRuns,
			Set<String> only, int threads) {
		/** Whether a leg ({@code java}, {@code sql}, {@code peer}) runs; all do unless {@code --only} names some. */
		boolean runs(String leg) {
			return only.isEmpty() || only.contains(leg);
		}
	}

	/** A template, the breakdowns it is computed by, and the peer's query for the same values. */
	record Workload(String name, Path templateDir, String templateName, String breakdowns, String peerQuery,
			List<String> peerMetrics) {
	}

	/** The wall time and the process's CPU time (every thread) of each measured run. */
	record Timing(long[] wallNanos, long[] cpuNanos) {
		static final Timing SKIPPED = new Timing(new long[] { 0 }, new long[] { 0 });

		double medianCpuMillis() {
			return new Timing(cpuNanos, cpuNanos).medianMillis();
		}

		double medianMillis() {
			long[] sorted = wallNanos.clone();
			Arrays.sort(sorted);
			int n = sorted.length;
			return (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1e6;
		}

		String runs() {
			return Arrays.stream(wallNanos).mapToObj(n -> String.format(Locale.ROOT, "%.0f", n / 1e6))
					.collect(Collectors.joining(" "));
		}
	}

	/** Spark's costs: opening the session, then each run of push plus compute. */
	record SparkTiming(double startupMillis, Timing runs, String described) {
	}

	record Outcome(Workload workload, long tickets, Timing java, Timing sql, Timing peer, SparkTiming spark,
			int values, long nulls, List<String> mismatches) {
	}

	private EnginesVsPeer() {
	}

	public static void main(String[] args) throws Exception {
		long tickets = 1_000_000;
		Path data = Path.of(System.getProperty("java.io.tmpdir"), "yardstick-bench");
		Path summary = null;
		String spark = null;
		int runs = 5;
		int warmups = 2;
		int sparkRuns = 3;
		Set<String> only = Set.of();
		int threads = 0;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--tickets" -> tickets = Long.parseLong(args[++i].replace("_", ""));
				case "--data" -> data = Path.of(args[++i]);
				case "--spark" -> spark = args[++i];
				case "--runs" -> runs = Integer.parseInt(args[++i]);
				case "--warmups" -> warmups = Integer.parseInt(args[++i]);
				case "--spark-runs" -> sparkRuns = Integer.parseInt(args[++i]);
				case "--summary" -> summary = Path.of(args[++i]);
				case "--only" -> only = Set.of(args[++i].split(","));
				case "--threads" -> threads = Integer.parseInt(args[++i]);
				default -> {
					System.err.println("usage: EnginesVsPeer [--tickets N] [--data DIR] [--runs N] [--warmups N] [--spark MASTER]"
							+ " [--spark-runs N]"
							+ " [--only java,sql,peer] [--threads N] [--summary FILE]");
					System.exit(2);
				}
			}
		}
		if (!only.isEmpty() && !only.contains("java")) {
			System.err.println("--only needs java: the other legs are compared with its values");
			System.exit(2);
		}
		List<Outcome> outcomes = run(new Settings(tickets, data, warmups, runs, spark, sparkRuns, only, threads), System.out);
		String markdown = markdown(outcomes);
		System.out.println();
		System.out.print(markdown);
		if (summary != null) {
			Files.writeString(summary, markdown, StandardCharsets.UTF_8);
		}
		List<String> mismatches = outcomes.stream().flatMap(outcome -> outcome.mismatches().stream()).toList();
		if (!mismatches.isEmpty()) {
			System.err.println("THE ENGINES DISAGREE on " + mismatches.size() + " values:");
			mismatches.stream().limit(100).forEach(line -> System.err.println("  " + line));
			System.exit(1);
		}
	}

	/** The two workloads over the repository's templates. */
	static List<Workload> workloads() {
		return List.of(
				new Workload("after-sales", AfterSalesCalculator.locate(null), AfterSalesCalculator.TEMPLATE, "region",
						DuckDbPeer.QUERY, DuckDbPeer.METRICS),
				new Workload("all aggregates", locate("dsl/benchmarks/src/main/resources/templates/all-aggregates"),
						"AllAggregates", "region,region*productLine", AllAggregatesPeer.QUERY, AllAggregatesPeer.METRICS));
	}

	static List<Outcome> run(Settings settings, PrintStream log) throws Exception {
		SampleDataSettings sample = SampleData.settings(settings.tickets());
		Path dir = SampleData.ensure(settings.dataRoot(), sample, log);
		log.println("load average: " + loadAverage());
		List<Outcome> outcomes = new ArrayList<>();
		try (DuckDbPeer peer = new DuckDbPeer(0)) {
			peer.load(dir);
			for (Workload workload : workloads()) {
				outcomes.add(measure(workload, settings, dir, peer, log));
			}
		}
		return outcomes;
	}

	private static Outcome measure(Workload workload, Settings settings, Path dir, DuckDbPeer peer, PrintStream log)
			throws Exception {
		CompiledTemplate compiled = compile(workload);
		RunOptions options = new RunOptions(Grain.MONTH, Grouping.parseList(workload.breakdowns()), null, null)
				.withThreads(settings.threads());
		Dataset rows = Pipeline.load(compiled, Bindings.byConvention(dir, compiled.spec()), LoadOptions.defaults())
				.dataset();
		Map<String, String> tables = new LinkedHashMap<>();
		for (SourceSpec source : compiled.spec().sources()) {
			tables.put(source.name(), source.name().toLowerCase(Locale.ROOT));
		}

		Results[] javaResults = new Results[1];
		Timing java;
		try (ComputeEngine engine = new JavaEngine()) {
			java = time(settings, () -> javaResults[0] = Pipeline.compute(compiled, engine, SourceData.loaded(rows), options));
		}
		log.printf(Locale.ROOT, "%s, java: %s ms%n", workload.name(), java.runs());

		MetricValues oracle = MetricValues.of(javaResults[0]);
		List<String> mismatches = new ArrayList<>();
		Timing sql = Timing.SKIPPED;
		Timing hand = Timing.SKIPPED;
		Results[] sqlResults = new Results[1];
		MetricValues[] peerValues = new MetricValues[1];
		Step peerStep = () -> peerValues[0] = workload.peerQuery().equals(DuckDbPeer.QUERY) ? peer.compute()
				: peer.computeGrouped(workload.peerQuery(), workload.peerMetrics());
		try (ComputeEngine engine = new SqlComputeEngine("duckdb",
				DuckDbEngine.attach(peer.duplicate(), "the peer's database"))) {
			SourceData bound = new SourceData(null, tables);
			Step sqlStep = () -> sqlResults[0] = Pipeline.compute(compiled, engine, bound, options);
			if (settings.runs("sql") && settings.runs("peer")) {
				Timing[] both = alternately(settings, sqlStep, peerStep);
				sql = both[0];
				hand = both[1];
			} else if (settings.runs("sql")) {
				sql = time(settings, sqlStep);
			} else if (settings.runs("peer")) {
				hand = time(settings, peerStep);
			}
		}
		if (settings.runs("sql")) {
			log.printf(Locale.ROOT, "%s, yardstick sql on duckdb: %s ms%n", workload.name(), sql.runs());
			MetricValues.mismatches(oracle, MetricValues.of(sqlResults[0]), 1e-9)
					.forEach(line -> mismatches.add(workload.name() + ", yardstick sql: " + line));
		}
		if (settings.runs("peer")) {
			log.printf(Locale.ROOT, "%s, hand-written duckdb: %s ms%n", workload.name(), hand.runs());
			MetricValues.mismatches(oracle, peerValues[0], 1e-9)
					.forEach(line -> mismatches.add(workload.name() + ", hand-written: " + line));
		}

		SparkTiming spark = null;
		if (settings.spark() != null) {
			long start = System.nanoTime();
			try (ComputeEngine engine = Engines.open("spark", null, settings.spark(), Map.of())) {
				double startup = (System.nanoTime() - start) / 1e6;
				Results[] sparkResults = new Results[1];
				// one warm-up at most: a Spark run at a million rows takes minutes on two cores
				Settings sparkSettings = new Settings(settings.tickets(), settings.dataRoot(),
						Math.min(1, settings.warmups()), settings.sparkRuns(),
						settings.spark(), settings.sparkRuns(), settings.only(), settings.threads());
				Timing runs = time(sparkSettings,
						() -> sparkResults[0] = Pipeline.compute(compiled, engine, SourceData.loaded(rows), options));
				log.printf(Locale.ROOT, "%s, spark: start-up %.0f ms, runs %s ms%n", workload.name(), startup, runs.runs());
				MetricValues.mismatches(oracle, MetricValues.of(sparkResults[0]), 1e-9)
						.forEach(line -> mismatches.add(workload.name() + ", spark: " + line));
				spark = new SparkTiming(startup, runs, engine.describe());
			}
		}
		return new Outcome(workload, settings.tickets(), java, sql, hand, spark, oracle.size(), oracle.nulls(),
				mismatches);
	}

	private static CompiledTemplate compile(Workload workload) throws IOException {
		try {
			return Pipeline.compile(Pipeline.generate(
					Pipeline.select(workload.templateDir(), workload.templateName(), ProgressListener.NONE), null));
		} catch (Pipeline.BadSelection | Pipeline.Refused e) {
			throw new IllegalStateException(workload.name() + ": the template does not validate: " + e.getMessage()
					+ (e instanceof Pipeline.Refused refused ? " " + refused.findings() : ""), e);
		}
	}

	interface Step {
		void run() throws Exception;
	}

	private static Timing time(Settings settings, Step step) throws Exception {
		for (int i = 0; i < settings.warmups(); i++) {
			step.run();
		}
		long[] wall = new long[settings.runs()];
		long[] cpu = new long[settings.runs()];
		for (int i = 0; i < settings.runs(); i++) {
			long cpuStart = processCpuNanos();
			long start = System.nanoTime();
			step.run();
			wall[i] = System.nanoTime() - start;
			cpu[i] = processCpuNanos() - cpuStart;
		}
		return wall.length == 0 ? Timing.SKIPPED : new Timing(wall, cpu);
	}

	/**
	 * Two steps timed in turns, after the warm-ups of each: a machine that grows slower or faster during the
	 * command then weighs on both alike, where timing one after the other gave ratios that moved by a third
	 * between two commands on a shared machine.
	 */
	private static Timing[] alternately(Settings settings, Step first, Step second) throws Exception {
		for (int i = 0; i < settings.warmups(); i++) {
			first.run();
			second.run();
		}
		long[][] wall = new long[2][settings.runs()];
		long[][] cpu = new long[2][settings.runs()];
		Step[] steps = { first, second };
		for (int i = 0; i < settings.runs(); i++) {
			for (int s = 0; s < 2; s++) {
				long cpuStart = processCpuNanos();
				long start = System.nanoTime();
				steps[s].run();
				wall[s][i] = System.nanoTime() - start;
				cpu[s][i] = processCpuNanos() - cpuStart;
			}
		}
		return settings.runs() == 0 ? new Timing[] { Timing.SKIPPED, Timing.SKIPPED }
				: new Timing[] { new Timing(wall[0], cpu[0]), new Timing(wall[1], cpu[1]) };
	}

	/** CPU time of every thread of the process (DuckDB's workers, the calculator's pool, GC and JIT). */
	private static long processCpuNanos() {
		return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
				? os.getProcessCpuTime() : 0;
	}

	static String markdown(List<Outcome> outcomes) {
		StringBuilder md = new StringBuilder();
		boolean spark = outcomes.stream().anyMatch(outcome -> outcome.spark() != null);
		md.append(String.format(Locale.ROOT, "#### %,d tickets%n%n", outcomes.get(0).tickets()));
		md.append("| workload | Java calculator | Yardstick SQL on DuckDB | hand-written DuckDB | Yardstick SQL / hand-written | Yardstick SQL / hand-written, CPU | Java / hand-written | Java / hand-written, CPU |"
				+ (spark ? " Spark: start-up; push + compute |" : "") + "\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|---:|" + (spark ? "---:|" : "") + "\n");
		for (Outcome o : outcomes) {
			boolean sql = o.sql() != Timing.SKIPPED;
			boolean peer = o.peer() != Timing.SKIPPED;
			md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |", o.workload().name(),
					time(o.java().medianMillis()), sql ? time(o.sql().medianMillis()) : "—",
					peer ? time(o.peer().medianMillis()) : "—",
					sql && peer ? String.format(Locale.ROOT, "**%.2f**", o.sql().medianMillis() / o.peer().medianMillis()) : "—",
					sql && peer ? String.format(Locale.ROOT, "%.2f", o.sql().medianCpuMillis() / o.peer().medianCpuMillis()) : "—",
					peer ? String.format(Locale.ROOT, "%.2f", o.java().medianMillis() / o.peer().medianMillis()) : "—",
					peer ? String.format(Locale.ROOT, "%.2f", o.java().medianCpuMillis() / o.peer().medianCpuMillis()) : "—"));
			if (spark) {
				md.append(o.spark() == null ? " |" : String.format(Locale.ROOT, " %s; %s |",
						time(o.spark().startupMillis()), time(o.spark().runs().medianMillis())));
			}
			md.append('\n');
		}
		md.append('\n');
		for (Outcome o : outcomes) {
			md.append(String.format(Locale.ROOT, "%s: %,d values compared (%,d null on every side), %s.%n",
					o.workload().name(), o.values(), o.nulls(),
					o.mismatches().isEmpty() ? "all agree (relative 1e-9)" : o.mismatches().size() + " MISMATCHES"));
		}
		md.append(String.format(Locale.ROOT, "Conditions: %d cores, load average %s after; Java %s, max heap %s.%n",
				Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.runtime.version"),
				String.format(Locale.ROOT, "%,.0f MB", Runtime.getRuntime().maxMemory() / 1048576.0)));
		md.append("\nEvery measured run, wall ms:\n\n```\n");
		for (Outcome o : outcomes) {
			md.append(String.format(Locale.ROOT, "%-16s java         %s (process CPU, median %s)%n", o.workload().name(),
					o.java().runs(), time(o.java().medianCpuMillis())));
			if (o.sql() != Timing.SKIPPED) {
				md.append(String.format(Locale.ROOT, "%-16s yardstick sql %s (process CPU, median %s)%n", o.workload().name(),
						o.sql().runs(), time(o.sql().medianCpuMillis())));
			}
			md.append(String.format(Locale.ROOT, "%-16s hand-written  %s (process CPU, median %s)%n", o.workload().name(),
					o.peer().runs(), time(o.peer().medianCpuMillis())));
			if (o.spark() != null) {
				md.append(String.format(Locale.ROOT, "%-16s spark         %s (process CPU, median %s; start-up %.0f; %s)%n",
						o.workload().name(), o.spark().runs().runs(), time(o.spark().runs().medianCpuMillis()),
						o.spark().startupMillis(), o.spark().described()));
			}
		}
		md.append("```\n");
		return md.toString();
	}

	/** A folder of the repository that holds the working directory. */
	static Path locate(String relative) {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve(relative);
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		throw new IllegalArgumentException("cannot find " + relative + " above the working directory: run from the repository");
	}

	private static String loadAverage() {
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		return load < 0 ? "?" : String.format(Locale.ROOT, "%.2f", load);
	}

	private static String time(double millis) {
		return millis >= 10_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000)
				: millis >= 1000 ? String.format(Locale.ROOT, "%.2f s", millis / 1000)
						: String.format(Locale.ROOT, "%.0f ms", millis);
	}
}
