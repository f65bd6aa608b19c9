package io.yardstick.dsl.ide.highlighting;

import io.yardstick.dsl.kpi.Dimension;
import io.yardstick.dsl.kpi.EnumValue;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.Import;
import io.yardstick.dsl.kpi.Kind;
import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.Label;
import io.yardstick.dsl.kpi.Layer;
import io.yardstick.dsl.kpi.Loop;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.NumberLiteral;
import io.yardstick.dsl.kpi.Page;
import io.yardstick.dsl.kpi.Report;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.types.Functions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.lsp4j.SemanticTokenModifiers;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Semantic tokens. Xtext's {@code SemanticTokensService} turns each highlighted position into an
 * LSP token by the position's ids: the first id that is an LSP token type names the type, every
 * id that is an LSP modifier sets that modifier. So the ids given here are LSP's own names.
 *
 * <p>What the lexer cannot know, the model says: whether {@code csat} is a metric, a source, a
 * field or a dimension, declared here or referenced; whether {@code count} is a kind or a field
 * name; that {@code 2h} and {@code 500 CNY} are one quantity. Tokens never overlap and never span
 * lines, as the protocol asks of servers by default.
 */
public class KpiSemanticHighlightingCalculator implements ISemanticHighlightingCalculator {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;
	private static final Pattern WORD = Pattern.compile("[a-zA-Z][a-zA-Z-]*");
	/** Punctuation that computes or compares; brackets, dots, commas and colons only separate, and stay plain. */
	private static final Set<String> OPERATORS = Set.of("=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "->", "..");

	@Override
	public void provideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor,
			CancelIndicator cancelIndicator) {
		if (resource == null || resource.getParseResult() == null || resource.getParseResult().getRootNode() == null) {
			return;
		}
		Tokens tokens = new Tokens(resource.getParseResult().getRootNode().getText());
		EObject root = resource.getParseResult().getRootASTElement();
		if (root != null) {
			// Meaningful tokens first: where the model says more than the lexer, it wins.
			highlightElement(root, tokens);
			root.eAllContents().forEachRemaining(element -> {
				if (!cancelIndicator.isCanceled()) {
					highlightElement(element, tokens);
				}
			});
		}
		for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
			highlightLeaf(leaf, tokens);
		}
		tokens.emit(acceptor);
	}

	private void highlightElement(EObject element, Tokens tokens) {
		String declared = typeOfDeclaration(element);
		if (declared != null) {
			EStructuralFeature name = element.eClass().getEStructuralFeature("name");
			for (INode node : NodeModelUtils.findNodesForFeature(element, name)) {
				tokens.add(node, declared, SemanticTokenModifiers.Declaration);
			}
		}
		for (EReference reference : element.eClass().getEAllReferences()) {
			if (reference.isContainment() || reference.isContainer()) {
				continue;
			}
			for (INode node : NodeModelUtils.findNodesForFeature(element, reference)) {
				EObject target = referencedAt(element, reference, node);
				String type = target == null || target.eIsProxy() ? null : typeOfDeclaration(target);
				if (type != null) {
					tokens.add(node, type);
				}
			}
		}
		if (element instanceof FunctionCall call) {
			for (INode node : NodeModelUtils.findNodesForFeature(call, KPI.getFunctionCall_Function())) {
				if (Functions.lookup(call.getFunction()).isPresent()) {
					tokens.add(node, SemanticTokenTypes.Function, SemanticTokenModifiers.DefaultLibrary);
				} else {
					tokens.add(node, SemanticTokenTypes.Function);
				}
			}
		} else if (element instanceof NumberLiteral literal) {
			// `2h`, `95%`, `500 CNY`: one quantity, one token, when it is written on one line.
			INode node = NodeModelUtils.findActualNodeFor(literal);
			if (node != null && node.getStartLine() == node.getEndLine()) {
				tokens.add(node, SemanticTokenTypes.Number);
			}
		} else if (element instanceof Kind kind) {
			INode node = NodeModelUtils.findActualNodeFor(kind);
			if (node != null) {
				ILeafNode first = firstVisibleLeaf(node);
				if (first != null) {
					tokens.add(first, SemanticTokenTypes.Type);
				}
			}
			for (String unit : List.of("unit", "code")) {
				EStructuralFeature feature = kind.eClass().getEStructuralFeature(unit);
				if (feature != null) {
					NodeModelUtils.findNodesForFeature(kind, feature).forEach(unitNode -> tokens.add(unitNode, SemanticTokenTypes.Type));
				}
			}
		} else if (element instanceof Metric metric) {
			NodeModelUtils.findNodesForFeature(metric, KPI.getMetric_Direction())
					.forEach(node -> tokens.add(node, SemanticTokenTypes.Modifier));
		} else if (element instanceof Label label) {
			NodeModelUtils.findNodesForFeature(label, KPI.getLabel_Language())
					.forEach(node -> tokens.add(node, SemanticTokenTypes.Decorator));
		} else if (element instanceof Model model) {
			NodeModelUtils.findNodesForFeature(model, KPI.getModel_Name())
					.forEach(node -> tokens.add(node, SemanticTokenTypes.Namespace));
		} else if (element instanceof Import imported) {
			NodeModelUtils.findNodesForFeature(imported, KPI.getImport_ImportedNamespace())
					.forEach(node -> tokens.add(node, SemanticTokenTypes.Namespace));
		}
	}

	/** The element a reference node stands for: a many-valued reference has one node per value, in order. */
	private static EObject referencedAt(EObject element, EReference reference, INode node) {
		Object value = element.eGet(reference, false);
		if (value instanceof List<?> values) {
			int index = NodeModelUtils.findNodesForFeature(element, reference).indexOf(node);
			return index >= 0 && index < values.size() ? (EObject) ((List<?>) element.eGet(reference, true)).get(index) : null;
		}
		return (EObject) element.eGet(reference, true);
	}

	private static String typeOfDeclaration(EObject element) {
		if (element instanceof Metric) {
			return SemanticTokenTypes.Variable;
		}
		if (element instanceof Source) {
			return SemanticTokenTypes.Struct;
		}
		if (element instanceof Field) {
			return SemanticTokenTypes.Property;
		}
		if (element instanceof Dimension) {
			return SemanticTokenTypes.Enum;
		}
		if (element instanceof EnumValue) {
			return SemanticTokenTypes.EnumMember;
		}
		if (element instanceof Template) {
			return SemanticTokenTypes.Class;
		}
		if (element instanceof Layer || element instanceof Report || element instanceof Page) {
			return SemanticTokenTypes.Namespace;
		}
		if (element instanceof Loop) {
			return SemanticTokenTypes.Event;
		}
		return null;
	}

	private void highlightLeaf(ILeafNode leaf, Tokens tokens) {
		EObject grammarElement = leaf.getGrammarElement();
		if (leaf.isHidden()) {
			if (grammarElement instanceof TerminalRule rule && rule.getName().endsWith("COMMENT")) {
				tokens.addLines(leaf.getOffset(), leaf.getText(), SemanticTokenTypes.Comment);
			}
			return;
		}
		if (grammarElement instanceof Keyword keyword) {
			AbstractRule rule = GrammarUtil.containingRule(keyword);
			if ("ValidID".equals(rule.getName())) {
				return;
			}
			if (WORD.matcher(keyword.getValue()).matches()) {
				tokens.add(leaf, SemanticTokenTypes.Keyword);
			} else if (OPERATORS.contains(keyword.getValue())) {
				tokens.add(leaf, SemanticTokenTypes.Operator);
			}
		} else if (grammarElement instanceof org.eclipse.xtext.RuleCall call && call.getRule() instanceof TerminalRule rule) {
			if ("STRING".equals(rule.getName())) {
				tokens.addLines(leaf.getOffset(), leaf.getText(), SemanticTokenTypes.String);
			} else if ("DIGITS".equals(rule.getName())) {
				tokens.add(leaf, SemanticTokenTypes.Number);
			}
		}
	}

	private static ILeafNode firstVisibleLeaf(INode node) {
		for (ILeafNode leaf : node.getLeafNodes()) {
			if (!leaf.isHidden()) {
				return leaf;
			}
		}
		return null;
	}

	/** Non-overlapping tokens by offset; the first one added for a stretch of text wins. */
	private static final class Tokens {
		private final String text;
		private final TreeMap<Integer, Token> byOffset = new TreeMap<>();

		Tokens(String text) {
			this.text = text;
		}

		void add(INode node, String... ids) {
			if (node instanceof ICompositeNode composite) {
				// A composite (a qualified name, a quantity) may start or end with hidden tokens: trim them.
				ILeafNode first = firstVisibleLeaf(composite);
				ILeafNode last = null;
				for (ILeafNode leaf : composite.getLeafNodes()) {
					if (!leaf.isHidden()) {
						last = leaf;
					}
				}
				if (first == null) {
					return;
				}
				add(first.getOffset(), last.getEndOffset() - first.getOffset(), ids);
			} else {
				add(node.getOffset(), node.getLength(), ids);
			}
		}

		void addLines(int offset, String value, String... ids) {
			int start = 0;
			for (int i = 0; i <= value.length(); i++) {
				if (i == value.length() || value.charAt(i) == '\n' || value.charAt(i) == '\r') {
					if (i > start) {
						add(offset + start, i - start, ids);
					}
					start = i + 1;
				}
			}
		}

		void add(int offset, int length, String... ids) {
			if (length <= 0 || text.substring(offset, offset + length).contains("\n")) {
				return;
			}
			Map.Entry<Integer, Token> before = byOffset.floorEntry(offset);
			if (before != null && before.getKey() + before.getValue().length() > offset) {
				return;
			}
			Map.Entry<Integer, Token> after = byOffset.ceilingEntry(offset);
			if (after != null && after.getKey() < offset + length) {
				return;
			}
			byOffset.put(offset, new Token(length, ids));
		}

		void emit(IHighlightedPositionAcceptor acceptor) {
			byOffset.forEach((offset, token) -> acceptor.addPosition(offset, token.length(), token.ids()));
		}
	}

	private record Token(int length, String[] ids) {
	}
}
