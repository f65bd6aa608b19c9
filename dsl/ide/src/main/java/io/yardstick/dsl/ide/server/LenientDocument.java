package io.yardstick.dsl.ide.server;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;

/**
 * An open document that takes any position. A client asks about positions of the text it shows, which may
 * already be gone from the server's newer version (a request sent just before an edit arrived), or never
 * existed (a line past the end). Xtext's document throws for those, with the whole text in the message; this
 * one moves a position to the nearest place in the text: a line past the end to the end of the text, a
 * character past the end of its line to the end of that line, negative values to zero. Changes with such
 * ranges are applied the same way, so the text never falls out of step with the client's by an exception.
 */
public final class LenientDocument extends Document {

	public LenientDocument(Integer version, String contents) {
		super(version, contents == null ? "" : contents, false);
	}

	@Override
	public int getOffSet(Position position) {
		String text = getContents();
		if (position == null) {
			return 0;
		}
		int lineStart = 0;
		for (int line = 0; line < position.getLine(); line++) {
			int next = text.indexOf('\n', lineStart);
			if (next < 0) {
				return text.length();
			}
			lineStart = next + 1;
		}
		int lineEnd = text.indexOf('\n', lineStart);
		if (lineEnd < 0) {
			lineEnd = text.length();
		}
		return lineStart + Math.min(Math.max(0, position.getCharacter()), lineEnd - lineStart);
	}

	@Override
	public ITextRegion getTextRegion(Range range) {
		int start = getOffSet(range.getStart());
		int end = Math.max(start, getOffSet(range.getEnd()));
		return new TextRegion(start, end - start);
	}

	@Override
	public Position getPosition(int offset) {
		String text = getContents();
		int clamped = Math.min(Math.max(0, offset), text.length());
		int line = 0;
		int lineStart = 0;
		for (int i = text.indexOf('\n'); i >= 0 && i < clamped; i = text.indexOf('\n', i + 1)) {
			line++;
			lineStart = i + 1;
		}
		return new Position(line, clamped - lineStart);
	}

	@Override
	public String getLineContent(int lineNumber) {
		String text = getContents();
		int start = getOffSet(new Position(lineNumber, 0));
		if (lineNumber < 0) {
			return "";
		}
		int end = text.indexOf('\n', start);
		String line = text.substring(start, end < 0 ? text.length() : end);
		return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
	}

	@Override
	protected String getSourceOnError() {
		return "";
	}

	/** This text with the client's changes applied in order, as the client's {@code version}. */
	public LenientDocument withChanges(Integer version, Iterable<? extends TextDocumentContentChangeEvent> changes) {
		String text = getContents();
		for (TextDocumentContentChangeEvent change : changes) {
			String inserted = change.getText() == null ? "" : change.getText();
			if (change.getRange() == null) {
				text = inserted;
			} else {
				ITextRegion region = new LenientDocument(null, text).getTextRegion(change.getRange());
				text = text.substring(0, region.getOffset()) + inserted + text.substring(region.getOffset() + region.getLength());
			}
		}
		Integer newVersion = version != null ? version : getVersion() == null ? null : getVersion() + 1;
		return new LenientDocument(newVersion, text);
	}

	@Override
	public Document applyTextDocumentChanges(Iterable<? extends TextDocumentContentChangeEvent> changes) {
		return withChanges(null, changes);
	}
}
