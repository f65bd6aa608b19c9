package io.yardstick.dsl.validation;

import com.google.inject.Singleton;

/**
 * Settings of a validation run that a host may change: an IDE's preferences, say. One per injector
 * (a singleton), read by the checks on every run, so a change takes effect at the next validation.
 * Nobody sets them in the command line or the language server, which therefore keep the defaults.
 */
@Singleton
public class ValidationSettings {
	/** Core metrics per layer when a template sets no core-limit: the top of the source material's "3 to 5". */
	public static final int DEFAULT_CORE_LIMIT = 5;

	// Volatile: the editor validates on a background thread while the preference page writes on the UI thread.
	private volatile int defaultCoreLimit = DEFAULT_CORE_LIMIT;

	/** The core-limit of a template that sets none, itself or through its ancestors. */
	public int defaultCoreLimit() {
		return defaultCoreLimit;
	}

	/** @throws IllegalArgumentException below 1, which no template may set either */
	public void setDefaultCoreLimit(int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("a core-limit is at least 1, not " + limit);
		}
		defaultCoreLimit = limit;
	}
}
