package io.yardstick.runtime.results;

import io.yardstick.runtime.spec.CohortSpec;
import io.yardstick.runtime.time.Periods;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A cohort table of a run: one row per cohort period, oldest first, one column per declared age. Cohort c at age
 * k is the total of the age-k metric in period c + k, so a row starts before the reported periods when an age
 * reaches back there (a December cohort is 3 months old in March). A cell whose period c + k lies outside the
 * reported periods (the cohort is younger than k, or older than the run) has no value, like a null value.
 *
 * @param cohorts the cohort periods' labels
 * @param values per cohort, per age in declared order: the value, NaN for none
 */
public record CohortTable(CohortSpec spec, List<String> cohorts, double[][] values) {

	/** The template's cohort tables, from the totals of the run (breakdowns are not crossed with cohorts). */
	public static List<CohortTable> of(Results results) {
		List<CohortTable> tables = new ArrayList<>();
		for (CohortSpec spec : results.template().cohorts()) {
			tables.add(of(spec, results));
		}
		return List.copyOf(tables);
	}

	private static CohortTable of(CohortSpec spec, Results results) {
		Periods periods = results.periods();
		List<CohortSpec.Age> ages = spec.ages();
		if (periods.count() == 0 || ages.isEmpty()) {
			return new CohortTable(spec, List.of(), new double[0][]);
		}
		int youngest = ages.stream().mapToInt(CohortSpec.Age::age).min().getAsInt();
		int oldest = ages.stream().mapToInt(CohortSpec.Age::age).max().getAsInt();
		// Cohort offsets relative to the first reported period: every cohort with at least one reported cell.
		int first = -oldest;
		int last = periods.count() - 1 - youngest;
		List<String> labels = new ArrayList<>();
		double[][] values = new double[Math.max(0, last - first + 1)][];
		for (int cohort = first; cohort <= last; cohort++) {
			labels.add(periods.grain().label(periods.grain().shift(periods.firstDay(0), cohort)));
			double[] row = new double[ages.size()];
			Arrays.fill(row, Double.NaN);
			for (int a = 0; a < ages.size(); a++) {
				int period = cohort + ages.get(a).age();
				if (period >= 0 && period < periods.count()) {
					row[a] = results.value(ages.get(a).metric(), period);
				}
			}
			values[cohort - first] = row;
		}
		return new CohortTable(spec, List.copyOf(labels), values);
	}

	/** NaN when the cohort has no value at that age. */
	public double value(int cohort, int age) {
		return values[cohort][age];
	}
}
