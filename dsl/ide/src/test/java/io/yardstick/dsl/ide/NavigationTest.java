package io.yardstick.dsl.ide;

import static io.yardstick.dsl.ide.LanguageServerSession.await;
import static io.yardstick.dsl.ide.LanguageServerSession.positionOf;
import static io.yardstick.dsl.ide.LanguageServerSession.rangeOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Go to definition, find references and rename, on the metric `satisfaction` of the fixture. */
class NavigationTest {
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
	void goesFromAMetricReferenceToTheMetricsDeclaration() {
		List<Location> fromFormula = List.copyOf(await(session.server().getTextDocumentService().definition(
				new DefinitionParams(file, positionOf(text, "previous(satisfaction)", 12)))).getLeft());
		List<Location> fromLink = List.copyOf(await(session.server().getTextDocumentService().definition(
				new DefinitionParams(file, positionOf(text, "-> satisfaction : positive", 4)))).getLeft());

		Location declaration = new Location(file.getUri(), rangeOf(text, "metric satisfaction", "satisfaction"));
		assertThat(fromFormula).containsExactly(declaration);
		assertThat(fromLink).containsExactly(declaration);
	}

	@Test
	void findsEveryUseOfAMetricInFormulasLinksLoopsAndTiles() {
		ReferenceParams params = new ReferenceParams(file, positionOf(text, "metric satisfaction", 8), new ReferenceContext(true));
		List<? extends Location> references = await(session.server().getTextDocumentService().references(params));

		assertThat(references).extracting(Location::getRange).containsExactlyInAnyOrder(
				rangeOf(text, "metric satisfaction", "satisfaction"),
				rangeOf(text, "previous(satisfaction)", "satisfaction"),
				rangeOf(text, "link resolutionTime -> satisfaction", "satisfaction"),
				rangeOf(text, "link satisfaction ->", "satisfaction"),
				// previousSatisfaction holds "Satisfaction", never "satisfaction": the first match is the reference.
				rangeOf(text, "link previousSatisfaction -> satisfaction", "satisfaction"),
				rangeOf(text, "resolutionTime -> satisfaction -> resolutionTime", "satisfaction"),
				rangeOf(text, "tile satisfaction", "satisfaction"));
		assertThat(references).extracting(Location::getUri).containsOnly(file.getUri());
	}

	@Test
	void renamesAMetricAtItsDeclarationAndEveryReference() {
		RenameParams params = new RenameParams(file, positionOf(text, "metric satisfaction", 8), "contentment");
		WorkspaceEdit edit = await(session.server().getTextDocumentService().rename(params));

		// The client announced no support for documentChanges, so the edit comes as plain changes per file.
		assertThat(edit.getChanges()).containsOnlyKeys(file.getUri());
		List<TextEdit> edits = edit.getChanges().get(file.getUri());
		// Only the identifier: the label "Satisfaction"@en and previousSatisfaction stay as they are.
		String expected = text.replaceAll("\\bsatisfaction\\b", "contentment");
		assertThat(LanguageServerSession.apply(text, edits)).isEqualTo(expected);
		assertThat(expected).contains("\"Satisfaction\"@en", "previousSatisfaction", "tile contentment", "= previous(contentment)");
	}
}
