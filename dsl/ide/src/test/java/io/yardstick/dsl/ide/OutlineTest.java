package io.yardstick.dsl.ide;

import static io.yardstick.dsl.ide.LanguageServerSession.await;
import static io.yardstick.dsl.ide.LanguageServerSession.rangeOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The structure of a file as the editor shows it: document symbols (the outline) and folding ranges. */
class OutlineTest {
	@TempDir
	static Path workspace;
	private static LanguageServerSession session;
	private static TextDocumentIdentifier file;
	private static String text;

	@BeforeAll
	static void start() throws Exception {
		session = LanguageServerSession.start(workspace, Map.of("service.kpi", LanguageServerSession.resource("service.kpi")));
		file = session.open("service.kpi");
		text = session.text("service.kpi");
	}

	@AfterAll
	static void stop() throws Exception {
		session.close();
	}

	@Test
	void documentSymbolsNestTheTemplatesMembersWithTheirKinds() {
		List<Either<org.eclipse.lsp4j.SymbolInformation, DocumentSymbol>> symbols = await(
				session.server().getTextDocumentService().documentSymbol(new DocumentSymbolParams(file)));

		assertThat(symbols).allMatch(Either::isRight);
		StringBuilder outline = new StringBuilder();
		symbols.forEach(symbol -> render(symbol.getRight(), "", outline));
		assertThat(outline.toString()).isEqualTo("""
				Class Service: template
				  Struct Ticket: source · 5 fields
				    Field id: field of Ticket · text
				    Field region: field of Ticket · text
				    Field createdAt: field of Ticket · timestamp
				    Field resolvedAt: field of Ticket · timestamp
				    Field csat: field of Ticket · score(1..5)
				  Enum area: dimension · Ticket.region
				  Namespace strategic: layer · level 3 · 1 metric
				    Variable satisfaction: metric · score(1..5) · layer strategic
				  Namespace execution: layer · level 1 · 2 metrics
				    Variable resolutionTime: metric · duration(h) · layer execution
				    Variable previousSatisfaction: metric · score(1..5) · layer execution
				  Operator resolutionTime -> satisfaction: negative · lag 1 week · validated
				  Operator satisfaction -> resolutionTime: negative · feedback
				  Operator previousSatisfaction -> satisfaction: positive
				  Event care: loop · 3 steps
				  Module overview: report
				    Package main: page
				      Object satisfaction: tile
				      Object resolutionTime: tile
				""");
		DocumentSymbol template = symbols.get(0).getRight();
		assertThat(template.getRange()).isEqualTo(new Range(new Position(3, 0), new Position(51, 1)));
		assertThat(template.getSelectionRange()).isEqualTo(rangeOf(text, "template Service", "Service"));
		DocumentSymbol satisfaction = template.getChildren().get(2).getChildren().get(0);
		assertThat(satisfaction.getSelectionRange()).isEqualTo(rangeOf(text, "metric satisfaction", "satisfaction"));
	}

	@Test
	void foldingRangesCoverTheBlocksInBraces() {
		List<FoldingRange> ranges = await(session.server().getTextDocumentService().foldingRange(new FoldingRangeRequestParams(file)));

		// 0-based lines: template, source, the two layers and their three metrics, report, page. The
		// dimension and the links are one line each; nothing inside a metric folds on its own.
		assertThat(ranges).extracting(range -> range.getStartLine() + "-" + range.getEndLine()).containsExactly(
				"3-51", "6-12", "16-25", "17-24", "27-37", "28-32", "34-36", "45-50", "46-49");
	}

	private static void render(DocumentSymbol symbol, String indent, StringBuilder outline) {
		outline.append(indent).append(symbol.getKind()).append(' ').append(symbol.getName()).append(": ")
				.append(symbol.getDetail()).append('\n');
		symbol.getChildren().forEach(child -> render(child, indent + "  ", outline));
	}
}
