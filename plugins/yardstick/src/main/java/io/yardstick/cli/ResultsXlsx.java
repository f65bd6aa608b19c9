package io.yardstick.cli;

import io.yardstick.runtime.results.GroupingResult;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.results.Values;
import io.yardstick.runtime.spec.DimensionSpec;
import io.yardstick.runtime.spec.LayerSpec;
import io.yardstick.runtime.spec.MetricSpec;
import io.yardstick.runtime.text.Texts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * {@code results.xlsx} ({@code run --xlsx}): the results as a client opens them, a sheet per layer in the
 * template's order. Each sheet has the columns metric, breakdown, group, unit and then one per period (a
 * partial period's header says so); a row per metric × breakdown × group, metrics as declared, the total
 * first, groups as in results.json. Labels are in the run's language. Values are numbers in the metric's
 * unit with a number format (a percent as a fraction shown as {@code 4.6%}, a duration in its unit, an amount
 * with two decimals); times are text; no value is an empty cell. The file is the same bytes for the same
 * results: the workbook's creation time and the archive's entry times are fixed.
 */
final class ResultsXlsx {
	/** The archive's entry times and the workbook's creation time: no clock reaches the file. */
	private static final java.time.LocalDateTime FIXED_TIME = java.time.LocalDateTime.of(1980, 1, 1, 0, 0);
	private static final String FIXED_CREATED = "1980-01-01T00:00:00Z";
	private static final int FIRST_PERIOD_COLUMN = 4;

	private ResultsXlsx() {
	}

	static void write(Results results, String language, Texts texts, Path file) throws IOException {
		Path written = Files.createTempFile(file.toAbsolutePath().getParent(), "results-", ".xlsx");
		try {
			try (OutputStream out = Files.newOutputStream(written)) {
				workbook(results, language, texts, out);
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				fix(written, out);
			}
		} finally {
			Files.deleteIfExists(written);
		}
	}

	private static void workbook(Results results, String language, Texts texts, OutputStream written)
			throws IOException {
		Workbook workbook = new Workbook(written, "Yardstick", "1.0");
		Set<String> sheetNames = new HashSet<>();
		for (LayerSpec layer : results.template().layers()) {
			List<Integer> metrics = new ArrayList<>();
			for (int m = 0; m < results.template().metrics().size(); m++) {
				if (results.template().metrics().get(m).layer().equals(layer.name())) {
					metrics.add(m);
				}
			}
			if (!metrics.isEmpty()) {
				Worksheet sheet = workbook.newWorksheet(sheetName(Values.label(layer.labels(), language, layer.name()),
						sheetNames));
				layerSheet(sheet, results, metrics, language, texts);
			}
		}
		workbook.finish();
	}

	private static void layerSheet(Worksheet sheet, Results results, List<Integer> metrics, String language,
			Texts texts) {
		String[] headers = { texts.get("xlsx.metric"), texts.get("xlsx.breakdown"), texts.get("xlsx.group"),
				texts.get("xlsx.unit") };
		for (int c = 0; c < headers.length; c++) {
			sheet.value(0, c, headers[c]);
		}
		int periods = results.periods().count();
		for (int p = 0; p < periods; p++) {
			String label = results.periods().label(p);
			sheet.value(0, FIRST_PERIOD_COLUMN + p, results.periods().partial(p) ? texts.get("xlsx.partial", label) : label);
		}
		sheet.range(0, 0, 0, FIRST_PERIOD_COLUMN + Math.max(periods, 1) - 1).style().bold().set();
		sheet.freezePane(FIRST_PERIOD_COLUMN, 1);
		List<GroupingResult> groupings = new ArrayList<>();
		results.groupings().stream().filter(grouping -> grouping.grouping().isTotal()).forEach(groupings::add);
		results.groupings().stream().filter(grouping -> !grouping.grouping().isTotal()).forEach(groupings::add);
		int row = 1;
		for (int m : metrics) {
			MetricSpec metric = results.template().metrics().get(m);
			String label = Values.label(metric.labels(), language, metric.id());
			for (GroupingResult grouping : groupings) {
				if (!grouping.computed(m)) {
					continue;
				}
				String breakdown = grouping.grouping().isTotal() ? texts.get("xlsx.total")
						: String.join(" × ", grouping.grouping().dimensions().stream()
								.map(name -> dimensionLabel(results, name, language)).toList());
				for (int g = 0; g < grouping.groups().size(); g++) {
					sheet.value(row, 0, label);
					sheet.value(row, 1, breakdown);
					String group = groupLabel(results, grouping, g, language);
					if (!group.isEmpty()) {
						sheet.value(row, 2, group);
					}
					String unit = unit(metric);
					if (!unit.isEmpty()) {
						sheet.value(row, 3, unit);
					}
					for (int p = 0; p < periods; p++) {
						value(sheet, row, FIRST_PERIOD_COLUMN + p, metric, grouping.value(m, p, g), results);
					}
					row++;
				}
			}
		}
	}

	private static String dimensionLabel(Results results, String name, String language) {
		return results.template().dimension(name).map(dimension -> Values.label(dimension.labels(), language, name))
				.orElse(name);
	}

	private static String groupLabel(Results results, GroupingResult grouping, int g, String language) {
		List<String> names = grouping.grouping().dimensions();
		List<String> labels = new ArrayList<>();
		for (int d = 0; d < names.size(); d++) {
			DimensionSpec dimension = results.template().dimension(names.get(d)).orElse(null);
			labels.add(Values.valueLabel(dimension, grouping.groups().get(g).get(d), language));
		}
		return String.join(" / ", labels);
	}

	/** The unit the values are in: {@code %}, a duration's unit, a currency's code; empty for plain numbers. */
	static String unit(MetricSpec metric) {
		return switch (metric.kind()) {
			case PERCENT -> "%";
			case DURATION -> metric.unit() == null ? "s" : metric.unit();
			case CURRENCY -> metric.unit() == null ? "" : metric.unit();
			default -> "";
		};
	}

	private static void value(Worksheet sheet, int row, int column, MetricSpec metric, double value, Results results) {
		if (!Double.isFinite(value)) {
			return;
		}
		switch (metric.kind()) {
			case PERCENT -> {
				sheet.value(row, column, value);
				sheet.style(row, column).format("0.0%").set();
			}
			case DURATION -> {
				sheet.value(row, column, value / Values.seconds(unit(metric)));
				sheet.style(row, column).format("#,##0.00").set();
			}
			case CURRENCY -> {
				sheet.value(row, column, value);
				sheet.style(row, column).format("#,##0.00").set();
			}
			case COUNT -> {
				sheet.value(row, column, value);
				sheet.style(row, column).format(value == Math.rint(value) ? "#,##0" : "#,##0.##").set();
			}
			case TIMESTAMP, DATE -> sheet.value(row, column, Values.display(metric, value, results.template().zone()));
			default -> sheet.value(row, column, value);
		}
	}

	/** A sheet's name: at most 31 characters, none of {@code []:*?/\}, unique in the workbook (case ignored). */
	static String sheetName(String label, Set<String> taken) {
		String name = label.replaceAll("[\\[\\]:*?/\\\\]", "_").strip();
		if (name.isEmpty()) {
			name = "_";
		}
		name = name.length() > 31 ? name.substring(0, 31) : name;
		String unique = name;
		for (int n = 2; !taken.add(unique.toLowerCase(java.util.Locale.ROOT)); n++) {
			String suffix = " (" + n + ")";
			unique = (name.length() + suffix.length() > 31 ? name.substring(0, 31 - suffix.length()) : name) + suffix;
		}
		return unique;
	}

	/** Copies the archive with fixed entry times and a fixed creation time in docProps/core.xml. */
	private static void fix(Path workbook, OutputStream target) throws IOException {
		try (ZipFile in = new ZipFile(workbook.toFile()); ZipOutputStream out = new ZipOutputStream(target)) {
			for (ZipEntry entry : java.util.Collections.list(in.entries())) {
				byte[] bytes;
				try (java.io.InputStream entryIn = in.getInputStream(entry)) {
					bytes = entryIn.readAllBytes();
				}
				if (entry.getName().equals("docProps/core.xml")) {
					bytes = new String(bytes, StandardCharsets.UTF_8)
							.replaceAll("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", "$1" + FIXED_CREATED + "$2")
							.getBytes(StandardCharsets.UTF_8);
				}
				ZipEntry copy = new ZipEntry(entry.getName());
				copy.setTimeLocal(FIXED_TIME); // the first time a zip entry holds, in no zone
				out.putNextEntry(copy);
				out.write(bytes);
				out.closeEntry();
			}
		}
	}
}
