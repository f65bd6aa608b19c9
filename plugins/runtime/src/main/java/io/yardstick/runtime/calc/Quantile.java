package io.yardstick.runtime.calc;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * {@code percentile(p, x)} and {@code median(x)}: R-7, linear interpolation between order statistics (Excel
 * PERCENTILE.INC, NumPy's default, DuckDB's quantile_cont); null over no values. Keeps every value.
 */
public final class Quantile extends Kernel {
	private final double fraction;
	private final double[][][] values;
	private final int[][] sizes;

	public Quantile(Run run, int metric, double fraction) {
		super(run, metric);
		if (!(fraction >= 0 && fraction <= 1)) {
			throw new IllegalArgumentException("a percentile lies in 0..1, not " + fraction);
		}
		this.fraction = fraction;
		this.values = new double[on.length][][];
		this.sizes = new int[on.length][];
		for (int g = 0; g < on.length; g++) {
			if (on[g]) {
				values[g] = new double[run.cells(g)][];
				sizes[g] = new int[run.cells(g)];
			}
		}
	}

	public static Quantile median(Run run, int metric) {
		return new Quantile(run, metric, 0.5);
	}

	public void add(int[] cells, double value) {
		if (Double.isNaN(value)) {
			return;
		}
		for (int g = 0; g < cells.length; g++) {
			if (on[g] && cells[g] >= 0) {
				int cell = cells[g];
				double[] held = values[g][cell];
				int size = sizes[g][cell];
				if (held == null) {
					held = values[g][cell] = new double[8];
				} else if (size == held.length) {
					held = values[g][cell] = Arrays.copyOf(held, size * 2);
				}
				held[size] = value;
				sizes[g][cell] = size + 1;
			}
		}
	}

	/** An engine's exact percentile of the cell, null over no values; kept as it is. */
	private double[][] loaded;

	@Override
	protected void loadState(int grouping, int cell, double[] state) {
		if (loaded == null) {
			loaded = new double[on.length][];
		}
		if (loaded[grouping] == null) {
			loaded[grouping] = new double[run.cells(grouping)];
			Arrays.fill(loaded[grouping], Double.NaN);
		}
		loaded[grouping][cell] = state[0];
	}

	@Override
	public java.util.List<String> stateNames() {
		return java.util.List.of("percentile");
	}

	@Override
	protected double result(int grouping, int cell) {
		if (loaded != null && loaded[grouping] != null) {
			return loaded[grouping][cell];
		}
		int size = sizes[grouping][cell];
		if (size == 0) {
			return Double.NaN;
		}
		double[] held = values[grouping][cell];
		if (fraction == 0) {
			return Arrays.stream(held, 0, size).min().getAsDouble();
		}
		// commons-math3 takes p in (0, 100]; p = 0 is the minimum under R-7.
		return new Percentile().withEstimationType(EstimationType.R_7).evaluate(held, 0, size, fraction * 100);
	}
}
