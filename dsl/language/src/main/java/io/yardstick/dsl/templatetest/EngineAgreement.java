package io.yardstick.dsl.templatetest;

import io.yardstick.runtime.results.GroupingResult;
import io.yardstick.runtime.results.Results;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether another engine computed what the Java calculator computed for a test's rows: per metric the first cell
 * (period, grouping, group) where they differ, so that one wrong translation gives one failure, not one per cell.
 * Cells are matched by their labels, not their order.
 */
final class EngineAgreement {
	/** Relative slack: sums in another order differ in the last bits. */
	private static final double SLACK = 1e-9;

	private EngineAgreement() {
	}

	static List<String> differences(Results java, Results other, String engine) {
		List<String> found = new ArrayList<>();
		Map<String, Integer> otherPeriods = new HashMap<>();
		for (int p = 0; p < other.periods().count(); p++) {
			otherPeriods.put(other.periods().label(p), p);
		}
		for (int m = 0; m < java.template().metrics().size(); m++) {
			String metric = java.template().metrics().get(m).id();
			int om = other.template().metricIndex(metric);
			String difference = om < 0 ? "no values" : firstDifference(java, other, m, om, otherPeriods, engine);
			if (difference != null) {
				found.add("Java and " + engine + " disagree on " + metric + " " + difference);
			}
		}
		return found;
	}

	private static String firstDifference(Results java, Results other, int m, int om, Map<String, Integer> periods,
			String engine) {
		for (GroupingResult grouping : java.groupings()) {
			if (!grouping.computed(m)) {
				continue;
			}
			GroupingResult theirs = other.groupings().stream().filter(g -> g.grouping().equals(grouping.grouping()))
					.findFirst().orElse(null);
			for (int group = 0; group < grouping.groups().size(); group++) {
				int theirGroup = theirs == null ? -1 : theirs.groups().indexOf(grouping.groups().get(group));
				for (int p = 0; p < java.periods().count(); p++) {
					String label = java.periods().label(p);
					Integer theirPeriod = periods.get(label);
					double mine = grouping.value(m, p, group);
					double their = theirGroup < 0 || theirPeriod == null || !theirs.computed(om) ? Double.NaN
							: theirs.value(om, theirPeriod, theirGroup);
					boolean missing = theirGroup < 0 || theirPeriod == null;
					if (missing && Double.isNaN(mine)) {
						continue;
					}
					if (missing || !agree(mine, their)) {
						String where = "in " + label + (grouping.grouping().isTotal() ? ""
								: " for " + grouping.grouping().name() + " " + grouping.groups().get(group));
						return where + ": " + text(mine) + " (Java) against " + (missing ? "no cell" : text(their))
								+ " (" + engine + ")";
					}
				}
			}
		}
		return null;
	}

	private static boolean agree(double x, double y) {
		if (Double.isNaN(x) || Double.isNaN(y)) {
			return Double.isNaN(x) && Double.isNaN(y);
		}
		return x == y || Math.abs(x - y) <= SLACK * Math.max(Math.abs(x), Math.abs(y));
	}

	private static String text(double value) {
		return Double.isNaN(value) ? "null" : TestQuantities.plain(value);
	}
}
