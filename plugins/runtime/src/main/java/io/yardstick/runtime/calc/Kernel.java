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

	/**
	 * Adds what another part of a split scan accumulated (a kernel of the same metric and class, over other rows)
	 * to this kernel's cells, as if this kernel had scanned those rows after its own ({@link Run#scan}).
	 */
	final void merge(Kernel part) {
		if (part.getClass() != getClass() || part.metric != metric) {
			throw new IllegalArgumentException("cannot merge " + part.getClass().getSimpleName() + " of metric "
					+ part.metric + " into " + getClass().getSimpleName() + " of metric " + metric);
		}
		for (int g = 0; g < on.length; g++) {
			if (on[g]) {
				mergeState(g, part);
			}
		}
	}

	/** Adds the other part's cells of one enabled grouping to this kernel's. */
	protected abstract void mergeState(int grouping, Kernel part);

	/** Adds one accumulator array into another, cell by cell. */
	protected static void addCells(double[] into, double[] from) {
		for (int cell = 0; cell < into.length; cell++) {
			into[cell] += from[cell];
		}
	}

	/** Computes every cell's value; call once, after the scan. */
	public final void finish() {
		prepare();
		for (int g = 0; g < on.length; g++) {
			if (on[g]) {
				results[g] = new double[run.cells(g)];
				for (int cell = 0; cell < results[g].length; cell++) {
					results[g][cell] = result(g, cell);
				}
			}
		}
		release();
	}

	/** Completes the state once every row is in, before the cells' values are taken from it. */
	protected void prepare() {
	}

	/** Lets go of what only {@link #result} needed, once every cell has its value. */
	protected void release() {
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

	/**
	 * The aggregate over the rows of periods {@code first} to {@code last} (both included) of one group, from
	 * the states of those periods' cells: {@code rolling(...)} and the to-date windows. Null when {@code first}
	 * is negative: the window reaches before the first reported period.
	 */
	public final double window(int grouping, int first, int last, int group) {
		if (first < 0 || last < first || !on[grouping]) {
			return Double.NaN;
		}
		int groups = run.groups(grouping);
		int[] cells = new int[last - first + 1];
		for (int p = first; p <= last; p++) {
			cells[p - first] = p * groups + group;
		}
		return combined(grouping, cells);
	}

	/**
	 * The value of the cells' states taken together, as if their rows had been added to one cell. Kernels
	 * whose state does not add up across cells (distinct counts, percentiles, deviations) do not override it;
	 * the validator never lets a window reach them.
	 */
	protected double combined(int grouping, int[] cells) {
		throw new UnsupportedOperationException(getClass().getSimpleName() + " has no window over periods");
	}

	/** The sum of one state array over cells. */
	protected static double total(double[] state, int[] cells) {
		double sum = 0;
		for (int cell : cells) {
			sum += state[cell];
		}
		return sum;
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
