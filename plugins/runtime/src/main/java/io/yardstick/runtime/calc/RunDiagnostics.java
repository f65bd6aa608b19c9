package io.yardstick.runtime.calc;

import java.util.ArrayList;
import java.util.List;

/** What a run noticed besides the values: zero denominators per metric, breakdowns a metric skipped. */
public final class RunDiagnostics {
	private final long[] zeroDenominators;
	private final List<String> notes = new ArrayList<>();

	RunDiagnostics(int metrics) {
		this.zeroDenominators = new long[metrics];
	}

	void zeroDenominator(int metric) {
		zeroDenominators[metric]++;
	}

	void note(String note) {
		notes.add(note);
	}

	/** How many values of the metric (rows inside its aggregates, or cells) were null for a zero denominator. */
	public long zeroDenominators(int metric) {
		return zeroDenominators[metric];
	}

	public List<String> notes() {
		return List.copyOf(notes);
	}
}
