package io.yardstick.runtime.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words Yardstick prints, in English or Chinese, from UTF-8 {@code .properties} files beside the class
 * that uses them: {@code <base>_en.properties} and {@code <base>_zh.properties}, each with every key (a test
 * holds them in step). Placeholders are {@code {0}}, {@code {1}}, ... replaced by the arguments as text, with
 * no number formatting of their own, so that output does not depend on the default locale. A key with a
 * count has {@code .one} and {@code .other} forms ({@link #plural}); Chinese gives both the same text.
 *
 * <p>Only these two languages have texts. Any other language asked for reads English; the language a
 * template's own labels are looked up in stays what the user asked for.
 */
public final class Texts {
	/** The languages with texts, the first the fallback. */
	public static final List<String> LANGUAGES = List.of("en", "zh");

	private static final Map<String, Texts> LOADED = new ConcurrentHashMap<>();

	private final String language;
	private final Map<String, String> entries;

	private Texts(String language, Map<String, String> entries) {
		this.language = language;
		this.entries = entries;
	}

	/**
	 * The texts of {@code base} (a resource path without language and extension, such as
	 * {@code io/yardstick/cli/messages}) in the language of {@link #textLanguage(String)}.
	 *
	 * @throws IllegalStateException when the file is not on the class path: a packaging bug
	 */
	public static Texts of(String base, String language) {
		String chosen = textLanguage(language);
		return LOADED.computeIfAbsent(base + "_" + chosen, key -> new Texts(chosen, read(key + ".properties")));
	}

	/** Every key and text of one file, sorted by key: what the tests compare across languages. */
	public static Map<String, String> entries(String base, String language) {
		return new TreeMap<>(read(base + "_" + language + ".properties"));
	}

	/**
	 * The language asked for, else the default locale's: {@code zh} for any Chinese ({@code zh-CN},
	 * {@code zh_TW}), else {@code en}.
	 */
	public static String textLanguage(String requested) {
		String language = requested == null || requested.isBlank() ? Locale.getDefault().getLanguage() : requested;
		return language.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh" : "en";
	}

	/**
	 * The language for a template's labels: the one asked for (normalized: {@code zh-CN} stays as tagged,
	 * only blanks fall back), else that of the default locale's texts.
	 */
	public static String labelLanguage(String requested) {
		return requested == null || requested.isBlank() ? textLanguage(null) : requested.strip();
	}

	public String language() {
		return language;
	}

	/** The text of a key with its placeholders filled in. */
	public String get(String key, Object... arguments) {
		String text = entries.get(key);
		if (text == null) {
			throw new IllegalArgumentException("no text \"" + key + "\" in " + language);
		}
		return fill(text, arguments);
	}

	/** Whether a key has a text: for optional words, such as a status that may have none. */
	public boolean has(String key) {
		return entries.containsKey(key);
	}

	/** {@code key.one} when the count is 1, else {@code key.other}; the count is argument {0}. */
	public String plural(String key, long count, Object... more) {
		Object[] arguments = new Object[more.length + 1];
		arguments[0] = count;
		System.arraycopy(more, 0, arguments, 1, more.length);
		return get(key + (count == 1 ? ".one" : ".other"), arguments);
	}

	static String fill(String text, Object[] arguments) {
		if (arguments.length == 0 || text.indexOf('{') < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length() + 32);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			int close = c == '{' ? text.indexOf('}', i) : -1;
			if (close > i + 1 && isIndex(text, i + 1, close)) {
				int index = Integer.parseInt(text.substring(i + 1, close));
				if (index < arguments.length) {
					out.append(arguments[index]);
					i = close;
					continue;
				}
			}
			out.append(c);
		}
		return out.toString();
	}

	private static boolean isIndex(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (!Character.isDigit(text.charAt(i))) {
				return false;
			}
		}
		return to - from <= 2;
	}

	private static Map<String, String> read(String resource) {
		try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing from the class path: " + resource);
			}
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			Map<String, String> entries = new TreeMap<>();
			properties.stringPropertyNames().forEach(name -> entries.put(name, properties.getProperty(name)));
			return entries;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
