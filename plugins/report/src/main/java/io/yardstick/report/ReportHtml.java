package io.yardstick.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.yardstick.report.Alerts.Alert;
import io.yardstick.review.Review;
import io.yardstick.runtime.results.JsonDocuments;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.results.ResultsJson;
import io.yardstick.runtime.results.ResultsJson.JsonResults;
import io.yardstick.runtime.results.Values;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code report.html}: one file that opens offline in any browser. The chart library (ECharts, from its WebJar),
 * the page's script and style are inlined; the data goes in as one JSON document in a
 * {@code <script type="application/json">} element, which the script reads and turns into DOM nodes as text.
 * A Content-Security-Policy forbids every network request, so the file cannot reach out even if asked to.
 *
 * <p>Nothing from a template or the data is written as markup: the title is HTML-escaped, and the JSON is
 * written so that no string in it can end the script element ({@link JsonDocuments}).
 */
public final class ReportHtml {
	/** Keep the version in step with the echarts WebJar in the root pom; a test loads it. */
	static final String ECHARTS = "META-INF/resources/webjars/echarts/5.5.0/echarts.min.js";
	private static final String SCRIPT = "io/yardstick/report/report.js";
	private static final String STYLE = "io/yardstick/report/report.css";
	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
	private static final Pattern CLOSES_ELEMENT = Pattern.compile("</(script|style)", Pattern.CASE_INSENSITIVE);

	private ReportHtml() {
	}

	/**
	 * What the page's script reads: the report, the run's results.json, its alerts, the first language shown, the
	 * evidence on the declared links when the page comes from {@code yardstick review}, and how the template
	 * departs from the one it extends (both null when there is none).
	 */
	@JsonPropertyOrder({ "definition", "results", "alerts", "language", "review", "conformance" })
	public record Payload(ReportDefinition definition, JsonResults results, List<Alert> alerts, String language,
			Review review, ConformanceReport conformance) {
	}

	/** The page, ending with a line feed. */
	public static String render(ReportDefinition report, Results results, List<Alert> alerts, String language) {
		return render(report, results, alerts, null, null, language);
	}

	/** The page with a review page and a conformance page added when they are not null. */
	public static String render(ReportDefinition report, Results results, List<Alert> alerts, Review review,
			ConformanceReport conformance, String language) {
		StringWriter out = new StringWriter();
		try {
			write(report, results, alerts, review, conformance, language, out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	/** Writes the page (give the writer UTF-8); the writer is flushed, not closed. The last two may be null. */
	public static void write(ReportDefinition report, Results results, List<Alert> alerts, Review review,
			ConformanceReport conformance, String language, Writer out) throws IOException {
		String lang = language != null && LANGUAGE.matcher(language).matches() ? language : "en";
		String title = Values.label(results.template().labels(), lang, results.template().simpleName());
		String reportLabel = Values.label(report.labels(), lang, report.name());
		if (!reportLabel.equals(title)) {
			title = title + " \u2014 " + reportLabel;
		}
		out.write("<!DOCTYPE html>\n");
		out.write("<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n");
		// Inline script and style only; no fetch, image or font from anywhere but data: URLs.
		out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
				+ "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:\">\n");
		out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
		out.write("<meta name=\"generator\" content=\"Yardstick\">\n");
		out.write("<title>" + escape(title) + "</title>\n");
		out.write("<style>\n" + asset(STYLE) + "</style>\n</head>\n<body>\n<div id=\"app\"></div>\n");
		out.write("<script type=\"application/json\" id=\"yardstick-report\">\n");
		JsonDocuments.write(new Payload(report, ResultsJson.model(results), alerts, lang, review, conformance), out);
		out.write("</script>\n");
		out.write("<!-- ECharts 5.5.0, Apache License 2.0, https://echarts.apache.org -->\n");
		out.write("<script>\n" + asset(ECHARTS) + "</script>\n");
		out.write("<script>\n" + asset(SCRIPT) + "</script>\n</body>\n</html>\n");
		out.flush();
	}

	/** Text as HTML element content or a quoted attribute value. */
	public static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/** An inlined file; it must not contain what would end its element early. */
	static String asset(String resource) {
		try (InputStream in = ReportHtml.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing from the class path: " + resource);
			}
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
			if (CLOSES_ELEMENT.matcher(text).find()) {
				throw new IllegalStateException(resource + " contains </script or </style and cannot be inlined");
			}
			return text.endsWith("\n") ? text : text + "\n";
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
