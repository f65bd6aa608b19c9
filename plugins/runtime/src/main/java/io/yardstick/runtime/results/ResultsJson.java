package io.yardstick.runtime.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.yardstick.runtime.calc.RunDiagnostics;
import io.yardstick.runtime.load.LoadReport;
import io.yardstick.runtime.load.LoadReport.MultiLineCell;
import io.yardstick.runtime.load.LoadReport.SourceReport;
import io.yardstick.runtime.spec.DimensionSpec;
import io.yardstick.runtime.spec.LayerSpec;
import io.yardstick.runtime.spec.MetricSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.time.Periods;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code results.json}: everything a run computed, with the template's description of each metric, as
 * records that Jackson writes in a fixed field order. The document is the same for the same results on
 * every machine: two-space indentation, {@code \n} line ends, a final line feed, no timestamps of the run,
 * numbers in the shortest form that reads back as the same double. {@code docs/results.md} documents every
 * field; {@code docs/results.schema.json} is its JSON Schema.
 *
 * <p>Written by {@link JsonDocuments}, so the document can be placed inside an HTML {@code <script>} element
 * as it is.
 */
public final class ResultsJson {
	/** The value of the document's {@code schema} field; any change to the format, an added field too, changes it. */
	public static final String SCHEMA = "yardstick-results/4";

	private ResultsJson() {
	}

	// ------------------------------------------------------------------ the document

	/** The whole document. */
	@JsonPropertyOrder({ "schema", "template", "grain", "periods", "layers", "dimensions", "groupings", "metrics",
			"values", "cohorts", "diagnostics" })
	public record JsonResults(String schema, JsonTemplate template, String grain, List<JsonPeriod> periods,
			List<JsonLayer> layers, List<JsonDimension> dimensions,
			List<JsonGrouping> groupings, List<JsonMetric> metrics,
			Map<String, Map<String, List<List<JsonCell>>>> values, List<JsonCohortTable> cohorts,
			JsonDiagnostics diagnostics) {
	}

	/** A cohort table: its ages (each with the metric that reads it) and a row per cohort period, oldest first. */
	@JsonPropertyOrder({ "name", "labels", "ages", "rows" })
	public record JsonCohortTable(String name, Map<String, String> labels, List<JsonCohortAge> ages,
			List<JsonCohortRow> rows) {
	}

	@JsonPropertyOrder({ "age", "metric" })
	public record JsonCohortAge(int age, String metric) {
	}

	/** A cohort period and its value at each age, in the order of the ages (value null: none, the cohort too young). */
	@JsonPropertyOrder({ "cohort", "cells" })
	public record JsonCohortRow(String cohort, List<JsonCell> cells) {
	}

	/** A dimension of the template: its labels, and the labels of the values it labels, each by language ("" untagged). */
	@JsonPropertyOrder({ "name", "labels", "values" })
	public record JsonDimension(String name, Map<String, String> labels, Map<String, Map<String, String>> values) {
	}

	/** The template: its qualified name, labels by language ("" untagged) and the zone periods are cut in. */
	@JsonPropertyOrder({ "name", "labels", "zone" })
	public record JsonTemplate(String name, Map<String, String> labels, String zone) {
	}

	/**
	 * A period: its label and its half-open span [start, end) as offset date-times in the template's zone; and
	 * whether it is partial (the data ends before its last day) and the headline period (the one tables,
	 * statuses and threshold alerts use).
	 */
	@JsonPropertyOrder({ "label", "start", "end", "partial", "headline" })
	public record JsonPeriod(String label, String start, String end, boolean partial, boolean headline) {
	}

	@JsonPropertyOrder({ "name", "labels", "level" })
	public record JsonLayer(String name, Map<String, String> labels, int level) {
	}

	/** A grouping and its groups, each a list with one value per dimension (null: rows without a value). */
	@JsonPropertyOrder({ "name", "dimensions", "groups" })
	public record JsonGrouping(String name, List<String> dimensions, List<List<String>> groups) {
	}

	@JsonPropertyOrder({ "id", "labels", "layer", "kind", "unit", "min", "max", "direction", "supporting", "target",
			"warning", "critical", "breakdowns", "formula", "description", "goal", "owner" })
	public record JsonMetric(String id, Map<String, String> labels, String layer, String kind, String unit,
			@JsonSerialize(using = JsonDocuments.StoredNumber.class) Double min,
			@JsonSerialize(using = JsonDocuments.StoredNumber.class) Double max,
			String direction, boolean supporting, String target, String warning, String critical,
			List<String> breakdowns, String formula, String description, String goal, String owner) {
	}

	/** One value: stored (null for none), as a person reads it, and how it stands against the target. */
	@JsonPropertyOrder({ "value", "display", "status" })
	public record JsonCell(@JsonSerialize(using = JsonDocuments.StoredNumber.class) Double value, String display, String status) {
	}

	/**
	 * Per metric, how many of its values were null for a zero denominator; the run's notes; and per source
	 * how its data file was read.
	 */
	@JsonPropertyOrder({ "zeroDenominators", "notes", "data" })
	public record JsonDiagnostics(Map<String, Long> zeroDenominators, List<String> notes, List<JsonSourceData> data) {
	}

	/** How a source's file was read: its lines and records, and its quoted cells that span lines. */
	@JsonPropertyOrder({ "source", "lines", "blankLines", "continuationLines", "records", "loaded", "rejected",
			"multiLineCellCount", "multiLineCells" })
	public record JsonSourceData(String source, long lines, long blankLines, long continuationLines, long records,
			long loaded, long rejected, long multiLineCellCount, List<JsonMultiLineCell> multiLineCells) {
	}

	/** A quoted cell that spans lines: where it opens and closes, and its column. */
	@JsonPropertyOrder({ "line", "column", "endLine", "lines", "columnName", "field" })
	public record JsonMultiLineCell(long line, int column, long endLine, long lines, String columnName, String field) {
	}

	// ------------------------------------------------------------------ building

	/** The document's content, before it is written. */
	public static JsonResults model(Results results) {
		TemplateSpec template = results.template();
		ZoneId zone = template.zone();
		Periods periods = results.periods();

		List<JsonPeriod> jsonPeriods = new ArrayList<>(periods.count());
		for (int p = 0; p < periods.count(); p++) {
			jsonPeriods.add(new JsonPeriod(periods.label(p), Values.timestamp(periods.start(p), zone),
					Values.timestamp(periods.end(p), zone), periods.partial(p), p == periods.headline()));
		}

		List<JsonLayer> layers = new ArrayList<>();
		for (LayerSpec layer : template.layers()) {
			layers.add(new JsonLayer(layer.name(), layer.labels(), layer.level()));
		}

		List<JsonDimension> dimensions = new ArrayList<>();
		for (DimensionSpec dimension : template.dimensions()) {
			dimensions.add(new JsonDimension(dimension.name(), dimension.labels(), dimension.valueLabels()));
		}

		List<JsonGrouping> groupings = new ArrayList<>();
		for (GroupingResult grouping : results.groupings()) {
			List<List<String>> groups = new ArrayList<>(grouping.groups().size());
			for (List<String> group : grouping.groups()) {
				groups.add(Collections.unmodifiableList(new ArrayList<>(group))); // keeps nulls, unlike List.copyOf
			}
			groups = Collections.unmodifiableList(groups);
			groupings.add(new JsonGrouping(grouping.grouping().name(), grouping.grouping().dimensions(), groups));
		}

		List<JsonMetric> metrics = new ArrayList<>();
		Map<String, Map<String, List<List<JsonCell>>>> values = new LinkedHashMap<>();
		Map<String, Long> zeroDenominators = new LinkedHashMap<>();
		RunDiagnostics diagnostics = results.diagnostics();
		for (int m = 0; m < template.metrics().size(); m++) {
			MetricSpec metric = template.metrics().get(m);
			metrics.add(new JsonMetric(metric.id(), metric.labels(), metric.layer(), metric.kind().keyword(),
					metric.unit(), metric.min(), metric.max(), metric.direction().keyword(), metric.supporting(),
					Values.condition(metric, metric.target(), zone), Values.condition(metric, metric.warning(), zone),
					Values.condition(metric, metric.critical(), zone), metric.breakdowns(), metric.formula(),
					metric.description(), metric.goal(), metric.owner()));
			Map<String, List<List<JsonCell>>> byGrouping = new LinkedHashMap<>();
			for (GroupingResult grouping : results.groupings()) {
				if (!grouping.computed(m)) {
					continue;
				}
				List<List<JsonCell>> byPeriod = new ArrayList<>(periods.count());
				for (int p = 0; p < periods.count(); p++) {
					List<JsonCell> cells = new ArrayList<>(grouping.groups().size());
					for (int g = 0; g < grouping.groups().size(); g++) {
						cells.add(cell(metric, grouping.value(m, p, g), zone));
					}
					byPeriod.add(List.copyOf(cells));
				}
				byGrouping.put(grouping.grouping().name(), List.copyOf(byPeriod));
			}
			values.put(metric.id(), Collections.unmodifiableMap(byGrouping));
			zeroDenominators.put(metric.id(), diagnostics == null ? 0 : diagnostics.zeroDenominators(m));
		}

		return new JsonResults(SCHEMA,
				new JsonTemplate(template.qualifiedName(), template.labels(), zone.getId()),
				periods.grain().keyword(), List.copyOf(jsonPeriods), List.copyOf(layers), List.copyOf(dimensions),
				List.copyOf(groupings),
				List.copyOf(metrics), Collections.unmodifiableMap(values), cohorts(results),
				new JsonDiagnostics(Collections.unmodifiableMap(zeroDenominators),
						diagnostics == null ? List.of() : List.copyOf(diagnostics.notes()),
						data(diagnostics == null ? null : diagnostics.loadReport())));
	}

	private static List<JsonCohortTable> cohorts(Results results) {
		List<JsonCohortTable> tables = new ArrayList<>();
		for (CohortTable table : CohortTable.of(results)) {
			List<JsonCohortAge> ages = table.spec().ages().stream()
					.map(age -> new JsonCohortAge(age.age(), age.metric())).toList();
			List<JsonCohortRow> rows = new ArrayList<>();
			for (int c = 0; c < table.cohorts().size(); c++) {
				List<JsonCell> cells = new ArrayList<>();
				for (int a = 0; a < ages.size(); a++) {
					MetricSpec metric = results.metric(results.index(ages.get(a).metric()));
					cells.add(cell(metric, table.value(c, a), results.template().zone()));
				}
				rows.add(new JsonCohortRow(table.cohorts().get(c), List.copyOf(cells)));
			}
			tables.add(new JsonCohortTable(table.spec().name(), table.spec().labels(), ages, List.copyOf(rows)));
		}
		return List.copyOf(tables);
	}

	/** Per source in load order; no paths, so that the document stays the same wherever the files are. */
	private static List<JsonSourceData> data(LoadReport report) {
		if (report == null) {
			return List.of();
		}
		List<JsonSourceData> sources = new ArrayList<>();
		for (SourceReport source : report.sources()) {
			List<JsonMultiLineCell> cells = new ArrayList<>();
			for (MultiLineCell cell : source.multiLineCells()) {
				cells.add(new JsonMultiLineCell(cell.line(), cell.column(), cell.endLine(), cell.lines(),
						cell.columnName(), cell.field()));
			}
			sources.add(new JsonSourceData(source.source(), source.lines(), source.blankLines(),
					source.continuationLines(), source.rowsRead(), source.rowsLoaded(), source.rowsRejected(),
					source.multiLineCellCount(), Collections.unmodifiableList(cells)));
		}
		return List.copyOf(sources);
	}

	static JsonCell cell(MetricSpec metric, double value, ZoneId zone) {
		String stored = Values.stored(value);
		return new JsonCell(stored == null ? null : value == 0 ? 0.0 : value, Values.display(metric, value, zone),
				metric.status(value).keyword());
	}

	// ------------------------------------------------------------------ writing and reading

	/** Writes the document, ending with a line feed; the writer is flushed, not closed. */
	public static void write(Results results, Writer out) throws IOException {
		JsonDocuments.write(model(results), out);
	}

	/** The document as text, ending with a line feed. */
	public static String toJson(Results results) {
		return JsonDocuments.toJson(model(results));
	}

	/** Reads a document this class wrote (for reports built from a results file). */
	public static JsonResults read(Reader in) throws IOException {
		JsonResults read = JsonDocuments.read(in, JsonResults.class);
		if (!SCHEMA.equals(read.schema())) {
			throw new IOException("not a " + SCHEMA + " document: its schema is " + read.schema());
		}
		return read;
	}

}
