package io.yardstick.runtime.results;

import io.yardstick.runtime.calc.RunDiagnostics;
import io.yardstick.runtime.spec.MetricSpec;
import io.yardstick.runtime.spec.Status;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.time.Periods;
import java.util.List;
import java.util.NoSuchElementException;

/** What a run computed: metric × period × breakdown → value, with each value's status. */
public record Results(TemplateSpec template, Periods periods, List<GroupingResult> groupings,
		RunDiagnostics diagnostics) {

	public Results {
		groupings = List.copyOf(groupings);
	}

	public GroupingResult total() {
		return groupings.get(0);
	}

	public GroupingResult grouping(String name) {
		return groupings.stream().filter(g -> g.grouping().name().equals(name)).findFirst()
				.orElseThrow(() -> new NoSuchElementException("no grouping " + name));
	}

	/** The total of a metric in a period (NaN when null). */
	public double value(String metricId, int period) {
		return total().value(index(metricId), period, 0);
	}

	public Status status(int metric, double value) {
		return template.metrics().get(metric).status(value);
	}

	public int index(String metricId) {
		int index = template.metricIndex(metricId);
		if (index < 0) {
			throw new NoSuchElementException("no metric " + metricId);
		}
		return index;
	}

	public MetricSpec metric(int index) {
		return template.metrics().get(index);
	}
}
