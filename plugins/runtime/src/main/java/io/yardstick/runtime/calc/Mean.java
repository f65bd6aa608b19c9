package io.yardstick.runtime.calc;

/** {@code avg(x)}: the mean of the non-null values; null over none. */
public final class Mean extends Kernel {
	private final double[][] sums = cellArrays(0);
	private final double[][] counts = cellArrays(0);

	public Mean(Run run, int metric) {
		super(run, metric);
	}

	public void add(int[] cells, double value) {
		if (Double.isNaN(value)) {
			return;
		}
		for (int g = 0; g < cells.length; g++) {
			if (on[g] && cells[g] >= 0) {
				sums[g][cells[g]] += value;
				counts[g][cells[g]]++;
			}
		}
	}

	@Override
	protected void mergeState(int grouping, Kernel part) {
		Mean other = (Mean) part;
		addCells(sums[grouping], other.sums[grouping]);
		addCells(counts[grouping], other.counts[grouping]);
	}

	@Override
	protected void loadState(int grouping, int cell, double[] state) {
		sums[grouping][cell] = Double.isNaN(state[0]) ? 0 : state[0];
		counts[grouping][cell] = state[1];
	}

	@Override
	public java.util.List<String> stateNames() {
		return java.util.List.of("sum", "values");
	}

	@Override
	protected double combined(int grouping, int[] cells) {
		double n = total(counts[grouping], cells);
		return n == 0 ? Double.NaN : total(sums[grouping], cells) / n;
	}

	@Override
	protected double result(int grouping, int cell) {
		double n = counts[grouping][cell];
		return n == 0 ? Double.NaN : sums[grouping][cell] / n;
	}
}
