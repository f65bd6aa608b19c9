package io.yardstick.notify;

import io.yardstick.runtime.text.Texts;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every word a notification says: {@code notify_en.properties} and {@code notify_zh.properties} beside this
 * class, read by {@link Texts}. Placeholders are numbered ({@code {0}}, {@code {1}}) and filled in one pass, so
 * that a label holding {@code {1}} stays as it is.
 */
public final class NotifyTexts {
	/** The bundle: {@code io/yardstick/notify/notify_<language>.properties}. */
	public static final String BASE = "io/yardstick/notify/notify";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

	/** Per language and key, the arguments a text needs, to catch a call that gives too few. */
	private static final Map<String, Integer> NEEDED = new ConcurrentHashMap<>();

	private NotifyTexts() {
	}

	/** {@code zh} for any Chinese tag, else English (also when none is given: notifications do not read the locale). */
	public static String language(String language) {
		return language == null ? "en" : Texts.textLanguage(language);
	}

	/**
	 * The text of {@code key} in the language with its placeholders filled from {@code arguments}.
	 *
	 * @throws IllegalArgumentException when the key has no text, or the text needs more arguments: bugs
	 */
	public static String format(String language, String key, Object... arguments) {
		String lang = language(language);
		Texts texts = Texts.of(BASE, lang);
		int needed = NEEDED.computeIfAbsent(lang + "/" + key, k -> needed(texts.get(key)));
		if (arguments.length < needed) {
			throw new IllegalArgumentException(
					"notification text " + key + " needs " + needed + " values, not " + arguments.length);
		}
		return texts.get(key, arguments);
	}

	/** {@code key.one} when the count is 1, else {@code key.other}; the count is argument {0}. */
	public static String plural(String language, String key, long count, Object... more) {
		Object[] arguments = new Object[more.length + 1];
		arguments[0] = count;
		System.arraycopy(more, 0, arguments, 1, more.length);
		return format(language, key + (count == 1 ? ".one" : ".other"), arguments);
	}

	/** One more than the highest placeholder of a text: the arguments it needs. */
	static int needed(String text) {
		int needed = 0;
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			needed = Math.max(needed, Integer.parseInt(matcher.group(1)) + 1);
		}
		return needed;
	}
}
