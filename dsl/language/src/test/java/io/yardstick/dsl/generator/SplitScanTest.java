package io.yardstick.dsl.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.runtime.calc.Calculator;
import io.yardstick.runtime.data.Dataset;
import io.yardstick.runtime.load.Bindings;
import io.yardstick.runtime.load.DataLoader;
import io.yardstick.runtime.load.LoadOptions;
import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.results.GroupingResult;
import io.yardstick.runtime.results.Results;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan cut into chunks on several threads gives the values of a scan on one thread, to the bit: the cut and the
 * order of the merges depend on the rows only. The calculator of the {@code aggregates} case (every aggregate
 * kind, sums and deviations too) over 160,000 generated orders, large enough to be cut into three chunks.
 */
class SplitScanTest {
	private static final int ORDERS = 160_000;
	@TempDir
	static Path data;
	static Calculator calculator;
	static Dataset dataset;
	static RunOptions options;

	@BeforeAll
	static void generate() throws Exception {
		Path folder = CalculatorCases.ROOT.resolve("aggregates");
		var source = new CalculatorGenerator().generate(CalculatorCases.template(folder), null);
		calculator = (Calculator) CalculatorCompiler.compile(source.qualifiedClassName(), source.content())
				.getDeclaredConstructor().newInstance();
		Random random = new Random(21);
		String[] channels = { "web", "shop", "phone", "partner" };
		LocalDateTime start = LocalDateTime.of(2025, 1, 1, 0, 0);
		try (BufferedWriter out = Files.newBufferedWriter(data.resolve("Order.csv"), StandardCharsets.UTF_8)) {
			out.write("id,customer,channel,placedAt,shippedAt,deliveredOn,amount,cost,items,rating,express\n");
			for (int i = 0; i < ORDERS; i++) {
				LocalDateTime placed = start.plusMinutes(random.nextInt(60 * 24 * 200));
				LocalDateTime shipped = random.nextInt(5) == 0 ? null : placed.plusMinutes(random.nextInt(5000));
				out.write(String.format(Locale.ROOT, "O%d,c%d,%s,%s,%s,%s,%.2f,%s,%d,%s,%s%n", i,
						random.nextInt(30_000), channels[random.nextInt(channels.length)], placed,
						shipped == null ? "" : shipped, shipped == null ? "" : shipped.toLocalDate().plusDays(1),
						random.nextInt(100_000) / 100.0 + 1, random.nextInt(4) == 0 ? ""
								: String.format(Locale.ROOT, "%.2f", random.nextInt(30_000) / 100.0),
						random.nextInt(9) + 1, random.nextInt(3) == 0 ? "" : Integer.toString(random.nextInt(5) + 1),
						random.nextBoolean()));
			}
		}
		dataset = DataLoader.load(calculator.template(), Bindings.resolve(calculator.template(), data, List.of()),
				LoadOptions.defaults()).dataset();
		options = CalculatorCases.options(folder);
	}

	@Test
	void chunksOnThreadsGiveTheValuesOfOneThread() {
		Results single = calculator.run(dataset, options.withThreads(1));
		Results split = calculator.run(dataset, options.withThreads(3));
		Results two = calculator.run(dataset, options.withThreads(2));
		List<String> differences = new ArrayList<>();
		int compared = 0;
		for (int g = 0; g < single.groupings().size(); g++) {
			GroupingResult one = single.groupings().get(g);
			GroupingResult many = split.groupings().get(g);
			for (int m = 0; m < single.template().metrics().size(); m++) {
				if (!one.computed(m)) {
					continue;
				}
				String metric = single.template().metrics().get(m).id();
				for (int p = 0; p < single.periods().count(); p++) {
					for (int c = 0; c < one.groups().size(); c++) {
						double expected = one.value(m, p, c);
						double actual = many.value(m, p, c);
						compared++;
						if (Double.compare(expected, actual) != 0) {
							differences.add(metric + " " + one.grouping().name() + " " + p + " " + c + ": " + expected
									+ " on one thread, " + actual + " on three");
						}
					}
				}
			}
		}
		assertThat(differences).isEmpty();
		// 28 metrics over 7 months, 4 of them also by 4 channels
		assertThat(compared).isEqualTo(28 * 7 + 4 * 7 * 4);
	}

	@Test
	void splitScansGiveTheSameBitsInEveryRun() {
		Results first = calculator.run(dataset, options.withThreads(3));
		for (int run = 0; run < 3; run++) {
			Results again = calculator.run(dataset, options.withThreads(3));
			for (int g = 0; g < first.groupings().size(); g++) {
				double[][] expected = first.groupings().get(g).values();
				double[][] actual = again.groupings().get(g).values();
				for (int m = 0; m < expected.length; m++) {
					assertThat(actual[m]).as("metric %d, grouping %d", m, g).isEqualTo(expected[m]);
				}
			}
		}
	}
}
