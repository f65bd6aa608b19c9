package io.yardstick.runtime.calc;

import java.util.Arrays;

/**
 * One aggregate of one metric, accumulated cell by cell during a scan and turned into values by
 * {@link #finish()}. A row is added with its cell in each grouping ({@link Run#cellsOf}); groupings the
 * metric is not broken down by, and cells of -1, are skipped.
 */
public abstract class Kernel {
	protected final Run run;
	protected final int metric;
	protected final boolean[] on;
	private final double[][] results;

	protected Kernel(Run run, int metric) {
		this.run = run;
		this.metric = metric;
		this.on = run.enabledGroupings(metric).clone();
		this.results = new double[on.length][];
	}

	/** An accumulator array per enabled grouping, one slot per cell. */
	protected final double[][] cellArrays(double initial) {
		double[][] arrays = new double[on.length][];
		for (int g = 0; g < on.length; g++) {
			if (on[g]) {
				arrays[g] = new double[run.cells(g)];
				if (initial != 0) {
					Arrays.fill(arrays[g], initial);
				}
			}
		}
		return arrays;
	}

	/** Computes every cell's value; call once, after the scan. */
	public final void finish() {
		for (int g = 0; g < on.length; g++) {
			if (on[g]) {
				results[g] = new double[run.cells(g)];
				for (int cell = 0; cell < results[g].length; cell++) {
					results[g][cell] = result(g, cell);
				}
			}
		}
	}

	/**
	 * Takes a cell's accumulated state from an engine that did the row work (an SQL engine): the same
	 * numbers the scan would have accumulated, in the order {@link #stateNames()} gives. Groupings the
	 * metric is not broken down by are ignored, as during a scan.
	 */
	public final void load(int grouping, int cell, double[] state) {
		if (on[grouping]) {
			loadState(grouping, cell, state);
		}
	}

	/** Stores one cell's state; the grouping is enabled. */
	protected abstract void loadState(int grouping, int cell, double[] state);

	/** The names of the state's components, in the order {@link #load} takes them. */
	public abstract java.util.List<String> stateNames();

	/** The value of a cell from what was accumulated. */
	protected abstract double result(int grouping, int cell);

	/** The value in a period (NaN for a period before the first). */
	public final double value(int grouping, int period, int group) {
		double[] cells = results[grouping];
		return cells == null || period < 0 ? Double.NaN : cells[period * run.groups(grouping) + group];
	}

	/** A ratio's value, null (and counted) when its denominator is zero. */
	protected final double quotient(double numerator, double denominator) {
		if (denominator == 0) {
			run.zeroDenominator(metric);
			return Double.NaN;
		}
		return numerator / denominator;
	}
}
