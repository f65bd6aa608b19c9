package io.yardstick.runtime.calc;

/** {@code stddev(x)}: the sample standard deviation (n - 1), by Welford's update; null under two values. */
public final class Deviation extends Kernel {
	private final double[][] counts = cellArrays(0);
	private final double[][] means = cellArrays(0);
	private final double[][] squares = cellArrays(0);

	public Deviation(Run run, int metric) {
		super(run, metric);
	}

	public void add(int[] cells, double value) {
		if (Double.isNaN(value)) {
			return;
		}
		for (int g = 0; g < cells.length; g++) {
			if (on[g] && cells[g] >= 0) {
				int cell = cells[g];
				double n = ++counts[g][cell];
				double delta = value - means[g][cell];
				means[g][cell] += delta / n;
				squares[g][cell] += delta * (value - means[g][cell]);
			}
		}
	}

	/**
	 * Two cells' counts, means and sums of squared deviations taken together (Chan, Golub and LeVeque's
	 * pairwise update): exact in real arithmetic, as stable as Welford's in floating point.
	 */
	@Override
	protected void mergeState(int grouping, Kernel part) {
		Deviation other = (Deviation) part;
		for (int cell = 0; cell < counts[grouping].length; cell++) {
			double m = other.counts[grouping][cell];
			if (m == 0) {
				continue;
			}
			double n = counts[grouping][cell];
			if (n == 0) {
				counts[grouping][cell] = m;
				means[grouping][cell] = other.means[grouping][cell];
				squares[grouping][cell] = other.squares[grouping][cell];
				continue;
			}
			double total = n + m;
			double delta = other.means[grouping][cell] - means[grouping][cell];
			means[grouping][cell] += delta * m / total;
			squares[grouping][cell] += other.squares[grouping][cell] + delta * delta * n * m / total;
			counts[grouping][cell] = total;
		}
	}

	/** From the count and the sample standard deviation: the sum of squared deviations is s²(n - 1). */
	@Override
	protected void loadState(int grouping, int cell, double[] state) {
		double n = state[0];
		counts[grouping][cell] = n;
		squares[grouping][cell] = n < 2 || Double.isNaN(state[1]) ? 0 : state[1] * state[1] * (n - 1);
	}

	@Override
	public java.util.List<String> stateNames() {
		return java.util.List.of("values", "stddev");
	}

	@Override
	protected double result(int grouping, int cell) {
		double n = counts[grouping][cell];
		return n < 2 ? Double.NaN : Math.sqrt(squares[grouping][cell] / (n - 1));
	}
}
