package io.yardstick.runtime.calc;

import io.yardstick.runtime.load.LoadReport;

/** Test access to what only a run makes: its diagnostics, with chosen counts and notes. */
public final class ResultsFixture {
	private ResultsFixture() {
	}

	/** Diagnostics of a run over {@code zeroDenominators.length} metrics, with those counts and the notes. */
	public static RunDiagnostics diagnostics(long[] zeroDenominators, String... notes) {
		RunDiagnostics diagnostics = new RunDiagnostics(zeroDenominators.length);
		for (int metric = 0; metric < zeroDenominators.length; metric++) {
			for (long i = 0; i < zeroDenominators[metric]; i++) {
				diagnostics.zeroDenominator(metric);
			}
		}
		for (String note : notes) {
			diagnostics.note(note);
		}
		return diagnostics;
	}

	/** As {@link #diagnostics(long[], String...)}, for data read from files as the report says. */
	public static RunDiagnostics diagnostics(LoadReport report, long[] zeroDenominators, String... notes) {
		RunDiagnostics diagnostics = diagnostics(zeroDenominators, notes);
		diagnostics.loadReport(report);
		return diagnostics;
	}
}
