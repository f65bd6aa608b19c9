package io.yardstick.dsl.model;

import io.yardstick.dsl.kpi.Condition;
import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.kpi.FieldPath;
import io.yardstick.dsl.kpi.Label;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Symbol;
import io.yardstick.dsl.kpi.Template;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A metric's settings as they take effect. An {@code override metric} writes only what it changes;
 * each setting it leaves out comes from the metric it overrides, and so on up the {@code extends}
 * chain. Everything that computes, reports or compares metrics reads them through here; checks of
 * what is written (a target's unit, a formula's kinds) read the declaration itself.
 */
public final class Overrides {
	private Overrides() {
	}

	/**
	 * The metric an {@code override metric} replaces: the parent template's metric of the same name.
	 * Null for a plain metric, and for an override with nothing to override (reported by the validator).
	 */
	public static Metric overridden(Metric metric) {
		if (metric == null || !metric.isOverride() || metric.getName() == null) {
			return null;
		}
		Template template = TemplateHierarchy.templateOf(metric);
		if (template == null || template.getParent() == null || template.getParent().eIsProxy()
				|| !TemplateHierarchy.extendsCycle(template).isEmpty()) {
			return null;
		}
		return TemplateHierarchy.metric(template.getParent(), metric.getName());
	}

	/** The metric, the one it overrides, and so on: nearest first. */
	public static List<Metric> chain(Metric metric) {
		List<Metric> chain = new ArrayList<>();
		Set<Metric> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Metric current = metric; current != null && seen.add(current); current = overridden(current)) {
			chain.add(current);
		}
		return chain;
	}

	public static Expression formula(Metric metric) {
		return first(metric, Metric::getFormula);
	}

	public static Condition target(Metric metric) {
		return first(metric, Metric::getTarget);
	}

	public static Condition warning(Metric metric) {
		return first(metric, Metric::getWarning);
	}

	public static Condition critical(Metric metric) {
		return first(metric, Metric::getCritical);
	}

	public static String direction(Metric metric) {
		return first(metric, Metric::getDirection);
	}

	public static FieldPath timeAxis(Metric metric) {
		return first(metric, Metric::getTimeAxis);
	}

	public static String description(Metric metric) {
		return first(metric, Metric::getDescription);
	}

	public static String goal(Metric metric) {
		return first(metric, Metric::getGoal);
	}

	public static String owner(Metric metric) {
		return first(metric, Metric::getOwner);
	}

	public static String operability(Metric metric) {
		return first(metric, Metric::getOperability);
	}

	public static String generality(Metric metric) {
		return first(metric, Metric::getGenerality);
	}

	/** A list setting is inherited when the override writes none: labels as a whole, not one language. */
	public static List<Label> labels(Metric metric) {
		List<Label> labels = first(metric, m -> m.getLabels().isEmpty() ? null : m.getLabels());
		return labels == null ? List.of() : labels;
	}

	public static List<Symbol> breakdowns(Metric metric) {
		List<Symbol> breakdowns = first(metric, m -> m.getBreakdowns().isEmpty() ? null : m.getBreakdowns());
		return breakdowns == null ? List.of() : breakdowns;
	}

	/** {@code supporting} is a flag, so an override cannot unset it: a supporting metric stays one. */
	public static boolean supporting(Metric metric) {
		return chain(metric).stream().anyMatch(Metric::isSupporting);
	}

	/** The declaration that gives the metric its formula: itself, or the nearest metric it overrides that has one. */
	public static Metric formulaOwner(Metric metric) {
		return firstMetric(metric, m -> m.getFormula() != null);
	}

	private static <T> T first(Metric metric, Function<Metric, T> setting) {
		for (Metric declaration : chain(metric)) {
			T value = setting.apply(declaration);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static Metric firstMetric(Metric metric, Predicate<Metric> has) {
		for (Metric declaration : chain(metric)) {
			if (has.test(declaration)) {
				return declaration;
			}
		}
		return null;
	}
}
