package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.cli.browser.Chromium;
import io.yardstick.report.Alerts;
import io.yardstick.report.ReportDefinition;
import io.yardstick.report.ReportHtml;
import io.yardstick.report.ReportSamples;
import io.yardstick.runtime.results.Results;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html's print view ({@code #print=all}, what {@code run --pdf} prints, and what the browser prints) in
 * headless Chromium: every page of the report at once, in order, and "—" where a breakdown has no value rather
 * than a blank.
 */
class ReportPrintInBrowserTest {
	@TempDir
	Path dir;

	@Test
	void thePrintViewHoldsEveryPageAndLabelsAnEmptyBarWithADash() throws Exception {
		Chromium.assumeAvailable();
		double[] churn = ReportSamples.constant(12, 0.04);
		// West has no value in the latest period.
		Results sample = ReportSamples.results(churn, churn, ReportSamples.with(churn, 11, ReportSamples.NULL),
				ReportSamples.constant(12, 5_400), "Churn rate");
		ReportDefinition report = ReportSamples.definition("Sample");
		Path html = dir.resolve("report.html");
		Files.writeString(html, ReportHtml.render(report, sample,
				Alerts.find(sample, ReportDefinition.AlertRules.DEFAULT), "en"), StandardCharsets.UTF_8);
		try (Chromium browser = Chromium.launch()) {
			browser.viewport(1400, 900);
			browser.open(html, "print=all&lang=en");
			assertThat(browser.evaluate("[...document.querySelectorAll('[data-print-page]')]"
					+ ".map(sheet => sheet.dataset.printPage).join(' ')").asText()).isEqualTo("main links alerts");
			assertThat(browser.evaluate("document.querySelectorAll('section.tile').length").asInt()).isEqualTo(2);
			assertThat(browser.evaluate("document.querySelectorAll('.tabs, .lang-switch').length").asInt())
					.as("the tabs are there, hidden only on paper").isEqualTo(2);
			// In print the charts are SVG, so their labels are text in the page.
			List<String> labels = List.of(browser.evaluate("[...document.querySelectorAll("
					+ "'section.tile[data-metric=churnRate] [data-breakdown=region] svg text')]"
					+ ".map(t => t.textContent).join('|')").asText().split("\\|"));
			assertThat(labels).contains("East", "West", "4.0%", "—");
			browser.open(html, "lang=en");
			assertThat(browser.evaluate("document.querySelectorAll('[data-print-page]').length").asInt())
					.as("without print=all, one page as before").isZero();
			// Printing from the browser prints every page too, and the screen comes back after.
			assertThat(browser.evaluate("window.dispatchEvent(new Event('beforeprint')),"
					+ " [...document.querySelectorAll('[data-print-page]')].map(sheet => sheet.dataset.printPage).join(' ')"
					+ " + ' ' + document.querySelectorAll('.chart canvas').length").asText())
					.matches("main links alerts [1-9][0-9]*");
			assertThat(browser.evaluate("window.dispatchEvent(new Event('afterprint')),"
					+ " document.querySelectorAll('[data-print-page]').length + ' ' + document.body.dataset.page").asText())
					.isEqualTo("0 main");
			assertThat(browser.consoleMessages()).isEmpty();
			assertThat(browser.uncaughtExceptions()).isEmpty();
		}
	}
}
