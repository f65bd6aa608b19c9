package io.yardstick.runtime.calc;

/**
 * {@code countDistinct(x)}: the number of different non-null values; 0 over none. Exact: dictionary codes,
 * referenced rows and flags are kept as a percentile's values are, once, in the cells of the finest grouping
 * ({@link FinestCells}, {@link DistinctCodes}), and counted at the end; other values (numbers, instants) in a set
 * of primitive values per cell ({@link DistinctValues}); text from several dictionaries in a set of strings.
 */
public final class Distinct extends Kernel {
	private final DistinctValues[][] seen;
	/** Text compared by value, when a formula's text comes from more than one dictionary; rarely used. */
	private java.util.Set<String>[][] texts;
	/** Which groupings hold the codes; null until the first code. */
	private FinestCells finest;
	/** Per holding grouping, per cell, its codes; null elsewhere. */
	private DistinctCodes[][] codes;
	private final DistinctCodes.Scratch scratch = new DistinctCodes.Scratch();

	public Distinct(Run run, int metric) {
		super(run, metric);
		seen = new DistinctValues[on.length][];
		for (int g = 0; g < on.length; g++) {
			if (on[g]) {
				seen[g] = new DistinctValues[run.cells(g)];
			}
		}
	}

	public void add(int[] cells, double value) {
		if (!Double.isNaN(value)) {
			addValue(cells, Double.doubleToLongBits(value == 0 ? 0.0 : value));
		}
	}

	public void add(int[] cells, long time) {
		if (time != Ops.NO_TIME) {
			addValue(cells, time);
		}
	}

	/** A dictionary code, a referenced row or a flag. */
	public void add(int[] cells, int code) {
		if (code < 0) {
			return;
		}
		if (finest == null) {
			holdCodes(FinestCells.plan(run, on, cells));
		}
		for (int g = 0; g < cells.length; g++) {
			DistinctCodes[] holding = codes[g];
			if (holding != null) {
				DistinctCodes cell = holding[cells[g]];
				if (cell == null) {
					cell = holding[cells[g]] = new DistinctCodes();
				}
				cell.add(code);
			}
		}
	}

	private void holdCodes(FinestCells plan) {
		finest = plan;
		codes = new DistinctCodes[on.length][];
		for (int g = 0; g < on.length; g++) {
			if (plan.holds(g)) {
				codes[g] = new DistinctCodes[run.cells(g)];
			}
		}
	}

	/** Text read from more than one dictionary, compared by value. */
	@SuppressWarnings("unchecked")
	public void add(int[] cells, String text) {
		if (text == null) {
			return;
		}
		if (texts == null) {
			texts = new java.util.Set[on.length][];
		}
		for (int g = 0; g < cells.length; g++) {
			if (on[g] && cells[g] >= 0) {
				if (texts[g] == null) {
					texts[g] = new java.util.Set[run.cells(g)];
				}
				if (texts[g][cells[g]] == null) {
					texts[g][cells[g]] = new java.util.HashSet<>();
				}
				texts[g][cells[g]].add(text);
			}
		}
	}

	private void addValue(int[] cells, long value) {
		for (int g = 0; g < cells.length; g++) {
			if (on[g] && cells[g] >= 0) {
				DistinctValues set = seen[g][cells[g]];
				if (set == null) {
					set = seen[g][cells[g]] = new DistinctValues();
				}
				set.add(value);
			}
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	protected void mergeState(int grouping, Kernel part) {
		Distinct other = (Distinct) part;
		mergeCodes(grouping, other);
		DistinctValues[] into = seen[grouping];
		DistinctValues[] from = other.seen[grouping];
		for (int cell = 0; cell < into.length; cell++) {
			if (from[cell] != null) {
				if (into[cell] == null) {
					into[cell] = from[cell];
				} else {
					into[cell].addAll(from[cell]);
				}
			}
		}
		if (other.texts != null && other.texts[grouping] != null) {
			if (texts == null) {
				texts = new java.util.Set[on.length][];
			}
			if (texts[grouping] == null) {
				texts[grouping] = new java.util.Set[run.cells(grouping)];
			}
			for (int cell = 0; cell < into.length; cell++) {
				java.util.Set<String> more = other.texts[grouping][cell];
				if (more != null) {
					if (texts[grouping][cell] == null) {
						texts[grouping][cell] = more;
					} else {
						texts[grouping][cell].addAll(more);
					}
				}
			}
		}
	}

	private void mergeCodes(int grouping, Distinct other) {
		if (other.finest == null) {
			return;
		}
		if (finest == null) {
			holdCodes(other.finest);
		}
		DistinctCodes[] into = codes[grouping];
		if (into == null) {
			return;
		}
		DistinctCodes[] from = other.codes[grouping];
		for (int cell = 0; cell < into.length; cell++) {
			if (from[cell] != null) {
				if (into[cell] == null) {
					into[cell] = from[cell];
				} else {
					into[cell].link(from[cell]);
				}
			}
		}
	}

	/** An engine's distinct count per cell; the sets are not needed then. */
	private double[][] loaded;

	@Override
	protected void loadState(int grouping, int cell, double[] state) {
		if (loaded == null) {
			loaded = new double[on.length][];
		}
		if (loaded[grouping] == null) {
			loaded[grouping] = new double[run.cells(grouping)];
		}
		loaded[grouping][cell] = state[0];
	}

	@Override
	public java.util.List<String> stateNames() {
		return java.util.List.of("distinct");
	}

	@Override
	protected double result(int grouping, int cell) {
		if (loaded != null && loaded[grouping] != null) {
			return loaded[grouping][cell];
		}
		DistinctValues set = seen[grouping][cell];
		java.util.Set<String> text = texts == null || texts[grouping] == null ? null : texts[grouping][cell];
		int holder = finest == null ? -1 : finest.holderOf(grouping);
		int coded = holder < 0 ? 0 : DistinctCodes.count(codes[holder], finest.fineCells(grouping, cell), scratch);
		return (set == null ? 0 : set.size()) + (text == null ? 0 : text.size()) + coded;
	}

	@Override
	protected void release() {
		codes = null;
	}
}
