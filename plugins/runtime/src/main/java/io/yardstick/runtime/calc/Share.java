package io.yardstick.runtime.calc;

/**
 * {@code share(c where b)}: of the rows where b holds, the fraction where c holds (a null c counts as not
 * holding); null (counted) when no row matches b.
 */
public final class Share extends Kernel {
	private final double[][] hits = cellArrays(0);
	private final double[][] bases = cellArrays(0);

	public Share(Run run, int metric) {
		super(run, metric);
	}

	/** The groupings rows are counted in; the others add up their fine cells at the end. Null before a row. */
	private FinestCells finest;
	private int[] holding;

	/** Adds a row of the base (the caller has checked b); {@code condition} is c's three-valued result. */
	public void add(int[] cells, byte condition) {
		if (finest == null) {
			finest = FinestCells.plan(run, on, cells);
			holding = finest.holding();
		}
		boolean hit = condition == Logic.TRUE;
		for (int g : holding) {
			bases[g][cells[g]]++;
			if (hit) {
				hits[g][cells[g]]++;
			}
		}
	}

	@Override
	protected void prepare() {
		if (finest != null) {
			finest.addUp(hits);
			finest.addUp(bases);
		}
	}

	@Override
	protected void mergeState(int grouping, Kernel part) {
		Share other = (Share) part;
		if (finest == null && other.finest != null) {
			finest = other.finest;
			holding = other.holding;
		}
		addCells(hits[grouping], other.hits[grouping]);
		addCells(bases[grouping], other.bases[grouping]);
	}

	@Override
	protected void loadState(int grouping, int cell, double[] state) {
		hits[grouping][cell] = state[0];
		bases[grouping][cell] = state[1];
	}

	@Override
	public java.util.List<String> stateNames() {
		return java.util.List.of("hits", "base");
	}

	@Override
	protected double combined(int grouping, int[] cells) {
		return quotient(total(hits[grouping], cells), total(bases[grouping], cells));
	}

	@Override
	protected double result(int grouping, int cell) {
		return quotient(hits[grouping][cell], bases[grouping][cell]);
	}
}
