package io.yardstick.dsl.ide;

import static io.yardstick.dsl.ide.LanguageServerSession.await;
import static io.yardstick.dsl.ide.LanguageServerSession.positionOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that does not parse gets a syntax error, and every request on it still gets an answer. */
class BrokenInputTest {
	private static final String HALF_TYPED = """
			package fixture.broken

			template Broken "半成品" {
				source Ticket {
					key id: text
					createdAt: timestamp time
					csat: score(1..5)?
				}
				layer strategic {
					metric satisfaction "满意度" : score(1..5) higher-is-better {
						= avg(Ticket.
					}
				metric 42 : {
			""";

	@Test
	void everyRequestOnAFileWithASyntaxErrorIsAnswered(@TempDir Path workspace) throws Exception {
		try (LanguageServerSession session = LanguageServerSession.start(workspace, Map.of("broken.kpi", HALF_TYPED))) {
			TextDocumentIdentifier file = session.open("broken.kpi");
			TextDocumentService documents = session.server().getTextDocumentService();

			assertThat(session.diagnostics("broken.kpi")).extracting(diagnostic -> diagnostic.getCode().getLeft())
					.contains("syntax-error");
			assertThat(await(documents.documentSymbol(new DocumentSymbolParams(file))))
					.extracting(symbol -> symbol.getRight().getName()).containsExactly("Broken");
			assertThat(await(documents.hover(new HoverParams(file, positionOf(HALF_TYPED, "satisfaction", 3))))
					.getContents().getRight().getValue()).startsWith("**metric `satisfaction`** · layer `strategic` (level 3)");
			assertThat(await(documents.completion(new CompletionParams(file, positionOf(HALF_TYPED, "Ticket.\n", 7))))
					.getRight().getItems()).extracting(item -> item.getLabel()).contains("csat");
			assertThat(await(documents.semanticTokensFull(new SemanticTokensParams(file))).getData()).isNotEmpty();
			assertThat(await(documents.foldingRange(new FoldingRangeRequestParams(file)))).isNotNull();
			assertThat(await(documents.formatting(new DocumentFormattingParams(file, new FormattingOptions(4, false)))))
					.isNotNull();
		}
	}
}
