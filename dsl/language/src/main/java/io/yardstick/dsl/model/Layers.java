package io.yardstick.dsl.model;

import io.yardstick.dsl.kpi.Layer;
import io.yardstick.dsl.kpi.Metric;
import java.math.BigDecimal;
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
			} catch (ArithmeticException notAnIntegerOrTooLarge) {
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
}
