package io.yardstick.runtime.spec;

import java.util.List;
import java.util.Map;

/**
 * A metric as the template declares it: everything a report or a results file needs besides the values.
 *
 * @param unit the display unit of a duration or the code of a currency, else null
 * @param target null when the metric has none; likewise warning and critical
 * @param breakdowns the breakdowns the metric supports ({@code by region, segment})
 * @param formula the formula as written in the template
 * @param sources the sources the metric aggregates, directly or through other metrics
 */
public record MetricSpec(String id, Map<String, String> labels, String layer, FieldType kind, String unit,
		Double min, Double max, Direction direction, boolean supporting, Condition target, Condition warning,
		Condition critical, List<String> breakdowns, String formula, String description, String goal,
		String owner, List<String> sources) {

	public MetricSpec {
		labels = Specs.copy(labels);
		breakdowns = List.copyOf(breakdowns);
		sources = List.copyOf(sources);
	}

	/** The status of a value: critical, else warning, else met or missed; tracked when nothing judges it. */
	public Status status(double value) {
		if (target == null && warning == null && critical == null) {
			return Double.isNaN(value) ? Status.NO_VALUE : Status.TRACKED;
		}
		if (Double.isNaN(value)) {
			return Status.NO_VALUE;
		}
		if (critical != null && critical.holds(value)) {
			return Status.CRITICAL;
		}
		if (warning != null && warning.holds(value)) {
			return Status.WARNING;
		}
		if (target == null) {
			return Status.TRACKED;
		}
		return target.holds(value) ? Status.MET : Status.MISSED;
	}
}
