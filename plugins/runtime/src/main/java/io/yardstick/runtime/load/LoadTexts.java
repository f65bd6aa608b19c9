package io.yardstick.runtime.load;

import io.yardstick.runtime.text.Texts;

/**
 * The words of loading, in English or Chinese: the load summary, the data errors and the warnings
 * ({@code load_en.properties}, {@code load_zh.properties}). Positions, field names and cell values are no
 * words: they stay as they are in either language.
 */
public final class LoadTexts {
	/** The bundle's resource path without language and extension. */
	public static final String BASE = "io/yardstick/runtime/load/load";

	private LoadTexts() {
	}

	/** The texts in the language of {@link Texts#textLanguage}: English unless Chinese is asked for. */
	public static Texts of(String language) {
		return Texts.of(BASE, language == null || language.isBlank() ? "en" : language);
	}
}
