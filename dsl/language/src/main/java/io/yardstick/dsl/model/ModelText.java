package io.yardstick.dsl.model;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** The source text of a model element, as messages quote it. */
public final class ModelText {
	private static final int MAX_LENGTH = 60;
	private static final java.util.regex.Pattern WHITE_SPACE = java.util.regex.Pattern.compile("\\s+");

	private ModelText() {
	}

	/** The element's text with white space folded, cut to a readable length: {@code avg(Ticket.csat)}. */
	public static String of(EObject element) {
		String text = full(element);
		if (text.isEmpty()) {
			return "?";
		}
		return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
	}

	/** The element's whole text with white space folded: for comparing pieces of formulas. */
	public static String full(EObject element) {
		ICompositeNode node = element == null ? null : NodeModelUtils.findActualNodeFor(element);
		return node == null ? "" : WHITE_SPACE.matcher(NodeModelUtils.getTokenText(node)).replaceAll(" ").trim();
	}

	/** A number as messages show it: a very long one cut in the middle, with its count of digits. */
	public static String number(java.math.BigDecimal value) {
		String text = value.toPlainString();
		return text.length() <= MAX_LENGTH ? text
				: text.substring(0, 20) + "…" + text.substring(text.length() - 10) + " (" + text.length() + " characters)";
	}

	/** The element's text in backticks, as messages quote code. */
	public static String quoted(EObject element) {
		return "`" + of(element) + "`";
	}
}
