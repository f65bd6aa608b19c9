package io.yardstick.dsl.types;

import io.yardstick.dsl.validation.FindingTexts;
import io.yardstick.runtime.text.Texts;
import java.util.Arrays;

/**
 * Words of a finding kept as a key of the findings' messages ({@link FindingTexts}) and its arguments, so that the
 * analyzer, which knows no language, says what is wrong and each validation run renders it in its own. An argument
 * that is itself a phrase is rendered in the same language; any other stays as written.
 */
public record Phrase(String key, Object... arguments) {

	/** The text in {@code en} or {@code zh}. */
	public String in(String language) {
		return render(FindingTexts.of(language));
	}

	private String render(Texts texts) {
		Object[] rendered = Arrays.copyOf(arguments, arguments.length);
		for (int i = 0; i < rendered.length; i++) {
			if (rendered[i] instanceof Phrase phrase) {
				rendered[i] = phrase.render(texts);
			}
		}
		return texts.get(key, rendered);
	}

	/** The English text: what logs and the generator's errors say. */
	@Override
	public String toString() {
		return in("en");
	}
}
