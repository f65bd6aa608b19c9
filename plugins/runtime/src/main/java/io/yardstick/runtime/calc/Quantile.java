package io.yardstick.runtime.calc;

import java.util.Arrays;

/**
 * {@code percentile(p, x)} and {@code median(x)}: R-7, linear interpolation between order statistics (Excel
 * PERCENTILE.INC, NumPy's default, DuckDB's quantile_cont); null over no values.
 * <p>
 * Every value is kept, but once: in the cells of the finest grouping the metric is broken down by (region ×
 * product line, say), in blocks that never move. A coarser grouping's cell (a region, the total) is the union
 * of the fine cells its rows fall in; its order statistics are found by selection over a copy of that union in
 * one scratch buffer, reused cell after cell. Each part of a split scan fills blocks of its own; merging links
 * them to the whole's, in chunk order, without copying a value.
 */
public final class Quantile extends Kernel {
	/** The longest block a cell's values grow by: cells past it add blocks of this length. */
	static final int LONGEST_BLOCK = 4096;

	private final double fraction;
	/** Which groupings hold the values; null until the first row shows which groupings its source gives cells in. */
	private FinestCells finest;
	/** Per holding grouping, per cell, its values; null elsewhere. */
	private CellValues[][] held;
	private double[] scratch = new double[0];

	public Quantile(Run run, int metric, double fraction) {
		super(run, metric);
		if (!(fraction >= 0 && fraction <= 1)) {
			throw new IllegalArgumentException("a percentile lies in 0..1, not " + fraction);
		}
		this.fraction = fraction;
	}

	public static Quantile median(Run run, int metric) {
		return new Quantile(run, metric, 0.5);
	}

	public void add(int[] cells, double value) {
		if (Double.isNaN(value)) {
			return;
		}
		if (finest == null) {
			hold(FinestCells.plan(run, on, cells));
		}
		for (int g = 0; g < cells.length; g++) {
			CellValues[] holding = held[g];
			if (holding != null) {
				CellValues values = holding[cells[g]];
				if (values == null) {
					values = holding[cells[g]] = new CellValues();
				}
				values.add(value);
			}
		}
	}

	private void hold(FinestCells plan) {
		finest = plan;
		held = new CellValues[on.length][];
		for (int g = 0; g < on.length; g++) {
			if (plan.holds(g)) {
				held[g] = new CellValues[run.cells(g)];
			}
		}
	}

	@Override
	protected void mergeState(int grouping, Kernel part) {
		Quantile other = (Quantile) part;
		if (other.finest == null) {
			return;
		}
		if (finest == null) {
			hold(other.finest);
		}
		if (!finest.holds(grouping)) {
			return;
		}
		CellValues[] into = held[grouping];
		CellValues[] from = other.held[grouping];
		for (int cell = 0; cell < into.length; cell++) {
			if (from[cell] == null) {
				continue;
			}
			if (into[cell] == null) {
				into[cell] = new CellValues();
			}
			into[cell].link(from[cell]);
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
		if (finest == null || finest.holderOf(grouping) < 0) {
			return Double.NaN;
		}
		CellValues[] from = held[finest.holderOf(grouping)];
		int[] fineCells = finest.fineCells(grouping, cell);
		int size = 0;
		for (int fine : fineCells) {
			CellValues values = from[fine];
			size += values == null ? 0 : values.size();
		}
		if (size == 0) {
			return Double.NaN;
		}
		if (scratch.length < size) {
			// a little room over the need: the next period's cell of the same group is often a little larger
			scratch = new double[(int) Math.min(Integer.MAX_VALUE - 8L, size + (long) size / 8)];
		}
		int at = 0;
		for (int fine : fineCells) {
			CellValues values = from[fine];
			if (values != null) {
				at = values.copyTo(scratch, at);
			}
		}
		return percentile(scratch, size);
	}

	/** The R-7 percentile of the first {@code size} values, which it reorders. */
	private double percentile(double[] values, int size) {
		// the order statistic at 1-based position h = p(n - 1) + 1, interpolated to the next one. The level
		// goes through percent and back, as the library this replaced computed it, so that values stay equal.
		double level = fraction * 100 / 100;
		double position = level == 0 ? 0 : level == 1 ? size : level * (size - 1) + 1;
		if (position < 1) {
			return select(values, size, 0);
		}
		if (position >= size) {
			return select(values, size, size - 1);
		}
		int lower = (int) Math.floor(position) - 1;
		double below = select(values, size, lower);
		// After the selection every value right of lower is at least as large: the next statistic is their least.
		double above = values[lower + 1];
		for (int i = lower + 2; i < size; i++) {
			above = Math.min(above, values[i]);
		}
		return below + (position - Math.floor(position)) * (above - below);
	}

	@Override
	protected void release() {
		held = null;
		scratch = new double[0];
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

	/**
	 * The values of one cell in blocks that are filled and never moved: the first short, each next one twice
	 * as long up to {@link #LONGEST_BLOCK}, so a cell of a few values wastes little and a cell of millions
	 * grows without copying. Blocks of another part are linked in after this one's, partly filled as they are.
	 */
	static final class CellValues {
		private double[][] full = new double[4][];
		private int[] fullSizes = new int[4];
		private int fullCount;
		private double[] tail = new double[8];
		private int tailSize;
		private int size;

		void add(double value) {
			if (tailSize == tail.length) {
				keep(tail, tailSize);
				tail = new double[Math.min(tail.length * 2, LONGEST_BLOCK)];
				tailSize = 0;
			}
			tail[tailSize++] = value;
			size++;
		}

		/** Appends the other cell's values after this one's, by reference: the other must not be used after. */
		void link(CellValues other) {
			keep(tail, tailSize);
			for (int i = 0; i < other.fullCount; i++) {
				keep(other.full[i], other.fullSizes[i]);
			}
			tail = other.tail;
			tailSize = other.tailSize;
			size += other.size;
		}

		private void keep(double[] block, int used) {
			if (used == 0) {
				return;
			}
			if (fullCount == full.length) {
				full = Arrays.copyOf(full, fullCount * 2);
				fullSizes = Arrays.copyOf(fullSizes, fullCount * 2);
			}
			full[fullCount] = block;
			fullSizes[fullCount++] = used;
		}

		int size() {
			return size;
		}

		/** Copies the values, in the order they were added, to {@code into} from {@code at}; returns the end. */
		int copyTo(double[] into, int at) {
			for (int i = 0; i < fullCount; i++) {
				System.arraycopy(full[i], 0, into, at, fullSizes[i]);
				at += fullSizes[i];
			}
			System.arraycopy(tail, 0, into, at, tailSize);
			return at + tailSize;
		}
	}
}
