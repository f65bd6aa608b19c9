package io.yardstick.dsl.generator;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Allocates Java identifiers from template names: stable (the same template gives the same names), valid
 * (keywords and non-identifier characters are replaced), and unique within one scope (a clash gets a
 * numbered suffix, in order of allocation).
 */
final class JavaNames {
	private final Set<String> taken = new HashSet<>();

	JavaNames(String... reserved) {
		taken.addAll(Set.of(reserved));
	}

	/** A lowerCamel name: {@code firstResponseTime}, {@code ticketCsat}. */
	String member(String... parts) {
		return unique(valid(camel(parts, false)));
	}

	/** An UPPER_SNAKE constant name: {@code FIRST_RESPONSE_TIME}. */
	String constant(String name) {
		String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9_]", "_")
				.toUpperCase(Locale.ROOT);
		return unique(valid(snake));
	}

	/** An UpperCamel type name. */
	static String type(String... parts) {
		return valid(camel(parts, true));
	}

	private String unique(String name) {
		String candidate = name;
		for (int suffix = 2; !taken.add(candidate); suffix++) {
			candidate = name + suffix;
		}
		return candidate;
	}

	private static String camel(String[] parts, boolean upperFirst) {
		StringBuilder name = new StringBuilder();
		for (String part : parts) {
			StringBuilder cleaned = new StringBuilder();
			boolean upperNext = false;
			for (int i = 0; i < part.length(); i++) {
				char c = part.charAt(i);
				if (Character.isLetterOrDigit(c) && c < 128 || c == '_' && cleaned.length() > 0) {
					cleaned.append(upperNext ? Character.toUpperCase(c) : c);
					upperNext = false;
				} else {
					upperNext = cleaned.length() > 0;
				}
			}
			if (cleaned.length() == 0) {
				continue;
			}
			boolean first = name.length() == 0;
			char head = cleaned.charAt(0);
			cleaned.setCharAt(0, first && !upperFirst ? Character.toLowerCase(head) : Character.toUpperCase(head));
			name.append(cleaned);
		}
		return name.toString();
	}

	private static String valid(String name) {
		if (name.isEmpty()) {
			return "unnamed";
		}
		if (!Character.isJavaIdentifierStart(name.charAt(0))) {
			name = "_" + name;
		}
		return SourceVersion.isKeyword(name) || SourceVersion.isName(name) == false ? name + "_" : name;
	}
}
