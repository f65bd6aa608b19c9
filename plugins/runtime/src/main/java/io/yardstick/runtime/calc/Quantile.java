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
	/** Cells of at least this many values find their statistics through a sample ({@link #bracketed}). */
	static final int SAMPLED_FROM = 4096;

	private final double fraction;
	/** Which groupings hold the values; null until the first row shows which groupings its source gives cells in. */
	private FinestCells finest;
	/** Per holding grouping, per cell, its values; null elsewhere. */
	private CellValues[][] held;
	private double[] scratch = new double[0];
	private double[] sample = new double[0];

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
		return percentile(from, fineCells, size);
	}

	/** The R-7 percentile of the cells' {@code size} values. */
	private double percentile(CellValues[] from, int[] fineCells, int size) {
		// the order statistic at 1-based position h = p(n - 1) + 1, interpolated to the next one. The level
		// goes through percent and back, as the library this replaced computed it, so that values stay equal.
		double level = fraction * 100 / 100;
		double position = level == 0 ? 0 : level == 1 ? size : level * (size - 1) + 1;
		boolean between = position >= 1 && position < size;
		int lower = position < 1 ? 0 : between ? (int) Math.floor(position) - 1 : size - 1;
		// Between two statistics the result is the same whichever of two equal values (0 and -0) is found; the
		// least and the greatest are found as before, so that their sign of zero stays the same too.
		if (!(between && size >= SAMPLED_FROM && bracketed(from, fineCells, size, lower))) {
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
			statistics(scratch, size, lower, between);
		}
		if (!between) {
			return below;
		}
		return below + (position - Math.floor(position)) * (above - below);
	}

	/** The order statistics {@link #statistics} found: the k-th, and the (k + 1)-th when asked for. */
	private double below;
	private double above;

	/** The k-th smallest of the first {@code size} values, and the next one when {@code next}; reorders them. */
	private void statistics(double[] values, int size, int k, boolean next) {
		below = select(values, size, k);
		if (next) {
			// After the selection every value right of k is at least as large: the next statistic is their least.
			double least = values[k + 1];
			for (int i = k + 2; i < size; i++) {
				least = Math.min(least, values[i]);
			}
			above = least;
		}
	}

	/**
	 * Finds the k-th and (k + 1)-th smallest of the cells' values without copying them all: a sorted sample of
	 * every so many values brackets them between two bounds, one pass counts the values below the lower bound
	 * and copies those between the bounds, and selection runs over those few. False, having found nothing, when
	 * the statistics lie outside the bounds after all (the sample was unlike the values) or too many values lie
	 * between them; exact either way.
	 */
	private boolean bracketed(CellValues[] from, int[] fineCells, int size, int k) {
		// about n^(2/3) samples, at least 1,024: enough that few values lie between the bounds
		int stride = Math.max(2, (int) (size / Math.min(1 << 16, Math.max(1024, Math.cbrt((double) size * size)))));
		int samples = (size + stride - 1) / stride;
		if (sample.length < samples) {
			sample = new double[samples];
		}
		int taken = 0;
		long start = 0;
		for (int fine : fineCells) {
			CellValues values = from[fine];
			for (int b = 0; values != null && b < values.blocks(); b++) {
				double[] block = values.block(b);
				int length = values.blockSize(b);
				for (long at = (start + stride - 1) / stride * stride; at < start + length; at += stride) {
					sample[taken++] = block[(int) (at - start)];
				}
				start += length;
			}
		}
		Arrays.sort(sample, 0, taken);
		// the statistic's rank in the sample strays from its expected rank by about sqrt(taken) / 2 at most
		int margin = 2 * (int) Math.sqrt(taken) + 2;
		int rank = (int) ((long) k * taken / size);
		double low = sample[Math.max(0, rank - margin)];
		double high = sample[Math.min(taken - 1, rank + 1 + margin)];
		int room = size / 4;
		// checked after each block: room for one more block past it
		if (scratch.length < room + LONGEST_BLOCK + 1) {
			scratch = new double[room + LONGEST_BLOCK + 1];
		}
		double[] middle = scratch;
		int lows = 0;
		int kept = 0;
		for (int fine : fineCells) {
			CellValues values = from[fine];
			for (int b = 0; values != null && b < values.blocks(); b++) {
				double[] block = values.block(b);
				for (int at = values.blockSize(b) - 1; at >= 0; at--) {
					double value = block[at];
					// no branch on the value: it is kept in place and the count moves past it only when it is between
					middle[kept] = value;
					lows += value < low ? 1 : 0;
					kept += value >= low && value <= high ? 1 : 0;
				}
				if (kept > room) {
					return false;
				}
			}
		}
		if (k < lows || k + 1 >= lows + kept) {
			return false;
		}
		statistics(middle, kept, k - lows, true);
		return true;
	}
	@Override
	protected void release() {
		held = null;
		scratch = new double[0];
		sample = new double[0];
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

		/** How many blocks hold the values: the full ones, then the one being filled. */
		int blocks() {
			return fullCount + 1;
		}

		double[] block(int index) {
			return index < fullCount ? full[index] : tail;
		}

		/** How many values of {@link #block} are in use. */
		int blockSize(int index) {
			return index < fullCount ? fullSizes[index] : tailSize;
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
