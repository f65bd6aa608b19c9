package io.yardstick.dsl.validation;

import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.model.Overrides;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.model.LayerLevels;
import io.yardstick.dsl.types.FormulaAnalysis;
import io.yardstick.dsl.types.FormulaAnalyzer;
import io.yardstick.dsl.model.Sources;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Formula analyses for one validation run. Xtext hands every check of a run the same context map;
 * the analyses live there, so each formula is analysed once per run and never outlives a change.
 */
public final class Analyses {
	private final FormulaAnalyzer analyzer;
	private final Map<Metric, FormulaAnalysis> analyses = new IdentityHashMap<>();
	private final Map<Metric, Set<Source>> reachedSources = new IdentityHashMap<>();
	private final Map<Template, LayerLevels> layerLevels = new IdentityHashMap<>();

	private Analyses(FormulaAnalyzer analyzer) {
		this.analyzer = analyzer;
	}

	/** Analyses outside a validation run, such as a generator's. */
	public static Analyses standalone(FormulaAnalyzer analyzer) {
		return new Analyses(analyzer);
	}

	static Analyses of(Map<Object, Object> context, FormulaAnalyzer analyzer) {
		if (context == null) {
			return new Analyses(analyzer);
		}
		return (Analyses) context.computeIfAbsent(Analyses.class, key -> new Analyses(analyzer));
	}

	public FormulaAnalysis of(Metric metric) {
		return analyses.computeIfAbsent(metric, analyzer::analyze);
	}

	/** The levels of the template's layers, worked out once per run. */
	public LayerLevels layerLevels(Template template) {
		return layerLevels.computeIfAbsent(template, LayerLevels::of);
	}

	/** Sources the metric aggregates itself or through the metrics it refers to, cycles allowed for. */
	public Set<Source> sourcesReached(Metric metric) {
		Set<Source> cached = reachedSources.get(metric);
		if (cached != null) {
			return cached;
		}
		Set<Source> sources = new LinkedHashSet<>();
		collectSources(TemplateHierarchy.resolver(TemplateHierarchy.templateOf(metric)), metric, sources,
				Collections.newSetFromMap(new IdentityHashMap<>()));
		reachedSources.put(metric, sources);
		return sources;
	}

	/** References are followed as the asking metric's template computes them: an override replaces its original. */
	private void collectSources(TemplateHierarchy.Resolver resolver, Metric metric, Set<Source> sources,
			Set<Metric> visited) {
		if (metric == null || !visited.add(metric)) {
			return;
		}
		FormulaAnalysis analysis = of(metric);
		sources.addAll(analysis.aggregatedSources());
		for (Metric referenced : analysis.referencedMetrics()) {
			collectSources(resolver, resolver.resolve(referenced), sources, visited);
		}
		for (Metric referenced : analysis.laggedMetrics()) {
			collectSources(resolver, resolver.resolve(referenced), sources, visited);
		}
	}

	/** Whether the metric can differ from one period to the next. */
	public boolean variesByPeriod(Metric metric) {
		return variesByPeriod(metric, new HashSet<>());
	}

	private boolean variesByPeriod(Metric metric, Set<Metric> visited) {
		if (!visited.add(metric)) {
			return false;
		}
		FormulaAnalysis analysis = of(metric);
		if (analysis.usesPeriod() || Overrides.timeAxis(metric) != null) {
			return true;
		}
		for (Source source : analysis.aggregatedSources()) {
			if (Sources.timeAxis(source).isPresent()) {
				return true;
			}
		}
		// An aggregate per entity reads its own source's rows of the period.
		for (io.yardstick.dsl.kpi.Field reference : analysis.entityAggregates().values()) {
			if (Sources.timeAxis(Sources.sourceOf(reference)).isPresent()) {
				return true;
			}
		}
		for (Metric referenced : analysis.referencedMetrics()) {
			if (variesByPeriod(referenced, visited)) {
				return true;
			}
		}
		return !analysis.laggedMetrics().isEmpty();
	}
}
