package io.yardstick.dsl.scoping;

import io.yardstick.dsl.validation.IssueCodes;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

/**
 * Parser messages in plain words ("unexpected `}`; expected ...") with Yardstick's syntax-error
 * code, instead of ANTLR's "mismatched input" vocabulary.
 */
public class KpiSyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		return new SyntaxErrorMessage(plain(context.getDefaultMessage()), IssueCodes.SYNTAX_ERROR);
	}

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IValueConverterErrorContext context) {
		return new SyntaxErrorMessage(plain(context.getDefaultMessage()), IssueCodes.SYNTAX_ERROR);
	}

	static String plain(String message) {
		if (message == null) {
			return "cannot read the text here";
		}
		String text = message
				.replaceAll("^mismatched input '(.*)' expecting (.*)$", "unexpected `$1`; expected $2")
				.replaceAll("^extraneous input '(.*)' expecting (.*)$", "unexpected `$1`; expected $2")
				.replaceAll("^missing (.*) at '(.*)'$", "missing $1 before `$2`")
				.replaceAll("^no viable alternative at input '(.*)'$", "cannot read `$1` here")
				.replaceAll("^mismatched character '(.*)' expecting (.*)$", "unexpected character `$1`; expected $2")
				.replaceAll("^required \\(\\.\\.\\.\\)\\+ loop did not match anything at input '(.*)'$",
						"expected at least one more element before `$1`");
		return text.replace("`<EOF>`", "the end of the file").replace("`EOF`", "the end of the file")
				.replace("<EOF>", "the end of the file").replace("RULE_", "");
	}
}
