package io.yardstick.dsl.ide;

import static io.yardstick.dsl.ide.LanguageServerSession.await;
import static io.yardstick.dsl.ide.LanguageServerSession.rangeOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code actions: each fixable finding carries, as diagnostic data, the text that replaces its range;
 * the quick fix writes exactly that. Applying every fix leaves none of those findings.
 */
class QuickFixTest {
	private static final String BROKEN = """
			package fixture.fixes

			template Fixes {
				source Ticket {
					key id: text
					createdAt: timestamp time
					resolvedAt: timestamp?
					csat: score(1..5)?
					cost: currency(RMB)
					waiting: duration(hrs)
				}
				layer strategic "战略层"@zh {
					metric satisfaction "满意度"@zh : score(1..5) {
						= averge(Ticket.csat)
						target >= 4.2
					}
					metric slowShare "慢单率"@zh : percent lower-is-better {
						= share(Ticket.resolvedAt - Ticket.createdAt > 8hrs)
					}
					metric satisfaction "满意度"@zh : score(1..5) higher-is-better {
						= avg(Ticket.cstat)
					}
				}
			}
			""";

	@Test
	void fixesCarryTheValidatorsReplacementAndApplyingThemClearsTheFindings(@TempDir Path workspace) throws Exception {
		try (LanguageServerSession session = LanguageServerSession.start(workspace, Map.of("fixes.kpi", BROKEN))) {
			TextDocumentIdentifier file = session.open("fixes.kpi");
			List<Diagnostic> diagnostics = session.diagnostics("fixes.kpi");

			Map<String, Fix> fixes = new LinkedHashMap<>();
			List<TextEdit> all = new ArrayList<>();
			for (Diagnostic diagnostic : diagnostics) {
				CodeActionParams params = new CodeActionParams(file, diagnostic.getRange(),
						new CodeActionContext(List.of(diagnostic)));
				List<Either<Command, CodeAction>> actions = await(session.server().getTextDocumentService().codeAction(params));
				for (Either<Command, CodeAction> action : actions) {
					CodeAction fix = action.getRight();
					assertThat(fix.getKind()).isEqualTo(CodeActionKind.QuickFix);
					List<TextEdit> edits = fix.getEdit().getChanges().get(file.getUri());
					assertThat(edits).hasSize(1);
					fixes.put(diagnostic.getCode().getLeft() + " " + fix.getTitle(), new Fix(diagnostic, edits.get(0)));
					all.add(edits.get(0));
				}
			}

			assertThat(fixes).containsOnlyKeys("invalid-kind Write `CNY`", "invalid-kind Write `h`",
					"unknown-function Call `avg`", "target-direction Declare the direction: `score(1..5) higher-is-better`",
					"unknown-unit Write the unit `h`", "duplicate-name Rename to `satisfaction2`",
					"unresolved-reference Change to `csat`");
			assertReplaces(fixes.get("invalid-kind Write `CNY`"), rangeOf(BROKEN, "currency(RMB)", "RMB"), "CNY");
			assertReplaces(fixes.get("invalid-kind Write `h`"), rangeOf(BROKEN, "duration(hrs)", "hrs"), "h");
			assertReplaces(fixes.get("unknown-function Call `avg`"), rangeOf(BROKEN, "averge", "averge"), "avg");
			assertReplaces(fixes.get("target-direction Declare the direction: `score(1..5) higher-is-better`"),
					rangeOf(BROKEN, "满意度\"@zh : score(1..5) {", "score(1..5)"), "score(1..5) higher-is-better");
			assertReplaces(fixes.get("unknown-unit Write the unit `h`"), rangeOf(BROKEN, "8hrs", "hrs"), "h");
			assertReplaces(fixes.get("duplicate-name Rename to `satisfaction2`"),
					rangeOf(BROKEN, "satisfaction \"满意度\"@zh : score(1..5) higher", "satisfaction"), "satisfaction2");
			assertReplaces(fixes.get("unresolved-reference Change to `csat`"), rangeOf(BROKEN, "Ticket.cstat", "cstat"), "csat");

			String fixed = LanguageServerSession.apply(BROKEN, all);
			session.edit("fixes.kpi", fixed);
			assertThat(session.diagnostics("fixes.kpi")).extracting(diagnostic -> diagnostic.getCode().getLeft())
					.doesNotContain("invalid-kind", "unknown-function", "target-direction", "unknown-unit", "duplicate-name",
							"unresolved-reference");
		}
	}

	private static final String DATA_BLOCK = """
			package fixture.fixes

			template Client {
				source Order {
					key orderId: text
				}
				data Order {
					encodng "GBK"
					delimiter "semicolon"
				}
				layer execution {
					metric orders : count {
						= count(Order)
					}
				}
			}
			""";

	@Test
	void aMisspeltDataSettingAndADelimiterWrittenAsAWordAreFixed(@TempDir Path workspace) throws Exception {
		try (LanguageServerSession session = LanguageServerSession.start(workspace, Map.of("data.kpi", DATA_BLOCK))) {
			TextDocumentIdentifier file = session.open("data.kpi");
			Map<String, Fix> fixes = new LinkedHashMap<>();
			List<TextEdit> all = new ArrayList<>();
			for (Diagnostic diagnostic : session.diagnostics("data.kpi")) {
				CodeActionParams params = new CodeActionParams(file, diagnostic.getRange(),
						new CodeActionContext(List.of(diagnostic)));
				for (Either<Command, CodeAction> action : await(session.server().getTextDocumentService().codeAction(params))) {
					TextEdit edit = action.getRight().getEdit().getChanges().get(file.getUri()).get(0);
					fixes.put(diagnostic.getCode().getLeft() + " " + action.getRight().getTitle(), new Fix(diagnostic, edit));
					all.add(edit);
				}
			}
			assertThat(fixes).containsOnlyKeys("data-format Write `encoding`", "data-format Write `\";\"`");
			assertReplaces(fixes.get("data-format Write `encoding`"), rangeOf(DATA_BLOCK, "encodng", "encodng"), "encoding");
			assertReplaces(fixes.get("data-format Write `\";\"`"), rangeOf(DATA_BLOCK, "\"semicolon\"", "\"semicolon\""),
					"\";\"");
			session.edit("data.kpi", LanguageServerSession.apply(DATA_BLOCK, all));
			assertThat(session.diagnostics("data.kpi")).extracting(diagnostic -> diagnostic.getCode().getLeft())
					.doesNotContain("data-format");
		}
	}

	private static void assertReplaces(Fix fix, org.eclipse.lsp4j.Range range, String text) {
		assertThat(fix.diagnostic().getRange()).isEqualTo(range);
		assertThat(fix.edit().getRange()).isEqualTo(range);
		assertThat(fix.edit().getNewText()).isEqualTo(text);
	}

	private record Fix(Diagnostic diagnostic, TextEdit edit) {
	}
}
