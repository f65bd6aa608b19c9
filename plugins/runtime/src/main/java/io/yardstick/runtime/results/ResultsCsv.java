package io.yardstick.runtime.results;

import io.yardstick.runtime.spec.CohortSpec;
import io.yardstick.runtime.spec.MetricSpec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code results.csv}: one row per metric × grouping × period × group, in that order (metrics as declared,
 * groupings as run, periods in time order, groups as in {@code results.json}), under the header
 * {@code metric,layer,grouping,group,period,value,display,status,partial}; {@code partial} is {@code true}
 * in a period the data does not cover to its end. A metric not broken down by a grouping has
 * no rows in it. Fields are quoted as RFC 4180 says (when they hold {@code "}, {@code ,}, CR or LF; a
 * {@code "} doubled); lines end in {@code \n}. {@code docs/results.md} describes the columns.
 */
public final class ResultsCsv {
	public static final List<String> HEADER = List.of("metric", "layer", "grouping", "group", "period", "value",
			"display", "status", "partial");

	/**
	 * What a file of the results starts with, before the header: Excel opens a CSV file as the system's
	 * code page (GBK on Chinese Windows) unless it starts with a UTF-8 byte order mark.
	 */
	public static final String BYTE_ORDER_MARK = "\uFEFF";

	private ResultsCsv() {
	}

	/** Writes the header and every row; the writer is flushed, not closed. */
	public static void write(Results results, Writer out) throws IOException {
		row(out, HEADER.toArray(String[]::new));
		ZoneId zone = results.template().zone();
		int periods = results.periods().count();
		List<MetricSpec> metrics = results.template().metrics();
		for (int m = 0; m < metrics.size(); m++) {
			MetricSpec metric = metrics.get(m);
			for (GroupingResult grouping : results.groupings()) {
				if (!grouping.computed(m)) {
					continue;
				}
				String groupingName = grouping.grouping().name();
				List<String> dimensions = grouping.grouping().dimensions();
				for (int p = 0; p < periods; p++) {
					String period = results.periods().label(p);
					String partial = results.periods().partial(p) ? "true" : "false";
					for (int g = 0; g < grouping.groups().size(); g++) {
						double value = grouping.value(m, p, g);
						String stored = Values.stored(value);
						row(out, metric.id(), metric.layer(), groupingName, group(dimensions, grouping.groups().get(g)),
								period, stored == null ? "" : stored, Values.display(metric, value, zone),
								metric.status(value).keyword(), partial);
					}
				}
			}
		}
		out.flush();
	}

	/** The header of {@code cohorts.csv}: one row per cohort table × cohort × age, in the order of results.json. */
	public static final List<String> COHORT_HEADER = List.of("table", "metric", "cohort", "age", "value", "display",
			"status");

	/**
	 * Writes {@code cohorts.csv}, the cohort tables in long form; a cell without a value (the cohort too young)
	 * is a row with an empty value, so that every table keeps its shape. The writer is flushed, not closed.
	 */
	public static void writeCohorts(Results results, Writer out) throws IOException {
		row(out, COHORT_HEADER.toArray(String[]::new));
		ZoneId zone = results.template().zone();
		for (CohortTable table : CohortTable.of(results)) {
			for (int c = 0; c < table.cohorts().size(); c++) {
				for (int a = 0; a < table.spec().ages().size(); a++) {
					CohortSpec.Age age = table.spec().ages().get(a);
					MetricSpec metric = results.metric(results.index(age.metric()));
					double value = table.value(c, a);
					String stored = Values.stored(value);
					row(out, table.spec().name(), metric.id(), table.cohorts().get(c), Integer.toString(age.age()),
							stored == null ? "" : stored, Values.display(metric, value, zone),
							metric.status(value).keyword());
				}
			}
		}
		out.flush();
	}

	/** {@code cohorts.csv} as text. */
	public static String toCohortsCsv(Results results) {
		return text(out -> writeCohorts(results, out));
	}

	/** The whole file as text. */
	public static String toCsv(Results results) {
		return text(out -> write(results, out));
	}

	private interface Writing {
		void to(Writer out) throws IOException;
	}

	private static String text(Writing writing) {
		StringWriter out = new StringWriter();
		try {
			writing.to(out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	/**
	 * A group as {@code region=华东;segment=smb}; empty for the total. A null value is the dimension's name
	 * alone ({@code region;segment=smb}); in a value, {@code \}, {@code ;} and {@code =} are escaped with a
	 * backslash.
	 */
	public static String group(List<String> dimensions, List<String> values) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < dimensions.size(); i++) {
			if (i > 0) {
				out.append(';');
			}
			out.append(dimensions.get(i));
			String value = i < values.size() ? values.get(i) : null;
			if (value != null) {
				out.append('=');
				for (int c = 0; c < value.length(); c++) {
					char ch = value.charAt(c);
					if (ch == '\\' || ch == ';' || ch == '=') {
						out.append('\\');
					}
					out.append(ch);
				}
			}
		}
		return out.toString();
	}

	private static void row(Writer out, String... fields) throws IOException {
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(field(fields[i]));
		}
		out.write('\n');
	}

	/** A field as RFC 4180 wants it: quoted, with quotes doubled, when it holds a quote, a comma, CR or LF. */
	static String field(String text) {
		if (text == null) {
			return "";
		}
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			if (ch == '"' || ch == ',' || ch == '\r' || ch == '\n') {
				return '"' + text.replace("\"", "\"\"") + '"';
			}
		}
		return text;
	}
}
