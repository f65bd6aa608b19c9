package io.yardstick.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The one command behind docs/performance.md:
 *
 * <pre>
 * java -jar dsl/benchmarks/target/benchmarks.jar                 # everything, then a Markdown summary
 * java -jar dsl/benchmarks/target/benchmarks.jar all --summary F # the same, the summary also written to F
 * java -jar dsl/benchmarks/target/benchmarks.jar jmh [JMH options]  # plain JMH, e.g. -prof stack, -l
 * java -jar dsl/benchmarks/target/benchmarks.jar scaling         # only the scaling series
 * java -jar dsl/benchmarks/target/benchmarks.jar memory          # only the retained-heap probe
 * java -jar dsl/benchmarks/target/benchmarks.jar lsp             # the language server's diagnostics latency
 * </pre>
 *
 * "Everything" is the four JMH benchmarks of {@link ValidationBenchmark} (with JMH's GC profiler,
 * for allocation per operation, and {@link CpuTimeProfiler}, for the benchmark thread's CPU time),
 * then {@link Scaling} and {@link MemoryProbe}, each in a JVM of its own.
 */
public final class Bench {
	private static final String TABLE_START = "<<<table";
	private static final String TABLE_END = "table>>>";

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		String command = args.length == 0 ? "all" : args[0];
		String[] rest = args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length);
		switch (command) {
			case "all" -> all(rest);
			case "jmh" -> org.openjdk.jmh.Main.main(rest);
			case "scaling" -> {
				List<Scaling.Row> rows = Scaling.run(System.out);
				printTable(Scaling.table(rows));
			}
			case "memory" -> printTable(MemoryProbe.table(MemoryProbe.run(System.out)));
			case "lsp" -> LspLatency.run(rest, System.out);
			default -> {
				System.err.println("usage: java -jar benchmarks.jar [all [--summary FILE] | jmh [JMH options] | scaling | memory"
						+ " | lsp [--warmup N] [--edits N] [--template DIR]]");
				System.exit(2);
			}
		}
	}

	private static void printTable(String table) {
		System.out.println(TABLE_START);
		System.out.print(table);
		System.out.println(TABLE_END);
	}

	private static void all(String[] args) throws RunnerException, IOException, InterruptedException {
		Path summaryFile = args.length >= 2 && args[0].equals("--summary") ? Path.of(args[1]) : null;
		String loadBefore = loadAverage();
		long[] cpuBefore = cpuTicks();
		long started = System.nanoTime();
		Options options = new OptionsBuilder()
				.include(ValidationBenchmark.class.getName() + "\\.")
				.addProfiler(GCProfiler.class)
				.addProfiler(CpuTimeProfiler.class)
				.build();
		Collection<RunResult> results = new Runner(options).run();
		String scaling = child("scaling", "-Xms4g", "-Xmx4g");
		String memory = child("memory", "-Xmx2g");
		long minutes = (System.nanoTime() - started) / 60_000_000_000L;
		String machine = "Load average (1, 5, 15 min) before: " + loadBefore + "; after: " + loadAverage()
				+ "; run time about " + minutes + " min; " + busy(cpuBefore, cpuTicks()) + ".\n";
		String summary = summary(results, scaling, memory, machine);
		System.out.println();
		System.out.println(summary);
		if (summaryFile != null) {
			Files.writeString(summaryFile, summary, StandardCharsets.UTF_8);
			System.out.println("summary written to " + summaryFile.toAbsolutePath());
		}
	}

	/** Runs a command of this jar in a fresh JVM, echoes its output and gives back its table. */
	private static String child(String command, String... jvmOptions) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>();
		line.add(ProcessHandle.current().info().command().orElse("java"));
		line.addAll(List.of(jvmOptions));
		line.addAll(List.of("-cp", System.getProperty("java.class.path"), Bench.class.getName(), command));
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		StringBuilder table = new StringBuilder();
		boolean inTable = false;
		try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String text = out.readLine(); text != null; text = out.readLine()) {
				System.out.println(text);
				if (text.equals(TABLE_START)) {
					inTable = true;
				} else if (text.equals(TABLE_END)) {
					inTable = false;
				} else if (inTable) {
					table.append(text).append('\n');
				}
			}
		}
		int exit = process.waitFor();
		if (exit != 0) {
			throw new IllegalStateException(command + " failed with exit code " + exit);
		}
		return table.toString();
	}

	// ------------------------------------------------------------------ the summary

	private record Score(double value, double error, String unit, double allocatedBytes, double cpuMs) {
	}

	private static String summary(Collection<RunResult> results, String scaling, String memory, String machine) {
		Map<String, Score> scores = new LinkedHashMap<>();
		for (RunResult run : results) {
			String name = run.getParams().getBenchmark();
			name = name.substring(name.lastIndexOf('.') + 1);
			Result<?> primary = run.getPrimaryResult();
			Result<?> allocation = run.getSecondaryResults().get("gc.alloc.rate.norm");
			if (allocation == null) {
				allocation = run.getSecondaryResults().get("·gc.alloc.rate.norm");
			}
			Result<?> cpu = run.getSecondaryResults().get(CpuTimeProfiler.LABEL);
			scores.put(name, new Score(primary.getScore(), primary.getScoreError(), primary.getScoreUnit(),
					allocation == null ? Double.NaN : allocation.getScore(), cpu == null ? Double.NaN : cpu.getScore()));
		}
		StringBuilder out = new StringBuilder();
		out.append("## Results\n\n");
		out.append(environment()).append('\n');
		out.append(machine).append('\n');
		out.append("| benchmark | what | wall time (ms) | ± 99.9% | CPU time of the benchmark thread (ms) | allocated per operation |\n");
		out.append("|---|---|---:|---:|---:|---:|\n");
		row(out, scores, "fullValidation", "Yardstick: parse + link + validate 51 files, 5,000 metrics");
		row(out, scores, "peerJavacFull", "javac: compile the Java translation, 6 shared + 50 template classes");
		row(out, scores, "revalidateOneFile", "Yardstick: re-parse + validate one template file (100 metrics)");
		row(out, scores, "peerJavacOneFile", "javac: compile one template class against compiled shared classes");
		out.append('\n');
		out.append("| ratio | Yardstick / javac, wall time | Yardstick / javac, CPU time |\n|---|---:|---:|\n");
		ratio(out, scores, "whole model", "fullValidation", "peerJavacFull");
		ratio(out, scores, "one file", "revalidateOneFile", "peerJavacOneFile");
		out.append('\n');
		goal(out, scores, "fullValidation", 2_000, "full validation of 5,000 metrics under 2 s");
		goal(out, scores, "revalidateOneFile", 100, "re-validation of one file under 100 ms");
		out.append("\n### Scaling\n\n").append(scaling);
		out.append("\n### Memory\n\n").append(memory);
		return out.toString();
	}

	private static void row(StringBuilder out, Map<String, Score> scores, String name, String what) {
		Score s = scores.get(name);
		if (s == null) {
			return;
		}
		out.append(String.format(Locale.ROOT, "| `%s` | %s | %.1f | %.1f | %.1f | %s |%n", name, what, s.value(), s.error(),
				s.cpuMs(), Double.isNaN(s.allocatedBytes()) ? ""
						: String.format(Locale.ROOT, "%.1f MB", s.allocatedBytes() / 1024 / 1024)));
	}

	private static void ratio(StringBuilder out, Map<String, Score> scores, String what, String ours, String peer) {
		Score a = scores.get(ours);
		Score b = scores.get(peer);
		if (a != null && b != null) {
			out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", what, a.value() / b.value(), a.cpuMs() / b.cpuMs()));
		}
	}

	private static void goal(StringBuilder out, Map<String, Score> scores, String name, double limitMs, String goal) {
		Score s = scores.get(name);
		if (s != null) {
			out.append(String.format(Locale.ROOT, "- Goal %s: %s by wall time (%.1f ms), %s by CPU time (%.1f ms).%n", goal,
					s.value() < limitMs ? "met" : "NOT met", s.value(), s.cpuMs() < limitMs ? "met" : "NOT met", s.cpuMs()));
		}
	}

	static String environment() {
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
					.map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
		} catch (IOException | RuntimeException e) {
			// Not Linux: leave it unknown.
		}
		return String.format(Locale.ROOT, "Machine: %d processors (%s), %s %s (%s), max heap of this JVM %d MB.%n",
				Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.vm.name"),
				System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
				Runtime.getRuntime().maxMemory() / 1024 / 1024);
	}

	/** The machine's CPU time so far from /proc/stat: user+nice+system, idle+iowait, steal (jiffies). */
	private static long[] cpuTicks() {
		try {
			String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
					+ Long.parseLong(f[7]);
			long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
			return new long[] { busy, idle, Long.parseLong(f[8]) };
		} catch (IOException | RuntimeException e) {
			return null;
		}
	}

	/** How busy the machine was during the run, and how much time the hypervisor stole from it. */
	private static String busy(long[] before, long[] after) {
		if (before == null || after == null) {
			return "machine busy time unknown";
		}
		double busy = after[0] - before[0];
		double idle = after[1] - before[1];
		double steal = after[2] - before[2];
		double total = busy + idle + steal;
		return String.format(Locale.ROOT, "all processors busy %.0f%% of the time, stolen by the hypervisor %.1f%%",
				100 * busy / total, 100 * steal / total);
	}

	private static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return parts[0] + ", " + parts[1] + ", " + parts[2];
		} catch (IOException | RuntimeException e) {
			return "unknown";
		}
	}
}
