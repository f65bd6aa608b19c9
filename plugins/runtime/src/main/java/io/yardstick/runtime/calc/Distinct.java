package io.yardstick.runtime.calc;

import java.util.HashSet;
import java.util.Set;

/** {@code countDistinct(x)}: the number of different non-null values; 0 over none. */
public final class Distinct extends Kernel {
	private final Set<Object>[][] seen;

	@SuppressWarnings("unchecked")
	public Distinct(Run run, int metric) {
		super(run, metric);
		seen = new Set[on.length][];
		for (int g = 0; g < on.length; g++) {
			if (on[g]) {
				seen[g] = new Set[run.cells(g)];
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
	public void add(int[] cells, String text) {
		if (text != null) {
			addValue(cells, text);
		}
	}

	private void addValue(int[] cells, Object value) {
		for (int g = 0; g < cells.length; g++) {
			if (on[g] && cells[g] >= 0) {
				Set<Object> set = seen[g][cells[g]];
				if (set == null) {
					set = seen[g][cells[g]] = new HashSet<>();
				}
				set.add(value);
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
		Set<Object> set = seen[grouping][cell];
		return set == null ? 0 : set.size();
	}
}
