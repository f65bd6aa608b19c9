package io.yardstick.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yardstick.report.ReportDefinition.AlertRules;
import io.yardstick.runtime.results.Results;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page as text; what a browser makes of it is tested by the CLI's browser test. */
class ReportHtmlTest {
	private static final Pattern PAYLOAD = Pattern.compile(
			"<script type=\"application/json\" id=\"yardstick-report\">\n(.*?)</script>", Pattern.DOTALL);
	private static final double[] SERIES = { 0.04, 0.05, 0.04, 0.05, 0.04, 0.05, 0.04, 0.05, 0.04, 0.05, 0.04, 0.09 };

	private static Results results(String label) {
		return ReportSamples.results(SERIES, SERIES, SERIES, ReportSamples.constant(12, 6_000), label);
	}

	private static String render(String label, String language) {
		Results results = results(label);
		return ReportHtml.render(ReportSamples.definition(label), results, Alerts.find(results, AlertRules.DEFAULT),
				language);
	}

	@Test
	void hostileTextStaysInsideTheDataAndReadsBackUnchanged() throws Exception {
		String html = render(ReportSamples.HOSTILE, "en");
		// Only the page's own three script elements close; the title is escaped.
		assertThat(count(html, "</script>")).isEqualTo(3);
		assertThat(count(html.toLowerCase(), "<script")).isEqualTo(3);
		assertThat(html).contains("<title>Sample template \u2014 &lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
				+ "&quot;&#39;&amp;&lt;!--</title>");
		Matcher payload = PAYLOAD.matcher(html);
		assertThat(payload.find()).isTrue();
		assertThat(payload.group(1)).doesNotContain("</").doesNotContain("<!");
		JsonNode data = new ObjectMapper().readTree(payload.group(1));
		assertThat(data.at("/definition/labels/en").asText()).isEqualTo(ReportSamples.HOSTILE);
		assertThat(data.at("/results/metrics/0/labels/en").asText()).isEqualTo(ReportSamples.HOSTILE);
		assertThat(data.at("/language").asText()).isEqualTo("en");
	}

	@Test
	void thePayloadCarriesTheDefinitionTheResultsAndTheAlerts() throws Exception {
		Matcher payload = PAYLOAD.matcher(render("Churn", "zh"));
		assertThat(payload.find()).isTrue();
		JsonNode data = new ObjectMapper().readTree(payload.group(1));
		assertThat(data.fieldNames()).toIterable().containsExactly("definition", "results", "alerts", "language", "review",
				"conformance");
		assertThat(data.get("review").isNull()).isTrue();
		assertThat(data.get("conformance").isNull()).isTrue();
		assertThat(data.at("/definition/schema").asText()).isEqualTo(ReportDefinition.SCHEMA);
		assertThat(data.at("/results/schema").asText()).isEqualTo("yardstick-results/4");
		assertThat(data.at("/results/values/churnRate/total/11/0/display").asText()).isEqualTo("9.0%");
		assertThat(data.at("/alerts/0/kind").asText()).isEqualTo("critical");
		assertThat(data.at("/alerts/0/display").asText()).isEqualTo("9.0%");
		assertThat(data.at("/language").asText()).isEqualTo("zh");
	}

	@Test
	void thePageIsSelfContainedAndForbidsTheNetwork() {
		String html = render("Churn", "en");
		assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n")
				.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
						+ "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:\">")
				.doesNotContain("<script src").doesNotContain("<link ").doesNotContain("\r")
				.contains(ReportHtml.asset(ReportHtml.ECHARTS).substring(0, 200))
				.endsWith("</html>\n");
	}

	@Test
	void renderingIsDeterministicAndALanguageThatIsNotATagFallsBackToEnglish() {
		assertThat(render("Churn", "en")).isEqualTo(render("Churn", "en"));
		assertThat(render("Churn", "\"><script>")).startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n");
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}
}
