package io.yardstick.dsl.templatetest;

import io.yardstick.dsl.workspace.LoadedModel;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.LineAndColumn;

/** A place in a test's file or in a data file, 1-based; the end is exclusive. */
public record TestPosition(String file, int line, int column, int endLine, int endColumn) {

	/** Where an element of a loaded model is. */
	public static TestPosition of(LoadedModel model, EObject element) {
		String file = model.nameOf(element.eResource());
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		if (node == null) {
			return new TestPosition(file, 1, 1, 1, 1);
		}
		return span(file, node, node.getOffset(), node.getEndOffset());
	}

	/** Characters {@code start} to {@code end} (document offsets) inside a node. */
	public static TestPosition span(String file, INode node, int start, int end) {
		LineAndColumn from = NodeModelUtils.getLineAndColumn(node, start);
		LineAndColumn to = NodeModelUtils.getLineAndColumn(node, end);
		return new TestPosition(file, from.getLine(), from.getColumn(), to.getLine(), to.getColumn());
	}

	/** {@code path:line:column}. */
	public String toText() {
		return file + ":" + line + ":" + column;
	}
}
