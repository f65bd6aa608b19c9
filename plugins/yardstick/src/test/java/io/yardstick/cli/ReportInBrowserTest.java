package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yardstick.cli.browser.Chromium;
import io.yardstick.report.Alerts;
import io.yardstick.report.Breaches;
import io.yardstick.report.ReportDefinition;
import io.yardstick.report.ReportHtml;
import io.yardstick.report.ReportSamples;
import io.yardstick.runtime.results.Results;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's report.html in headless Chromium, page by page and in both languages: what a client sees equals
 * results.json, and the page reports no error, opens no dialog and requests nothing. Each view is saved as a
 * screenshot in target/screenshots, for a person to look at.
 */
class ReportInBrowserTest {
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	private static Path demo;
	private static JsonNode results;
	private static JsonNode definition;
	private static JsonNode alerts;
	private Chromium browser;

	@BeforeAll
	static void runTheDemo(@TempDir Path out) throws Exception {
		Chromium.assumeAvailable();
		Cli.Result run = Cli.run("demo", "--home", Cli.exampleTemplates().resolve("../..").normalize().toString(),
				"--out", out.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		String[] lines = run.outLines();
		assertThat(lines[lines.length - 2]).as("the demo ends by printing the path of report.html")
				.isEqualTo("report: " + out.resolve("report.html").toAbsolutePath().normalize());
		demo = out;
		results = JSON.readTree(out.resolve("results.json").toFile());
		definition = JSON.readTree(out.resolve("report.json").toFile());
		alerts = JSON.readTree(out.resolve("alerts.json").toFile());
		Files.createDirectories(SCREENSHOTS);
	}

	/** A browser per test, so that what one page reports is not blamed on another. */
	@BeforeEach
	void openABrowser() throws Exception {
		browser = Chromium.launch();
		browser.viewport(1400, 900);
	}

	@AfterEach
	void closeTheBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void everyPageInBothLanguagesShowsTheResultsAndReportsNoProblem() throws Exception {
		Path html = demo.resolve("report.html");
		for (String language : List.of("en", "zh")) {
			for (JsonNode page : definition.get("pages")) {
				String name = page.get("name").asText();
				browser.open(html, "page=" + name + "&lang=" + language);
				assertThat(browser.evaluate("document.body.dataset.page").asText()).isEqualTo(name);
				assertThat(browser.evaluate("document.body.dataset.lang").asText()).isEqualTo(language);
				switch (page.get("kind").asText()) {
					case "metrics" -> checkTiles(page, language);
					case "graph" -> checkGraph();
					case "alerts" -> checkAlerts();
					default -> throw new AssertionError("unknown page kind " + page.get("kind"));
				}
				browser.screenshot(SCREENSHOTS.resolve(name + "-" + language + ".png"));
			}
		}
		browser.open(html, "page=strategic&lang=en&metric=churnRate");
		JsonNode churn = metric("churnRate");
		assertThat(browser.evaluate("document.querySelector('#detail-panel').textContent").asText())
				.contains(churn.get("formula").asText()).contains(churn.get("description").asText());
		browser.screenshot(SCREENSHOTS.resolve("detail-churnRate-en.png"));
		assertNoProblems(html);
	}

	/** Every tile's number is the latest total of results.json, its status that of the same cell, its label in the language. */
	private void checkTiles(JsonNode page, String language) {
		JsonNode shown = browser.evaluate("[...document.querySelectorAll('section.tile')].map(tile => ({"
				+ "metric: tile.dataset.metric, status: tile.dataset.status,"
				+ "value: tile.querySelector('[data-metric-value]').textContent,"
				+ "label: tile.querySelector('.label-text').textContent }))");
		List<Map<String, String>> expected = new ArrayList<>();
		for (JsonNode tile : page.get("tiles")) {
			String id = tile.get("metric").asText();
			JsonNode latest = latestTotal(id);
			Map<String, String> row = new LinkedHashMap<>();
			row.put("metric", id);
			row.put("status", latest.get("status").asText());
			row.put("value", latest.get("display").asText());
			row.put("label", metric(id).get("labels").get(language).asText());
			expected.add(row);
		}
		List<Map<String, String>> actual = new ArrayList<>();
		for (JsonNode tile : shown) {
			Map<String, String> row = new LinkedHashMap<>();
			tile.fields().forEachRemaining(field -> row.put(field.getKey(), field.getValue().asText()));
			actual.add(row);
		}
		assertThat(actual).as("tiles of page " + page.get("name")).isEqualTo(expected);
	}

	/** A node per metric showing its latest value, an edge per link with its polarity. */
	private void checkGraph() {
		JsonNode nodes = browser.evaluate("Object.fromEntries([...document.querySelectorAll('g.node')].map(node => "
				+ "[node.dataset.metric, node.querySelector('[data-metric-node-value]').textContent]))");
		Map<String, String> expected = new LinkedHashMap<>();
		for (JsonNode metric : results.get("metrics")) {
			String id = metric.get("id").asText();
			expected.put(id, latestTotal(id).get("display").asText());
		}
		Map<String, String> actual = new LinkedHashMap<>();
		nodes.fields().forEachRemaining(field -> actual.put(field.getKey(), field.getValue().asText()));
		assertThat(actual).isEqualTo(expected);
		JsonNode edges = browser.evaluate("[...document.querySelectorAll('g.edge')].map(edge => "
				+ "edge.dataset.from + ' -> ' + edge.dataset.to + ' ' + edge.dataset.polarity)");
		List<String> links = new ArrayList<>();
		for (JsonNode link : definition.get("links")) {
			links.add(link.get("from").asText() + " -> " + link.get("to").asText() + " " + link.get("polarity").asText());
		}
		assertThat(strings(edges)).containsExactlyInAnyOrderElementsOf(links);
	}

	/**
	 * A row per alert of alerts.json, grouped by metric in the template's order: threshold breaches and the
	 * anomalies of the recent periods shown, the older anomalies one click away.
	 */
	private void checkAlerts() {
		JsonNode rows = browser.evaluate("[...document.querySelectorAll('tr.alert-row')].map(row => "
				+ "row.dataset.alertKind + ' ' + row.dataset.metric + ' ' + row.dataset.period)");
		List<String> expected = new ArrayList<>();
		List<String> recent = recentPeriods();
		List<String> shown = new ArrayList<>();
		for (JsonNode alert : alerts.get("alerts")) {
			String row = alert.get("kind").asText() + " " + alert.get("metric").asText() + " " + alert.get("period").asText();
			expected.add(row);
			if (!alert.get("kind").asText().equals("anomaly") || recent.contains(alert.get("period").asText())) {
				shown.add(row);
			}
		}
		assertThat(expected).isNotEmpty();
		assertThat(strings(rows)).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(shown).hasSizeLessThan(expected.size());
		assertThat(strings(visibleAlertRows())).containsExactlyInAnyOrderElementsOf(shown);
		JsonNode metrics = browser.evaluate("[...document.querySelectorAll('section.alert-metric')].map(s => s.dataset.metric)");
		List<String> order = new ArrayList<>();
		results.get("metrics").forEach(metric -> order.add(metric.get("id").asText()));
		assertThat(strings(metrics)).isSortedAccordingTo((a, b) -> order.indexOf(a) - order.indexOf(b));
		browser.evaluate("document.querySelector('[data-anomaly-toggle]').click()");
		assertThat(strings(visibleAlertRows())).as("the whole history after one click")
				.containsExactlyInAnyOrderElementsOf(expected);
		browser.evaluate("document.querySelector('[data-anomaly-toggle]').click()");
		assertThat(strings(visibleAlertRows())).as("recent periods again after a second click")
				.containsExactlyInAnyOrderElementsOf(shown);
	}

	private JsonNode visibleAlertRows() {
		return browser.evaluate("[...document.querySelectorAll('tr.alert-row')].filter(row => row.offsetParent !== null)"
				+ ".map(row => row.dataset.alertKind + ' ' + row.dataset.metric + ' ' + row.dataset.period)");
	}

	/** The labels of the periods whose anomalies the alerts page shows without a click. */
	private static List<String> recentPeriods() {
		List<String> labels = new ArrayList<>();
		results.get("periods").forEach(period -> labels.add(period.get("label").asText()));
		return labels.subList(Math.max(0, labels.size() - Breaches.RECENT_PERIODS), labels.size());
	}

	/**
	 * The header counts the critical and warning breaches of alerts.json, the total and every breakdown, and names the
	 * value most of them share, in the language shown and by its label.
	 */
	@Test
	void theHeaderCountsEveryBreachAndNamesTheBreakdownValueMostShare() throws Exception {
		Path html = demo.resolve("report.html");
		for (String kind : List.of("critical", "warning")) {
			int count = 0;
			Map<String, Integer> byRegion = new LinkedHashMap<>();
			for (JsonNode alert : alerts.get("alerts")) {
				if (alert.get("kind").asText().equals(kind)) {
					count++;
					if (alert.get("grouping").asText().equals("region")) {
						byRegion.merge(alert.get("group").get(0).asText(), 1, Integer::sum);
					}
				}
			}
			browser.open(html, "page=strategic&lang=zh");
			JsonNode chip = browser.evaluate("(c => ({ count: c.dataset.count, value: c.dataset.topValue, top: c.dataset.topCount,"
					+ " text: c.textContent }))(document.querySelector('[data-breaches=" + kind + "]'))");
			assertThat(chip.get("count").asInt()).isEqualTo(count).isPositive();
			// In the demo the value most breaches share is a region (西北).
			String top = byRegion.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
			assertThat(chip.get("value").asText()).isEqualTo(top);
			assertThat(chip.get("top").asInt()).isEqualTo(byRegion.get(top));
			assertThat(chip.get("text").asText()).contains(count + " 项", "其中 " + byRegion.get(top) + " 项在" + top);
			browser.open(html, "page=strategic&lang=en");
			assertThat(browser.evaluate("document.querySelector('[data-breaches=" + kind + "]').textContent").asText())
					.contains(", " + byRegion.get(top) + " in " + englishLabelOfRegion(top));
		}
		assertNoProblems(html);
	}

	private static String englishLabelOfRegion(String value) {
		for (JsonNode dimension : results.get("dimensions")) {
			if (dimension.get("name").asText().equals("region")) {
				return dimension.get("values").get(value).get("en").asText();
			}
		}
		throw new AssertionError("no region dimension in results.json");
	}

	/** In Chinese the demo's pages carry no English word beyond names, units and codes; in English no Chinese. */
	@Test
	void theDemoReadsInChineseOrInEnglishThroughout() throws Exception {
		Path html = demo.resolve("report.html");
		for (JsonNode page : definition.get("pages")) {
			String name = page.get("name").asText();
			browser.open(html, "page=" + name + "&lang=en");
			JsonNode han = browser.evaluate(pageText() + ".match(/[^\\s]*\\p{Script=Han}[^\\s]*/gu) || []");
			assertThat(strings(han)).as("Chinese on the English page " + name).isEmpty();
			browser.open(html, "page=" + name + "&lang=zh");
			JsonNode words = browser.evaluate(pageText() + ".match(/\\b[A-Za-z]{4,}\\b/g) || []");
			assertThat(strings(words)).as("English words on the Chinese page " + name)
					.allMatch(word -> ALLOWED_IN_CHINESE.contains(word));
		}
		assertNoProblems(html);
	}

	/**
	 * The text of the header and the page, without the language switch, which names each language in itself, and
	 * without the links' rationales: free text of the template without a language tag, shown as written.
	 */
	private static String pageText() throws Exception {
		List<String> rationales = new ArrayList<>();
		definition.get("links").forEach(link -> {
			if (link.hasNonNull("rationale")) {
				rationales.add(link.get("rationale").asText());
			}
		});
		return "(() => { const header = document.querySelector('header').cloneNode(true);"
				+ " header.querySelectorAll('.lang-switch').forEach(n => n.remove());"
				+ " let text = header.textContent + ' ' + document.querySelector('main').textContent;"
				+ " for (const r of " + JSON.writeValueAsString(rationales) + ") text = text.split(r).join(' ');"
				+ " return text; })()";
	}

	/** The page's own words: every key of its dictionary in both languages. */
	@Test
	void everyWordOfThePageIsInBothLanguages() throws Exception {
		browser.open(demo.resolve("report.html"), "page=strategic&lang=en");
		JsonNode keys = browser.evaluate("window.yardstickDictionaryKeys()");
		assertThat(strings(keys.get("en"))).hasSizeGreaterThan(100);
		assertThat(strings(keys.get("zh"))).isEqualTo(strings(keys.get("en")));
	}

	/** Names that stay as written in Chinese: the languages' own names, statistics and the demo's enum values in ids. */
	private static final java.util.Set<String> ALLOWED_IN_CHINESE = java.util.Set.of("Pearson", "Spearman");

	@Test
	void theReviewPageShowsACardPerLinkWithTheVerdictOfReviewJson(@TempDir Path out) throws Exception {
		Path template = Cli.exampleTemplates();
		Cli.Result review = Cli.run("review", template.toString(), "--data", template.resolve("data").toString(), "--by",
				"region", "--out", out.toString());
		assertThat(review.exit()).as(review.err()).isZero();
		JsonNode evidence = JSON.readTree(out.resolve("review.json").toFile());
		List<String> expected = new ArrayList<>();
		for (JsonNode link : evidence.get("links")) {
			expected.add(link.get("from").asText() + " -> " + link.get("to").asText() + " " + link.get("verdict").asText()
					+ " " + link.get("points").asInt());
		}
		List<String> loops = new ArrayList<>();
		for (JsonNode loop : evidence.get("loops")) {
			loops.add(loop.get("name").asText() + " " + loop.get("verdict").asText());
		}
		Path html = out.resolve("report.html");
		for (String language : List.of("en", "zh")) {
			browser.open(html, "page=review&lang=" + language);
			assertThat(browser.evaluate("document.body.dataset.page").asText()).isEqualTo("review");
			JsonNode cards = browser.evaluate("[...document.querySelectorAll('section.review-link')].map(card => "
					+ "card.dataset.from + ' -> ' + card.dataset.to + ' ' + card.querySelector('.verdict').dataset.verdict"
					+ " + ' ' + card.querySelector('[data-review-points]').textContent)");
			assertThat(strings(cards)).containsExactlyElementsOf(expected);
			JsonNode shownLoops = browser.evaluate("[...document.querySelectorAll('li.review-loop')].map(loop => "
					+ "loop.dataset.loop + ' ' + loop.dataset.verdict)");
			assertThat(strings(shownLoops)).containsExactlyElementsOf(loops);
			assertThat(browser.evaluate("document.querySelectorAll('tr.review-finding').length").asInt())
					.isEqualTo(evidence.get("findings").size());
			assertThat(browser.evaluate("/\\b(proves|proven|confirms|confirmed)\\b/i.test("
					+ "document.querySelector('main').textContent)").asBoolean()).as("the page never claims proof").isFalse();
			browser.screenshot(SCREENSHOTS.resolve("review-" + language + ".png"));
			browser.screenshotFullPage(SCREENSHOTS.resolve("review-" + language + "-full.png"));
		}
		assertNoProblems(html);
	}

	@Test
	void aClientTemplatesReportShowsHowItDepartsFromTheTemplateItExtends(@TempDir Path out) throws Exception {
		Path client = Cli.exampleTemplates().resolveSibling("acme-after-sales");
		Cli.Result run = Cli.run("run", client.toString(), "--data", client.resolve("data").toString(), "--out",
				out.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		Path json = out.resolve("conformance.json");
		assertThat(Cli.run("diff", client.toString(), "--format", "json", "--out", json.toString()).exit()).isZero();
		List<String> expected = new ArrayList<>();
		for (JsonNode change : JSON.readTree(json.toFile()).get("changes")) {
			expected.add(change.get("change").asText() + " " + change.get("category").asText());
		}
		assertThat(expected).isNotEmpty();
		Path html = out.resolve("report.html");
		for (String language : List.of("en", "zh")) {
			browser.open(html, "page=conformance&lang=" + language);
			JsonNode rows = browser.evaluate("[...document.querySelectorAll('tr.conformance-change')].map(row => "
					+ "row.dataset.change + ' ' + row.dataset.category)");
			assertThat(strings(rows)).containsExactlyElementsOf(expected);
			JsonNode subjects = browser.evaluate("[...document.querySelectorAll('td.conformance-subject')]"
					+ ".map(cell => cell.textContent.split(' ')[0])");
			assertThat(strings(subjects)).isSubsetOf(language.equals("zh") ? List.of("指标", "链接", "回路")
					: List.of("metric", "link", "loop"));
			browser.screenshot(SCREENSHOTS.resolve("conformance-" + language + ".png"));
		}
		assertNoProblems(html);
	}

	@Test
	void aCohortTableShowsUnderTheMetricsThatReadItsAges(@TempDir Path out) throws Exception {
		Path template = Cli.exampleTemplates().resolveSibling("customer-management");
		Cli.Result run = Cli.run("run", template.toString(), "--data", template.resolve("data").toString(), "--from",
				"2025-01-01", "--out", out.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		JsonNode table = JSON.readTree(out.resolve("results.json").toFile()).at("/cohorts/0");
		assertThat(table.get("name").asText()).isEqualTo("signupRetention");
		List<String> expected = new ArrayList<>();
		for (JsonNode row : table.get("rows")) {
			StringBuilder text = new StringBuilder(row.get("cohort").asText());
			row.get("cells").forEach(cell -> text.append(" | ").append(cell.get("display").asText()));
			expected.add(text.toString());
		}
		assertThat(expected).hasSizeGreaterThan(3).anyMatch(row -> row.endsWith("| \u2014"));
		assertThat(Files.readString(out.resolve("cohorts.csv"), StandardCharsets.UTF_8))
				.startsWith("\uFEFFtable,metric,cohort,age,value,display,status\n");
		Path html = out.resolve("report.html");
		Map<String, List<String>> headers = Map.of("en", List.of("Cohort", "Age 1", "Age 3"), "zh",
				List.of("批次", "第 1 期", "第 3 期"));
		for (String language : List.of("en", "zh")) {
			for (String metric : List.of("retention1", "retention3")) {
				browser.open(html, "page=strategic&lang=" + language + "&metric=" + metric);
				JsonNode head = browser.evaluate("[...document.querySelectorAll('#detail-panel table.cohort-table thead th')]"
						+ ".map(th => th.textContent)");
				assertThat(strings(head)).containsExactlyElementsOf(headers.get(language));
				JsonNode rows = browser.evaluate("[...document.querySelectorAll('#detail-panel table.cohort-table tbody tr')]"
						+ ".map(row => [...row.children].map(cell => cell.textContent).join(' | '))");
				assertThat(strings(rows)).containsExactlyElementsOf(expected);
			}
			browser.evaluate("(document.querySelector('#detail-panel table.cohort-table').scrollIntoView(), true)");
			browser.screenshot(SCREENSHOTS.resolve("cohorts-" + language + ".png"));
		}
		assertNoProblems(html);
	}

	@Test
	void hostileLabelsAreShownAsTextAndStatusColoursFollowDirection(@TempDir Path dir) throws Exception {
		// Churn is lower-is-better and ends at 9%, beyond its critical 8%; first response ends at 1.5 h, within 2 h.
		double[] churn = { 0.04, 0.05, 0.04, 0.05, 0.04, 0.05, 0.04, 0.05, 0.04, 0.05, 0.04, 0.09 };
		Results sample = ReportSamples.results(churn, churn, churn, ReportSamples.constant(12, 5_400),
				ReportSamples.HOSTILE);
		ReportDefinition report = ReportSamples.definition(ReportSamples.HOSTILE);
		Path html = dir.resolve("report.html");
		Files.writeString(html, ReportHtml.render(report, sample,
				Alerts.find(sample, report.alertRules()), "en"), StandardCharsets.UTF_8);
		for (String page : List.of("main", "links", "alerts")) {
			browser.open(html, "page=" + page + "&lang=en");
			assertThat(browser.evaluate("document.querySelectorAll('img, iframe, object, embed').length").asInt())
					.as("elements injected on page " + page).isZero();
			assertThat(browser.evaluate("document.body.textContent.includes(" + JSON.writeValueAsString(
					ReportSamples.HOSTILE) + ")").asBoolean()).as("the hostile text shown as text on " + page).isTrue();
			browser.screenshot(SCREENSHOTS.resolve("hostile-" + page + ".png"));
		}
		browser.open(html, "page=main&lang=en");
		assertThat(badge("churnRate")).isEqualTo("critical");
		assertThat(badge("firstResponseTime")).isEqualTo("met");
		int[] critical = rgb(browser.evaluate("getComputedStyle(document.querySelector("
				+ "'section.tile[data-metric=churnRate] .badge')).color").asText());
		int[] met = rgb(browser.evaluate("getComputedStyle(document.querySelector("
				+ "'section.tile[data-metric=firstResponseTime] .badge')).color").asText());
		assertThat(critical[0]).as("critical is red").isGreaterThan(critical[1] + 60).isGreaterThan(critical[2] + 60);
		assertThat(met[1]).as("met is green").isGreaterThan(met[0] + 40).isGreaterThan(met[2]);
		// Labels missing in Chinese fall back visibly: the sample's metrics are labelled in English only.
		browser.open(html, "page=main&lang=zh");
		assertThat(browser.evaluate("document.querySelector('section.tile[data-metric=firstResponseTime] .fallback')"
				+ " !== null").asBoolean()).as("a visible fallback tag").isTrue();
		assertNoProblems(html);
	}

	private String badge(String metric) {
		return browser.evaluate("document.querySelector('section.tile[data-metric=" + metric + "]').dataset.status")
				.asText();
	}

	private void assertNoProblems(Path html) {
		assertThat(browser.consoleMessages()).as("console errors and warnings").isEmpty();
		assertThat(browser.uncaughtExceptions()).as("uncaught exceptions").isEmpty();
		assertThat(browser.logEntries()).as("browser log errors and warnings").isEmpty();
		assertThat(browser.dialogs()).as("dialogs").isEmpty();
		String file = html.toUri().toString();
		assertThat(browser.requests()).as("requests").allSatisfy(url -> assertThat(url).isIn(file, "about:blank"));
	}

	private static JsonNode metric(String id) {
		for (JsonNode metric : results.get("metrics")) {
			if (metric.get("id").asText().equals(id)) {
				return metric;
			}
		}
		throw new AssertionError("no metric " + id + " in results.json");
	}

	private static JsonNode latestTotal(String id) {
		JsonNode periods = results.get("values").get(id).get("total");
		return periods.get(periods.size() - 1).get(0);
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach(item -> strings.add(item.asText()));
		return strings;
	}

	private static int[] rgb(String css) {
		String[] parts = css.replaceAll("[^0-9,]", "").split(",");
		return new int[] { Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]) };
	}
}
