package io.yardstick.dsl.ide;

import static io.yardstick.dsl.ide.LanguageServerSession.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hovering a metric, where it is declared or where it is used, shows what a reviewer checks. */
class HoverTest {
	private static final String SATISFACTION = """
			**metric `satisfaction`** · layer `strategic` (level 3) · template `Service`

			- zh: 满意度
			- en: Satisfaction

			Kind: `score(1..5)`, higher-is-better

			```kpi
			= avg(Ticket.csat)
			```

			Target: `>= 4.2`\s\s
			Warning: `< 4.0`\s\s
			Critical: `< 3.6`\s\s

			客户对已解决工单的平均评分。

			Driven by:
			- `resolutionTime`: negative · lag 1 week · validated — slow fixes annoy
			- `previousSatisfaction`: positive

			Drives:
			- `resolutionTime`: negative · feedback""";

	@Test
	void showsLabelsKindFormulaThresholdsLayerAndLinksOfAMetric(@TempDir Path workspace) throws Exception {
		try (LanguageServerSession session = LanguageServerSession.start(workspace,
				Map.of("service.kpi", LanguageServerSession.resource("service.kpi")))) {
			TextDocumentIdentifier file = session.open("service.kpi");
			String text = session.text("service.kpi");

			Hover onReference = await(session.server().getTextDocumentService().hover(new HoverParams(file,
					LanguageServerSession.positionOf(text, "-> satisfaction : positive", 5))));
			Hover onDeclaration = await(session.server().getTextDocumentService().hover(new HoverParams(file,
					LanguageServerSession.positionOf(text, "metric satisfaction", 9))));
			Hover onDuration = await(session.server().getTextDocumentService().hover(new HoverParams(file,
					LanguageServerSession.positionOf(text, "metric resolutionTime", 9))));

			assertThat(onReference.getContents().getRight().getKind()).isEqualTo(MarkupKind.MARKDOWN);
			assertThat(onReference.getContents().getRight().getValue()).isEqualTo(SATISFACTION);
			assertThat(onReference.getRange()).isEqualTo(
					LanguageServerSession.rangeOf(text, "-> satisfaction : positive", "satisfaction"));
			assertThat(onDeclaration.getContents().getRight().getValue()).isEqualTo(SATISFACTION);
			assertThat(onDuration.getContents().getRight().getValue())
					.contains("- zh: 解决时长\n- en: Resolution time\n")
					.contains("Kind: `duration(h)`, unit `h`, lower-is-better")
					.contains("= avg(Ticket.resolvedAt - Ticket.createdAt)")
					.contains("Target: `<= 8h`")
					.contains("Driven by:\n- `satisfaction`: negative · feedback")
					.contains("Drives:\n- `satisfaction`: negative · lag 1 week · validated — slow fixes annoy");
		}
	}
}
