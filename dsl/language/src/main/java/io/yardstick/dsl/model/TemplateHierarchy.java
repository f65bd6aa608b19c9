package io.yardstick.dsl.model;

import io.yardstick.dsl.kpi.CohortTable;
import io.yardstick.dsl.kpi.Dimension;
import io.yardstick.dsl.kpi.Exclusion;
import io.yardstick.dsl.kpi.Layer;
import io.yardstick.dsl.kpi.Link;
import io.yardstick.dsl.kpi.Loop;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Report;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Template;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;

/**
 * A template together with what it inherits. Members are listed own first, then each ancestor's
 * in order; a name declared nearer hides the same name further up. Every walk stops at an
 * {@code extends} cycle or an unresolved parent, so broken input never loops.
 */
public final class TemplateHierarchy {
	private TemplateHierarchy() {
	}

	public static Template templateOf(EObject object) {
		return EcoreUtil2.getContainerOfType(object, Template.class);
	}

	/** The template itself, then its parent, grandparent and so on. */
	public static List<Template> lineage(Template template) {
		List<Template> lineage = new ArrayList<>();
		Set<Template> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		for (Template current = template; current != null && !current.eIsProxy() && seen.add(current);
				current = current.getParent()) {
			lineage.add(current);
		}
		return lineage;
	}

	/** The templates on the extends cycle through {@code template}, or empty when there is none. */
	public static List<Template> extendsCycle(Template template) {
		List<Template> path = new ArrayList<>();
		for (Template current = template; current != null && !current.eIsProxy(); current = current.getParent()) {
			int index = path.indexOf(current);
			if (index >= 0) {
				List<Template> cycle = path.subList(index, path.size());
				return cycle.contains(template) ? new ArrayList<>(cycle) : List.of();
			}
			path.add(current);
		}
		return List.of();
	}

	public static List<Source> sources(Template template) {
		return effective(template, t -> members(t, Source.class), Source::getName);
	}

	/**
	 * The metrics the template computes: each name's nearest declaration (an {@code override metric}
	 * hides the one it overrides), without those an {@code exclude metric} nearer than them removes.
	 */
	public static List<Metric> metrics(Template template) {
		return effective(template, TemplateHierarchy::ownMetrics, Metric::getName, Exclusion::getMetric);
	}

	/** The template's metric of this name, or null when it has none or excludes it. */
	public static Metric metric(Template template, String name) {
		return resolver(template).byName.get(name);
	}

	/**
	 * What a reference to {@code metric} means in {@code template}: a formula or link inherited from an
	 * ancestor names the ancestor's declaration, but the template computes the nearest one, which may
	 * override it. Null when the template excludes the metric; the metric itself when it is not the
	 * template's at all (an unresolved or foreign reference, reported elsewhere). To resolve many
	 * references, take a {@link #resolver} once.
	 */
	public static Metric resolve(Template template, Metric metric) {
		if (metric != null && templateOf(metric) == template) {
			return metric; // a template's own declaration is always the one it computes
		}
		return resolver(template).resolve(metric);
	}

	/** Resolves references as {@link #resolve} does, with the template's metrics looked up once. */
	public static Resolver resolver(Template template) {
		return new Resolver(template);
	}

	/** The metrics a template computes, by name, and the names it excludes. */
	public static final class Resolver {
		private final Map<String, Metric> byName = new java.util.HashMap<>();
		private final Set<String> excluded;

		private Resolver(Template template) {
			for (Metric metric : metrics(template)) {
				if (metric.getName() != null) {
					byName.putIfAbsent(metric.getName(), metric);
				}
			}
			excluded = template == null ? Set.of() : excludedMetricNames(template);
		}

		public Metric resolve(Metric metric) {
			if (metric == null || metric.eIsProxy() || metric.getName() == null) {
				return metric;
			}
			Metric effective = byName.get(metric.getName());
			if (effective != null) {
				return effective;
			}
			return excluded.contains(metric.getName()) ? null : metric;
		}
	}

	/** Names of the inherited metrics this template or its ancestors exclude. */
	public static Set<String> excludedMetricNames(Template template) {
		Set<String> names = new java.util.TreeSet<>();
		for (Template t : lineage(template)) {
			for (Exclusion exclusion : members(t, Exclusion.class)) {
				Metric metric = exclusion.getMetric();
				if (metric != null && !metric.eIsProxy() && metric.getName() != null) {
					names.add(metric.getName());
				}
			}
		}
		return names;
	}

	/** The {@code exclude metric} and {@code exclude loop} declarations of the template and its ancestors. */
	public static List<Exclusion> exclusions(Template template) {
		List<Exclusion> exclusions = new ArrayList<>();
		for (Template t : lineage(template)) {
			exclusions.addAll(members(t, Exclusion.class));
		}
		return exclusions;
	}

	public static List<Dimension> dimensions(Template template) {
		return effective(template, t -> members(t, Dimension.class), Dimension::getName);
	}

	public static List<Layer> layers(Template template) {
		return effective(template, t -> members(t, Layer.class), Layer::getName);
	}

	/**
	 * The template's links and its ancestors', without those that name a metric the template
	 * excludes: a link goes with its metrics. Endpoints are as declared; see {@link #resolve}.
	 */
	public static List<Link> links(Template template) {
		List<Link> links = new ArrayList<>();
		Resolver resolver = resolver(template);
		for (Link link : declaredLinks(template)) {
			if (resolver.resolve(link.getSource()) != null && resolver.resolve(link.getTarget()) != null) {
				links.add(link);
			}
		}
		return links;
	}

	/** Every link declared in the template and its ancestors, excluded metrics or not. */
	public static List<Link> declaredLinks(Template template) {
		List<Link> links = new ArrayList<>();
		for (Template t : lineage(template)) {
			links.addAll(members(t, Link.class));
		}
		return links;
	}

	/** The loops by nearest declaration, without those an {@code exclude loop} removes. */
	public static List<Loop> loops(Template template) {
		return effective(template, t -> members(t, Loop.class), Loop::getName, Exclusion::getLoop);
	}

	/** The cohort tables by nearest declaration: a descendant redeclares one by its name. */
	public static List<CohortTable> cohortTables(Template template) {
		return effective(template, t -> members(t, CohortTable.class), CohortTable::getName);
	}

	/** The template's reports and its ancestors' not redeclared by name, nearer declarations first. */
	public static List<Report> reports(Template template) {
		return effective(template, t -> members(t, Report.class), Report::getName);
	}

	public static List<Metric> ownMetrics(Template template) {
		List<Metric> metrics = new ArrayList<>();
		for (Layer layer : members(template, Layer.class)) {
			metrics.addAll(layer.getMetrics());
		}
		return metrics;
	}

	public static <T> List<T> members(Template template, Class<T> type) {
		return EcoreUtil2.typeSelect(template.getMembers(), type);
	}

	/** Sources declared at the top of a file, outside any template. */
	public static List<Source> topLevelSources(Model model) {
		return EcoreUtil2.typeSelect(model.getElements(), Source.class);
	}

	private static <T extends EObject> List<T> effective(Template template, Function<Template, List<T>> own,
			Function<T, String> name) {
		return effective(template, own, name, exclusion -> null);
	}

	/**
	 * Walks from the template up. An exclusion hides the name in the templates above the one that
	 * declares it, so a descendant may declare the name afresh.
	 */
	private static <T extends EObject> List<T> effective(Template template, Function<Template, List<T>> own,
			Function<T, String> name, Function<Exclusion, T> excluded) {
		if (template == null) {
			return List.of();
		}
		Map<String, T> byName = new LinkedHashMap<>();
		Map<String, T> overrides = new LinkedHashMap<>();
		Set<String> excludedNames = new java.util.HashSet<>();
		List<T> unnamed = new ArrayList<>();
		for (Template t : lineage(template)) {
			for (T member : own.apply(t)) {
				String key = name.apply(member);
				if (key == null) {
					unnamed.add(member);
				} else if (!excludedNames.contains(key) && !byName.containsKey(key)) {
					// An override takes effect here but keeps the place of the metric it overrides.
					T nearer = overrides.get(key);
					if (nearer == null && member instanceof Metric metric && metric.isOverride()) {
						overrides.put(key, member);
					} else {
						byName.put(key, nearer != null ? nearer : member);
					}
				}
			}
			for (Exclusion exclusion : members(t, Exclusion.class)) {
				T target = excluded.apply(exclusion);
				if (target != null && !target.eIsProxy() && name.apply(target) != null) {
					excludedNames.add(name.apply(target));
				}
			}
		}
		List<T> result = new ArrayList<>(byName.values());
		// An override of nothing (reported by the validator) still counts, after the rest.
		overrides.forEach((key, member) -> {
			if (!byName.containsKey(key)) {
				result.add(member);
			}
		});
		result.addAll(unnamed);
		return result;
	}

	/** Names of the templates in a cycle, for messages: {@code A -> B -> A}. */
	public static String describeCycle(List<Template> cycle) {
		StringBuilder text = new StringBuilder();
		for (Template t : cycle) {
			text.append(t.getName()).append(" -> ");
		}
		return text.append(cycle.get(0).getName()).toString();
	}
}
