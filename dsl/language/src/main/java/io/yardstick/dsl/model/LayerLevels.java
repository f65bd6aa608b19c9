package io.yardstick.dsl.model;

import io.yardstick.dsl.kpi.Layer;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Template;
import java.util.OptionalInt;

/**
 * The levels a template's layers span, inherited layers included: enough to tell which metrics
 * are strategic. Worked out once per template, then asked once per metric.
 *
 * @param top the highest level of any layer
 * @param several whether the layers span more than one level
 */
public record LayerLevels(int top, boolean several) {

	public static LayerLevels of(Template template) {
		int top = Integer.MIN_VALUE;
		int bottom = Integer.MAX_VALUE;
		for (Layer layer : TemplateHierarchy.layers(template)) {
			OptionalInt level = Layers.levelOf(layer);
			if (level.isPresent()) {
				top = Math.max(top, level.getAsInt());
				bottom = Math.min(bottom, level.getAsInt());
			}
		}
		return new LayerLevels(top, top > bottom);
	}

	/**
	 * A metric of the layer named strategic, or of the top layer when the template has layers on
	 * several levels; a one-level template has no strategy to tell apart from its operations.
	 */
	public boolean isStrategic(Metric metric) {
		Layer layer = Layers.layerOf(metric);
		if (layer == null) {
			return false;
		}
		if (Layers.STRATEGIC.equals(layer.getName())) {
			return true;
		}
		OptionalInt level = Layers.levelOf(layer);
		return several && level.isPresent() && level.getAsInt() == top;
	}
}
