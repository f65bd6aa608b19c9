package io.yardstick.cli;

import io.yardstick.dsl.workspace.Finding;
import io.yardstick.runtime.text.Texts;

/**
 * The command line's words in English or Chinese ({@code messages_en.properties}, {@code messages_zh.properties}
 * beside this class). Option names, file names, codes and commands stay as typed, so that they can be copied.
 */
public final class CliTexts {
	static final String BASE = "io/yardstick/cli/messages";

	private CliTexts() {
	}

	public static Texts of(String language) {
		return Texts.of(BASE, language);
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

	/** A finding as {@link Finding#toText()} writes it, with the severity word in the language of the texts. */
	public static String finding(Finding finding, Texts texts) {
		return finding.file() + ":" + finding.line() + ":" + finding.column() + ": "
				+ texts.get("severity." + finding.severity().word()) + " " + finding.code() + ": " + finding.message();
	}

}
