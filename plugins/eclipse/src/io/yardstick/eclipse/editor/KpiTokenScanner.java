package io.yardstick.eclipse.editor;

import io.yardstick.dsl.parser.antlr.internal.InternalKpiLexer;
import io.yardstick.dsl.parser.antlr.internal.InternalKpiParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.eclipse.jface.resource.ColorRegistry;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

/**
 * Colours a .kpi document with the language's own lexer, so that colouring agrees with the parser on
 * what is a keyword, a string, a number or a comment. The whole text is lexed (templates are a few
 * hundred lines) because a comment or string opened far above decides what the damaged lines are.
 */
final class KpiTokenScanner implements ITokenScanner {
	enum Style {
		KEYWORD(new RGB(127, 0, 85), SWT.BOLD),
		STRING(new RGB(42, 0, 255), SWT.NORMAL),
		NUMBER(new RGB(18, 110, 130), SWT.NORMAL),
		COMMENT(new RGB(63, 127, 95), SWT.ITALIC),
		DEFAULT(null, SWT.NORMAL);

		final RGB rgb;
		final int fontStyle;

		Style(RGB rgb, int fontStyle) {
			this.rgb = rgb;
			this.fontStyle = fontStyle;
		}
	}

	/** One lexed token: where it is and how it looks. */
	record Span(int offset, int length, Style style) {
	}

	private final IToken[] tokens = new IToken[Style.values().length];
	private List<Span> spans = List.of();
	private int index;
	private int rangeEnd;
	private Span current;

	KpiTokenScanner() {
		ColorRegistry colors = JFaceResources.getColorRegistry();
		for (Style style : Style.values()) {
			Color color = null;
			if (style.rgb != null) {
				String key = "io.yardstick.eclipse.syntax." + style.name();
				if (!colors.hasValueFor(key)) {
					colors.put(key, style.rgb);
				}
				color = colors.get(key);
			}
			tokens[style.ordinal()] = new Token(new TextAttribute(color, null, style.fontStyle));
		}
	}

	/** The spans of a text: every character is in exactly one span. */
	static List<Span> lex(String text) {
		List<Span> result = new ArrayList<>();
		InternalKpiLexer lexer = new InternalKpiLexer(new ANTLRStringStream(text));
		int covered = 0;
		while (true) {
			CommonToken token = (CommonToken) lexer.nextToken();
			if (token.getType() == org.antlr.runtime.Token.EOF) {
				break;
			}
			int start = token.getStartIndex();
			int stop = token.getStopIndex() + 1;
			if (start < covered || stop <= start) {
				continue;
			}
			if (start > covered) {
				// Characters the lexer skipped after an error (an unclosed string): plain text.
				result.add(new Span(covered, start - covered, Style.DEFAULT));
			}
			result.add(new Span(start, stop - start, styleOf(token.getType(), token.getText())));
			covered = stop;
		}
		if (covered < text.length()) {
			result.add(new Span(covered, text.length() - covered, Style.DEFAULT));
		}
		return result;
	}

	private static Style styleOf(int type, String text) {
		if (type < 0 || type >= InternalKpiParser.tokenNames.length) {
			return Style.DEFAULT;
		}
		String name = InternalKpiParser.tokenNames[type];
		if (name.startsWith("'")) {
			// Keywords are written quoted in the token table; only word keywords are coloured, not { } = %.
			return Character.isLetter(text.isEmpty() ? ' ' : text.charAt(0)) ? Style.KEYWORD : Style.DEFAULT;
		}
		return switch (name) {
			case "RULE_STRING" -> Style.STRING;
			case "RULE_DIGITS" -> Style.NUMBER;
			case "RULE_ML_COMMENT", "RULE_SL_COMMENT" -> Style.COMMENT;
			default -> Style.DEFAULT;
		};
	}

	@Override
	public void setRange(IDocument document, int offset, int length) {
		spans = lex(document.get());
		rangeEnd = offset + length;
		index = 0;
		while (index < spans.size() && spans.get(index).offset() + spans.get(index).length() <= offset) {
			index++;
		}
		// The first span may start before the range; the presentation must not reach outside it.
		if (index < spans.size() && spans.get(index).offset() < offset) {
			Span first = spans.get(index);
			spans = new ArrayList<>(spans);
			spans.set(index, new Span(offset, first.offset() + first.length() - offset, first.style()));
		}
	}

	@Override
	public IToken nextToken() {
		if (index >= spans.size() || spans.get(index).offset() >= rangeEnd) {
			current = null;
			return Token.EOF;
		}
		Span span = spans.get(index++);
		int end = Math.min(span.offset() + span.length(), rangeEnd);
		current = new Span(span.offset(), end - span.offset(), span.style());
		return tokens[span.style().ordinal()];
	}

	@Override
	public int getTokenOffset() {
		return current.offset();
	}

	@Override
	public int getTokenLength() {
		return current.length();
	}
}
