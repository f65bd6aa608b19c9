package io.yardstick.dsl.validation;

import static io.yardstick.dsl.validation.IssueCodes.COHORT_AGE_INVALID;
import static io.yardstick.dsl.validation.IssueCodes.COHORT_KIND_MISMATCH;

import io.yardstick.dsl.kpi.CohortAge;
import io.yardstick.dsl.kpi.CohortTable;
import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.model.ModelText;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.xtext.validation.Check;

/**
 * Cohort tables ({@code cohort retention { age 1 = retention1 ... }}): each age a whole number of periods, given
 * once, so that a cell has one metric; and every age read by metrics of one kind and unit, so that a row reads
 * as one measure growing older, and the report's shading compares like with like.
 */
public class CohortTableValidator extends AbstractKpiCheck {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;

	@Check
	public void checkAges(CohortTable table) {
		Map<Integer, CohortAge> seen = new HashMap<>();
		Metric firstMetric = null;
		for (CohortAge age : table.getAges()) {
			BigDecimal value = age.getAge();
			if (value == null) {
				continue; // a syntax error, reported by the parser
			}
			if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(10_000)) > 0) {
				error(message(age, COHORT_AGE_INVALID + ".whole", ModelText.number(value), table.getName()), age,
						KPI.getCohortAge_Age(), COHORT_AGE_INVALID);
				continue;
			}
			CohortAge first = seen.putIfAbsent(value.intValue(), age);
			if (first != null) {
				error(message(age, COHORT_AGE_INVALID + ".twice", ModelText.number(value), table.getName(), lineOf(first)),
						age, KPI.getCohortAge_Age(), COHORT_AGE_INVALID);
				continue;
			}
			Metric metric = age.getMetric();
			if (metric == null || metric.eIsProxy() || metric.getKind() == null) {
				continue; // unresolved: the linker reports it
			}
			if (firstMetric == null) {
				firstMetric = metric;
			} else if (!kind(metric).equals(kind(firstMetric))) {
				error(message(age, COHORT_KIND_MISMATCH, table.getName(), metric.getName(), kind(metric),
						firstMetric.getName(), kind(firstMetric)), age, KPI.getCohortAge_Metric(), COHORT_KIND_MISMATCH);
			}
		}
	}

	private static String kind(Metric metric) {
		return ModelText.of(metric.getKind()).replaceAll("\\s+", "");
	}
}
