package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aftersales.standard.StandardAfterSalesCalculator;
import io.yardstick.runtime.calc.Calculator;
import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.load.Bindings;
import io.yardstick.runtime.load.DataLoader;
import io.yardstick.runtime.load.LoadOptions;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.time.Grain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated class, compiled by this build, gives the golden totals the Yardstick repository keeps for the template. */
class CalculatorOnSampleDataTest {
	private final Path example = Path.of(System.getProperty("example"));

	@Test
	void monthlyTotalsMatchTheGoldenResults() throws Exception {
		Calculator calculator = new StandardAfterSalesCalculator();
		var data = DataLoader.load(calculator.template(), Bindings.byConvention(example.resolve("data"), calculator.template()),
				LoadOptions.defaults()).dataset();
		Results results = calculator.run(data, new RunOptions(Grain.MONTH, List.of(), null, null));

		List<String> golden = Files.readAllLines(example.resolve("expected/results.csv"), StandardCharsets.UTF_8);
		int compared = 0;
		for (String line : golden.subList(1, golden.size())) {
			String[] cells = line.split(",", -1);
			// metric,layer,grouping,group,period,value,...: only the totals, which a run without breakdowns computes.
			if (!cells[2].equals("total")) {
				continue;
			}
			int period = period(results, cells[4]);
			assertTrue(period >= 0, "no period " + cells[4]);
			double value = results.value(cells[0], period);
			String where = cells[0] + " in " + cells[4];
			if (cells[5].isEmpty()) {
				assertTrue(Double.isNaN(value), where + " should be null, is " + value);
			} else {
				assertEquals(Double.parseDouble(cells[5]), value, 1e-12, where);
			}
			compared++;
		}
		assertTrue(compared > 100, "only " + compared + " golden totals compared");
		assertEquals(0.018475750577367205, results.value("churnRate", period(results, "2026-06")), 1e-12);
	}

	private static int period(Results results, String label) {
		for (int period = 0; period < results.periods().count(); period++) {
			if (results.periods().label(period).equals(label)) {
				return period;
			}
		}
		return -1;
	}

	@Test
	void theReportDefinitionIsOnTheClasspath() {
		assertNotNull(getClass().getResource("/reports/aftersales.standard.StandardAfterSales.overview.json"));
	}
}
