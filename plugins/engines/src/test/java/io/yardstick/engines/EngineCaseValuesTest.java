package io.yardstick.engines;

import io.yardstick.dsl.generator.CalculatorCases;
import io.yardstick.dsl.testing.GoldenFiles;
import io.yardstick.runtime.results.GroupingResult;
import io.yardstick.runtime.results.Results;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java calculator's values on the engine fixtures, kept as golden files ({@code expected/values.tsv}):
 * the differential suite proves the engines agree with the calculator, these pin what the calculator says
 * (a day of 23 hours, consecutive dates one day apart, ISO week 53), and how many zero denominators each
 * metric met (rows inside its aggregates, and cells).
 */
class EngineCaseValuesTest {

	static Stream<Path> cases() throws Exception {
		return EngineCases.folders().filter(folder -> folder.startsWith(EngineCases.ENGINE_CASES));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void javaValuesAsPinned(Path folder) throws Exception {
		EngineCases engineCase = EngineCases.load(folder);
		Results results = engineCase.calculator().run(engineCase.data(), engineCase.options());
		GoldenFiles.assertMatches(folder.resolve("expected/values.tsv"), values(results));
	}

	/** Every value, one line each: metric, grouping, group, period, value (7 significant digits). */
	static String values(Results results) {
		// A day-grain run over months lists only the days where some value is neither null nor 0.
		boolean[] shown = new boolean[results.periods().count()];
		for (int period = 0; period < shown.length; period++) {
			for (GroupingResult grouping : results.groupings()) {
				for (int m = 0; m < results.template().metrics().size(); m++) {
					for (int group = 0; grouping.computed(m) && group < grouping.groups().size(); group++) {
						double value = grouping.value(m, period, group);
						shown[period] |= shown.length <= 60 || !Double.isNaN(value) && value != 0;
					}
				}
			}
		}
		StringBuilder values = new StringBuilder(CalculatorCases.values(results, period -> shown[period]));
		// then how many rows and cells of each metric met a zero denominator, where any did
		for (int m = 0; m < results.template().metrics().size(); m++) {
			long zeros = results.diagnostics().zeroDenominators(m);
			if (zeros > 0) {
				values.append(results.template().metrics().get(m).id()).append("\tzero denominators\t-\t-\t")
						.append(zeros).append('\n');
			}
		}
		return values.toString();
	}
}
