package io.yardstick.dsl.model;

import io.yardstick.dsl.kpi.Layer;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Template;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Layer levels: a higher level is closer to business results. The three standard layers have
 * default levels; any other layer must state its own with {@code level N}.
 */
public final class Layers {
	public static final String STRATEGIC = "strategic";
	public static final String MANAGEMENT = "management";
	public static final String EXECUTION = "execution";

	public static final Map<String, Integer> DEFAULT_LEVELS = Map.of(STRATEGIC, 3, MANAGEMENT, 2, EXECUTION, 1);

	private Layers() {
	}

	/** The layer's level, or empty when it is neither standard nor given one (a validation error). */
	public static OptionalInt levelOf(Layer layer) {
		if (layer == null) {
			return OptionalInt.empty();
		}
		BigDecimal declared = layer.getLevel();
		if (declared != null) {
			try {
				return OptionalInt.of(declared.intValueExact());
			} catch (ArithmeticException notAnInteger) {
				return OptionalInt.empty();
			}
		}
		Integer standard = layer.getName() == null ? null : DEFAULT_LEVELS.get(layer.getName());
		return standard == null ? OptionalInt.empty() : OptionalInt.of(standard);
	}

	public static Layer layerOf(Metric metric) {
		return metric.eContainer() instanceof Layer layer ? layer : null;
	}

	public static OptionalInt levelOf(Metric metric) {
		return levelOf(layerOf(metric));
	}

	public static String layerName(Metric metric) {
		Layer layer = layerOf(metric);
		return layer == null ? "?" : layer.getName();
	}

	/**
	 * A metric of the layer named strategic, or of the top layer when the template has layers on
	 * several levels; a one-level template has no strategy to tell apart from its operations.
	 */
	public static boolean isStrategic(Metric metric) {
		Layer layer = layerOf(metric);
		Template template = TemplateHierarchy.templateOf(metric);
		if (layer == null || template == null) {
			return false;
		}
		if (STRATEGIC.equals(layer.getName())) {
			return true;
		}
		OptionalInt level = levelOf(layer);
		int[] levels = TemplateHierarchy.layers(template).stream().map(Layers::levelOf).filter(OptionalInt::isPresent)
				.mapToInt(OptionalInt::getAsInt).distinct().toArray();
		int top = Arrays.stream(levels).max().orElse(Integer.MIN_VALUE);
		return levels.length > 1 && level.isPresent() && level.getAsInt() == top;
	}
}
