package io.yardstick.dsl.ide;

import io.yardstick.dsl.ide.contentassist.KpiContentProposalProvider;
import io.yardstick.dsl.ide.contentassist.KpiCrossrefProposalProvider;
import io.yardstick.dsl.ide.folding.KpiFoldingRangeProvider;
import io.yardstick.dsl.ide.formatting.KpiFormattingService;
import io.yardstick.dsl.ide.highlighting.KpiSemanticHighlightingCalculator;
import io.yardstick.dsl.ide.hover.KpiHoverService;
import io.yardstick.dsl.ide.quickfix.KpiQuickFixProvider;
import io.yardstick.dsl.ide.symbols.KpiDocumentSymbolService;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.IdeCrossrefProposalProvider;
import org.eclipse.xtext.ide.editor.folding.IFoldingRangeProvider;
import org.eclipse.xtext.ide.editor.quickfix.IQuickFixProvider;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.codeActions.QuickFixCodeActionService;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.symbol.HierarchicalDocumentSymbolService;

/**
 * Editor services of the language server. The generated base binds content assist's parser and
 * rename; docs/lsp.md describes what each binding below adds.
 */
public class KpiIdeModule extends AbstractKpiIdeModule {

	public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
		return KpiContentProposalProvider.class;
	}

	public Class<? extends IdeCrossrefProposalProvider> bindIdeCrossrefProposalProvider() {
		return KpiCrossrefProposalProvider.class;
	}

	public Class<? extends IHoverService> bindIHoverService() {
		return KpiHoverService.class;
	}

	public Class<? extends HierarchicalDocumentSymbolService> bindHierarchicalDocumentSymbolService() {
		return KpiDocumentSymbolService.class;
	}

	public Class<? extends IFoldingRangeProvider> bindIFoldingRangeProvider() {
		return KpiFoldingRangeProvider.class;
	}

	public Class<? extends ISemanticHighlightingCalculator> bindISemanticHighlightingCalculator() {
		return KpiSemanticHighlightingCalculator.class;
	}

	/** Without a code action service the server announces no code actions at all. */
	public Class<? extends ICodeActionService2> bindICodeActionService2() {
		return QuickFixCodeActionService.class;
	}

	public Class<? extends IQuickFixProvider> bindIQuickFixProvider() {
		return KpiQuickFixProvider.class;
	}

	public Class<? extends FormattingService> bindFormattingService() {
		return KpiFormattingService.class;
	}
}
