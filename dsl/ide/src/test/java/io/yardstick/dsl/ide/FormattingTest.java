package io.yardstick.dsl.ide;

import static io.yardstick.dsl.ide.LanguageServerSession.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** textDocument/formatting runs the language's formatter: the edits turn a messy file into its golden form. */
class FormattingTest {
	/** The formatter's own golden case, in the language module: one source of truth for the layout. */
	private static final Path CASE = Path.of("..", "language", "src", "test", "resources", "formatting", "messy");

	@Test
	void formattingEditsProduceTheFormattersLayout(@TempDir Path workspace) throws Exception {
		String messy = Files.readString(CASE.resolve("model/input.kpi"), StandardCharsets.UTF_8);
		String formatted = Files.readString(CASE.resolve("expected/formatted.kpi"), StandardCharsets.UTF_8);
		try (LanguageServerSession session = LanguageServerSession.start(workspace, Map.of("input.kpi", messy))) {
			TextDocumentIdentifier file = session.open("input.kpi");

			List<? extends TextEdit> edits = await(session.server().getTextDocumentService()
					.formatting(new DocumentFormattingParams(file, new FormattingOptions(4, false))));

			assertThat(edits).isNotEmpty();
			assertThat(LanguageServerSession.apply(messy, edits)).isEqualTo(formatted);
		}
	}
}
