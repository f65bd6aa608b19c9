package io.yardstick.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark's own thread per operation, next to JMH's wall time. Wall time on a
 * shared machine grows whenever other processes take the processor away; the thread's CPU time
 * does not, so the Yardstick/javac ratio on CPU time stays meaningful when the machine is busy.
 * It leaves out the JVM's other threads: the garbage collector (JMH's GC profiler reports its
 * time) and the JIT compiler.
 */
public final class CpuTimeProfiler implements InternalProfiler {
	public static final String LABEL = "cpu.thread.norm";

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
	private Map<Long, Long> before = Map.of();

	@Override
	public String getDescription() {
		return "CPU time of the benchmark (JMH worker) thread per operation";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		before = workerCpu();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
			IterationResult result) {
		long cpu = 0;
		for (Map.Entry<Long, Long> worker : workerCpu().entrySet()) {
			cpu += worker.getValue() - before.getOrDefault(worker.getKey(), 0L);
		}
		long ops = Math.max(1, result.getMetadata().getMeasuredOps());
		return List.of(new ScalarResult(LABEL, cpu / 1e6 / ops, "ms/op", AggregationPolicy.AVG));
	}

	/** CPU nanoseconds so far of each live JMH worker thread, by thread id. */
	private Map<Long, Long> workerCpu() {
		Map<Long, Long> cpu = new HashMap<>();
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().contains("jmh-worker")) {
				long nanos = threads.getThreadCpuTime(info.getThreadId());
				if (nanos >= 0) {
					cpu.put(info.getThreadId(), nanos);
				}
			}
		}
		return cpu;
	}
}
