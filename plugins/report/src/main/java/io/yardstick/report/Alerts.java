package io.yardstick.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.yardstick.report.ReportDefinition.AlertRules;
import io.yardstick.runtime.results.GroupingResult;
import io.yardstick.runtime.results.JsonDocuments;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.results.Values;
import io.yardstick.runtime.spec.Condition;
import io.yardstick.runtime.spec.MetricSpec;
import io.yardstick.runtime.spec.Status;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * What deserves attention in a run: threshold breaches (critical, warning) in the headline period (the last complete one, {@code Periods.headline}), and anomalies
 * in each metric's period series, for the total and every group of every breakdown computed.
 *
 * <p>An anomaly is a value whose robust z-score {@code 0.6745 (x - median) / MAD} exceeds the threshold
 * (Iglewicz and Hoaglin's rule, 3.5 by default). Median and MAD resist the very outliers being looked for,
 * unlike mean and standard deviation. When more than half the values are equal the MAD is 0; the mean
 * absolute deviation, scaled by 1.2533 to estimate the same spread, takes its place, and a series of equal
 * values has no anomaly.
 */
public final class Alerts {
	/** The value of the {@code schema} field of {@code alerts.json}. */
	public static final String SCHEMA = "yardstick-alerts/1";
	/** Turns a MAD into an estimate of the standard deviation of normal data: the 0.75 quantile of N(0, 1). */
	private static final double MAD_SCALE = 0.6745;
	/** Turns a mean absolute deviation into the same estimate: sqrt(pi / 2). */
	private static final double MEAN_AD_SCALE = 1.2533;

	private Alerts() {
	}

	/** {@code alerts.json}: the alerts of one run of a template. */
	@JsonPropertyOrder({ "schema", "template", "rules", "alerts" })
	public record AlertsDocument(String schema, String template, AlertRules rules, List<Alert> alerts) {
		public AlertsDocument {
			alerts = List.copyOf(alerts);
		}
	}

	/**
	 * One alert. {@code kind} is critical, warning or anomaly; {@code grouping} is "total" or a breakdown such
	 * as "region" or "region*segment", with {@code group} its values (empty for the total; null for rows
	 * without a value); {@code rule} says what was breached, as a person reads it; {@code score} is the
	 * robust z-score of an anomaly.
	 */
	@JsonPropertyOrder({ "kind", "metric", "period", "grouping", "group", "value", "display", "rule", "score" })
	public record Alert(String kind, String metric, String period, String grouping, List<String> group,
			@JsonSerialize(using = JsonDocuments.StoredNumber.class) Double value, String display, String rule,
			@JsonSerialize(using = JsonDocuments.StoredNumber.class) Double score) {
		public Alert {
			group = Collections.unmodifiableList(new ArrayList<>(group)); // keeps nulls, unlike List.copyOf
		}
	}

	public static AlertsDocument document(Results results, AlertRules rules) {
		return new AlertsDocument(SCHEMA, results.template().qualifiedName(), rules, find(results, rules));
	}

	/** Critical first, then warnings, then anomalies; within each, in the order of metrics, groupings, periods, groups. */
	public static List<Alert> find(Results results, AlertRules rules) {
		List<Alert> breaches = new ArrayList<>();
		List<Alert> anomalies = new ArrayList<>();
		ZoneId zone = results.template().zone();
		int periods = results.periods().count();
		for (int m = 0; m < results.template().metrics().size(); m++) {
			MetricSpec metric = results.metric(m);
			for (GroupingResult grouping : results.groupings()) {
				if (!grouping.computed(m)) {
					continue;
				}
				for (int g = 0; g < grouping.groups().size(); g++) {
					if (periods > 0) {
						breach(results, metric, m, grouping, g, zone).ifPresent(breaches::add);
					}
					anomalies.addAll(anomalies(results, metric, m, grouping, g, rules.anomaly(), zone));
				}
			}
		}
		List<Alert> all = new ArrayList<>(breaches.size() + anomalies.size());
		breaches.stream().filter(alert -> alert.kind().equals("critical")).forEach(all::add);
		breaches.stream().filter(alert -> alert.kind().equals("warning")).forEach(all::add);
		all.addAll(anomalies);
		return List.copyOf(all);
	}

	private static Optional<Alert> breach(Results results, MetricSpec metric, int m,
			GroupingResult grouping, int g, ZoneId zone) {
		// the headline period: the last complete one, so that a month the data stops in is no breach
		int latest = results.periods().headline();
		double value = grouping.value(m, latest, g);
		Status status = metric.status(value);
		Condition breached = switch (status) {
			case CRITICAL -> metric.critical();
			case WARNING -> metric.warning();
			default -> null;
		};
		if (breached == null) {
			return Optional.empty();
		}
		return Optional.of(new Alert(status.keyword(), metric.id(), results.periods().label(latest),
				grouping.grouping().name(), grouping.groups().get(g), value, Values.display(metric, value, zone),
				Values.condition(metric, breached, zone), null));
	}

	private static List<Alert> anomalies(Results results, MetricSpec metric, int m, GroupingResult grouping, int g,
			ReportDefinition.Anomaly rule, ZoneId zone) {
		int periods = results.periods().count();
		double[] series = new double[periods];
		int present = 0;
		for (int p = 0; p < periods; p++) {
			double value = grouping.value(m, p, g);
			if (!Double.isNaN(value) && !results.periods().partial(p)) {
				series[present++] = value;
			}
		}
		if (present < rule.minPoints()) {
			return List.of();
		}
		double[] values = Arrays.copyOf(series, present);
		Spread spread = Spread.of(values);
		if (spread == null) {
			return List.of();
		}
		List<Alert> found = new ArrayList<>();
		for (int p = 0; p < periods; p++) {
			double value = grouping.value(m, p, g);
			// a partial period's values stand for part of it: neither a base nor an anomaly
			if (Double.isNaN(value) || results.periods().partial(p)) {
				continue;
			}
			double score = spread.score(value);
			if (Math.abs(score) > rule.threshold()) {
				double rounded = Math.round(score * 100) / 100.0;
				found.add(new Alert("anomaly", metric.id(), results.periods().label(p), grouping.grouping().name(),
						grouping.groups().get(g), value, Values.display(metric, value, zone),
						String.format(Locale.ROOT, "robust z %+.2f against a median of %s", rounded,
								Values.display(metric, spread.median(), zone)),
						rounded));
			}
		}
		return found;
	}

	/** The centre and spread of a series; null when every value is the same, so nothing stands out. */
	record Spread(double median, double scale) {
		static Spread of(double[] values) {
			Median medianOf = new Median();
			double median = medianOf.evaluate(values);
			double[] deviations = new double[values.length];
			double sum = 0;
			for (int i = 0; i < values.length; i++) {
				deviations[i] = Math.abs(values[i] - median);
				sum += deviations[i];
			}
			double mad = medianOf.evaluate(deviations);
			if (mad > 0) {
				return new Spread(median, mad / MAD_SCALE);
			}
			double meanDeviation = sum / values.length;
			return meanDeviation > 0 ? new Spread(median, meanDeviation * MEAN_AD_SCALE) : null;
		}

		double score(double value) {
			return (value - median) / scale;
		}
	}
}
