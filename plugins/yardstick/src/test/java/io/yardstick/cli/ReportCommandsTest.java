package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code run} and {@code generate} write for reports, driven as a user types them. */
class ReportCommandsTest {
	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path dir;

	@Test
	void withoutByARunComputesTheBreakdownsTheReportShowsAndEndsWithThePathOfReportHtml() throws Exception {
		Path template = Cli.exampleTemplates();
		Path out = dir.resolve("out");
		Cli.Result run = Cli.run("run", template.toString(), "--data", template.resolve("data").toString(), "--out",
				out.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		// In the order the report's tiles first ask for them: churn rate by region and segment, then NPS by product line.
		JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
		List<String> groupings = new ArrayList<>();
		results.get("groupings").forEach(grouping -> groupings.add(grouping.get("name").asText()));
		assertThat(groupings).containsExactly("total", "region", "segment", "productLine");
		String[] lines = run.outLines();
		assertThat(lines[lines.length - 1]).isEmpty();
		assertThat(lines[lines.length - 2]).isEqualTo("report: " + out.resolve("report.html").toAbsolutePath().normalize());
		assertThat(run.out()).contains("wrote " + out.resolve("alerts.json")).contains("wrote " + out.resolve("report.json"))
				.containsPattern("alerts: \\d+ critical, \\d+ in \\S+; \\d+ warnings, \\d+ in \\S+; \\d+ anomalies, \\d+ in the "
						+ "last 3 periods \\(see alerts.json");
		JsonNode alerts = JSON.readTree(out.resolve("alerts.json").toFile());
		assertThat(alerts.get("schema").asText()).isEqualTo("yardstick-alerts/1");
		assertThat(alerts.get("alerts").size()).isPositive();
		// The definition rendered is the one generate writes, byte for byte.
		Path generated = dir.resolve("generated");
		assertThat(Cli.run("generate", template.toString(), "--out", generated.toString()).exit()).isZero();
		String definition = Files.readString(out.resolve("report.json"), StandardCharsets.UTF_8);
		assertThat(Files.readString(generated.resolve("reports/aftersales.standard.StandardAfterSales.overview.json"),
				StandardCharsets.UTF_8)).isEqualTo(definition);
		assertThat(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8))
				.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n")
				.contains("<title>Standard after-sales service</title>");
	}

	@Test
	void anUnknownReportIsAUsageErrorThatNamesTheReportsThereAre() throws Exception {
		Path template = Cli.exampleTemplates();
		Cli.Result run = Cli.run("run", template.toString(), "--data", template.resolve("data").toString(), "--report",
				"weekly", "--out", dir.resolve("out").toString());
		assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
		assertThat(run.err()).contains("no report weekly; the template has overview");
		assertThat(dir.resolve("out")).doesNotExist();
	}

	@Test
	void aDeclaredReportIsChosenByNameAndItsLanguageIsTheRunsLanguage() throws Exception {
		Path template = dir.resolve("template");
		Files.createDirectories(template);
		Files.writeString(template.resolve("demo.kpi"), Cli.DEMO.replace("link volume -> csat : positive", """
				link volume -> csat : positive
				    report first "第一" { page one { tile csat: value } }
				    report second "第二"@zh "Second"@en { page links "因果" : graph }
				"""), StandardCharsets.UTF_8);
		Path data = dir.resolve("data");
		Files.createDirectories(data);
		Files.writeString(data.resolve("Ticket.csv"), "id,createdAt,csat\nt1,2025-01-05T10:00:00,4\n",
				StandardCharsets.UTF_8);
		Path out = dir.resolve("out");
		Cli.Result run = Cli.run("run", template.toString(), "--data", data.toString(), "--report", "second",
				"--language", "zh", "--out", out.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(JSON.readTree(out.resolve("report.json").toFile()).get("name").asText()).isEqualTo("second");
		assertThat(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8))
				.startsWith("<!DOCTYPE html>\n<html lang=\"zh\">\n").contains("<title>Demo \u2014 第二</title>");
	}
}
