package io.yardstick.engines;

import io.yardstick.runtime.results.GroupingResult;
import io.yardstick.runtime.results.Results;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares two runs of one template cell by cell: the same periods, groupings, groups and computed metrics,
 * every value within a relative tolerance, and null exactly where the other is null. The Java calculator is
 * the oracle; any other engine must agree with it.
 */
public final class ResultsComparison {
	/** The relative tolerance of a value: float sums in another order differ in the last bits, no more. */
	public static final double TOLERANCE = 1e-9;

	private ResultsComparison() {
	}

	/** Every difference, one line each (at most {@code limit}); empty when the runs agree. */
	public static List<String> differences(Results oracle, Results other, int limit) {
		List<String> found = new ArrayList<>();
		if (oracle.periods().count() != other.periods().count()) {
			found.add("periods: " + labels(oracle) + " against " + labels(other));
			return found;
		}
		for (int p = 0; p < oracle.periods().count(); p++) {
			if (!oracle.periods().label(p).equals(other.periods().label(p))) {
				found.add("periods: " + labels(oracle) + " against " + labels(other));
				return found;
			}
		}
		// the rows and cells whose division met a zero denominator, which a run reports beside the values
		for (int m = 0; m < oracle.template().metrics().size(); m++) {
			long x = oracle.diagnostics().zeroDenominators(m);
			long y = other.diagnostics().zeroDenominators(m);
			if (x != y) {
				found.add(oracle.template().metrics().get(m).id() + ": " + x + " zero denominators against " + y);
			}
		}
		if (oracle.groupings().size() != other.groupings().size()) {
			found.add("groupings: " + oracle.groupings().size() + " against " + other.groupings().size());
			return found;
		}
		for (int g = 0; g < oracle.groupings().size(); g++) {
			GroupingResult a = oracle.groupings().get(g);
			GroupingResult b = other.groupings().get(g);
			String grouping = a.grouping().name();
			if (!a.groups().equals(b.groups())) {
				found.add(grouping + ": groups " + a.groups() + " against " + b.groups());
				continue;
			}
			for (int m = 0; m < oracle.template().metrics().size(); m++) {
				String metric = oracle.template().metrics().get(m).id();
				if (a.computed(m) != b.computed(m)) {
					found.add(metric + " by " + grouping + ": computed " + a.computed(m) + " against " + b.computed(m));
					continue;
				}
				if (!a.computed(m)) {
					continue;
				}
				for (int group = 0; group < a.groups().size(); group++) {
					for (int p = 0; p < oracle.periods().count(); p++) {
						double x = a.value(m, p, group);
						double y = b.value(m, p, group);
						if (!agree(x, y)) {
							found.add(metric + " by " + grouping + " " + a.groups().get(group) + " "
									+ oracle.periods().label(p) + ": " + x + " against " + y);
							if (found.size() >= limit) {
								return found;
							}
						}
					}
				}
			}
		}
		return found;
	}

	static boolean agree(double x, double y) {
		if (Double.isNaN(x) || Double.isNaN(y)) {
			return Double.isNaN(x) && Double.isNaN(y);
		}
		if (x == y) {
			return true;
		}
		return Math.abs(x - y) <= TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
	}

	private static List<String> labels(Results results) {
		List<String> labels = new ArrayList<>();
		for (int p = 0; p < results.periods().count(); p++) {
			labels.add(results.periods().label(p));
		}
		return labels;
	}
}
