package io.yardstick.views;

import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.LoadedModel;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.LineAndColumn;

/**
 * Which model element a finding is about. Findings carry a file and a position, not an element (they are
 * what the CLI prints too), so a finding belongs to the element whose text holds its start.
 */
public final class FindingLocator {
	private final LoadedModel model;

	public FindingLocator(LoadedModel model) {
		this.model = model;
	}

	/** The findings with the code whose position lies within the element's text. */
	public List<Finding> on(EObject element, List<Finding> findings, String code) {
		List<Finding> found = new ArrayList<>();
		if (model == null || element == null || element.eResource() == null) {
			return found;
		}
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		if (node == null) {
			return found;
		}
		String file = model.nameOf(element.eResource());
		LineAndColumn start = NodeModelUtils.getLineAndColumn(node, node.getOffset());
		LineAndColumn end = NodeModelUtils.getLineAndColumn(node, node.getEndOffset());
		for (Finding finding : findings) {
			if (finding.code().equals(code) && finding.file().equals(file)
					&& compare(finding.line(), finding.column(), start) >= 0
					&& compare(finding.line(), finding.column(), end) < 0) {
				found.add(finding);
			}
		}
		return found;
	}

	private static int compare(int line, int column, LineAndColumn position) {
		return line != position.getLine() ? Integer.compare(line, position.getLine())
				: Integer.compare(column, position.getColumn());
	}
}
