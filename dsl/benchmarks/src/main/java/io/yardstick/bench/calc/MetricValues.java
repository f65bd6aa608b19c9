package io.yardstick.bench.calc;

import io.yardstick.runtime.results.GroupingResult;
import io.yardstick.runtime.results.Results;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Metric values keyed by metric, grouping, group and period, as both sides give them: a null value is a
 * cell without a value (NaN in a calculator's results, NULL in SQL).
 */
final class MetricValues {
	/** The group of the total. */
	static final String TOTAL_GROUP = "";
	/** The group of rows without a value of the dimension. */
	static final String NO_GROUP = "(none)";

	record Key(String metric, String grouping, String group, String period) {
		@Override
		public String toString() {
			return metric + " " + grouping + (grouping.equals("total") ? "" : "=" + group) + " " + period;
		}
	}

	private final Map<Key, Double> values = new LinkedHashMap<>();

	void put(String metric, String grouping, String group, String period, Double value) {
		Key key = new Key(metric, grouping, group, period);
		if (values.containsKey(key)) {
			throw new IllegalStateException("two values for " + key);
		}
		values.put(key, value);
	}

	int size() {
		return values.size();
	}

	long nulls() {
		return values.values().stream().filter(value -> value == null).count();
	}

	Set<Key> keys() {
		return values.keySet();
	}

	/** Every value of a calculator's results: each computed metric, grouping, group and period. */
	static MetricValues of(Results results) {
		MetricValues values = new MetricValues();
		for (GroupingResult grouping : results.groupings()) {
			for (int m = 0; m < results.template().metrics().size(); m++) {
				if (!grouping.computed(m)) {
					continue;
				}
				String metric = results.template().metrics().get(m).id();
				for (int p = 0; p < results.periods().count(); p++) {
					for (int g = 0; g < grouping.groups().size(); g++) {
						double value = grouping.value(m, p, g);
						values.put(metric, grouping.grouping().name(), label(grouping.groups().get(g)),
								results.periods().label(p), Double.isNaN(value) ? null : value);
					}
				}
			}
		}
		return values;
	}

	private static String label(List<String> tuple) {
		if (tuple.isEmpty()) {
			return TOTAL_GROUP;
		}
		List<String> parts = new ArrayList<>();
		for (String value : tuple) {
			parts.add(value == null ? NO_GROUP : value);
		}
		return String.join("*", parts);
	}

	/**
	 * Where the two disagree: a key only one side has, a null on one side only, or numbers further apart than
	 * {@code tolerance} relative to the larger magnitude.
	 */
	static List<String> mismatches(MetricValues yardstick, MetricValues duckdb, double tolerance) {
		List<String> found = new ArrayList<>();
		Set<Key> all = new LinkedHashSet<>(yardstick.values.keySet());
		all.addAll(duckdb.values.keySet());
		for (Key key : all) {
			boolean inYardstick = yardstick.values.containsKey(key);
			boolean inDuckDb = duckdb.values.containsKey(key);
			if (!inYardstick || !inDuckDb) {
				found.add(key + ": only " + (inYardstick ? "the calculator" : "DuckDB") + " has it ("
						+ format(inYardstick ? yardstick.values.get(key) : duckdb.values.get(key)) + ")");
				continue;
			}
			Double a = yardstick.values.get(key);
			Double b = duckdb.values.get(key);
			if (a == null && b == null) {
				continue;
			}
			if (a == null || b == null || !close(a, b, tolerance)) {
				found.add(key + ": calculator " + format(a) + ", DuckDB " + format(b)
						+ (a != null && b != null ? String.format(Locale.ROOT, " (relative difference %.3g)",
								Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b))) : ""));
			}
		}
		return found;
	}

	/** The largest relative difference between two values both sides have (0 when all are equal). */
	static double largestDifference(MetricValues yardstick, MetricValues duckdb) {
		double largest = 0;
		for (Map.Entry<Key, Double> entry : yardstick.values.entrySet()) {
			Double a = entry.getValue();
			Double b = duckdb.values.get(entry.getKey());
			if (a != null && b != null && !a.equals(b)) {
				largest = Math.max(largest, Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));
			}
		}
		return largest;
	}

	static boolean close(double a, double b, double tolerance) {
		return a == b || Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
	}

	private static String format(Double value) {
		return value == null ? "null" : Double.toString(value);
	}
}
