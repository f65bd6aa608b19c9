package io.yardstick.runtime.calc;

/** {@code ratio(n, d)}: sum(n) / sum(d) over the rows where neither is null; null (counted) when sum(d) is 0. */
public final class Ratio extends Kernel {
	private final double[][] numerators = cellArrays(0);
	private final double[][] denominators = cellArrays(0);

	public Ratio(Run run, int metric) {
		super(run, metric);
	}

	public void add(int[] cells, double numerator, double denominator) {
		if (Double.isNaN(numerator) || Double.isNaN(denominator)) {
			return;
		}
		for (int g = 0; g < cells.length; g++) {
			if (on[g] && cells[g] >= 0) {
				numerators[g][cells[g]] += numerator;
				denominators[g][cells[g]] += denominator;
			}
		}
	}

	@Override
	protected void mergeState(int grouping, Kernel part) {
		Ratio other = (Ratio) part;
		addCells(numerators[grouping], other.numerators[grouping]);
		addCells(denominators[grouping], other.denominators[grouping]);
	}

	/** Sums over no rows are null in an engine and 0 in a scan. */
	@Override
	protected void loadState(int grouping, int cell, double[] state) {
		numerators[grouping][cell] = Double.isNaN(state[0]) ? 0 : state[0];
		denominators[grouping][cell] = Double.isNaN(state[1]) ? 0 : state[1];
	}

	@Override
	public java.util.List<String> stateNames() {
		return java.util.List.of("numerator", "denominator");
	}

	@Override
	protected double combined(int grouping, int[] cells) {
		return quotient(total(numerators[grouping], cells), total(denominators[grouping], cells));
	}

	@Override
	protected double result(int grouping, int cell) {
		return quotient(numerators[grouping][cell], denominators[grouping][cell]);
	}
}
