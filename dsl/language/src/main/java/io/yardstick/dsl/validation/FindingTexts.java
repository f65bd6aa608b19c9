package io.yardstick.dsl.validation;

import io.yardstick.runtime.text.Texts;

/**
 * The findings' messages in English and Chinese: {@code findings_en.properties} and
 * {@code findings_zh.properties} beside this class. A message's key is its issue code, or the code and a
 * variant ({@code zero-denominator.row}); its arguments are names and formula text from the template, which
 * stay as written. The English texts are the messages the golden validation files hold, byte for byte.
 */
public final class FindingTexts {
	public static final String BASE = "io/yardstick/dsl/validation/findings";

	private FindingTexts() {
	}

	public static Texts of(String language) {
		return Texts.of(BASE, language);
	}
}
