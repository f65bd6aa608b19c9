package io.yardstick.dsl.generator;

import io.yardstick.dsl.model.Overrides;
import io.yardstick.dsl.generator.CalculatorModel.AggregateModel;
import io.yardstick.dsl.generator.CalculatorModel.EntityAggregateModel;
import io.yardstick.dsl.generator.CalculatorModel.MetricModel;
import io.yardstick.dsl.generator.CalculatorModel.ScanModel;
import io.yardstick.dsl.kpi.Dimension;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.FieldPath;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.model.FieldPaths;
import io.yardstick.dsl.model.Sources;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.types.FormulaAnalysis;
import io.yardstick.dsl.types.FormulaAnalyzer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.xtext.EcoreUtil2;

/** Allocates names and assigns aggregates to scans: everything the renderer needs decided. */
public final class CalculatorModelBuilder {
	private final FormulaAnalyzer analyzer = new FormulaAnalyzer();

	/**
	 * @param packageOverride the package of the class, or null for the template's own package
	 * @throws GeneratorException for a construct no backend can compute, with its position
	 */
	public CalculatorModel build(Template template, String packageOverride) {
		String packageName = JavaNames.packageName(packageOverride != null ? packageOverride : packageOf(template));
		String className = JavaNames.type(template.getName(), "Calculator");
		JavaNames members = new JavaNames("run", "timeParts", "periods", "compute", "derive", "metric", "template",
				"TEMPLATE", "ORDER", "row", "rows", "cells", "p", "g", "c", "fromStates", "conclude", "states", "part", "from",
				"to");

		List<MetricModel> metrics = new ArrayList<>();
		JavaNames constants = new JavaNames("TEMPLATE", "ORDER");
		for (Metric metric : TemplateHierarchy.metrics(template)) {
			FormulaAnalysis analysis = analyzer.analyze(metric);
			if (Overrides.formula(metric) == null) {
				throw new GeneratorException(metric, "metric " + metric.getName() + " has no formula");
			}
			metrics.add(new MetricModel(metrics.size(), metric, constants.constant(metric.getName()),
					members.member(metric.getName()), analysis));
		}
		List<Source> sources = sources(template, metrics);
		List<EntityAggregateModel> entityAggregates = new ArrayList<>();
		for (MetricModel metric : metrics) {
			int n = 0;
			for (Map.Entry<FunctionCall, Field> inner : metric.analysis().entityAggregates().entrySet()) {
				FunctionCall call = inner.getKey();
				Source source = Sources.sourceOf(inner.getValue());
				String field = members.member(metric.method(), call.getFunction(), "per", Integer.toString(++n));
				entityAggregates.add(new EntityAggregateModel(call, metric, field, members.member("compute", field),
						source, inner.getValue(), timeAxis(metric.metric(), source)));
			}
		}
		List<ScanModel> scans = new ArrayList<>();
		Map<Source, List<AggregateModel>> bySource = new LinkedHashMap<>();
		for (MetricModel metric : metrics) {
			int n = 0;
			for (Map.Entry<FunctionCall, Source> aggregate : metric.analysis().aggregates().entrySet()) {
				Source source = aggregate.getValue();
				if (source == null) {
					throw new GeneratorException(aggregate.getKey(), "the aggregate reads no source");
				}
				FunctionCall call = aggregate.getKey();
				String field = members.member(metric.method(), call.getFunction(), Integer.toString(++n));
				bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(new AggregateModel(call, metric, field,
						kernelOf(call), source, timeAxis(metric.metric(), source)));
			}
		}
		for (Source source : sources) {
			List<AggregateModel> aggregates = bySource.get(source);
			if (aggregates == null) {
				continue;
			}
			Map<Field, List<AggregateModel>> byAxis = new LinkedHashMap<>();
			List<AggregateModel> everyPeriod = new ArrayList<>();
			for (AggregateModel aggregate : aggregates) {
				if (aggregate.timeAxis() == null) {
					everyPeriod.add(aggregate);
				} else {
					byAxis.computeIfAbsent(aggregate.timeAxis(), axis -> new ArrayList<>()).add(aggregate);
				}
			}
			String method = members.member("scan", source.getName());
			scans.add(new ScanModel(source, method, byAxis, everyPeriod, members.member(method, "part")));
		}
		return new CalculatorModel(template, packageName, className, sources, metrics, scans, order(metrics),
				entityAggregates);
	}

	private static String packageOf(Template template) {
		Model model = EcoreUtil2.getContainerOfType(template, Model.class);
		return model == null || model.getName() == null ? "yardstick.calculators" : model.getName();
	}

	private static String kernelOf(FunctionCall call) {
		return switch (call.getFunction()) {
			case "count" -> "Count";
			case "countDistinct" -> "Distinct";
			case "sum" -> "Sum";
			case "avg" -> "Mean";
			case "min", "max" -> "Extreme";
			case "median", "percentile" -> "Quantile";
			case "stddev" -> "Deviation";
			case "ratio" -> "Ratio";
			case "share" -> "Share";
			default -> throw new GeneratorException(call, "`" + call.getFunction() + "` is not an aggregate");
		};
	}

	/** The metric's own time axis when it names a field of this source, else the source's. */
	private static Field timeAxis(Metric metric, Source source) {
		FieldPath override = Overrides.timeAxis(metric);
		if (override != null && override.getSource() == source) {
			List<Field> path = FieldPaths.fields(override);
			if (path.size() != 1) {
				throw new GeneratorException(override, "a metric's time axis must be a field of the source itself");
			}
			return path.get(0);
		}
		return Sources.timeAxis(source).orElse(null);
	}

	/**
	 * Every source a run needs, in a stable order: the template's own, then those its metrics aggregate,
	 * its dimensions map, and its references reach, in order of discovery.
	 */
	private static List<Source> sources(Template template, List<MetricModel> metrics) {
		Set<Source> found = new LinkedHashSet<>(TemplateHierarchy.sources(template));
		for (MetricModel metric : metrics) {
			found.addAll(metric.analysis().aggregatedSources());
			metric.analysis().entityAggregates().values().forEach(reference -> found.add(Sources.sourceOf(reference)));
		}
		for (Dimension dimension : TemplateHierarchy.dimensions(template)) {
			for (FieldPath mapping : dimension.getMappings()) {
				if (mapping.getSource() != null) {
					found.add(mapping.getSource());
				}
			}
		}
		List<Source> ordered = new ArrayList<>(found);
		for (int i = 0; i < ordered.size(); i++) {
			for (Field field : ordered.get(i).getFields()) {
				Source target = field.getReference();
				if (target != null && !target.eIsProxy() && !ordered.contains(target)) {
					ordered.add(target);
				}
			}
		}
		return ordered;
	}

	/** Metrics after the metrics they read in the same period; declaration order otherwise. */
	private static List<Integer> order(List<MetricModel> metrics) {
		// By name: an inherited formula names the ancestor's metric, which an override replaces.
		Map<String, MetricModel> byMetric = new LinkedHashMap<>();
		metrics.forEach(model -> byMetric.put(model.metric().getName(), model));
		List<Integer> order = new ArrayList<>();
		Set<Metric> done = new HashSet<>();
		Set<Metric> visiting = new HashSet<>();
		for (MetricModel model : metrics) {
			visit(model, byMetric, done, visiting, order);
		}
		return order;
	}

	private static void visit(MetricModel model, Map<String, MetricModel> byMetric, Set<Metric> done,
			Set<Metric> visiting, List<Integer> order) {
		if (done.contains(model.metric())) {
			return;
		}
		if (!visiting.add(model.metric())) {
			throw new GeneratorException(model.metric(), "metric " + model.metric().getName()
					+ " depends on itself in the same period");
		}
		for (Metric dependency : model.analysis().referencedMetrics()) {
			MetricModel target = byMetric.get(dependency.getName());
			if (target != null) {
				visit(target, byMetric, done, visiting, order);
			}
		}
		visiting.remove(model.metric());
		done.add(model.metric());
		order.add(model.index());
	}
}
