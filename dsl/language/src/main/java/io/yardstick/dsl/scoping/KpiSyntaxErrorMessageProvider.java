package io.yardstick.dsl.scoping;

import io.yardstick.dsl.validation.IssueCodes;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

/**
 * Parser messages in plain words ("unexpected `}`; expected ...") with Yardstick's syntax-error
 * code, instead of ANTLR's "mismatched input" vocabulary.
 */
public class KpiSyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {
	/** ANTLR's messages and the key of the findings' message that says each in plain words. */
	private static final java.util.List<java.util.Map.Entry<java.util.regex.Pattern, String>> PATTERNS = java.util.List.of(
			java.util.Map.entry(java.util.regex.Pattern.compile("^mismatched input '(.*)' expecting (.*)$"),
					"syntax-error.unexpected"),
			java.util.Map.entry(java.util.regex.Pattern.compile("^extraneous input '(.*)' expecting (.*)$"),
					"syntax-error.unexpected"),
			java.util.Map.entry(java.util.regex.Pattern.compile("^missing (.*) at '(.*)'$"), "syntax-error.missing"),
			java.util.Map.entry(java.util.regex.Pattern.compile("^no viable alternative at input '(.*)'$"),
					"syntax-error.cannotRead"),
			java.util.Map.entry(java.util.regex.Pattern.compile("^mismatched character '(.*)' expecting (.*)$"),
					"syntax-error.character"),
			java.util.Map.entry(java.util.regex.Pattern.compile(
					"^required \\(\\.\\.\\.\\)\\+ loop did not match anything at input '(.*)'$"), "syntax-error.more"));

	@com.google.inject.Inject
	private io.yardstick.dsl.validation.ValidationSettings settings;

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		return new SyntaxErrorMessage(plain(context.getDefaultMessage(), language()), IssueCodes.SYNTAX_ERROR);
	}

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IValueConverterErrorContext context) {
		return new SyntaxErrorMessage(plain(context.getDefaultMessage(), language()), IssueCodes.SYNTAX_ERROR);
	}

	private String language() {
		return settings == null ? "en" : settings.language();
	}

	static String plain(String message) {
		return plain(message, "en");
	}

	static String plain(String message, String language) {
		io.yardstick.runtime.text.Texts texts = io.yardstick.dsl.validation.FindingTexts.of(language);
		if (message == null) {
			return texts.get("syntax-error.unreadable");
		}
		String text = message;
		for (java.util.Map.Entry<java.util.regex.Pattern, String> pattern : PATTERNS) {
			java.util.regex.Matcher matcher = pattern.getKey().matcher(message);
			if (matcher.matches()) {
				Object[] groups = new Object[matcher.groupCount()];
				for (int i = 0; i < groups.length; i++) {
					groups[i] = matcher.group(i + 1);
				}
				text = texts.get(pattern.getValue(), groups);
				break;
			}
		}
		String end = texts.get("syntax-error.end");
		return text.replace("`<EOF>`", end).replace("`EOF`", end).replace("<EOF>", end).replace("RULE_", "");
	}
}
