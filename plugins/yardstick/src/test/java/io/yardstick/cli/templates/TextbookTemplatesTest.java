package io.yardstick.cli.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yardstick.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The industry templates reproduce published textbook numbers when fed the textbook's data. */
class TextbookTemplatesTest {
	private static final Path LIBRARY = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
			.resolve("../../example-templates").normalize();

	@TempDir
	Path out;

	private JsonNode run(Path template, Path data) throws Exception {
		StringWriter stdout = new StringWriter();
		StringWriter stderr = new StringWriter();
		List<String> args = new ArrayList<>(List.of("run", template.toString(), "--data", data.toString(), "--out",
				out.toString()));
		args.addAll(ExampleTemplatesTest.runArgs(template));
		int exit = Main.run(args.toArray(String[]::new), new PrintWriter(stdout, true), new PrintWriter(stderr, true),
				false);
		assertThat(exit).as(stderr.toString()).isEqualTo(Main.EXIT_OK);
		return new ObjectMapper().readTree(out.resolve("results.json").toFile());
	}

	private static double latestTotal(JsonNode results, String metric) {
		JsonNode periods = results.get("values").get(metric).get("total");
		return periods.get(periods.size() - 1).get(0).get("value").asDouble();
	}

	/**
	 * The widely published shift: planned production time 420 min, run time 373 min, ideal cycle time 1.0 s, total
	 * count 19,271, rejects 423. Availability 88.81%, performance 86.11%, quality 97.80%, OEE 74.79%, each to the
	 * published two decimals of a percent.
	 */
	@Test
	void oeeReproducesThePublishedShift() throws Exception {
		Path template = LIBRARY.resolve("heavy-asset-maintenance");
		JsonNode results = run(template, template.resolve("textbook-oee"));
		assertThat(latestTotal(results, "availability")).isCloseTo(0.8881, within(0.00005));
		assertThat(latestTotal(results, "performance")).isCloseTo(0.8611, within(0.00005));
		assertThat(latestTotal(results, "quality")).isCloseTo(0.9780, within(0.00005));
		assertThat(latestTotal(results, "oee")).isCloseTo(0.7479, within(0.00005));
		// Exactly the products of the record, not just close to the rounded figures.
		assertThat(latestTotal(results, "availability")).isCloseTo(373.0 / 420, within(1e-12));
		assertThat(latestTotal(results, "oee")).isCloseTo(373.0 / 420 * (19_271 / (373 * 60.0))
				* ((19_271 - 423) / 19_271.0), within(1e-12));
	}

	/**
	 * The CLV/CAC example its README works out by hand on the sample data, 2026-06, all customers: gross profit
	 * 688,925 CNY over 1,532 customers on the books, divided by the churn of the last three months pooled (34 + 15 +
	 * 24 customers leaving of 1,459 + 1,464 + 1,489 at the months' starts); acquisition spend 376,386.03 CNY over 43
	 * new customers.
	 */
	@Test
	void customerManagementGivesTheClvAndCacItsReadmeWorksOut() throws Exception {
		Path template = LIBRARY.resolve("customer-management");
		JsonNode results = run(template, template.resolve("data"));
		double churn = (34.0 + 15 + 24) / (1_459 + 1_464 + 1_489);
		assertThat(latestTotal(results, "churnRate")).isCloseTo(24.0 / 1_489, within(1e-12));
		assertThat(latestTotal(results, "churnRate3m")).isCloseTo(churn, within(1e-12));
		assertThat(latestTotal(results, "clv")).isCloseTo(688_925.0 / 1_532 / churn, within(1e-6))
				.isCloseTo(27_178.52, within(0.005));
		assertThat(latestTotal(results, "cac")).isCloseTo(376_386.03 / 43, within(1e-6)).isCloseTo(8_753.16, within(0.005));
		assertThat(latestTotal(results, "clvToCac")).isCloseTo(3.105, within(0.0005));
	}
}
