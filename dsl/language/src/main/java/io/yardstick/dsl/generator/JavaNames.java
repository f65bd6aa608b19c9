package io.yardstick.dsl.generator;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Allocates Java identifiers from template names: stable (the same template gives the same names), valid
 * (keywords and non-identifier characters are replaced), and unique within one scope (a clash gets a
 * numbered suffix, in order of allocation). docs/calculators.md lists the rules.
 */
final class JavaNames {
	/**
	 * Words that are identifiers in Java but cannot name what the generator names with them: {@code var},
	 * {@code record} and the others as type names, {@code yield} as a method called without qualifier.
	 */
	private static final Set<String> RESTRICTED = Set.of("var", "yield", "record", "sealed", "permits", "when",
			"module", "open", "exports", "requires", "opens", "uses", "provides", "to", "with", "transitive");
	/**
	 * The longest class name or package segment: each becomes a file or folder name, which file systems cap
	 * at 255 bytes. A longer one keeps its start and gets a hash of the whole, so it stays stable and distinct.
	 */
	static final int MAX_FILE_NAME_PART = 64;
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

	/** An UpperCamel type name, short enough for a file name. */
	static String type(String... parts) {
		return shortened(valid(camel(parts, true)));
	}

	/**
	 * A package name from a template's dotted package: each segment a valid identifier (a keyword or
	 * restricted word gets a trailing underscore: {@code class.public} becomes {@code class_.public_}),
	 * short enough for a folder name, and never inside {@code java} or {@code javax}, which only the
	 * Java platform may define classes in ({@code java.lang} becomes {@code java_.lang}).
	 */
	static String packageName(String dotted) {
		StringBuilder name = new StringBuilder();
		for (String segment : dotted.split("\\.")) {
			String cleaned = segment.replaceAll("[^A-Za-z0-9_]", "_");
			if (cleaned.isEmpty()) {
				continue;
			}
			String valid = shortened(valid(cleaned));
			if (name.length() == 0 && (valid.equals("java") || valid.equals("javax"))) {
				valid = valid + "_";
			}
			name.append(name.length() == 0 ? "" : ".").append(valid);
		}
		return name.toString();
	}

	/** A file name from template names: unchanged up to 200 characters, else its start and a hash of the whole. */
	static String fileName(String name) {
		return shortened(name, 200);
	}

	/** Marks a character the Java source must spell as a unicode escape: private-use brackets around its code. */
	private static final char ESCAPE_OPEN = '\uE000';
	private static final char ESCAPE_CLOSE = '\uE001';
	private static final java.util.regex.Pattern MARKED = java.util.regex.Pattern
			.compile(ESCAPE_OPEN + "([0-9a-f]{4})" + ESCAPE_CLOSE);

	/**
	 * Template text for a string literal ({@code $S}). JavaPoet breaks its output into lines at U+2028 and
	 * U+2029 too, which would cut the literal; they are marked here and spelled {@code \u2028} by
	 * {@link #restoreText}, an escape javac reads back as the same character (it ends no line in Java).
	 */
	static String text(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder marked = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u2028' || c == '\u2029' || c == ESCAPE_OPEN) {
				marked.append(ESCAPE_OPEN).append(String.format(Locale.ROOT, "%04x", (int) c)).append(ESCAPE_CLOSE);
			} else {
				marked.append(c);
			}
		}
		return marked.toString();
	}

	/** The generated source with every character {@link #text} marked spelled as its unicode escape. */
	static String restoreText(String source) {
		return MARKED.matcher(source).replaceAll("\\\\u$1");
	}

	private static String shortened(String name) {
		return shortened(name, MAX_FILE_NAME_PART);
	}

	private static String shortened(String name, int max) {
		if (name.length() <= max) {
			return name;
		}
		String hash = String.format(Locale.ROOT, "%08x", name.hashCode());
		return name.substring(0, max - hash.length() - 1) + "_" + hash;
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
		return SourceVersion.isKeyword(name) || !SourceVersion.isName(name) || RESTRICTED.contains(name) ? name + "_"
				: name;
	}
}
