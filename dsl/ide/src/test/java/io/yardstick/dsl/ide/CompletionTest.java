package io.yardstick.dsl.ide;

import static io.yardstick.dsl.ide.LanguageServerSession.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.types.FunctionInfo;
import io.yardstick.dsl.types.Functions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completion at the places a template author types: each case edits the fixture (the ‸ marks
 * the caret) and asks for completion there.
 */
class CompletionTest {
	private static final String CARET = "‸";

	@TempDir
	static Path workspace;
	private static LanguageServerSession session;
	private static String fixture;

	@BeforeAll
	static void start() throws Exception {
		fixture = LanguageServerSession.resource("service.kpi");
		// Only the draft is in the workspace: a second copy of the template would make its names ambiguous.
		session = LanguageServerSession.start(workspace, Map.of("draft.kpi", fixture));
	}

	@AfterAll
	static void stop() throws Exception {
		session.close();
	}

	@Test
	void completion() {
		// Keywords: what may start a template member, no punctuation, no names spelt like keywords.
		assertThat(labels(complete("\tdimension area \"区域\"@zh { Ticket.region }\n", "\tdimension area \"区域\"@zh { Ticket.region }\n\t‸\n")))
				.containsExactlyInAnyOrder("source", "extend", "dimension", "layer", "link", "loop", "report", "exclude", "test",
						"data", "cohort");

		// Kinds after a metric's colon.
		assertThat(labels(complete(": duration(h) lower-is-better", ": ‸ lower-is-better"))).containsExactlyInAnyOrder(
				"count", "number", "percent", "ratio", "score", "duration", "currency", "timestamp", "date", "text", "bool", "enum");

		// The fields of the source named before the dot, with their kinds.
		List<CompletionItem> fields = complete("= avg(Ticket.csat)", "= avg(Ticket.‸)");
		// The server sorts proposals by label.
		assertThat(labels(fields)).containsExactly("createdAt", "csat", "id", "region", "resolvedAt");
		CompletionItem csat = item(fields, "csat");
		assertThat(csat.getKind()).isEqualTo(CompletionItemKind.Field);
		assertThat(csat.getDetail()).isEqualTo("field of Ticket · score(1..5)");

		// Metrics where a link names one.
		List<CompletionItem> metrics = complete("link previousSatisfaction -> satisfaction : positive", "link ‸");
		assertThat(labels(metrics)).contains("satisfaction", "resolutionTime", "previousSatisfaction");
		assertThat(item(metrics, "resolutionTime").getKind()).isEqualTo(CompletionItemKind.Variable);
		assertThat(item(metrics, "resolutionTime").getDetail()).isEqualTo("metric · duration(h) · layer execution");

		// Functions with their signatures, where a formula starts.
		List<CompletionItem> formula = complete("= previous(satisfaction)", "= ‸");
		assertThat(labels(formula)).containsAll(Functions.all().stream().map(FunctionInfo::name).toList())
				.contains("satisfaction", "Ticket", "if", "not");
		CompletionItem avg = item(formula, "avg");
		assertThat(avg.getKind()).isEqualTo(CompletionItemKind.Function);
		assertThat(avg.getDetail()).isEqualTo("avg(rowValue [where condition]) : kind of the value");
		assertThat(avg.getDocumentation().getLeft()).isEqualTo("Mean of the non-null values.");

		// Duration units, and currency codes with their English names.
		List<CompletionItem> units = complete("duration(h) lower", "duration(‸) lower");
		assertThat(labels(units)).containsExactly("d", "h", "min", "s", "w");
		assertThat(item(units, "min").getDetail()).isEqualTo("duration unit: 60 s");
		List<CompletionItem> currencies = complete("csat: score(1..5)?", "cost: currency(‸");
		assertThat(labels(currencies)).contains("CNY", "EUR", "USD").doesNotContain("h", "s").isSorted();
		assertThat(item(currencies, "CNY").getKind()).isEqualTo(CompletionItemKind.Unit);
		assertThat(item(currencies, "CNY").getDetail()).isEqualTo("currency: Chinese Yuan");
	}

	/** Completion at the caret after replacing {@code original} in the fixture by {@code withCaret}. */
	private static List<CompletionItem> complete(String original, String withCaret) {
		assertThat(fixture).contains(original);
		String marked = fixture.replace(original, withCaret);
		int caret = marked.indexOf(CARET);
		String text = marked.replace(CARET, "");
		TextDocumentIdentifier file = session.edit("draft.kpi", text);
		CompletionParams params = new CompletionParams(file, LanguageServerSession.positionAt(text, caret));
		return await(session.server().getTextDocumentService().completion(params)).getRight().getItems();
	}

	private static List<String> labels(List<CompletionItem> items) {
		return items.stream().map(CompletionItem::getLabel).toList();
	}

	private static CompletionItem item(List<CompletionItem> items, String label) {
		return items.stream().filter(item -> item.getLabel().equals(label)).findFirst()
				.orElseThrow(() -> new AssertionError("no completion item " + label + " in " + labels(items)));
	}
}
