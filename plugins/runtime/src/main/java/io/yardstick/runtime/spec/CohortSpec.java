package io.yardstick.runtime.spec;

import java.util.List;
import java.util.Map;

/**
 * A declared cohort table: for each age, the metric that reads that age of every cohort (one diagonal). Cohort c
 * at age k is the age-k metric's total in period c + k.
 */
public record CohortSpec(String name, Map<String, String> labels, List<Age> ages) {

	public CohortSpec {
		labels = Specs.copy(labels);
		ages = List.copyOf(ages);
	}

	/** One column of the table: the age in periods of the run's grain, and the metric that reads it. */
	public record Age(int age, String metric) {
	}
}
