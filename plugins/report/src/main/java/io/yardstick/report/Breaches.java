package io.yardstick.report;

import io.yardstick.report.Alerts.Alert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state at a glance, as the console and the report's header tell it: how many critical and warning breaches
 * a run has, in the total and every breakdown, and the breakdown value most of them share ("6 critical, 5 in
 * 西北"); and how many anomalies fall in the recent periods against the whole history.
 */
public final class Breaches {
	/** Anomalies of this many latest periods are the recent ones; report.js uses the same number. */
	public static final int RECENT_PERIODS = 3;

	private Breaches() {
	}

	/**
	 * The breaches of one kind ({@code critical} or {@code warning}).
	 *
	 * @param topDimension the dimension of the value most breaches share, null when no value is shared by two
	 * @param topValue that value, as the data holds it
	 * @param topCount how many breaches it has
	 */
	public record Breach(String kind, int count, String topDimension, String topValue, int topCount) {
	}

	public static Breach of(String kind, List<Alert> alerts) {
		int count = 0;
		Map<List<String>, Integer> tally = new LinkedHashMap<>();
		for (Alert alert : alerts) {
			if (!alert.kind().equals(kind)) {
				continue;
			}
			count++;
			String[] dimensions = alert.grouping().split("\\*");
			for (int i = 0; i < alert.group().size() && i < dimensions.length; i++) {
				if (alert.group().get(i) != null) {
					tally.merge(List.of(dimensions[i], alert.group().get(i)), 1, Integer::sum);
				}
			}
		}
		List<String> top = null;
		int topCount = 0;
		for (Map.Entry<List<String>, Integer> entry : tally.entrySet()) { // first of the most, in order of alerts
			if (entry.getValue() > topCount) {
				top = entry.getKey();
				topCount = entry.getValue();
			}
		}
		return topCount > 1 ? new Breach(kind, count, top.get(0), top.get(1), topCount)
				: new Breach(kind, count, null, null, 0);
	}

	/** The anomalies in the last {@link #RECENT_PERIODS} of the run's period labels. */
	public static List<Alert> recentAnomalies(List<Alert> alerts, List<String> periodLabels) {
		List<String> recent = periodLabels.subList(Math.max(0, periodLabels.size() - RECENT_PERIODS), periodLabels.size());
		List<Alert> found = new ArrayList<>();
		for (Alert alert : alerts) {
			if (alert.kind().equals("anomaly") && recent.contains(alert.period())) {
				found.add(alert);
			}
		}
		return found;
	}
}
