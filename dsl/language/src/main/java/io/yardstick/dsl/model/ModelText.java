package io.yardstick.dsl.model;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** The source text of a model element, as messages quote it. */
public final class ModelText {
	private static final int MAX_LENGTH = 60;

	private ModelText() {
	}

	/** The element's text with white space folded, cut to a readable length: {@code avg(Ticket.csat)}. */
	public static String of(EObject element) {
		ICompositeNode node = element == null ? null : NodeModelUtils.findActualNodeFor(element);
		if (node == null) {
			return "?";
		}
		String text = NodeModelUtils.getTokenText(node).replaceAll("\\s+", " ").trim();
		return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
	}

	/** The element's text in backticks, as messages quote code. */
	public static String quoted(EObject element) {
		return "`" + of(element) + "`";
	}
}
