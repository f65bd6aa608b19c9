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
	protected double result(int grouping, int cell) {
		return quotient(numerators[grouping][cell], denominators[grouping][cell]);
	}
}
