package io.yardstick.dsl.generator;

import io.yardstick.dsl.model.Overrides;
import io.yardstick.dsl.kpi.Band;
import io.yardstick.dsl.kpi.Bound;
import io.yardstick.dsl.kpi.Condition;
import io.yardstick.dsl.kpi.Dimension;
import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.Label;
import io.yardstick.dsl.kpi.Layer;
import io.yardstick.dsl.kpi.Link;
import io.yardstick.dsl.kpi.Loop;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.OutsideBand;
import io.yardstick.dsl.kpi.Page;
import io.yardstick.dsl.kpi.Polarity;
import io.yardstick.dsl.kpi.Report;
import io.yardstick.dsl.kpi.Symbol;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.kpi.Tile;
import io.yardstick.dsl.model.Layers;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.types.Constants;
import io.yardstick.dsl.types.FormulaAnalyzer;
import io.yardstick.dsl.validation.Analyses;
import io.yardstick.report.ReportDefinition;
import io.yardstick.report.ReportDefinition.AlertRules;
import io.yardstick.report.ReportDefinition.Chart;
import io.yardstick.report.ReportDefinition.PageKind;
import io.yardstick.report.ReportDefinition.Threshold;
import io.yardstick.runtime.spec.Specs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second output of the generator: a template's reports as {@link ReportDefinition}s. The template's
 * {@code report} blocks, in order; without any, one report derived from its layers, named
 * {@value #DERIVED_NAME}: a page per layer from the top level down with a tile per metric, then the link graph,
 * then the alerts.
 */
public final class ReportGenerator {
	public static final String DERIVED_NAME = "overview";
	private static final Map<String, String> GRAPH_LABELS = Specs.labels("zh", "因果链路", "en", "Causal links");
	private static final Map<String, String> ALERTS_LABELS = Specs.labels("zh", "预警", "en", "Alerts");

	/** A definition and where {@code yardstick generate} writes it, relative to its output folder. */
	public record GeneratedReport(ReportDefinition definition, String relativePath) {
	}

	public List<GeneratedReport> generate(Template template) {
		String qualified = CalculatorGenerator.qualifiedName(template);
		return definitions(template).stream()
				.map(definition -> new GeneratedReport(definition,
						"reports/" + JavaNames.fileName(qualified + "." + definition.name()) + ".json"))
				.toList();
	}

	public List<ReportDefinition> definitions(Template template) {
		String qualified = CalculatorGenerator.qualifiedName(template);
		List<ReportDefinition.Metric> metrics = TemplateHierarchy.metrics(template).stream().map(this::metric).toList();
		List<ReportDefinition.Dimension> dimensions = dimensions(template);
		List<ReportDefinition.Link> links = TemplateHierarchy.links(template).stream().map(this::link).toList();
		List<ReportDefinition.Loop> loops = TemplateHierarchy.loops(template).stream().map(this::loop)
				.toList();
		List<Report> declared = TemplateHierarchy.reports(template);
		if (declared.isEmpty()) {
			return List.of(new ReportDefinition(ReportDefinition.SCHEMA, qualified, DERIVED_NAME,
					labels(template.getLabels()), true, dimensions, metrics, derivedPages(template), links, loops, AlertRules.DEFAULT));
		}
		return declared.stream()
				.map(report -> new ReportDefinition(ReportDefinition.SCHEMA, qualified, report.getName(),
						labels(report.getLabels()), false, dimensions, metrics,
						report.getPages().stream().map(page -> page(template, page)).toList(), links, loops,
						AlertRules.DEFAULT))
				.toList();
	}

	// ------------------------------------------------------------------ derived

	private List<ReportDefinition.Page> derivedPages(Template template) {
		Analyses analyses = Analyses.standalone(new FormulaAnalyzer());
		List<Layer> layers = new ArrayList<>(TemplateHierarchy.layers(template));
		layers.sort(Comparator.comparingInt((Layer layer) -> Layers.levelOf(layer).orElse(Integer.MIN_VALUE)).reversed());
		List<ReportDefinition.Page> pages = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (Layer layer : layers) {
			List<ReportDefinition.Tile> tiles = new ArrayList<>();
			// A layer redeclared to add metrics hides the inherited declaration of the layer, not its metrics:
			// the page takes every metric of the layer's name.
			for (Metric metric : TemplateHierarchy.metrics(template)) {
				if (!layer.getName().equals(Layers.layerName(metric))) {
					continue;
				}
				Chart chart = Overrides.formula(metric) != null && analyses.variesByPeriod(metric) ? Chart.TREND : Chart.VALUE;
				tiles.add(new ReportDefinition.Tile(metric.getName(), chart, names(Overrides.breakdowns(metric))));
			}
			names.add(layer.getName());
			pages.add(new ReportDefinition.Page(layer.getName(), labels(layer.getLabels()), PageKind.METRICS,
					layer.getName(), tiles));
		}
		pages.add(new ReportDefinition.Page(unique("links", names), GRAPH_LABELS, PageKind.GRAPH, null, List.of()));
		pages.add(new ReportDefinition.Page(unique("alerts", names), ALERTS_LABELS, PageKind.ALERTS, null, List.of()));
		return pages;
	}

	/** A layer may be called links or alerts; the derived pages then take the next free name. */
	private static String unique(String name, Set<String> taken) {
		String candidate = name;
		for (int i = 2; taken.contains(candidate); i++) {
			candidate = name + "-" + i;
		}
		taken.add(candidate);
		return candidate;
	}

	// ------------------------------------------------------------------ declared

	private ReportDefinition.Page page(Template template, Page page) {
		if (page.getView() != null) {
			PageKind kind = PageKind.of(page.getView());
			return new ReportDefinition.Page(page.getName(), labels(page.getLabels()), kind, null, List.of());
		}
		// An inherited report keeps its tiles of metrics the template still computes.
		TemplateHierarchy.Resolver resolver = TemplateHierarchy.resolver(template);
		List<ReportDefinition.Tile> tiles = page.getTiles().stream()
				.filter(tile -> resolver.resolve(tile.getMetric()) != null)
				.map(tile -> new ReportDefinition.Tile(tile.getMetric().getName(),
						tile.getChart() == null ? Chart.TREND : Chart.of(tile.getChart()), names(tile.getBreakdowns())))
				.toList();
		return new ReportDefinition.Page(page.getName(), labels(page.getLabels()), PageKind.METRICS, null, tiles);
	}

	// ------------------------------------------------------------------ the template's metrics, links, loops

	private static List<ReportDefinition.Dimension> dimensions(Template template) {
		Map<String, ReportDefinition.Dimension> byName = new LinkedHashMap<>();
		for (Metric metric : TemplateHierarchy.metrics(template)) {
			for (Symbol breakdown : Overrides.breakdowns(metric)) {
				List<Label> labels = breakdown instanceof Dimension dimension ? dimension.getLabels()
						: breakdown instanceof Field field ? field.getLabels() : List.of();
				byName.putIfAbsent(breakdown.getName(), new ReportDefinition.Dimension(breakdown.getName(), labels(labels)));
			}
		}
		return List.copyOf(byName.values());
	}

	private ReportDefinition.Metric metric(Metric metric) {
		return new ReportDefinition.Metric(metric.getName(), Layers.layerName(metric), threshold(Overrides.target(metric)),
				threshold(Overrides.warning(metric)), threshold(Overrides.critical(metric)));
	}

	private ReportDefinition.Link link(Link link) {
		return new ReportDefinition.Link(link.getSource().getName(), link.getTarget().getName(),
				link.getPolarity() == Polarity.POSITIVE ? "positive" : "negative",
				link.getLag() == null ? null : new ReportDefinition.Lag(link.getLag().intValue(), link.getGrain().getLiteral()),
				link.getStatus() == null ? "hypothesized" : link.getStatus().getLiteral(), link.isFeedback(),
				link.getRationale());
	}

	private ReportDefinition.Loop loop(Loop loop) {
		return new ReportDefinition.Loop(loop.getName(), labels(loop.getLabels()),
				loop.getSteps().stream().map(Metric::getName).toList());
	}

	private static Threshold threshold(Condition condition) {
		if (condition instanceof Band band) {
			return new Threshold("between", constant(band.getLow()), constant(band.getHigh()));
		}
		if (condition instanceof OutsideBand band) {
			return new Threshold("outside", constant(band.getLow()), constant(band.getHigh()));
		}
		if (condition instanceof Bound bound) {
			return new Threshold(bound.getOperator(), constant(bound.getValue()), null);
		}
		return null;
	}

	private static double constant(Expression expression) {
		return Constants.evaluate(expression)
				.orElseThrow(() -> new GeneratorException(expression, "a target or threshold must be a constant"))
				.doubleValue();
	}

	private static List<String> names(List<Symbol> symbols) {
		return symbols.stream().map(Symbol::getName).toList();
	}

	private static Map<String, String> labels(List<Label> labels) {
		Map<String, String> map = new LinkedHashMap<>();
		for (Label label : labels) {
			map.putIfAbsent(label.getLanguage() == null ? "" : label.getLanguage(), label.getText());
		}
		return map;
	}

}
