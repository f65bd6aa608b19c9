package io.yardstick.dsl.ide;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server validates the workspace and publishes each finding with its code, message and range. */
class DiagnosticsTest {
	private static final String MISSPELT = """
			package fixture.misspelt

			template Misspelt {
				source Ticket {
					key id: text
					createdAt: timestamp time
					csat: score(1..5)?
				}
				layer management {
					metric satisfaction "满意度" : score(1..5) higher-is-better {
						= averge(Ticket.csat)
					}
				}
			}
			""";

	@Test
	void publishesTheValidatorsFindingWithItsCodeMessageAndRange(@TempDir Path workspace) throws Exception {
		try (LanguageServerSession session = LanguageServerSession.start(workspace,
				Map.of("service.kpi", LanguageServerSession.resource("service.kpi"), "misspelt.kpi", MISSPELT))) {
			List<Diagnostic> misspelt = session.diagnostics("misspelt.kpi");

			assertThat(misspelt).hasSize(1);
			Diagnostic finding = misspelt.get(0);
			assertThat(finding.getCode().getLeft()).isEqualTo("unknown-function");
			assertThat(finding.getMessage().getLeft()).isEqualTo("unknown function `averge`; did you mean `avg`?");
			assertThat(finding.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
			// The function name, not the whole call: line 11, columns 6 to 11 in 1-based terms.
			assertThat(finding.getRange()).isEqualTo(new Range(new Position(10, 5), new Position(10, 11)));
			assertThat(finding.getRange()).isEqualTo(LanguageServerSession.rangeOf(MISSPELT, "averge", "averge"));
			assertThat(session.diagnostics("service.kpi")).as("the fixture template is valid").isEmpty();
		}
	}
}
