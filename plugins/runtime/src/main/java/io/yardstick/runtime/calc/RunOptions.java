package io.yardstick.runtime.calc;

import io.yardstick.runtime.time.Grain;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run computes: the grain, the breakdowns besides the total, and optionally the first and last day
 * (both included; by default the periods span the data's time axes).
 *
 * @param partialHeadline whether headline values, statuses and threshold alerts take the latest period even
 *     when the data does not cover it to its end; by default they take the last complete period
 * @param threads how many threads a scan of a large source may use; 0 (the default) for one per available
 *     processor, 1 to keep every scan on the calling thread
 */
public record RunOptions(Grain grain, List<Grouping> breakdowns, LocalDate from, LocalDate to,
		boolean partialHeadline, int threads) {

	public RunOptions(Grain grain, List<Grouping> breakdowns, LocalDate from, LocalDate to) {
		this(grain, breakdowns, from, to, false);
	}

	public RunOptions(Grain grain, List<Grouping> breakdowns, LocalDate from, LocalDate to,
			boolean partialHeadline) {
		this(grain, breakdowns, from, to, partialHeadline, 0);
	}

	public RunOptions {
		if (threads < 0) {
			throw new IllegalArgumentException("a run's threads are 0 (one per processor) or more, not " + threads);
		}
		List<Grouping> unique = new ArrayList<>();
		for (Grouping grouping : breakdowns) {
			if (!grouping.isTotal() && !unique.contains(grouping)) {
				unique.add(grouping);
			}
		}
		breakdowns = List.copyOf(unique);
	}

	/** The same options with another number of threads (0: one per available processor). */
	public RunOptions withThreads(int count) {
		return new RunOptions(grain, breakdowns, from, to, partialHeadline, count);
	}

	/** The threads a scan may use: {@link #threads}, or the available processors for 0. */
	public int scanThreads() {
		return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
	}

	public static RunOptions monthly() {
		return new RunOptions(Grain.MONTH, List.of(), null, null);
	}

	/** The total first, then the breakdowns in the order given. */
	public List<Grouping> groupings() {
		List<Grouping> all = new ArrayList<>();
		all.add(Grouping.TOTAL);
		all.addAll(breakdowns);
		return all;
	}
}
