package io.yardstick.runtime.calc;

/** {@code sum(x)}: nulls skipped; 0 over no values. */
public final class Sum extends Kernel {
	private final double[][] sums = cellArrays(0);

	public Sum(Run run, int metric) {
		super(run, metric);
	}

	public void add(int[] cells, double value) {
		if (Double.isNaN(value)) {
			return;
		}
		for (int g = 0; g < cells.length; g++) {
			if (on[g] && cells[g] >= 0) {
				sums[g][cells[g]] += value;
			}
		}
	}

	@Override
	protected void mergeState(int grouping, Kernel part) {
		addCells(sums[grouping], ((Sum) part).sums[grouping]);
	}

	/** An engine's sum over no values is null; the scan's is 0. */
	@Override
	protected void loadState(int grouping, int cell, double[] state) {
		sums[grouping][cell] = Double.isNaN(state[0]) ? 0 : state[0];
	}

	@Override
	public java.util.List<String> stateNames() {
		return java.util.List.of("sum");
	}

	@Override
	protected double combined(int grouping, int[] cells) {
		return total(sums[grouping], cells);
	}

	@Override
	protected double result(int grouping, int cell) {
		return sums[grouping][cell];
	}
}
