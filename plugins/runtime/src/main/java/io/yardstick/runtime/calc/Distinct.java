package io.yardstick.runtime.calc;

/**
 * {@code countDistinct(x)}: the number of different non-null values; 0 over none. Exact: per cell a set of
 * primitive values ({@link DistinctValues}), text from several dictionaries in a set of strings.
 */
public final class Distinct extends Kernel {
	private final DistinctValues[][] seen;
	/** Text compared by value, when a formula's text comes from more than one dictionary; rarely used. */
	private java.util.Set<String>[][] texts;

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

	/** A dictionary code or a referenced row. */
	public void add(int[] cells, int code) {
		if (code >= 0) {
			addValue(cells, code);
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
		return (set == null ? 0 : set.size()) + (text == null ? 0 : text.size());
	}
}
