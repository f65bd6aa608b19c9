package io.yardstick.runtime.spec;

/** How a metric's value stands against its target and thresholds. */
public enum Status {
	CRITICAL, WARNING, MET, MISSED, TRACKED, NO_VALUE;

	public String keyword() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}
}
