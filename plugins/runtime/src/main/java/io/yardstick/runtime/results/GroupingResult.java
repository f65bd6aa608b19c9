package io.yardstick.runtime.results;

import io.yardstick.runtime.calc.Grouping;
import java.util.List;

/**
 * The values of one grouping: per metric an array over cells ({@code period * groups + group}), or null for
 * a metric not broken down this way.
 *
 * @param groups per group code, the value of each crossed dimension (a value may be null: rows without one)
 */
public record GroupingResult(Grouping grouping, List<List<String>> groups, double[][] values) {

	public boolean computed(int metric) {
		return values[metric] != null;
	}

	/** NaN when the metric has no value there. */
	public double value(int metric, int period, int group) {
		double[] cells = values[metric];
		return cells == null ? Double.NaN : cells[period * groups.size() + group];
	}
}
