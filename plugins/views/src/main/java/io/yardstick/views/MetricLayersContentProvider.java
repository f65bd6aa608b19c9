package io.yardstick.views;

import io.yardstick.dsl.kpi.Layer;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.model.Layers;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.runtime.results.Results;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.eclipse.jface.viewers.ITreeContentProvider;

/**
 * Layers from the top level down, each with its metrics: the template's effective metrics, inherited ones
 * included, under the layer of the same name (a client template's {@code layer strategic} and its parent's
 * are one layer to a reader). The input is a {@link Input}.
 */
public final class MetricLayersContentProvider implements ITreeContentProvider {

	/** A template, and the last preview's results for the status column (null before any preview). */
	public record Input(Template template, Results results) {
	}

	/** A layer row: the nearest declaration of the layer, its level if known, and its metrics. */
	public record LayerRow(Layer layer, String name, OptionalInt level, List<MetricRow> metrics) {
	}

	/** A metric row, with its status in the last preview. */
	public record MetricRow(Metric metric, MetricStatus status) {
	}

	@Override
	public Object[] getElements(Object input) {
		return input instanceof Input given ? rows(given).toArray() : new Object[0];
	}

	/** The layer rows, top level first; layers of unknown level (a validation error) last, as declared. */
	public static List<LayerRow> rows(Input input) {
		if (input.template() == null) {
			return List.of();
		}
		List<Layer> layers = new ArrayList<>(TemplateHierarchy.layers(input.template()));
		layers.removeIf(layer -> layer.getName() == null);
		layers.sort(Comparator.comparingInt((Layer layer) -> -Layers.levelOf(layer).orElse(Integer.MIN_VALUE)));
		List<Metric> metrics = TemplateHierarchy.metrics(input.template());
		List<LayerRow> rows = new ArrayList<>();
		for (Layer layer : layers) {
			List<MetricRow> inLayer = new ArrayList<>();
			for (Metric metric : metrics) {
				if (metric.getName() != null && layer.getName().equals(Layers.layerName(metric))) {
					inLayer.add(new MetricRow(metric, MetricStatus.latest(input.results(), metric.getName())));
				}
			}
			rows.add(new LayerRow(layer, layer.getName(), Layers.levelOf(layer), inLayer));
		}
		return rows;
	}

	@Override
	public Object[] getChildren(Object parent) {
		return parent instanceof LayerRow layer ? layer.metrics().toArray() : new Object[0];
	}

	@Override
	public Object getParent(Object element) {
		return null;
	}

	@Override
	public boolean hasChildren(Object element) {
		return element instanceof LayerRow layer && !layer.metrics().isEmpty();
	}
}
