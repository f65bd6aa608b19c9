package io.yardstick.cli;

import io.yardstick.dsl.workspace.Finding;
import io.yardstick.runtime.text.Texts;

/**
 * The command line's words in English or Chinese ({@code messages_en.properties}, {@code messages_zh.properties}
 * beside this class). Option names, file names, codes and commands stay as typed, so that they can be copied.
 */
public final class CliTexts {
	static final String BASE = "io/yardstick/cli/messages";
	/** The --help texts that are not English: {@code help_zh.properties}, a picocli resource bundle. */
	static final String HELP = "io/yardstick/cli/help";

	private CliTexts() {
	}

	public static Texts of(String language) {
		return Texts.of(BASE, language);
	}

	/** The --help texts of a language other than English, read as UTF-8. */
	static java.util.ResourceBundle help(String language) {
		String resource = HELP + "_" + language + ".properties";
		try (java.io.InputStream in = CliTexts.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing from the class path: " + resource);
			}
			return new java.util.PropertyResourceBundle(new java.io.InputStreamReader(in,
					java.nio.charset.StandardCharsets.UTF_8));
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/**
	 * The language a command line asks for with {@code --language X} or {@code --language=X}, null when none:
	 * for messages printed before picocli has parsed it, such as a usage error.
	 */
	static String requested(String[] args) {
		String language = null;
		for (int i = 0; args != null && i < args.length; i++) {
			if (args[i].equals("--language") && i + 1 < args.length) {
				language = args[i + 1];
			} else if (args[i].startsWith("--language=")) {
				language = args[i].substring("--language=".length());
			}
		}
		return language;
	}

	/** What was asked for and is not there (no such path, no or several templates), in the language of the texts. */
	public static String selection(io.yardstick.dsl.pipeline.Pipeline.BadSelection problem, Texts texts) {
		String key = problem.key() == null ? null : "selection." + problem.key();
		return key != null && texts.has(key) ? texts.get(key, problem.arguments()) : problem.getMessage();
	}

	/** A finding as {@link Finding#toText()} writes it, with the severity word in the language of the texts. */
	public static String finding(Finding finding, Texts texts) {
		return finding.file() + ":" + finding.line() + ":" + finding.column() + ": "
				+ texts.get("severity." + finding.severity().word()) + " " + finding.code() + ": " + finding.message();
	}

	/** {@link io.yardstick.runtime.time.Grain#parse}, its refusal in the language of the texts. */
	public static io.yardstick.runtime.time.Grain grain(String text, Texts texts) {
		try {
			return io.yardstick.runtime.time.Grain.parse(text);
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(texts.get("usage.grain", text), e);
		}
	}

	/** {@link io.yardstick.runtime.calc.Grouping#parseList}, its refusal in the language of the texts. */
	public static java.util.List<io.yardstick.runtime.calc.Grouping> groupings(String text, Texts texts) {
		try {
			return io.yardstick.runtime.calc.Grouping.parseList(text);
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(texts.get("usage.emptyBreakdown", text), e);
		}
	}
}
