package io.yardstick.report;

import static io.yardstick.report.ReportSamples.NULL;
import static io.yardstick.report.ReportSamples.constant;
import static io.yardstick.report.ReportSamples.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.report.Alerts.Alert;
import io.yardstick.report.ReportDefinition.AlertRules;
import io.yardstick.runtime.results.JsonDocuments;
import io.yardstick.runtime.results.Results;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertsTest {
	private static final double[] CALM_CHURN = { 0.040, 0.042, 0.041, 0.043, 0.040, 0.044, 0.042, 0.041, 0.043, 0.042,
			0.040, 0.041 };
	private static final double[] CALM_RESPONSE = { 6_000, 6_300, 6_100, 6_200, 6_000, 6_400, 6_100, 6_300, 6_200,
			6_100, 6_000, 6_200 };

	private static List<String> lines(Results results) {
		return Alerts.find(results, AlertRules.DEFAULT).stream().map(AlertsTest::line).toList();
	}

	private static String line(Alert alert) {
		return alert.kind() + " " + alert.metric() + " " + alert.period() + " " + alert.grouping() + alert.group() + " "
				+ alert.display() + " (" + alert.rule() + ")";
	}

	@Test
	void aCalmRunHasNoAlerts() {
		assertThat(lines(ReportSamples.results(CALM_CHURN, CALM_CHURN, CALM_CHURN, CALM_RESPONSE, "Churn"))).isEmpty();
	}

	@Test
	void breachesOfTheLatestPeriodComeCriticalFirstForTheTotalAndEachGroup() {
		// West is critical (9% > 8%) and the total a warning (6.5% > 6%) in December; East breached only in March,
		// which is not the latest period, and its jump is an anomaly of its own series.
		double[] total = with(CALM_CHURN, 11, 0.065);
		double[] east = with(CALM_CHURN, 2, 0.07);
		double[] west = with(CALM_CHURN, 11, 0.09);
		assertThat(lines(ReportSamples.results(total, east, west, CALM_RESPONSE, "Churn"))).containsExactly(
				"critical churnRate 2025-12 region[West] 9.0% (> 8%)",
				"warning churnRate 2025-12 total[] 6.5% (> 6%)",
				"anomaly churnRate 2025-12 total[] 6.5% (robust z +15.51 against a median of 4.2%)",
				"anomaly churnRate 2025-03 region[East] 7.0% (robust z +18.89 against a median of 4.2%)",
				"anomaly churnRate 2025-12 region[West] 9.0% (robust z +32.38 against a median of 4.2%)");
	}

	@Test
	void aSpikeInADurationIsAnAnomalyWithItsScoreAndTheMedianInTheMetricsUnit() {
		double[] response = with(CALM_RESPONSE, 5, 9_000); // 2.5 h against a median of 1.7 h; not a warning (> 3 h)
		List<Alert> alerts = Alerts.find(ReportSamples.results(CALM_CHURN, CALM_CHURN, CALM_CHURN, response, "Churn"),
				AlertRules.DEFAULT);
		assertThat(alerts).hasSize(1);
		Alert alert = alerts.get(0);
		assertThat(line(alert)).isEqualTo(
				"anomaly firstResponseTime 2025-06 total[] 2.5 h (robust z +19.22 against a median of 1.71 h)");
		// median 6,150 s; MAD 100 s (six deviations of 50 s, five of 150 s, one of 2,850 s); 0.6745 * 2,850 / 100
		assertThat(alert.score()).isEqualTo(19.22);
		assertThat(alert.value()).isEqualTo(9_000);
	}

	@Test
	void aSeriesOfMostlyEqualValuesFallsBackToTheMeanAbsoluteDeviation() {
		// The MAD of eleven equal values and one other is 0; the mean absolute deviation still measures the jump.
		double[] response = with(constant(12, 6_000), 3, 6_600);
		List<Alert> alerts = Alerts.find(ReportSamples.results(CALM_CHURN, CALM_CHURN, CALM_CHURN, response, "Churn"),
				AlertRules.DEFAULT);
		// mean absolute deviation 50 s, scaled 62.665 s: (6,600 - 6,000) / 62.665 = 9.57
		assertThat(alerts).extracting(AlertsTest::line)
				.containsExactly("anomaly firstResponseTime 2025-04 total[] 1.83 h (robust z +9.57 against a median of 1.67 h)");
	}

	@Test
	void equalValuesShortSeriesAndNullsGiveNoAnomaly() {
		assertThat(lines(ReportSamples.results(CALM_CHURN, CALM_CHURN, CALM_CHURN, constant(12, 6_000), "Churn")))
				.isEmpty();
		// seven values besides five nulls: fewer than the eight a series needs, however large the jump
		double[] sparse = { NULL, NULL, NULL, NULL, NULL, 6_000, 6_100, 6_000, 6_100, 6_000, 6_100, 60_000 };
		assertThat(lines(ReportSamples.results(CALM_CHURN, CALM_CHURN, CALM_CHURN, sparse, "Churn")))
				.containsExactly("critical firstResponseTime 2025-12 total[] 16.67 h (> 4h)");
	}

	@Test
	void theDocumentValidatesAgainstThePublishedSchema() {
		Results results = ReportSamples.results(with(CALM_CHURN, 11, 0.065), CALM_CHURN, with(CALM_CHURN, 11, 0.09),
				CALM_RESPONSE, "Churn");
		String json = JsonDocuments.toJson(Alerts.document(results, AlertRules.DEFAULT));
		SchemaValidation.assertValid(SchemaValidation.docs("alerts.schema.json"), json);
		assertThat(json).startsWith("{\n  \"schema\": \"yardstick-alerts/1\",\n  \"template\": \"demo.Sample\",");
	}
}
