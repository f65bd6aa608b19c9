package io.yardstick.dsl.ide.folding;

import io.yardstick.dsl.kpi.Dimension;
import io.yardstick.dsl.kpi.Layer;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Page;
import io.yardstick.dsl.kpi.Report;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Template;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.editor.folding.DefaultFoldingRangeProvider;

/**
 * Folds the blocks in braces (template, source, dimension, layer, metric, report, page) and
 * multi-line comments. Xtext's default folds every element that spans lines, which would also
 * fold a formula or a condition broken over two lines: noise in the editor's margin.
 */
public class KpiFoldingRangeProvider extends DefaultFoldingRangeProvider {

	@Override
	protected boolean isHandled(EObject element) {
		return element instanceof Template || element instanceof Source || element instanceof Dimension
				|| element instanceof Layer || element instanceof Metric || element instanceof Report
				|| element instanceof Page;
	}

	@Override
	protected boolean shouldProcessContent(EObject element) {
		// Nothing inside a metric's body has braces of its own.
		return !(element instanceof Metric);
	}
}
