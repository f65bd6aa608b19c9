package io.yardstick.dsl.model;

import io.yardstick.dsl.kpi.Dimension;
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

	public static List<Metric> metrics(Template template) {
		return effective(template, TemplateHierarchy::ownMetrics, Metric::getName);
	}

	public static List<Dimension> dimensions(Template template) {
		return effective(template, t -> members(t, Dimension.class), Dimension::getName);
	}

	public static List<Layer> layers(Template template) {
		return effective(template, t -> members(t, Layer.class), Layer::getName);
	}

	public static List<Link> links(Template template) {
		List<Link> links = new ArrayList<>();
		for (Template t : lineage(template)) {
			links.addAll(members(t, Link.class));
		}
		return links;
	}

	public static List<Loop> loops(Template template) {
		return effective(template, t -> members(t, Loop.class), Loop::getName);
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

	private static <T> List<T> effective(Template template, Function<Template, List<T>> own,
			Function<T, String> name) {
		if (template == null) {
			return List.of();
		}
		Map<String, T> byName = new LinkedHashMap<>();
		List<T> unnamed = new ArrayList<>();
		for (Template t : lineage(template)) {
			for (T member : own.apply(t)) {
				String key = name.apply(member);
				if (key == null) {
					unnamed.add(member);
				} else {
					byName.putIfAbsent(key, member);
				}
			}
		}
		List<T> result = new ArrayList<>(byName.values());
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
