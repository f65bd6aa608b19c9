package io.yardstick.eclipse.editor;

import io.yardstick.dsl.kpi.Dimension;
import io.yardstick.dsl.kpi.Layer;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.kpi.TemplateMember;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * The outline of a .kpi document as plain data (no EMF objects, which belong to the parse they came
 * from): templates with their sources, dimensions and layers, layers with their metrics.
 */
public final class KpiOutline {
	/** One outline entry; offset and length select the element's name in the editor. */
	public record Node(String kind, String label, int offset, int length, List<Node> children) {
	}

	private KpiOutline() {
	}

	public static List<Node> of(IDocument document) {
		return KpiDocumentModel.of(document).read(resource -> {
			List<Node> roots = new ArrayList<>();
			if (!resource.getContents().isEmpty() && resource.getContents().get(0) instanceof Model model) {
				for (EObject element : model.getElements()) {
					if (element instanceof Template template) {
						roots.add(template(template));
					} else if (element instanceof Source source) {
						roots.add(node("source", source.getName(), KpiDescriptions.labels(source.getLabels()), source, List.of()));
					}
				}
			}
			return roots;
		});
	}

	private static Node template(Template template) {
		List<Node> children = new ArrayList<>();
		for (TemplateMember member : template.getMembers()) {
			if (member instanceof Source source) {
				children.add(node("source", source.getName(), KpiDescriptions.labels(source.getLabels()), source, List.of()));
			} else if (member instanceof Dimension dimension) {
				children.add(node("dimension", dimension.getName(), KpiDescriptions.labels(dimension.getLabels()), dimension,
						List.of()));
			} else if (member instanceof Layer layer) {
				List<Node> metrics = new ArrayList<>();
				for (Metric metric : layer.getMetrics()) {
					String kind = KpiDescriptions.source(metric.getKind());
					metrics.add(node("metric", metric.getName() + (kind.isEmpty() ? "" : " : " + kind),
							KpiDescriptions.labels(metric.getLabels()), metric, List.of()));
				}
				children.add(node("layer", layer.getName(), KpiDescriptions.labels(layer.getLabels()), layer, metrics));
			}
		}
		return node("template", template.getName(), KpiDescriptions.labels(template.getLabels()), template, children);
	}

	private static Node node(String kind, String name, String labels, EObject element, List<Node> children) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		int offset = node == null ? 0 : node.getOffset();
		int length = node == null ? 0 : node.getLength();
		String label = (name == null ? "?" : name) + (labels.isEmpty() ? "" : " — " + labels);
		return new Node(kind, label, offset, length, List.copyOf(children));
	}
}
