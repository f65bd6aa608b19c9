package io.yardstick.runtime.spec;

/** Which way a metric should move; {@link #NONE} when the template declares none (tracked, not judged). */
public enum Direction {
	HIGHER_IS_BETTER, LOWER_IS_BETTER, TARGET_BAND, NONE;

	/** The keyword as written in a template, or null for {@link #NONE}. */
	public String keyword() {
		return this == NONE ? null : name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}
}
