package io.yardstick.runtime.calc;

import io.yardstick.runtime.load.LoadReport;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run noticed besides the values: zero denominators per metric, breakdowns a metric skipped, and how
 * its data was read (lines, records, quoted cells that span lines).
 */
public final class RunDiagnostics {
	/** Atomic: the chunks of a scan run on several threads, and a row's formula may divide by zero. */
	private final java.util.concurrent.atomic.AtomicLongArray zeroDenominators;
	private final List<String> notes = new ArrayList<>();
	private LoadReport loadReport;

	RunDiagnostics(int metrics) {
		this.zeroDenominators = new java.util.concurrent.atomic.AtomicLongArray(metrics);
	}

	void zeroDenominator(int metric) {
		zeroDenominators.incrementAndGet(metric);
	}

	void zeroDenominators(int metric, long rows) {
		zeroDenominators.addAndGet(metric, rows);
	}

	void loadReport(LoadReport report) {
		this.loadReport = report;
	}

	/** How the data was read from files, or null when the dataset was built otherwise. */
	public LoadReport loadReport() {
		return loadReport;
	}

	void note(String note) {
		notes.add(note);
	}

	/** How many values of the metric (rows inside its aggregates, or cells) were null for a zero denominator. */
	public long zeroDenominators(int metric) {
		return zeroDenominators.get(metric);
	}

	public List<String> notes() {
		return List.copyOf(notes);
	}
}
