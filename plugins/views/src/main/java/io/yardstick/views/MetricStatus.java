package io.yardstick.views;

import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.spec.Status;
import org.eclipse.swt.graphics.RGB;

/**
 * A metric's standing in the words a consultant uses, from the runtime's {@link Status}: the same judgement
 * results.csv and the report's alerts make (critical, else warning, else whether the target holds).
 */
public enum MetricStatus {
	ON_TARGET("on target", new RGB(0, 128, 60)),
	OFF_TARGET("off target", new RGB(150, 118, 0)),
	WARNING("warning", new RGB(220, 90, 0)),
	CRITICAL("critical", new RGB(190, 30, 30)),
	TRACKED("tracked", new RGB(90, 90, 90)),
	NO_DATA("no data", new RGB(120, 120, 120)),
	/** No preview has run since the template was shown. */
	NOT_RUN("", new RGB(0, 0, 0));

	private final String text;
	private final RGB colour;

	MetricStatus(String text, RGB colour) {
		this.text = text;
		this.colour = colour;
	}

	public String text() {
		return text;
	}

	/** The colour the status is written in; plain RGB, so that tests need no display. */
	public RGB colour() {
		return colour;
	}

	public static MetricStatus of(Status status) {
		return switch (status) {
			case MET -> ON_TARGET;
			case MISSED -> OFF_TARGET;
			case WARNING -> WARNING;
			case CRITICAL -> CRITICAL;
			case TRACKED -> TRACKED;
			case NO_VALUE -> NO_DATA;
		};
	}

	/**
	 * The status of a metric's total in the latest period of a preview: what a dashboard's headline shows.
	 * {@link #NOT_RUN} without a preview; {@link #NO_DATA} for a metric the preview did not compute or a run
	 * without periods.
	 */
	public static MetricStatus latest(Results results, String metricId) {
		if (results == null) {
			return NOT_RUN;
		}
		int metric = results.template().metricIndex(metricId);
		int periods = results.periods().count();
		if (metric < 0 || periods == 0) {
			return NO_DATA;
		}
		double value = results.total().value(metric, periods - 1, 0);
		return of(results.status(metric, value));
	}
}
