package io.yardstick.notify;

import io.yardstick.report.Alerts.Alert;
import io.yardstick.runtime.results.Values;
import io.yardstick.runtime.spec.DimensionSpec;
import io.yardstick.runtime.spec.MetricSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One critical or warning alert as a notification tells it, its words already in the notification's language.
 *
 * @param key what identifies the alert from run to run: kind, metric, period, grouping and the group's values
 * @param metricLabel the metric's label in the language
 * @param groupText "total", or each dimension's label and value ("Region 西北 · Customer type smb")
 * @param display the value as the report shows it
 * @param rule the breached threshold ("critical < 10")
 * @param target the metric's target ("target >= 30"), or says there is none
 */
public record Notice(List<String> key, Alert alert, String metricLabel, String groupText, String display,
		String rule, String target) {

	public Notice {
		key = Collections.unmodifiableList(new ArrayList<>(key)); // a group value may be null
	}

	/** Only the critical and warning alerts of {@code alerts}, in their order, told in {@code language}. */
	public static List<Notice> of(List<Alert> alerts, TemplateSpec template, String language) {
		String lang = NotifyTexts.language(language);
		ZoneId zone = template.zone();
		List<Notice> notices = new ArrayList<>();
		for (Alert alert : alerts) {
			if (!alert.kind().equals("critical") && !alert.kind().equals("warning")) {
				continue;
			}
			MetricSpec metric = template.metrics().stream().filter(m -> m.id().equals(alert.metric())).findFirst()
					.orElse(null);
			String label = metric == null ? alert.metric() : Values.label(metric.labels(), lang, metric.id());
			String target = metric == null || metric.target() == null ? NotifyTexts.format(lang, "noTarget")
					: NotifyTexts.format(lang, "target", Values.condition(metric, metric.target(), zone));
			String rule = NotifyTexts.format(lang, "rule." + alert.kind(), alert.rule());
			notices.add(new Notice(key(alert), alert, label, groupText(alert, template, lang), alert.display(), rule,
					target));
		}
		return List.copyOf(notices);
	}

	static List<String> key(Alert alert) {
		List<String> key = new ArrayList<>(List.of(alert.kind(), alert.metric(), alert.period(), alert.grouping()));
		key.addAll(alert.group());
		return key;
	}

	private static String groupText(Alert alert, TemplateSpec template, String lang) {
		if (alert.group().isEmpty()) {
			return NotifyTexts.format(lang, "total");
		}
		String[] dimensions = alert.grouping().split("\\*");
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < alert.group().size(); i++) {
			String name = i < dimensions.length ? dimensions[i] : alert.grouping();
			DimensionSpec dimension = template.dimensions().stream().filter(d -> d.name().equals(name)).findFirst()
					.orElse(null);
			String dimensionLabel = dimension == null ? name : Values.label(dimension.labels(), lang, name);
			String value = alert.group().get(i);
			parts.add(NotifyTexts.format(lang, "group", dimensionLabel,
					value == null ? NotifyTexts.format(lang, "noValue") : value));
		}
		return String.join(" · ", parts);
	}
}
