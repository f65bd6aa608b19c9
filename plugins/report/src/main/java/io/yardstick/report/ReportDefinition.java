package io.yardstick.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.yardstick.runtime.results.JsonDocuments;
import io.yardstick.runtime.spec.Specs;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report: the pages of a dashboard over one template's results, what each page shows, and the template's
 * causal links and loops for the link graph. A BI front end, or Yardstick's own renderer, reads it beside
 * {@code results.json}, which holds the values and each metric's labels, kind and formula.
 * {@code docs/reports.md} documents every field and {@code docs/report.schema.json} is its JSON Schema.
 *
 * @param template the qualified name of the template
 * @param derived true when the template declares no report and this one was derived from its layers
 * @param dimensions every breakdown a metric of the template declares, with its labels, in order of first use
 * @param metrics every metric of the template, in declaration order, with its judging conditions as numbers
 */
@JsonPropertyOrder({ "schema", "template", "name", "labels", "derived", "dimensions", "metrics", "pages", "links",
		"loops", "alertRules" })
public record ReportDefinition(String schema, String template, String name, Map<String, String> labels,
		boolean derived, List<Dimension> dimensions, List<Metric> metrics, List<Page> pages, List<Link> links,
		List<Loop> loops, AlertRules alertRules) {
	/** The value of the {@code schema} field; any change to the format, an added field too, changes it. */
	public static final String SCHEMA = "yardstick-report/1";

	public ReportDefinition {
		labels = Specs.copy(labels);
		dimensions = List.copyOf(dimensions);
		metrics = List.copyOf(metrics);
		pages = List.copyOf(pages);
		links = List.copyOf(links);
		loops = List.copyOf(loops);
	}

	/** The definition as a JSON document ending with a line feed. */
	public String toJson() {
		return JsonDocuments.toJson(this);
	}

	/** Reads a definition this class wrote; refuses another format version. */
	public static ReportDefinition read(Reader in) throws IOException {
		ReportDefinition read = JsonDocuments.read(in, ReportDefinition.class);
		if (!SCHEMA.equals(read.schema())) {
			throw new IOException("not a " + SCHEMA + " document: its schema is " + read.schema());
		}
		return read;
	}

	/** A breakdown: a template dimension, or a source field marked {@code dimension}. */
	@JsonPropertyOrder({ "name", "labels" })
	public record Dimension(String name, Map<String, String> labels) {
		public Dimension {
			labels = Specs.copy(labels);
		}
	}

	/** A metric's layer and its target and thresholds in stored units (fractions for percents, seconds for durations). */
	@JsonPropertyOrder({ "id", "layer", "target", "warning", "critical" })
	public record Metric(String id, String layer, Threshold target, Threshold warning, Threshold critical) {
	}

	/** {@code operator} is one of = != < <= > >= between outside; {@code high} is set for the last two only. */
	@JsonPropertyOrder({ "operator", "value", "high" })
	public record Threshold(String operator, @JsonSerialize(using = JsonDocuments.StoredNumber.class) Double value,
			@JsonSerialize(using = JsonDocuments.StoredNumber.class) Double high) {
	}

	/** A page: tiles of metrics, the link graph, or the alerts. {@code layer} names the layer a derived page shows. */
	@JsonPropertyOrder({ "name", "labels", "kind", "layer", "tiles" })
	public record Page(String name, Map<String, String> labels, PageKind kind, String layer, List<Tile> tiles) {
		public Page {
			labels = Specs.copy(labels);
			tiles = List.copyOf(tiles);
		}
	}

	public enum PageKind {
		METRICS, GRAPH, ALERTS;

		@JsonValue
		public String keyword() {
			return name().toLowerCase(Locale.ROOT);
		}

		@JsonCreator
		public static PageKind of(String keyword) {
			return valueOf(keyword.toUpperCase(Locale.ROOT));
		}
	}

	/**
	 * One metric on a page. Every tile shows the latest value, target, status and links; the chart adds a
	 * visual, and each breakdown a bar chart of the latest period (a table, for {@link Chart#TABLE}).
	 */
	@JsonPropertyOrder({ "metric", "chart", "breakdowns" })
	public record Tile(String metric, Chart chart, List<String> breakdowns) {
		public Tile {
			breakdowns = List.copyOf(breakdowns);
		}
	}

	public enum Chart {
		/** The number alone. */
		VALUE,
		/** A dial over the metric's scale: percents and scores with a range. */
		GAUGE,
		/** A line over the periods, with the target and thresholds drawn. */
		TREND,
		/** Bars of the latest period, one per group of each breakdown. */
		BAR,
		/** The recent periods of each group of each breakdown, as a table. */
		TABLE;

		@JsonValue
		public String keyword() {
			return name().toLowerCase(Locale.ROOT);
		}

		@JsonCreator
		public static Chart of(String keyword) {
			return valueOf(keyword.toUpperCase(Locale.ROOT));
		}
	}

	/** A declared causal link; {@code lag} is null when the effect is within the period. */
	@JsonPropertyOrder({ "from", "to", "polarity", "lag", "status", "feedback", "rationale" })
	public record Link(String from, String to, String polarity, Lag lag, String status, boolean feedback,
			String rationale) {
	}

	@JsonPropertyOrder({ "count", "grain" })
	public record Lag(int count, String grain) {
	}

	@JsonPropertyOrder({ "name", "labels", "steps" })
	public record Loop(String name, Map<String, String> labels, List<String> steps) {
		public Loop {
			labels = Specs.copy(labels);
			steps = List.copyOf(steps);
		}
	}

	/**
	 * How alerts are found: threshold breaches in the latest period, and anomalies in each period series by a
	 * robust z-score ({@code 0.6745 (x - median) / MAD}) beyond {@code threshold}, over at least {@code minPoints}
	 * values.
	 */
	@JsonPropertyOrder({ "thresholds", "anomaly" })
	public record AlertRules(String thresholds, Anomaly anomaly) {
		public static final AlertRules DEFAULT = new AlertRules("latest-period", new Anomaly("robust-z", 3.5, 8));
	}

	@JsonPropertyOrder({ "method", "threshold", "minPoints" })
	public record Anomaly(String method, double threshold, int minPoints) {
	}
}
