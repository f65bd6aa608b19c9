package io.yardstick.dsl.ide;

import static io.yardstick.dsl.ide.LanguageServerSession.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The internal errors the language server gave on the after-sales template (issue 19: 54 of 726 requests over
 * 300 random edits), each as a named case, and each crash {@link LanguageServerFuzzTest} found since. One server
 * for the class, one document per case.
 */
class LanguageServerRegressionTest {
	private static final Path TEMPLATES = Path.of("..", "..", "example-templates", "after-sales-standard");

	@TempDir
	static Path workspace;

	private static LanguageServerSession session;
	private static String afterSales;

	@BeforeAll
	static void startServer() throws Exception {
		afterSales = Files.readString(TEMPLATES.resolve("after-sales.kpi"), StandardCharsets.UTF_8);
		session = LanguageServerSession.start(workspace,
				Map.of("customers.kpi", Files.readString(TEMPLATES.resolve("customers.kpi"), StandardCharsets.UTF_8)));
	}

	@AfterAll
	static void stopServer() throws Exception {
		session.close();
	}

	private static TextDocumentService documents() {
		return session.server().getTextDocumentService();
	}

	/**
	 * Opens a document of its own with {@code text}, in a package of its own so that the cases' copies of the
	 * template do not clash, and waits for its first diagnostics.
	 */
	private static TextDocumentIdentifier open(String name, String text) {
		String own = text.replace("package aftersales.standard", "package aftersales." + name.replaceAll("\\W", ""));
		TextDocumentIdentifier file = session.edit(name + ".kpi", own);
		session.diagnostics(name + ".kpi");
		return file;
	}

	/** The after-sales template cut off in the middle of a metric, as while typing. */
	private static String cutOff() {
		int at = afterSales.indexOf("metric nps");
		return afterSales.substring(0, at) + "metric nps \"净推荐值\" : score(-100..100) higher-is-better {\n\t\t\t= 100 * (share(";
	}

	@Test
	void formattingTextWithSyntaxErrorsChangesOnlyWhitespace() {
		String broken = cutOff().replace("\tcore-limit 5\n", "core-limit   5\n\n\n\n");
		TextDocumentIdentifier file = open("formatbroken", broken);

		List<? extends TextEdit> edits = await(documents().formatting(new DocumentFormattingParams(file, new FormattingOptions(4, false))));
		String formatted = LanguageServerSession.apply(broken, edits);

		assertThat(formatted.replaceAll("\\s", "")).isEqualTo(broken.replaceAll("\\s", ""));
	}

	@Test
	void rangeFormattingTextWithSyntaxErrorsIsAnswered() {
		String broken = afterSales.replace("layer management", "layer management {{ ").replace("target <= 5%", "target <= (");
		TextDocumentIdentifier file = open("rangeformatbroken", broken);
		Range everything = new Range(new Position(0, 0), LanguageServerSession.positionAt(broken, broken.length()));

		List<? extends TextEdit> edits = await(documents().rangeFormatting(
				new DocumentRangeFormattingParams(file, new FormattingOptions(4, true), everything)));

		assertThat(LanguageServerSession.apply(broken, edits).replaceAll("\\s", "")).isEqualTo(broken.replaceAll("\\s", ""));
	}

	/**
	 * The long fuzz campaign (5,000 edits, seed 20261206) found rename failing inside Xtext's serializer on broken
	 * text, with the formatter's "No ITextReplacer configured for (null)" and an IllegalStateException of its
	 * reference updater: answered with an empty edit now, never an error.
	 */
	@Test
	void renameInATextWithSyntaxErrorsIsAnswered() {
		String broken = cutOff().replace("core-limit 5", "core-limit 5 /* unclosed").replace("link ", "link (");
		TextDocumentIdentifier file = open("renamebroken", broken);

		for (String name : List.of("churnRate", "Ticket", "region")) {
			Position at = LanguageServerSession.positionOf(broken, name, 1);
			assertThat(await(documents().rename(new RenameParams(file, at, name + "2")))).isNotNull();
		}
	}

	@Test
	void positionsPastTheEndOfAChangedDocumentAreAnswered() {
		TextDocumentIdentifier file = open("stale", afterSales);
		// The client still shows the whole template; the server already has the first ten lines only.
		Position lastLineBefore = LanguageServerSession.positionAt(afterSales, afterSales.lastIndexOf("link"));
		int version = session.change(file.getUri(), List.of(new TextDocumentContentChangeEvent(afterSales.substring(0, afterSales.indexOf("source Ticket")))));
		session.diagnostics(file.getUri(), version);
		Position pastTheLineEnd = new Position(3, 500);

		for (Position stale : List.of(lastLineBefore, pastTheLineEnd, new Position(100_000, 0))) {
			Hover hover = await(documents().hover(new HoverParams(file, stale)));
			assertThat(hover == null || hover.getContents().getRight().getValue().isEmpty()).as("no hover").isTrue();
			assertThat(await(documents().completion(new CompletionParams(file, stale)))).isNotNull();
			assertThat(await(documents().definition(new DefinitionParams(file, stale))).getLeft()).isEmpty();
			assertThat(await(documents().references(new ReferenceParams(file, stale, new ReferenceContext(true))))).isEmpty();
		}
	}

	@Test
	void aChangeWhoseRangeIsPastTheEndIsAppliedAtTheEnd() {
		TextDocumentIdentifier file = open("changepastend", afterSales);
		Range pastTheEnd = new Range(new Position(5_000, 3), new Position(5_000, 9));

		int version = session.change(file.getUri(), List.of(new TextDocumentContentChangeEvent(pastTheEnd, "\n// appended\n")));

		PublishDiagnosticsParams published = session.diagnostics(file.getUri(), version);
		assertThat(published.getVersion()).isEqualTo(version);
		// Still the template plus a comment: the same findings as the template alone (its one info).
		assertThat(published.getDiagnostics()).extracting(d -> d.getCode().getLeft()).containsExactly("zero-denominator");
	}

	@Test
	void semanticTokensOfDeeplyNestedFormulasAreAnswered() {
		String deep = afterSales.replace("= avg(Ticket.csat)", "= " + "(".repeat(2_000) + "avg(Ticket.csat)" + ")".repeat(2_000));
		TextDocumentIdentifier file = open("deeptokens", deep);

		// Whether the parser gets far enough to give tokens is the language's business; an answer is the server's.
		assertThat(await(documents().semanticTokensFull(new SemanticTokensParams(file)))).isNotNull();
	}

	@Test
	void semanticTokensOfAThousandTermSumCoverEveryTerm() {
		String sum = String.join(" + ", java.util.Collections.nCopies(1_000, "avg(Ticket.csat)"));
		TextDocumentIdentifier file = open("longsum", afterSales.replace("= avg(Ticket.csat)", "= " + sum));

		List<Integer> data = await(documents().semanticTokensFull(new SemanticTokensParams(file))).getData();
		// Five integers a token; each term is a function, a source, a field, and an operator between terms.
		assertThat(data.size() / 5).isGreaterThan(4 * 1_000);
	}

	@Test
	void anEditThatNestsFiveThousandParenthesesGetsAPositionedError() {
		TextDocumentIdentifier file = open("deepedit", afterSales);
		int at = afterSales.indexOf("avg(Ticket.csat)");
		Position where = LanguageServerSession.positionAt(afterSales, at);

		int version = session.change(file.getUri(), List.of(new TextDocumentContentChangeEvent(new Range(where, where), "(".repeat(5_000))));

		PublishDiagnosticsParams published = session.diagnostics(file.getUri(), version);
		assertThat(published.getVersion()).isEqualTo(version);
		assertThat(published.getDiagnostics()).isNotEmpty();
		Diagnostic first = published.getDiagnostics().get(0);
		assertThat(first.getRange().getStart().getLine()).isEqualTo(where.getLine());
		assertThat(first.getCode().getLeft()).isEqualTo("too-deep");
	}
}
