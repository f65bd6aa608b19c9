package io.yardstick.eclipse.editor;

import io.yardstick.dsl.kpi.Dimension;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.Label;
import io.yardstick.dsl.kpi.Layer;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Symbol;
import io.yardstick.dsl.kpi.Template;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** Short plain-text descriptions of model elements, for the hover and the outline. */
final class KpiDescriptions {
	private KpiDescriptions() {
	}

	/** Labels as written, each with its language: Churn rate (en), 客户流失率 (zh). */
	static String labels(List<Label> labels) {
		return labels.stream()
				.map(label -> label.getLanguage() == null ? label.getText() : label.getText() + " (" + label.getLanguage() + ")")
				.collect(Collectors.joining(", "));
	}

	/** The source text of an element, on one line; empty for an element that is not there. */
	static String source(EObject element) {
		if (element == null) {
			return "";
		}
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		return node == null ? "" : NodeModelUtils.getTokenText(node);
	}

	/** The hover text of an element, or null for elements the hover says nothing about. */
	static String hover(EObject element) {
		if (element instanceof Metric metric) {
			return metric(metric);
		}
		if (element instanceof Source source) {
			return "source " + source.getName() + line("labels", labels(source.getLabels()))
					+ line("fields", source.getFields().stream().map(Symbol::getName).collect(Collectors.joining(", ")));
		}
		if (element instanceof Field field) {
			String type = field.getReference() != null ? "-> " + field.getReference().getName() : source(field.getKind());
			return "field " + field.getName() + " : " + type + line("labels", labels(field.getLabels()))
					+ line("description", field.getDescription());
		}
		if (element instanceof Dimension dimension) {
			return "dimension " + dimension.getName() + line("labels", labels(dimension.getLabels()));
		}
		if (element instanceof Layer layer) {
			return "layer " + layer.getName() + line("labels", labels(layer.getLabels()))
					+ line("metrics", String.valueOf(layer.getMetrics().size()));
		}
		if (element instanceof Template template) {
			return "template " + template.getName() + line("labels", labels(template.getLabels()))
					+ line("extends", template.getParent() == null ? null : template.getParent().getName());
		}
		return null;
	}

	static String metric(Metric metric) {
		String layer = metric.eContainer() instanceof Layer owner ? owner.getName() : null;
		StringBuilder text = new StringBuilder("metric ").append(metric.getName());
		text.append(line("labels", labels(metric.getLabels())));
		text.append(line("kind", source(metric.getKind())
				+ (metric.getDirection() == null ? "" : ", " + metric.getDirection())
				+ (metric.isSupporting() ? ", supporting" : "")));
		text.append(line("layer", layer));
		text.append(line("formula", metric.getFormula() == null ? null : "= " + source(metric.getFormula())));
		text.append(line("target", source(metric.getTarget())));
		text.append(line("warning", source(metric.getWarning())));
		text.append(line("critical", source(metric.getCritical())));
		text.append(line("owner", metric.getOwner()));
		text.append(line("description", metric.getDescription()));
		return text.toString();
	}

	private static String line(String name, String value) {
		return value == null || value.isBlank() ? "" : "\n" + name + ": " + value;
	}
}
