package io.yardstick.dsl.ide;

import io.yardstick.dsl.kpi.Dimension;
import io.yardstick.dsl.kpi.EnumKind;
import io.yardstick.dsl.kpi.EnumValue;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.Label;
import io.yardstick.dsl.kpi.Layer;
import io.yardstick.dsl.kpi.Link;
import io.yardstick.dsl.kpi.Loop;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.model.Layers;
import io.yardstick.dsl.model.Sources;
import io.yardstick.dsl.types.KpiType;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * How the editor services describe model elements in one line (completion details, symbol
 * details): the same words everywhere, so a metric reads the same in the completion list, the
 * outline and the hover.
 */
public final class ModelDescriptions {
	private ModelDescriptions() {
	}

	/** One line on what the element is: {@code metric · score(1..5) · layer strategic}. */
	public static String summary(EObject element) {
		if (element instanceof Metric metric) {
			return "metric · " + kindText(metric) + " · layer " + Layers.layerName(metric);
		}
		if (element instanceof Field field) {
			Source source = Sources.sourceOf(field);
			String type = field.getReference() != null ? "-> " + text(field, field.eClass().getEStructuralFeature("reference"))
					: field.getKind() == null ? "?" : Sources.typeOf(field.getKind()).describe();
			return "field of " + (source == null ? "?" : source.getName()) + " · " + type;
		}
		if (element instanceof Source source) {
			return "source · " + source.getFields().size() + (source.getFields().size() == 1 ? " field" : " fields");
		}
		if (element instanceof Dimension dimension) {
			return "dimension · " + dimension.getMappings().stream().map(ModelDescriptions::fullText)
					.collect(Collectors.joining(", "));
		}
		if (element instanceof EnumValue value && value.eContainer() instanceof EnumKind kind) {
			return "value of " + KpiType.enumeration(kind).describe();
		}
		if (element instanceof Layer layer) {
			OptionalInt level = Layers.levelOf(layer);
			return "layer · level " + (level.isPresent() ? String.valueOf(level.getAsInt()) : "?") + " · "
					+ layer.getMetrics().size() + (layer.getMetrics().size() == 1 ? " metric" : " metrics");
		}
		if (element instanceof Template) {
			return "template";
		}
		if (element instanceof Link link) {
			return linkDetails(link);
		}
		if (element instanceof Loop loop) {
			return "loop · " + loop.getSteps().size() + " steps";
		}
		return element.eClass().getName().toLowerCase();
	}

	/** The metric's kind as written, such as {@code duration(h)}. */
	public static String kindText(Metric metric) {
		return metric.getKind() == null ? "?" : Sources.typeOf(metric.getKind()).describe();
	}

	/** {@code negative · lag 1 week · validated · feedback}: what a link says beyond its ends. */
	public static String linkDetails(Link link) {
		List<String> parts = new ArrayList<>();
		parts.add(link.getPolarity() == null ? "?" : link.getPolarity().getLiteral());
		if (link.getLag() != null) {
			parts.add("lag " + link.getLag().toPlainString() + " " + (link.getGrain() == null ? "?" : link.getGrain().getLiteral()));
		}
		// A status is only worth showing when it was written: EMF reports the first literal when it was not.
		if (link.eIsSet(link.eClass().getEStructuralFeature("status"))) {
			parts.add(link.getStatus().getLiteral());
		}
		if (link.isFeedback()) {
			parts.add("feedback");
		}
		return String.join(" · ", parts);
	}

	/** The labels, one per language: {@code 满意度 (zh), Satisfaction (en)}; a label without a tag is the default. */
	public static List<String> labels(List<Label> labels) {
		List<String> result = new ArrayList<>();
		for (Label label : labels) {
			result.add((label.getLanguage() == null ? "default" : label.getLanguage()) + ": " + label.getText());
		}
		return result;
	}

	/** The text of a reference as written (the name in the source, not the resolved element's name). */
	public static String text(EObject element, EStructuralFeature feature) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(element, feature);
		return nodes.isEmpty() ? "?" : NodeModelUtils.getTokenText(nodes.get(0));
	}

	/** The element's text as written, white space folded to single spaces. */
	public static String fullText(EObject element) {
		INode node = element == null ? null : NodeModelUtils.findActualNodeFor(element);
		return node == null ? "?" : NodeModelUtils.getTokenText(node).replaceAll("\\s+", " ").trim();
	}

	public static Template templateOf(EObject element) {
		return EcoreUtil2.getContainerOfType(element, Template.class);
	}
}
