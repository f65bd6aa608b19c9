package io.yardstick.bench.calc;

import io.yardstick.bench.calc.CalculatorVsDuckDb.Workload;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.load.Bindings;
import io.yardstick.runtime.load.DataLoader;
import io.yardstick.runtime.load.LoadOptions;
import io.yardstick.runtime.load.LoadResult;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The loader's work, without DuckDB and without the machine's other load in the figure: loads a workload's
 * CSV files several times on one thread and prints the median of the loading thread's CPU time. On a machine
 * that other programs share, wall times and two-thread CPU ratios swing by a fifth within minutes; one
 * thread's CPU time moves by a few percent, so a change of the loader shows as a change of this figure when
 * measured back to back with the jar before it (docs/performance.md, "Run 11: loading").
 *
 * <pre>
 * java -Xmx2g -cp dsl/benchmarks/target/benchmarks.jar io.yardstick.bench.calc.LoadProbe \
 *     --workload after-sales|all-aggregates|wide [--tickets 1000000] [--data /tmp/yardstick-bench] [--loads 9]
 * </pre>
 */
public final class LoadProbe {
	private LoadProbe() {
	}

	public static void main(String[] args) throws Exception {
		Workload workload = Workload.AFTER_SALES;
		long tickets = 1_000_000;
		Path dataRoot = Path.of("/tmp/yardstick-bench");
		int loads = 9;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--workload" -> workload = Workload.of(args[++i]);
				case "--tickets" -> tickets = Long.parseLong(args[++i]);
				case "--data" -> dataRoot = Path.of(args[++i]);
				case "--loads" -> loads = Integer.parseInt(args[++i]);
				default -> throw new IllegalArgumentException("usage: LoadProbe --workload after-sales|all-aggregates|wide"
						+ " [--tickets N] [--data DIR] [--loads N]; unknown " + args[i]);
			}
		}
		run(workload, tickets, dataRoot, loads, System.out);
	}

	/** Loads the workload's files so many times on one thread; the loading thread's CPU time of each load. */
	static long[] run(Workload workload, long tickets, Path dataRoot, int loads, PrintStream log) throws Exception {
		oneLoadingThread();
		Path dir = workload.data(dataRoot, tickets, log);
		TemplateSpec spec = AfterSalesCalculator.compile(EnginesVsPeer.locate(workload.templateDir), workload.template)
				.calculator().template();
		Map<String, Path> bindings = Bindings.byConvention(dir, spec);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long[] cpu = new long[loads];
		for (int i = 0; i < loads; i++) {
			System.gc();
			long start = threads.getCurrentThreadCpuTime();
			LoadResult loaded = DataLoader.load(spec, bindings, LoadOptions.defaults());
			cpu[i] = threads.getCurrentThreadCpuTime() - start;
			log.printf(Locale.ROOT, "load %d: %d ms of CPU, %d rows%n", i + 1, cpu[i] / 1_000_000,
					loaded.report().rowsLoaded());
		}
		long[] sorted = cpu.clone();
		Arrays.sort(sorted);
		log.printf(Locale.ROOT, "%s, %d tickets: loading thread's CPU, median of %d loads: %d ms (load average %.2f)%n",
				workload.id, tickets, loads, sorted[loads / 2] / 1_000_000,
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		return cpu;
	}

	/**
	 * Makes the loader read every file on the calling thread. How many threads read a file is no option a user
	 * sets (one per core, at most two); the probe sets the loader's own field, as the loader's tests do.
	 */
	private static void oneLoadingThread() throws ReflectiveOperationException {
		java.lang.reflect.Field threads = Class.forName("io.yardstick.runtime.load.SourceLoader").getDeclaredField("threads");
		threads.setAccessible(true);
		threads.setInt(null, 1);
	}
}
