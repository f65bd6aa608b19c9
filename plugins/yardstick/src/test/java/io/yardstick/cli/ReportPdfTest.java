package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yardstick.cli.browser.Chromium;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code run --pdf}: report.pdf holds every page of the report, not only the first, each starting a sheet, and no
 * metric's tile is cut by a page break; without Chromium the run says so and writes everything else.
 */
class ReportPdfTest {
	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "en", "zh" })
	void everyPageOfTheReportIsInThePdfAndNoTileIsCut(String language) throws Exception {
		Chromium.assumeAvailable();
		Path out = dir.resolve("out");
		// The demo's report in Chinese: `demo --pdf` passes the option on to run.
		Cli.Result run = language.equals("zh")
				? Cli.run("demo", "--home", Cli.exampleTemplates().resolve("../..").normalize().toString(), "--out",
						out.toString(), "--language", language, "--pdf")
				: Cli.run("run", Cli.exampleTemplates().toString(), "--data",
						Cli.exampleTemplates().resolve("data").toString(), "--out", out.toString(), "--language", language,
						"--pdf");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains((language.equals("zh") ? "已写入 " : "wrote ") + out.resolve("report.pdf") + "\n");
		JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
		JsonNode metrics = JSON.readTree(out.resolve("results.json").toFile()).path("metrics");

		List<String> pages = new ArrayList<>();
		try (PDDocument pdf = Loader.loadPDF(new File(out.resolve("report.pdf").toString()))) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				pages.add(stripper.getText(pdf).strip());
			}
		}
		List<String> pageTitles = new ArrayList<>();
		report.get("pages").forEach(page -> pageTitles.add(label(page.get("labels"), language, page.get("name").asText())));
		List<String> tileTitles = new ArrayList<>();
		metrics.forEach(metric -> tileTitles.add(label(metric.get("labels"), language, metric.get("id").asText())));

		// Each page of the report starts a sheet: its title opens a line of the PDF, once.
		for (String title : pageTitles) {
			assertThat(pages.stream().filter(text -> text.lines().anyMatch(line -> line.startsWith(title))).count())
					.as("sheets starting with the page title \"%s\"", title).isGreaterThanOrEqualTo(1);
		}
		assertThat(pages.size()).isGreaterThanOrEqualTo(pageTitles.size());
		// Each tile is there, and every sheet starts with a page's title, a tile, or the alerts table going on:
		// never with the rest of a tile cut at the foot of the sheet before.
		for (String title : tileTitles) {
			assertThat(String.join("\n", pages)).contains(title);
		}
		String alertsHeader = language.equals("zh") ? "级别" : "Severity";
		String reportTitle = label(report.get("labels"), language, report.get("name").asText());
		for (int i = 0; i < pages.size(); i++) {
			String first = pages.get(i).lines().findFirst().orElse("");
			List<String> allowed = new ArrayList<>(pageTitles);
			allowed.addAll(tileTitles);
			allowed.add(alertsHeader);
			allowed.add(reportTitle);
			assertThat(allowed).as("page %d of %d begins with \"%s\"", i + 1, pages.size(), first)
					.anyMatch(first::startsWith);
		}
	}

	private static String label(JsonNode labels, String language, String fallback) {
		if (labels == null || labels.isEmpty()) {
			return fallback;
		}
		return labels.has(language) ? labels.get(language).asText()
				: labels.has("") ? labels.get("").asText() : labels.elements().next().asText();
	}

	@Test
	void withoutChromiumTheRunSaysSoAndWritesEverythingElse() throws Exception {
		Path template = dir.resolve("template");
		Files.createDirectories(template);
		Files.writeString(template.resolve("demo.kpi"), Cli.DEMO, StandardCharsets.UTF_8);
		Files.createDirectories(dir.resolve("data"));
		Files.writeString(dir.resolve("data/Ticket.csv"), CalculatorCommandsTest.TICKETS, StandardCharsets.UTF_8);
		String previous = System.getProperty("yardstick.chromium");
		System.setProperty("yardstick.chromium", dir.resolve("no-such-chromium").toString());
		Cli.Result run;
		try {
			run = Cli.run("run", template.toString(), "--data", dir.resolve("data").toString(), "--out",
					dir.resolve("out").toString(), "--pdf");
		} finally {
			if (previous == null) {
				System.clearProperty("yardstick.chromium");
			} else {
				System.setProperty("yardstick.chromium", previous);
			}
		}
		assertThat(run.exit()).isEqualTo(Main.EXIT_UNDELIVERED);
		assertThat(run.err()).contains("report.pdf not written: Chromium is not at " + dir.resolve("no-such-chromium")
				+ " (named by -Dyardstick.chromium). The other outputs are written.\n");
		for (String output : List.of("results.json", "results.csv", "alerts.json", "report.json", "report.html")) {
			assertThat(dir.resolve("out").resolve(output)).exists();
		}
		assertThat(dir.resolve("out/report.pdf")).doesNotExist();
	}
}
