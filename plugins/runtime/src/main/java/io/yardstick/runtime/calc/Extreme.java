package io.yardstick.runtime.calc;

/** {@code min(x)} and {@code max(x)}, also of points in time (as epoch milliseconds); null over no values. */
public final class Extreme extends Kernel {
	private final boolean max;
	private final double[][] extremes = cellArrays(Double.NaN);

	private Extreme(Run run, int metric, boolean max) {
		super(run, metric);
		this.max = max;
	}

	public static Extreme min(Run run, int metric) {
		return new Extreme(run, metric, false);
	}

	public static Extreme max(Run run, int metric) {
		return new Extreme(run, metric, true);
	}

	public void add(int[] cells, double value) {
		if (Double.isNaN(value)) {
			return;
		}
		for (int g = 0; g < cells.length; g++) {
			if (on[g] && cells[g] >= 0) {
				double current = extremes[g][cells[g]];
				if (Double.isNaN(current) || (max ? value > current : value < current)) {
					extremes[g][cells[g]] = value;
				}
			}
		}
	}

	@Override
	protected void mergeState(int grouping, Kernel part) {
		double[] into = extremes[grouping];
		double[] from = ((Extreme) part).extremes[grouping];
		for (int cell = 0; cell < into.length; cell++) {
			double value = from[cell];
			if (!Double.isNaN(value) && (Double.isNaN(into[cell]) || (max ? value > into[cell] : value < into[cell]))) {
				into[cell] = value;
			}
		}
	}

	@Override
	protected void loadState(int grouping, int cell, double[] state) {
		extremes[grouping][cell] = state[0];
	}

	@Override
	public java.util.List<String> stateNames() {
		return java.util.List.of(max ? "max" : "min");
	}

	@Override
	protected double combined(int grouping, int[] cells) {
		double extreme = Double.NaN;
		for (int cell : cells) {
			double value = extremes[grouping][cell];
			if (!Double.isNaN(value) && (Double.isNaN(extreme) || (max ? value > extreme : value < extreme))) {
				extreme = value;
			}
		}
		return extreme;
	}

	@Override
	protected double result(int grouping, int cell) {
		return extremes[grouping][cell];
	}
}
