package io.yardstick.notify;

import io.yardstick.report.Alerts;
import io.yardstick.report.ReportDefinition.AlertRules;
import io.yardstick.report.ReportSamples;
import io.yardstick.runtime.results.Results;
import java.nio.file.Path;
import java.util.List;

/** A run with known alerts: churn critical in total and warning in East, first response warning in total. */
final class Samples {
	/** Markdown, Slack and HTML would read these characters as markup. */
	static final String CHURN_LABEL = "Churn rate [net] *all* & <b>";
	static final Path GOLDEN = Path.of("src/test/resources/io/yardstick/notify");

	private Samples() {
	}

	static Results results() {
		return ReportSamples.results(
				ReportSamples.with(ReportSamples.constant(12, 0.04), 11, 0.09),
				ReportSamples.with(ReportSamples.constant(12, 0.04), 11, 0.07),
				ReportSamples.constant(12, 0.03),
				ReportSamples.with(ReportSamples.constant(12, 5_000), 11, 12_000),
				CHURN_LABEL);
	}

	static List<Alerts.Alert> alerts() {
		return Alerts.find(results(), AlertRules.DEFAULT);
	}

	static Notification notification(String language, String report) {
		Results results = results();
		return new Notification(language, language.equals("zh") ? "示例模板" : "Sample template",
				results.periods().label(results.periods().count() - 1), report,
				Notice.of(alerts(), results.template(), language));
	}
}
