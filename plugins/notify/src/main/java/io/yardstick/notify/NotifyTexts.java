package io.yardstick.notify;

import java.util.List;
import java.util.Map;

/**
 * Every word a notification says, in English and Chinese. One table in one class, so that it can move into the
 * project's resource bundles as it is. Placeholders are {@code {name}}; {@link #format} fills them.
 */
public final class NotifyTexts {
	/** The languages notifications are written in; any other falls back to English. */
	public static final List<String> LANGUAGES = List.of("en", "zh");

	private static final Map<String, Map<String, String>> TEXTS = Map.of(
			"en", Map.ofEntries(
					Map.entry("title.one", "{template}: 1 new alert for {period}"),
					Map.entry("title.other", "{template}: {count} new alerts for {period}"),
					Map.entry("counts", "{critical} critical, {warning} warning"),
					Map.entry("kind.critical", "Critical"),
					Map.entry("kind.warning", "Warning"),
					Map.entry("line", "{kind}: {metric} · {group} · {period}: {value} ({rule}; {target})"),
					Map.entry("rule.critical", "critical {condition}"),
					Map.entry("rule.warning", "warning {condition}"),
					Map.entry("target", "target {condition}"),
					Map.entry("noTarget", "no target"),
					Map.entry("total", "total"),
					Map.entry("group", "{dimension} {value}"),
					Map.entry("noValue", "(none)"),
					Map.entry("more", "… and {count} more in the report."),
					Map.entry("report", "Report: {link}")),
			"zh", Map.ofEntries(
					Map.entry("title.one", "{template}：{period} 新增 1 条告警"),
					Map.entry("title.other", "{template}：{period} 新增 {count} 条告警"),
					Map.entry("counts", "严重 {critical} 条，预警 {warning} 条"),
					Map.entry("kind.critical", "严重"),
					Map.entry("kind.warning", "预警"),
					Map.entry("line", "【{kind}】{metric} · {group} · {period}：{value}（{rule}；{target}）"),
					Map.entry("rule.critical", "严重线 {condition}"),
					Map.entry("rule.warning", "预警线 {condition}"),
					Map.entry("target", "目标 {condition}"),
					Map.entry("noTarget", "无目标"),
					Map.entry("total", "总体"),
					Map.entry("group", "{dimension} {value}"),
					Map.entry("noValue", "（空）"),
					Map.entry("more", "……另有 {count} 条，见报告。"),
					Map.entry("report", "报告：{link}")));

	private NotifyTexts() {
	}

	/** {@code language} if notifications speak it, else English. */
	public static String language(String language) {
		return LANGUAGES.contains(language) ? language : "en";
	}

	/** The text of {@code key} with its placeholders filled from {@code values} (name, value, name, value...). */
	public static String format(String language, String key, Object... values) {
		String text = TEXTS.get(language(language)).get(key);
		if (text == null) {
			throw new IllegalArgumentException("no notification text " + key);
		}
		Map<String, String> named = new java.util.HashMap<>();
		for (int i = 0; i + 1 < values.length; i += 2) {
			named.put(String.valueOf(values[i]), String.valueOf(values[i + 1]));
		}
		// One pass over the text, so that a value holding "{period}" (a label may) is never filled in turn.
		StringBuilder out = new StringBuilder();
		int from = 0;
		for (int open = text.indexOf('{'); open >= 0; open = text.indexOf('{', from)) {
			int close = text.indexOf('}', open);
			String name = text.substring(open + 1, close);
			if (!named.containsKey(name)) {
				throw new IllegalArgumentException("notification text " + key + " needs a value for {" + name + "}");
			}
			out.append(text, from, open).append(named.get(name));
			from = close + 1;
		}
		out.append(text, from, text.length());
		return out.toString();
	}

	/** The keys of a language, for the test that both languages have the same. */
	static java.util.Set<String> keys(String language) {
		return TEXTS.get(language).keySet();
	}
}
