package io.yardstick.bench;

import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.LoadedModel;
import io.yardstick.dsl.workspace.ProgressListener;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Retained heap of the loaded and validated 5,000-metric model: heap in use after full GCs with
 * the model held, minus heap in use after full GCs before it was loaded. The workspace (Xtext
 * injector, grammar, EMF registries) and the input texts exist before the first reading, so only
 * what the model itself keeps is counted: EMF objects, node model (which holds its own copy of the
 * text), lazy-link proxies resolved, caches attached to the resources. Measured three times on
 * fresh models; the median is reported (the first round may also count pooled strings that later
 * rounds share). Run it in a JVM of its own (the {@code memory} command
 * does).
 */
public final class MemoryProbe {
	private static final int ROUNDS = 3;

	private MemoryProbe() {
	}

	public record Result(long parsedBytes, long validatedBytes, int metrics, long textBytes) {
	}

	public static Result run(PrintStream out) {
		SyntheticModel synthetic = SyntheticModel.standard();
		Map<String, String> files = synthetic.files();
		long textBytes = files.values().stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
		KpiWorkspace workspace = new KpiWorkspace();
		// Load every class and static cache once, on a small model, before the first reading.
		workspace.validate(workspace.load(SyntheticModel.generate(2, 20, 1).files()), ProgressListener.NONE);
		long[] parsed = new long[ROUNDS];
		long[] validated = new long[ROUNDS];
		for (int round = 0; round < ROUNDS; round++) {
			long before = usedAfterGc();
			LoadedModel model = workspace.load(files);
			long afterLoad = usedAfterGc();
			ValidationBenchmark.requireClean(workspace.validate(model, ProgressListener.NONE), "the synthetic model");
			long afterValidate = usedAfterGc();
			Reference.reachabilityFence(model);
			parsed[round] = afterLoad - before;
			validated[round] = afterValidate - before;
			out.printf(Locale.ROOT, "memory: round %d: parsed %.1f MB, parsed+linked+validated %.1f MB%n", round + 1,
					mb(parsed[round]), mb(validated[round]));
			model = null;
		}
		return new Result(median(parsed), median(validated), synthetic.metricCount(), textBytes);
	}

	private static long usedAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 4; i++) {
			System.gc();
			try {
				Thread.sleep(100);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	static double mb(long bytes) {
		return bytes / (1024.0 * 1024.0);
	}

	public static String table(Result r) {
		return String.format(Locale.ROOT, """
				| what is held | retained heap | per metric |
				|---|---:|---:|
				| the 51 texts (UTF-8 bytes of the input, for scale) | %.1f MB | %.0f bytes |
				| model after load (parsed, not yet linked) | %.1f MB | %.1f KB |
				| model after load + link + validate | %.1f MB | %.1f KB |
				""", mb(r.textBytes()), (double) r.textBytes() / r.metrics(), mb(r.parsedBytes()),
				r.parsedBytes() / 1024.0 / r.metrics(), mb(r.validatedBytes()), r.validatedBytes() / 1024.0 / r.metrics());
	}

	public static void main(String[] args) {
		Result result = run(System.out);
		System.out.println();
		System.out.print(table(result));
	}
}
