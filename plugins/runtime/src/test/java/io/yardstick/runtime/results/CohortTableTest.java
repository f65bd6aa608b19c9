package io.yardstick.runtime.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.calc.ResultsFixture;
import io.yardstick.runtime.spec.CohortSpec;
import io.yardstick.runtime.spec.Direction;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.LayerSpec;
import io.yardstick.runtime.spec.MetricSpec;
import io.yardstick.runtime.spec.Specs;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.time.Grain;
import io.yardstick.runtime.time.Periods;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The retention table of the golden case {@code calculators/cohorts} (its worked.md), assembled from the three
 * diagonal metrics' values as that case computes them over January to April 2025.
 */
class CohortTableTest {
	private static final double NULL = Double.NaN;

	static Results retention() {
		List<MetricSpec> metrics = new ArrayList<>();
		for (int age = 0; age <= 2; age++) {
			metrics.add(Samples.metric("retention" + age, Specs.labels("", "留存 " + age), "management",
					FieldType.PERCENT, null, Direction.HIGHER_IS_BETTER, null, null, null, List.of(), "share(...)", null));
		}
		CohortSpec retention = new CohortSpec("retention", Specs.labels("zh", "签约批次留存", "en", "Sign-up retention"),
				List.of(new CohortSpec.Age(0, "retention0"), new CohortSpec.Age(1, "retention1"),
						new CohortSpec.Age(2, "retention2")));
		TemplateSpec template = new TemplateSpec("cases.cohorts.Cohorts", Specs.labels("", "签约批次"), Samples.SHANGHAI,
				List.of(), List.of(), List.of(new LayerSpec("management", Map.of(), 2)), metrics, List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of(retention));
		Periods periods = Periods.between(Grain.MONTH, Samples.SHANGHAI, LocalDate.of(2025, 1, 1),
				LocalDate.of(2025, 4, 30));
		double[][] total = { { 1, 1, NULL, 1 }, { 1, 0.5, 1, NULL }, { NULL, 0, 0.5, 0 } };
		return new Results(template, periods, List.of(new GroupingResult(Grouping.TOTAL, List.of(List.of()), total)),
				ResultsFixture.diagnostics(new long[3]));
	}

	@Test
	void cohortAtAgeKIsTheAgeKMetricInPeriodCPlusK() {
		CohortTable table = CohortTable.of(retention()).get(0);
		// Cohorts reach back two months before January (the oldest age) and end in April (the youngest age).
		assertEquals(List.of("2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04"), table.cohorts());
		String[] expected = {
				"2024-11: - - null", // retention2 in January: no November sign-up
				"2024-12: - 1 0", // K1: ordered in January, not in February
				"2025-01: 1 0.5 0.5", // K2 and K3, as worked.md's table
				"2025-02: 1 1 0", // K4
				"2025-03: null null -", // no March sign-up; age 2 falls in May, after the run
				"2025-04: 1 - -" }; // K6 is younger than one month
		for (int c = 0; c < expected.length; c++) {
			StringBuilder row = new StringBuilder(table.cohorts().get(c)).append(':');
			for (int a = 0; a < 3; a++) {
				int period = c - 2 + a;
				double value = table.value(c, a);
				row.append(' ').append(period < 0 || period > 3 ? "-" : Double.isNaN(value) ? "null" : Values.stored(value));
			}
			assertEquals(expected[c], row.toString());
		}
	}

	@Test
	void cohortsCsvIsLongFormWithEveryCell() {
		String csv = ResultsCsv.toCohortsCsv(retention());
		List<String> lines = csv.lines().toList();
		assertEquals("table,metric,cohort,age,value,display,status", lines.get(0));
		assertEquals(1 + 6 * 3, lines.size());
		assertEquals("retention,retention0,2025-01,0,1,100.0%,tracked", lines.get(7));
		assertEquals("retention,retention1,2025-01,1,0.5,50.0%,tracked", lines.get(8));
		assertEquals("retention,retention1,2025-04,1,,—,no-value", lines.get(17));
	}

	@Test
	void resultsJsonHasTheTableWithNullCellsWhereTheCohortIsTooYoung() throws Exception {
		ResultsJson.JsonResults model = ResultsJson.model(retention());
		assertEquals(1, model.cohorts().size());
		ResultsJson.JsonCohortTable table = model.cohorts().get(0);
		assertEquals("retention", table.name());
		assertEquals(List.of(0, 1, 2), table.ages().stream().map(ResultsJson.JsonCohortAge::age).toList());
		assertEquals("2025-02", table.rows().get(3).cohort());
		assertEquals(List.of(1.0, 1.0, 0.0), table.rows().get(3).cells().stream().map(ResultsJson.JsonCell::value).toList());
		assertEquals(null, table.rows().get(5).cells().get(1).value());
		SchemaCheck.assertValid(Path.of("../../docs/results.schema.json"),
				new ObjectMapper().readTree(ResultsJson.toJson(retention())));
	}
}
