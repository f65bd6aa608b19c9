package io.yardstick.runtime.results;

import io.yardstick.runtime.spec.LayerSpec;
import io.yardstick.runtime.spec.MetricSpec;
import io.yardstick.runtime.spec.Condition;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.text.Texts;
import io.yardstick.runtime.time.Periods;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code yardstick run} prints: a line naming the template, the period shown and what was computed,
 * then one table per layer (highest level first, layers of one level in declaration order) with each
 * metric's label, value, target and status in the latest period of the total. Columns are aligned by
 * display width, East Asian wide characters counting two columns; borders are ASCII; lines end in
 * {@code \n}. Headers, status words and the summary line are in English or Chinese
 * ({@code table_en.properties}, {@code table_zh.properties}); a missing value or target is an em dash.
 */
public final class ResultsTable {
	static final String TEXTS = "io/yardstick/runtime/results/table";
	private static final String[] HEADER = { "header.metric", "header.value", "header.target", "header.status" };
	/** Right-aligned columns. */
	private static final boolean[] RIGHT = { false, true, false, false };

	private ResultsTable() {
	}

	/**
	 * The tables, labels in the language (else the untagged label, else any label, else the id); a null
	 * language asks for untagged labels.
	 */
	public static String render(Results results, String language) {
		Texts texts = Texts.of(TEXTS, language);
		TemplateSpec template = results.template();
		ZoneId zone = template.zone();
		Periods periods = results.periods();
		int latest = periods.headline();
		StringBuilder out = new StringBuilder();
		out.append(summary(results, language, texts)).append('\n');
		if (template.metrics().isEmpty()) {
			out.append('\n').append(texts.get("noMetrics")).append('\n');
		}

		Map<String, List<Integer>> metricsByLayer = new LinkedHashMap<>();
		for (int m = 0; m < template.metrics().size(); m++) {
			metricsByLayer.computeIfAbsent(template.metrics().get(m).layer(), layer -> new ArrayList<>()).add(m);
		}
		List<LayerSpec> layers = new ArrayList<>(template.layers());
		layers.sort(Comparator.comparingInt(LayerSpec::level).reversed()); // stable: declaration order within a level
		for (String name : metricsByLayer.keySet()) { // a metric's layer that the template does not list: last
			if (layers.stream().noneMatch(layer -> layer.name().equals(name))) {
				layers.add(new LayerSpec(name, Map.of(), 0));
			}
		}

		GroupingResult total = results.total();
		for (LayerSpec layer : layers) {
			List<Integer> metrics = metricsByLayer.get(layer.name());
			if (metrics == null) {
				continue;
			}
			List<String[]> rows = new ArrayList<>();
			for (int m : metrics) {
				MetricSpec metric = template.metrics().get(m);
				double value = latest < 0 ? Double.NaN : total.value(m, latest, 0);
				String target = condition(metric, metric.target(), zone, texts);
				rows.add(new String[] { Values.label(metric.labels(), language, metric.id()),
						Values.display(metric, value, zone), target == null ? Values.NO_VALUE : target,
						texts.get("status." + metric.status(value).keyword()) });
			}
			out.append('\n').append(clean(heading(layer, language, texts))).append('\n');
			table(out, rows, texts);
		}
		return out.toString();
	}

	private static String summary(Results results, String language, Texts texts) {
		TemplateSpec template = results.template();
		String label = Values.label(template.labels(), language, null);
		String name = label == null || label.equals(template.qualifiedName()) ? template.qualifiedName()
				: texts.get("summary.labelAndName", label, template.qualifiedName());
		Periods periods = results.periods();
		String grain = texts.get("grain." + periods.grain().keyword());
		String names = results.groupings().stream().map(g -> grouping(g.grouping().name(), template, language, texts))
				.collect(Collectors.joining(texts.get("list.separator")));
		String groupings = texts.plural("summary.groupings", results.groupings().size(), names);
		int headline = periods.headline();
		int latest = periods.count() - 1;
		String period;
		if (periods.count() == 0) {
			period = texts.get("summary.noPeriods", grain);
		} else if (headline == latest) {
			period = texts.plural(periods.partial(latest) ? "summary.period.partial" : "summary.period", periods.count(),
					periods.label(latest), grain);
		} else {
			period = texts.plural("summary.period.complete", periods.count(), periods.label(headline), grain);
		}
		String partial = partialNote(periods, texts);
		return clean(texts.get("summary", name, period, groupings)) + (partial.isEmpty() ? "" : "\n" + partial);
	}

	/**
	 * {@code partial: 2025-06 (the data ends on 2025-06-14)}: the periods the data does not cover to their end,
	 * whose values are shown in results.json, results.csv and report.html but head no table.
	 */
	private static String partialNote(Periods periods, Texts texts) {
		List<String> partial = new ArrayList<>();
		for (int p = 0; p < periods.count(); p++) {
			if (periods.partial(p)) {
				partial.add(periods.label(p));
			}
		}
		if (partial.isEmpty()) {
			return "";
		}
		return texts.get(periods.headline() == periods.count() - 1 ? "partial.asTheyStand" : "partial.lastComplete",
				String.join(texts.get("list.separator"), partial), periods.dataEndsBefore().minusDays(1).toString());
	}

	/**
	 * A grouping as the summary names it: {@code total} and the breakdowns' names in English, where they are
	 * what {@code --by} takes; their labels in Chinese, where the names would be the only English left.
	 */
	private static String grouping(String name, TemplateSpec template, String language, Texts texts) {
		if (texts.language().equals("en")) {
			return name;
		}
		if (name.equals("total")) {
			return texts.get("total");
		}
		return java.util.Arrays.stream(name.split("\\*"))
				.map(part -> template.dimension(part).map(d -> Values.label(d.labels(), language, part)).orElse(part))
				.collect(Collectors.joining("\u00d7"));
	}

	/**
	 * A target as the table shows it: in English as the template writes it ({@code between 5% and 15%}), in
	 * Chinese with the words of the band in Chinese and the operators and literals as written.
	 */
	static String condition(MetricSpec metric, Condition condition, ZoneId zone, Texts texts) {
		String written = Values.condition(metric, condition, zone);
		if (written == null || texts.language().equals("en")) {
			return written;
		}
		return switch (condition.operator()) {
			case BETWEEN, OUTSIDE -> texts.get("condition." + condition.operator().name().toLowerCase(java.util.Locale.ROOT),
					Values.literal(metric, condition.value(), zone), Values.literal(metric, condition.high(), zone));
			default -> written;
		};
	}

	private static String heading(LayerSpec layer, String language, Texts texts) {
		String label = Values.label(layer.labels(), language, layer.name());
		boolean labelled = !label.equals(layer.name());
		if (layer.level() > 0) {
			return labelled ? texts.get("layer.labelled.level", label, layer.name(), layer.level())
					: texts.get("layer.level", layer.name(), layer.level());
		}
		return labelled ? texts.get("layer.labelled", label, layer.name()) : layer.name();
	}

	private static void table(StringBuilder out, List<String[]> rows, Texts texts) {
		String[] header = new String[HEADER.length];
		int[] widths = new int[HEADER.length];
		for (int c = 0; c < HEADER.length; c++) {
			header[c] = texts.get(HEADER[c]);
			widths[c] = width(header[c]);
		}
		List<String[]> cleaned = new ArrayList<>(rows.size());
		for (String[] row : rows) {
			String[] cells = new String[row.length];
			for (int c = 0; c < row.length; c++) {
				cells[c] = clean(row[c]);
				widths[c] = Math.max(widths[c], width(cells[c]));
			}
			cleaned.add(cells);
		}
		StringBuilder border = new StringBuilder("+");
		for (int width : widths) {
			border.append("-".repeat(width + 2)).append('+');
		}
		out.append(border).append('\n');
		line(out, header, widths, new boolean[HEADER.length]);
		out.append(border).append('\n');
		for (String[] row : cleaned) {
			line(out, row, widths, RIGHT);
		}
		out.append(border).append('\n');
	}

	private static void line(StringBuilder out, String[] cells, int[] widths, boolean[] right) {
		out.append('|');
		for (int c = 0; c < cells.length; c++) {
			String pad = " ".repeat(widths[c] - width(cells[c]));
			out.append(' ').append(right[c] ? pad + cells[c] : cells[c] + pad).append(" |");
		}
		out.append('\n');
	}

	/** Text on one line: control characters (line breaks, tabs) become spaces. */
	static String clean(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
		return out.toString();
	}

	/**
	 * How many terminal columns the text takes: East Asian wide and fullwidth characters two, combining
	 * marks and format characters none, everything else one (ambiguous-width characters such as the em dash
	 * count one, as terminals outside East Asian locales show them).
	 */
	public static int width(String text) {
		int width = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			width += width(cp);
		}
		return width;
	}

	static int width(int cp) {
		int type = Character.getType(cp);
		if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
				|| cp == 0x200B || (cp >= 0x1160 && cp <= 0x11FF)) {
			return 0;
		}
		return wide(cp) ? 2 : 1;
	}

	/** East Asian Width W or F, by the blocks that labels use: CJK, kana, Hangul, fullwidth forms, emoji. */
	private static boolean wide(int cp) {
		return (cp >= 0x1100 && cp <= 0x115F) // Hangul Jamo initials
				|| cp == 0x2329 || cp == 0x232A // angle brackets
				|| (cp >= 0x2E80 && cp <= 0x303E) // CJK radicals, Kangxi, ideographic description, CJK symbols
				|| (cp >= 0x3041 && cp <= 0x33FF) // kana, bopomofo, Hangul compatibility, CJK compatibility
				|| (cp >= 0x3400 && cp <= 0x4DBF) // CJK extension A
				|| (cp >= 0x4E00 && cp <= 0x9FFF) // CJK unified ideographs
				|| (cp >= 0xA000 && cp <= 0xA4CF) // Yi
				|| (cp >= 0xA960 && cp <= 0xA97F) // Hangul Jamo extended A
				|| (cp >= 0xAC00 && cp <= 0xD7A3) // Hangul syllables
				|| (cp >= 0xF900 && cp <= 0xFAFF) // CJK compatibility ideographs
				|| (cp >= 0xFE10 && cp <= 0xFE19) // vertical forms
				|| (cp >= 0xFE30 && cp <= 0xFE6F) // CJK compatibility forms, small form variants
				|| (cp >= 0xFF00 && cp <= 0xFF60) // fullwidth forms
				|| (cp >= 0xFFE0 && cp <= 0xFFE6) // fullwidth signs
				|| (cp >= 0x1F300 && cp <= 0x1F64F) // pictographs and emoticons (most are wide)
				|| (cp >= 0x1F900 && cp <= 0x1F9FF) // supplemental symbols and pictographs
				|| (cp >= 0x20000 && cp <= 0x2FFFD) // CJK extensions B..F
				|| (cp >= 0x30000 && cp <= 0x3FFFD); // CJK extension G..
	}
}
