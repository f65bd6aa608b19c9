package io.yardstick.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compact dictionary against a plain list and hash map of Strings. */
class DictionaryTest {

	@Test
	void codesFollowFirstAppearanceLikeAMapOfStrings() {
		Random random = new Random(7);
		Dictionary dictionary = new Dictionary();
		List<String> expectedValues = new ArrayList<>();
		Map<String, Integer> expectedCodes = new HashMap<>();
		String[] alphabet = { "a", "é", "区", "😀", "0", " ", "" };
		for (int i = 0; i < 200_000; i++) {
			StringBuilder value = new StringBuilder(i % 1000 == 0 ? "" : "C");
			int length = random.nextInt(i % 3 == 0 ? 3 : 12);
			for (int k = 0; k < length; k++) {
				value.append(alphabet[random.nextInt(alphabet.length)]);
			}
			if (i % 4 == 1) {
				value.append(random.nextInt(100_000));
			}
			String text = value.toString();
			Integer expected = expectedCodes.computeIfAbsent(text, t -> {
				expectedValues.add(t);
				return expectedValues.size() - 1;
			});
			assertThat(dictionary.intern(text)).isEqualTo(expected);
		}
		assertThat(dictionary.size()).isEqualTo(expectedValues.size()).isGreaterThan(1 << 16);
		assertThat(dictionary.values()).containsExactlyElementsOf(expectedValues);
		for (int code = 0; code < expectedValues.size(); code += 97) {
			assertThat(dictionary.value(code)).isEqualTo(expectedValues.get(code));
			assertThat(dictionary.code(expectedValues.get(code))).isEqualTo(code);
		}
		assertThat(dictionary.code("absent value")).isEqualTo(Dictionary.NO_MATCH);
		assertThat(dictionary.value(-1)).isNull();
	}

	@Test
	void aDictionaryMadeFromUtf8SpansHasTheSameCodes() {
		List<String> values = List.of("北京", "", "Shanghai", "C000001", "a much longer value than eight bytes");
		byte[] arena = new byte[256];
		long[] spans = new long[values.size()];
		int at = 3;
		for (int code = 0; code < values.size(); code++) {
			byte[] utf8 = values.get(code).getBytes(StandardCharsets.UTF_8);
			System.arraycopy(utf8, 0, arena, at, utf8.length);
			spans[code] = ((long) at << 32) | utf8.length;
			at += utf8.length + 5;
		}
		Dictionary dictionary = Dictionary.ofUtf8(arena, spans, values.size());
		assertThat(dictionary.values()).containsExactlyElementsOf(values);
		for (int code = 0; code < values.size(); code++) {
			assertThat(dictionary.code(values.get(code))).isEqualTo(code);
		}
		assertThat(dictionary.intern("new")).isEqualTo(values.size());
		assertThat(dictionary.intern("Shanghai")).isEqualTo(2);
		assertThat(dictionary.value(values.size())).isEqualTo("new");
	}

	@Test
	void aSmallDictionaryGivesTheSameStringEachTime() {
		Dictionary dictionary = Dictionary.of(List.of("east", "west"));
		assertThat(dictionary.value(1)).isSameAs(dictionary.value(1)).isEqualTo("west");
		dictionary.intern("north");
		assertThat(dictionary.value(2)).isEqualTo("north");
	}
}
