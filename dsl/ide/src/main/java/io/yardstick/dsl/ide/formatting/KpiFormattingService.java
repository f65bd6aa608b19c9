package io.yardstick.dsl.ide.formatting;

import com.google.inject.Inject;
import java.util.List;
import org.apache.log4j.Logger;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledManager;

/**
 * Formatting that never breaks a text it does not understand. On a text without syntax errors the edits are
 * the formatter's ({@code yardstick format}'s). On a text with syntax errors, only edits that change
 * whitespace are kept, and none that would join two words; when the formatter cannot lay out the broken text
 * at all (Xtext's formatter stops with "No ITextReplacer configured" where the parser skipped tokens), there
 * are no edits: the text stays as the user wrote it, and the syntax error says why.
 */
public class KpiFormattingService extends FormattingService {
	private static final Logger LOG = Logger.getLogger(KpiFormattingService.class);

	@Inject
	private OperationCanceledManager operationCanceledManager;

	@Override
	public List<TextEdit> format(XtextResource resource, Document document, int offset, int length, FormattingOptions options) {
		boolean broken = resource.getParseResult() == null || resource.getParseResult().hasSyntaxErrors();
		List<TextEdit> edits;
		try {
			edits = super.format(resource, document, offset, length, options);
		} catch (RuntimeException | StackOverflowError failure) {
			if (operationCanceledManager.isOperationCanceledException(failure)) {
				throw failure;
			}
			if (!broken) {
				LOG.error("formatting a text without syntax errors failed", failure);
			}
			return List.of();
		}
		if (!broken) {
			return edits;
		}
		String text = document.getContents();
		return edits.stream().filter(edit -> changesOnlyWhitespace(text, document, edit)).toList();
	}

	private static boolean changesOnlyWhitespace(String text, Document document, TextEdit edit) {
		int start = document.getOffSet(edit.getRange().getStart());
		int end = document.getOffSet(edit.getRange().getEnd());
		if (!text.substring(start, end).isBlank() || !edit.getNewText().isBlank()) {
			return false;
		}
		boolean joinsWords = edit.getNewText().isEmpty() && start > 0 && end < text.length() && end > start
				&& isWordPart(text.charAt(start - 1)) && isWordPart(text.charAt(end));
		return !joinsWords;
	}

	private static boolean isWordPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '"' || c == '-';
	}
}
