package io.yardstick.dsl.ide;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A saved file's template tests run, and each failure is an error diagnostic on its expectation, beside the
 * validator's findings; an edit drops them until the next save.
 */
class TestDiagnosticsTest {
	private static final String TESTED = """
			package fixture.tested

			template Tested {
				source Ticket {
					key id: text
					createdAt: timestamp time
					contacts: count
				}
				layer execution {
					metric tickets "工单量" : count {
						= count(Ticket)
					}
					metric contacts "联系次数" : number {
						= avg(Ticket.contacts)
					}
				}

				test march {
					rows Ticket {
						| id | createdAt        | contacts |
						| T1 | 2026-03-02 09:00 | 1        |
						| T2 | 2026-03-03 09:00 | 2        |
					}
					expect tickets in "2026-03" = 2
					expect contacts in "2026-03" = 2
				}
			}
			""";

	@Test
	void aFailingExpectationIsAnErrorOnItAfterSaveAndGoesOnEdit(@TempDir Path workspace) throws Exception {
		try (LanguageServerSession session = LanguageServerSession.start(workspace, Map.of("tested.kpi", TESTED))) {
			TextDocumentIdentifier document = session.open("tested.kpi");
			assertThat(session.diagnostics("tested.kpi")).as("the validator finds nothing").isEmpty();

			session.server().getTextDocumentService().didSave(new DidSaveTextDocumentParams(document));
			List<Diagnostic> failures = session.diagnostics(workspace.resolve("tested.kpi"), found -> !found.isEmpty());
			assertThat(failures).hasSize(1);
			Diagnostic failure = failures.get(0);
			assertThat(failure.getCode().getLeft()).isEqualTo("test-failed");
			assertThat(failure.getSource()).isEqualTo("yardstick test");
			assertThat(failure.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
			assertThat(failure.getMessage().getLeft()).isEqualTo("march: expected contacts in 2026-03 = 2, got 1.5");
			// The whole expectation: line 25, from `expect` to the value.
			assertThat(failure.getRange()).isEqualTo(new Range(new Position(24, 2), new Position(24, 34)));

			session.edit("tested.kpi", TESTED.replace("expect contacts in \"2026-03\" = 2", "expect contacts in \"2026-03\" = 1.5"));
			assertThat(session.diagnostics(workspace.resolve("tested.kpi"), List::isEmpty)).isEmpty();
		}
	}
}
