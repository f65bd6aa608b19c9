package io.yardstick.runtime.calc;

/** {@code count(Source)} and {@code count(x)}: rows added; 0 over no rows. */
public final class Count extends Kernel {
	private final double[][] counts = cellArrays(0);

	public Count(Run run, int metric) {
		super(run, metric);
	}

	public void add(int[] cells) {
		for (int g = 0; g < cells.length; g++) {
			if (on[g] && cells[g] >= 0) {
				counts[g][cells[g]]++;
			}
		}
	}

	@Override
	protected void mergeState(int grouping, Kernel part) {
		addCells(counts[grouping], ((Count) part).counts[grouping]);
	}

	@Override
	protected void loadState(int grouping, int cell, double[] state) {
		counts[grouping][cell] = state[0];
	}

	@Override
	public java.util.List<String> stateNames() {
		return java.util.List.of("rows");
	}

	@Override
	protected double combined(int grouping, int[] cells) {
		return total(counts[grouping], cells);
	}

	@Override
	protected double result(int grouping, int cell) {
		return counts[grouping][cell];
	}
}
