package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yardstick.report.SchemaValidation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yardstick review} on the bundled sample data, whose simulation plants the template's links. */
class ReviewCommandTest {
	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path dir;

	private Cli.Result review(String... extra) {
		Path template = Cli.exampleTemplates();
		String[] args = new String[6 + extra.length];
		args[0] = "review";
		args[1] = template.toString();
		args[2] = "--data";
		args[3] = template.resolve("data").toString();
		args[4] = "--out";
		args[5] = dir.resolve("out").toString();
		System.arraycopy(extra, 0, args, 6, extra.length);
		return Cli.run(args);
	}

	@Test
	void byRegionThePlantedChainFromSlowServiceToChurnIsSupported() throws Exception {
		Cli.Result run = review("--by", "region");
		assertThat(run.exit()).as(run.err()).isZero();
		Path out = dir.resolve("out");
		String json = Files.readString(out.resolve("review.json"), StandardCharsets.UTF_8);
		SchemaValidation.assertValid(SchemaValidation.docs("review.schema.json"), json);
		JsonNode review = JSON.readTree(json);
		assertThat(review.get("grouping").asText()).isEqualTo("region");
		Map<String, String> verdicts = new LinkedHashMap<>();
		for (JsonNode link : review.get("links")) {
			verdicts.put(link.get("from").asText() + " -> " + link.get("to").asText(), link.get("verdict").asText());
		}
		// docs/sample-data.md: slow handling lowers satisfaction, low satisfaction raises next month's churn and
		// lowers NPS, slowness grows the backlog, follow-ups lower first-contact resolution.
		assertThat(verdicts).containsEntry("complaintHandlingTime -> csat", "supported")
				.containsEntry("csat -> churnRate", "supported").containsEntry("csat -> nps", "supported")
				.containsEntry("firstResponseTime -> backlogRate", "supported")
				.containsEntry("ticketCloseRate -> backlogRate", "supported")
				.containsEntry("followUps -> firstContactResolution", "supported")
				// The data plants cost per ticket; the cost rate divides it by sales, whose noise hides it.
				.containsEntry("firstContactResolution -> afterSalesCostRate", "inconclusive");
		JsonNode churn = review.get("links").get(1);
		assertThat(churn.get("shift").asInt()).isEqualTo(1);
		assertThat(churn.get("points").asInt()).isEqualTo(85); // 17 month pairs in 5 regions
		assertThat(churn.get("reason").asText()).startsWith("consistent with the declared negative link, lagged 1 month");
		assertThat(review.at("/loops/0/name").asText()).isEqualTo("complaintToChurn");
		assertThat(review.at("/loops/0/verdict").asText()).isEqualTo("supported");
		assertThat(review.at("/loops/0/weakestLink/from").asText()).isEqualTo("csat");
		assertThat(review.at("/findings/0/code").asText()).isEqualTo("zero-denominator");
		assertThat(run.out()).contains("A correlation is consistent with a declared link or contradicts it; it does not prove the link.")
				.containsPattern("csat -> churnRate +negative +1 month +85 +-0\\.70 +-0\\.58 +<0\\.001 +supported")
				.contains("Links: 7 supported, 0 contradicted, 1 inconclusive")
				.contains("wrote " + out.resolve("review.json"))
				.doesNotContain("proves");
		String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
		assertThat(html).contains("\"schema\": \"yardstick-review/1\"");
	}

	@Test
	void overTheTotalEighteenMonthsAreJudgedByPermutation() throws Exception {
		Cli.Result run = review();
		assertThat(run.exit()).as(run.err()).isZero();
		JsonNode review = JSON.readTree(dir.resolve("out/review.json").toFile());
		assertThat(review.get("grouping").asText()).isEqualTo("total");
		JsonNode first = review.get("links").get(0);
		assertThat(first.get("points").asInt()).isEqualTo(18);
		assertThat(first.at("/pearson/test").asText()).isEqualTo("permutation");
		assertThat(review.at("/links/1/points").asInt()).isEqualTo(17);
		// The same run twice gives the same document: permutations are seeded.
		String once = Files.readString(dir.resolve("out/review.json"), StandardCharsets.UTF_8);
		assertThat(review().exit()).isZero();
		assertThat(Files.readString(dir.resolve("out/review.json"), StandardCharsets.UTF_8)).isEqualTo(once);
	}

	@Test
	void aStricterMinimumLeavesEveryLinkInconclusive() throws Exception {
		Cli.Result run = review("--min-points", "100", "--by", "region");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("Links: 0 supported, 0 contradicted, 8 inconclusive")
				.contains("too few points").doesNotContain(" supported\n");
	}

	@Test
	void usageProblemsAreRefusedBeforeAnyWork() {
		Cli.Result two = review("--by", "region,segment");
		assertThat(two.exit()).isEqualTo(Main.EXIT_USAGE);
		assertThat(two.err()).contains("--by takes one breakdown for a review");
		assertThat(review("--alpha", "1.5").exit()).isEqualTo(Main.EXIT_USAGE);
		assertThat(review("--min-points", "2").exit()).isEqualTo(Main.EXIT_USAGE);
		assertThat(dir.resolve("out")).doesNotExist();
	}
}
