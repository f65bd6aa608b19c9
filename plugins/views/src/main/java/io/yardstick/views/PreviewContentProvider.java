package io.yardstick.views;

import io.yardstick.runtime.results.GroupingResult;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.spec.MetricSpec;
import io.yardstick.runtime.spec.Status;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.viewers.IStructuredContentProvider;

/**
 * The rows of the Preview table for one breakdown: metric × period × group, in the order of results.csv
 * (metrics as declared, periods in time order, groups as computed). A metric the breakdown does not apply
 * to has no rows there. The input is an {@link Input}.
 */
public final class PreviewContentProvider implements IStructuredContentProvider {

	/** Results and the grouping to show: {@code total}, {@code region}, {@code region*segment}. */
	public record Input(Results results, String grouping) {
	}

	/**
	 * One value.
	 *
	 * @param group the group's values joined with {@code ·}, "(none)" for rows without one; empty for the total
	 * @param value as the run stores it (a fraction for a percent, seconds for a duration; NaN for none)
	 */
	public record Row(MetricSpec metric, String period, List<String> groupValues, String group, double value,
			Status status) {
	}

	@Override
	public Object[] getElements(Object input) {
		return input instanceof Input given ? rows(given).toArray() : new Object[0];
	}

	public static List<Row> rows(Input input) {
		List<Row> rows = new ArrayList<>();
		Results results = input.results();
		if (results == null) {
			return rows;
		}
		GroupingResult grouping = results.groupings().stream()
				.filter(g -> g.grouping().name().equals(input.grouping())).findFirst().orElse(null);
		if (grouping == null) {
			return rows;
		}
		int periods = results.periods().count();
		for (int m = 0; m < results.template().metrics().size(); m++) {
			if (!grouping.computed(m)) {
				continue;
			}
			MetricSpec metric = results.metric(m);
			for (int p = 0; p < periods; p++) {
				for (int g = 0; g < grouping.groups().size(); g++) {
					List<String> values = grouping.groups().get(g);
					double value = grouping.value(m, p, g);
					rows.add(new Row(metric, results.periods().label(p), values, group(values), value,
							metric.status(value)));
				}
			}
		}
		return rows;
	}

	static String group(List<String> values) {
		List<String> shown = new ArrayList<>();
		for (String value : values) {
			shown.add(value == null ? "(none)" : value);
		}
		return String.join(" · ", shown);
	}

	/** The groupings a run computed, total first: what the breakdown combo offers. */
	public static List<String> groupings(Results results) {
		List<String> names = new ArrayList<>();
		if (results != null) {
			results.groupings().forEach(g -> names.add(g.grouping().name()));
		}
		return names;
	}
}
