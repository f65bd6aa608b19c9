package io.yardstick.runtime.calc;

import java.util.Arrays;

/**
 * {@code percentile(p, x)} and {@code median(x)}: R-7, linear interpolation between order statistics (Excel
 * PERCENTILE.INC, NumPy's default, DuckDB's quantile_cont); null over no values. Keeps every value, per cell in
 * a growable {@code double[]}, and finds the order statistics by selection in place: no sort, no copy.
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

	@Override
	protected void mergeState(int grouping, Kernel part) {
		Quantile other = (Quantile) part;
		for (int cell = 0; cell < sizes[grouping].length; cell++) {
			int more = other.sizes[grouping][cell];
			if (more == 0) {
				continue;
			}
			int size = sizes[grouping][cell];
			double[] held = values[grouping][cell];
			if (size == 0) {
				values[grouping][cell] = other.values[grouping][cell];
			} else {
				if (held.length < size + more) {
					held = values[grouping][cell] = Arrays.copyOf(held, Math.max(size + more, held.length * 2));
				}
				System.arraycopy(other.values[grouping][cell], 0, held, size, more);
			}
			sizes[grouping][cell] = size + more;
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
		// the order statistic at 1-based position h = p(n - 1) + 1, interpolated to the next one. The level
		// goes through percent and back, as the library this replaced computed it, so that values stay equal.
		double level = fraction * 100 / 100;
		double position = level == 0 ? 0 : level == 1 ? size : level * (size - 1) + 1;
		if (position < 1) {
			return select(held, size, 0);
		}
		if (position >= size) {
			return select(held, size, size - 1);
		}
		int lower = (int) Math.floor(position) - 1;
		double below = select(held, size, lower);
		// After the selection every value right of lower is at least as large: the next statistic is their least.
		double above = held[lower + 1];
		for (int i = lower + 2; i < size; i++) {
			above = Math.min(above, held[i]);
		}
		return below + (position - Math.floor(position)) * (above - below);
	}

	/**
	 * The k-th smallest of the first {@code size} values (0-based), moving them so that no value left of k is
	 * larger and none right of it smaller (Hoare's selection, median-of-three pivot).
	 */
	static double select(double[] values, int size, int k) {
		int left = 0;
		int right = size - 1;
		while (right > left) {
			int middle = (left + right) >>> 1;
			// order values[left], values[middle], values[right]; the median of the three is the pivot
			if (values[middle] < values[left]) {
				swap(values, middle, left);
			}
			if (values[right] < values[left]) {
				swap(values, right, left);
			}
			if (values[right] < values[middle]) {
				swap(values, right, middle);
			}
			double pivot = values[middle];
			int i = left;
			int j = right;
			while (i <= j) {
				while (values[i] < pivot) {
					i++;
				}
				while (values[j] > pivot) {
					j--;
				}
				if (i <= j) {
					swap(values, i++, j--);
				}
			}
			if (k <= j) {
				right = j;
			} else if (k >= i) {
				left = i;
			} else {
				return values[k];
			}
		}
		return values[k];
	}

	private static void swap(double[] values, int a, int b) {
		double held = values[a];
		values[a] = values[b];
		values[b] = held;
	}
}
