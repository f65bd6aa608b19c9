package io.yardstick.dsl.ide.server;

import io.yardstick.dsl.validation.IssueCodes;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

/**
 * The diagnostic for a text the server could not analyse at all: its build failed. The editor must not keep
 * showing the problems of an older version as if they were this one's, so the server publishes this instead,
 * positioned where the cause most likely is. The message names the failure's kind only: never the text, never
 * a stack trace (those go to the server's log).
 */
final class UnanalysableText {
	/** Brackets nested deeper than this are named as the likely cause of a failed analysis. */
	static final int DEEP_NESTING = io.yardstick.dsl.model.Limits.MAX_NESTING;

	private UnanalysableText() {
	}

	static Issue issue(URI file, String text, Throwable failure) {
		Deepest deepest = deepestBracket(text);
		Issue.IssueImpl issue = new Issue.IssueImpl();
		issue.setUriToProblem(file);
		issue.setSeverity(Severity.ERROR);
		if (failure instanceof StackOverflowError || deepest.depth() > DEEP_NESTING) {
			issue.setCode(IssueCodes.TOO_DEEP);
			issue.setMessage("this text nests " + deepest.depth() + " brackets deep here, too deep to analyse; "
					+ "split the formula into metrics of their own");
			setPosition(issue, text, deepest.offset(), 1);
		} else {
			issue.setCode(IssueCodes.INTERNAL_ERROR);
			issue.setMessage("the language server could not analyse this text (" + failure.getClass().getSimpleName()
					+ "); this is a bug in Yardstick: please report it with the server's log");
			setPosition(issue, text, 0, 0);
		}
		return issue;
	}

	private static void setPosition(Issue.IssueImpl issue, String text, int offset, int length) {
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < offset && i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		int end = Math.min(text.length(), offset + length);
		issue.setOffset(offset);
		issue.setLength(end - offset);
		issue.setLineNumber(line);
		issue.setColumn(offset - lineStart + 1);
		issue.setLineNumberEnd(line);
		issue.setColumnEnd(end - lineStart + 1);
	}

	record Deepest(int depth, int offset) {
	}

	/** The first opening bracket at the greatest depth, outside strings and comments. */
	static Deepest deepestBracket(String text) {
		int depth = 0;
		int max = 0;
		int at = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				int close = i + 1;
				while (close < text.length() && text.charAt(close) != '"' && text.charAt(close) != '\n') {
					close += text.charAt(close) == '\\' ? 2 : 1;
				}
				i = close;
			} else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
				int newline = text.indexOf('\n', i);
				i = newline < 0 ? text.length() : newline;
			} else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
				int close = text.indexOf("*/", i + 2);
				i = close < 0 ? text.length() : close + 1;
			} else if (c == '(' || c == '[' || c == '{') {
				depth++;
				if (depth > max) {
					max = depth;
					at = i;
				}
			} else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
				depth--;
			}
		}
		return new Deepest(max, at);
	}
}
