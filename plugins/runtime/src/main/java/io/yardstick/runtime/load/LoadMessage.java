package io.yardstick.runtime.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A data error kept as the key of its text in {@code load_*.properties} and its arguments, told in a language
 * only when it is printed: for problems found where the run's language is not at hand, such as a SQL engine's
 * checks of the tables it reads. An argument that is itself a message, or a list of them, is told in the same
 * language (a list joined with commas).
 */
public record LoadMessage(String key, List<Object> arguments) {

	public LoadMessage {
		arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
	}

	public static LoadMessage of(String key, Object... arguments) {
		return new LoadMessage(key, List.of(arguments));
	}

	/** The text in {@code en} or {@code zh}. */
	public String in(String language) {
		return LoadTexts.of(language).get(key, arguments.stream().map(argument -> told(argument, language)).toArray());
	}

	private static Object told(Object argument, String language) {
		if (argument instanceof LoadMessage message) {
			return message.in(language);
		}
		if (argument instanceof List<?> list) {
			return list.stream().map(each -> String.valueOf(told(each, language))).collect(Collectors.joining(", "));
		}
		return argument;
	}

	/** The text in English. */
	@Override
	public String toString() {
		return in("en");
	}
}
