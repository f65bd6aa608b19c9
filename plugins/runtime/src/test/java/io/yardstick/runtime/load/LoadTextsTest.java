package io.yardstick.runtime.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.runtime.text.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The loader's words in both languages ({@code load_en.properties}, {@code load_zh.properties}): the same keys,
 * the same placeholders in each key's two texts, every key the code names in the files and every key of the
 * files named by the code. The English messages themselves are held by the loader's tests; the Chinese ones by
 * the command line's golden {@code data-errors/zh.txt}.
 */
class LoadTextsTest {
	/** The loader's sources and the engines' classes that tell places and data errors with the same texts. */
	private static final List<Path> CODE = List.of(Path.of("src/main/java/io/yardstick/runtime/load"),
			Path.of("../engines/src/main/java/io/yardstick/engines/ParquetReader.java"),
			Path.of("../engines/src/main/java/io/yardstick/engines/EngineRun.java"),
			Path.of("../engines/src/main/java/io/yardstick/engines/SqlComputeEngine.java"));
	/** A string literal that is a key: a word, a dot, more words ({@code "cell.notNumber"}), or one of the bare keys. */
	private static final Pattern KEY = Pattern.compile("\"((?:[a-z]+\\.)+[a-zA-Z][a-zA-Z0-9]*|error|warning)\"");
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)\\}");

	private static Map<String, String> english() {
		return Texts.entries(LoadTexts.BASE, "en");
	}

	private static Map<String, String> chinese() {
		return Texts.entries(LoadTexts.BASE, "zh");
	}

	@Test
	void everyKeyIsInBothLanguages() {
		assertThat(chinese().keySet()).isEqualTo(english().keySet());
	}

	@Test
	void bothTextsOfAKeyHaveTheSamePlaceholders() {
		Map<String, Set<String>> inEnglish = new TreeMap<>();
		Map<String, Set<String>> inChinese = new TreeMap<>();
		english().forEach((key, text) -> inEnglish.put(key, placeholders(text)));
		chinese().forEach((key, text) -> inChinese.put(key, placeholders(text)));
		assertThat(inChinese).isEqualTo(inEnglish);
	}

	@Test
	void everyChineseTextIsChineseWhereTheEnglishHasWords() {
		Map<String, String> chinese = chinese();
		english().forEach((key, text) -> {
			if (PLACEHOLDER.matcher(text).replaceAll("").matches("(?s).*[a-z]{3,}.*")) {
				assertThat(chinese.get(key)).as(key).matches("(?s).*\\p{IsHan}.*");
			}
		});
	}

	@Test
	void everyKeyTheCodeNamesHasATextAndEveryTextIsNamed() throws IOException {
		Set<String> keys = english().keySet();
		Set<String> named = new TreeSet<>();
		for (String source : sources()) {
			Matcher key = KEY.matcher(source);
			while (key.find()) {
				named.add(key.group(1));
			}
		}
		named.removeIf(name -> !name.contains(".") && !keys.contains(name));
		List<String> missing = new ArrayList<>();
		for (String name : named) {
			boolean plural = keys.contains(name + ".one") && keys.contains(name + ".other");
			if (!keys.contains(name) && !plural && isKeyLike(name)) {
				missing.add(name);
			}
		}
		assertThat(missing).as("keys the code names that no text has").isEmpty();
		List<String> unused = keys.stream()
				.filter(key -> !named.contains(key) && !named.contains(key.replaceFirst("\\.(one|other)$", ""))).toList();
		assertThat(unused).as("texts no code names").isEmpty();
	}

	/** A dotted literal of the loader's own families, not a file name or a class name. */
	private static boolean isKeyLike(String name) {
		return name.matches("(?:cell|csv|load|hint|encoding|table|xlsx|parquet|bind|limit|warning|what|unit|engine)\\..*");
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher placeholder = PLACEHOLDER.matcher(text);
		while (placeholder.find()) {
			found.add(placeholder.group(1));
		}
		return found;
	}

	private static List<String> sources() throws IOException {
		List<String> texts = new ArrayList<>();
		for (Path root : CODE) {
			assertThat(root).exists();
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
					texts.add(Files.readString(file, StandardCharsets.UTF_8));
				}
			}
		}
		return texts;
	}
}
