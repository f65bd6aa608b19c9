package io.yardstick.dsl.parser;

import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.model.Limits;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;

/**
 * Keeps every formula's syntax tree within {@link Limits#MAX_DEPTH} levels. The parser reads a chain
 * such as a + b + c in a loop, but the tree it builds is as deep as the chain is long, and every later
 * step that walks it recursively (Xtext's, EMF's and Yardstick's) would overflow the stack on a long
 * enough one. Right after parsing, each formula deeper than the limit is cut at the limit, iteratively,
 * and its outermost expression is marked: the validator reports the mark as {@code too-deep}.
 */
public final class SyntaxDepth {
	private SyntaxDepth() {
	}

	/** Marks the outermost expression of a formula that was cut; {@code at} is where the cut was made. */
	public static final class Cut extends AdapterImpl {
		private final EObject at;

		Cut(EObject at) {
			this.at = at;
		}

		public EObject at() {
			return at;
		}
	}

	/** The mark on a formula's outermost expression, or null when it was not cut. */
	public static Cut cutOf(EObject expression) {
		for (Object adapter : expression.eAdapters()) {
			if (adapter instanceof Cut cut) {
				return cut;
			}
		}
		return null;
	}

	/** Cuts every formula under {@code root} that is deeper than the limit. */
	public static void cut(EObject root) {
		if (root == null) {
			return;
		}
		Map<EObject, Integer> height = new IdentityHashMap<>();
		Deque<EObject> pending = new ArrayDeque<>();
		Deque<EObject> order = new ArrayDeque<>();
		pending.push(root);
		while (!pending.isEmpty()) {
			EObject node = pending.pop();
			order.push(node);
			for (EObject child : node.eContents()) {
				pending.push(child);
			}
		}
		// Children before parents: each expression's height from its children's.
		for (EObject node : order) {
			if (!(node instanceof Expression)) {
				continue;
			}
			int tallest = 0;
			for (EObject child : node.eContents()) {
				tallest = Math.max(tallest, height.getOrDefault(child, 0));
			}
			height.put(node, tallest + 1);
		}
		for (EObject node : order) {
			if (node instanceof Expression && !(node.eContainer() instanceof Expression)
					&& height.get(node) > Limits.MAX_DEPTH) {
				cutAtLimit(node, height);
			}
		}
	}

	/** Removes what lies below the limit, going down only the branches that reach it. */
	private static void cutAtLimit(EObject formula, Map<EObject, Integer> height) {
		EObject first = null;
		Deque<EObject> nodes = new ArrayDeque<>();
		Deque<Integer> depths = new ArrayDeque<>();
		nodes.push(formula);
		depths.push(1);
		while (!nodes.isEmpty()) {
			EObject node = nodes.pop();
			int depth = depths.pop();
			if (depth + height.get(node) - 1 <= Limits.MAX_DEPTH) {
				continue;
			}
			if (depth == Limits.MAX_DEPTH) {
				first = first == null ? node : first;
				for (EObject child : List.copyOf(node.eContents())) {
					EReference feature = child.eContainmentFeature();
					if (feature.isMany()) {
						((List<?>) node.eGet(feature)).remove(child);
					} else {
						node.eSet(feature, null);
					}
				}
				continue;
			}
			for (EObject child : node.eContents()) {
				if (height.containsKey(child)) {
					nodes.push(child);
					depths.push(depth + 1);
				}
			}
		}
		formula.eAdapters().add(new Cut(first));
	}
}
