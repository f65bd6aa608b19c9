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
 */
public record RunOptions(Grain grain, List<Grouping> breakdowns, LocalDate from, LocalDate to,
		boolean partialHeadline) {

	public RunOptions(Grain grain, List<Grouping> breakdowns, LocalDate from, LocalDate to) {
		this(grain, breakdowns, from, to, false);
	}

	public RunOptions {
		List<Grouping> unique = new ArrayList<>();
		for (Grouping grouping : breakdowns) {
			if (!grouping.isTotal() && !unique.contains(grouping)) {
				unique.add(grouping);
			}
		}
		breakdowns = List.copyOf(unique);
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
