package io.yardstick.runtime.calc;

/** {@code count(Source)} and {@code count(x)}: rows added; 0 over no rows. */
public final class Count extends Kernel {
	private final double[][] counts = cellArrays(0);

	public Count(Run run, int metric) {
		super(run, metric);
	}

	/** The groupings rows are counted in; the others add up their fine cells at the end. Null before a row. */
	private FinestCells finest;
	private int[] holding;

	public void add(int[] cells) {
		if (finest == null) {
			finest = FinestCells.plan(run, on, cells);
			holding = finest.holding();
		}
		for (int g : holding) {
			counts[g][cells[g]]++;
		}
	}

	@Override
	protected void prepare() {
		if (finest != null) {
			finest.addUp(counts);
		}
	}

	@Override
	protected void mergeState(int grouping, Kernel part) {
		Count other = (Count) part;
		if (finest == null && other.finest != null) {
			finest = other.finest;
			holding = other.holding;
		}
		addCells(counts[grouping], other.counts[grouping]);
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
