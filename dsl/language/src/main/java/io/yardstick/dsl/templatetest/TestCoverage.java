package io.yardstick.dsl.templatetest;

import io.yardstick.dsl.generator.CalculatorGenerator;
import io.yardstick.dsl.generator.CalculatorModel;
import io.yardstick.dsl.kpi.BinaryExpression;
import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.SymbolReference;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.kpi.TemplateTest;
import io.yardstick.dsl.model.Overrides;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.pipeline.CompiledTemplate;
import io.yardstick.dsl.pipeline.ComputeException;
import io.yardstick.dsl.pipeline.JavaEngine;
import io.yardstick.dsl.pipeline.Pipeline;
import io.yardstick.dsl.pipeline.SourceData;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.LoadedModel;
import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.load.LoadResult;
import io.yardstick.runtime.results.GroupingResult;
import io.yardstick.runtime.results.Results;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/**
 * What a template's tests exercised: which metrics have an expectation, which {@code where} filters were seen both
 * true and false (a null filter counts as false, as in a run), which aggregated row values were seen null, which
 * metrics came out null and which divided by zero.
 *
 * <p>Filters and row values are counted by probes: a template that extends the one under test with one
 * {@code count(S where F)} metric per filter and one {@code count(S where (x) is null)} per aggregated value,
 * computed by the same pipeline on each test's rows. A probe counts the rows of the filter's own source in the
 * same periods, so "seen" means seen by the aggregate the filter belongs to.
 */
public final class TestCoverage {
	/** A filter or a row value of one aggregate of a metric, and how often the tests saw each outcome. */
	public static final class Probe {
		private final String metric;
		private final TestPosition position;
		private final String text;
		/** The index of its probe metric; the next one counts the aggregate's rows. */
		private final int index;
		private long seen;
		private long rows;

		Probe(String metric, TestPosition position, String text, int index) {
			this.index = index;
			this.metric = metric;
			this.position = position;
			this.text = text;
		}

		public String metric() {
			return metric;
		}

		public TestPosition position() {
			return position;
		}

		public String text() {
			return text;
		}

		/** Rows where the filter held, or where the value was null. */
		public long seen() {
			return seen;
		}

		/** Rows the aggregate read. */
		public long rows() {
			return rows;
		}
	}

	/** Per metric: expected by a test, seen null, seen dividing by zero, and whether it can divide at all. */
	public static final class MetricCoverage {
		private final String name;
		private final boolean divides;
		private boolean expected;
		private boolean seenNull;
		private boolean seenZeroDenominator;

		MetricCoverage(String name, boolean divides) {
			this.name = name;
			this.divides = divides;
		}

		public String name() {
			return name;
		}

		public boolean expected() {
			return expected;
		}

		public boolean seenNull() {
			return seenNull;
		}

		public boolean divides() {
			return divides;
		}

		public boolean seenZeroDenominator() {
			return seenZeroDenominator;
		}
	}

	/** One template's coverage. */
	public static final class TemplateCoverage {
		private final String template;
		private final Map<String, MetricCoverage> metrics = new LinkedHashMap<>();
		private final List<Probe> filters = new ArrayList<>();
		private final List<Probe> nullables = new ArrayList<>();
		private CompiledTemplate probes;
		private String problem;

		TemplateCoverage(String template) {
			this.template = template;
		}

		public String template() {
			return template;
		}

		public List<MetricCoverage> metrics() {
			return List.copyOf(metrics.values());
		}

		public List<Probe> filters() {
			return List.copyOf(filters);
		}

		public List<Probe> nullables() {
			return List.copyOf(nullables);
		}

		/** Why filters could not be probed, or null. */
		public String problem() {
			return problem;
		}
	}

	private final Map<Template, TemplateCoverage> templates = new LinkedHashMap<>();
	/** Loads the probe templates; one for every template, as creating one costs a language setup. */
	private KpiWorkspace probeWorkspace;

	public List<TemplateCoverage> templates() {
		return List.copyOf(templates.values());
	}

	/** Before a template's tests run: its metrics, its filters and aggregated values, and the probes that count them. */
	void begin(Template template, CompiledTemplate compiled, LoadedModel model) {
		TemplateCoverage coverage = new TemplateCoverage(CalculatorGenerator.qualifiedName(template));
		templates.put(template, coverage);
		for (Metric metric : TemplateHierarchy.metrics(template)) {
			coverage.metrics.put(metric.getName(), new MetricCoverage(metric.getName(), divides(metric)));
		}
		StringBuilder probes = new StringBuilder();
		int index = 0;
		for (CalculatorModel.ScanModel scan : compiled.generated().plan().scans()) {
			List<CalculatorModel.AggregateModel> aggregates = new ArrayList<>(scan.everyPeriod());
			scan.byTimeAxis().values().forEach(aggregates::addAll);
			for (CalculatorModel.AggregateModel aggregate : aggregates) {
				FunctionCall call = aggregate.call();
				Metric metric = aggregate.metric().metric();
				String time = Overrides.timeAxis(metric) == null ? "" : " time " + text(Overrides.timeAxis(metric));
				String source = aggregate.source().getName();
				if (call.getFilter() != null) {
					coverage.filters.add(new Probe(metric.getName(), TestPosition.of(model, call.getFilter()),
							text(call.getFilter()), index));
					probes.append(probe(index++, "count(" + source + " where " + text(call.getFilter()) + ")", time));
					probes.append(probe(index++, "count(" + source + ")", time));
				}
				for (Expression argument : call.getArguments()) {
					if (argument instanceof SymbolReference reference && reference.getSymbol() instanceof Source) {
						continue;
					}
					if (!mayBeNull(argument)) {
						continue;
					}
					coverage.nullables.add(new Probe(metric.getName(), TestPosition.of(model, argument), text(argument),
							index));
					probes.append(probe(index++, "count(" + source + " where (" + text(argument) + ") is null)", time));
					probes.append(probe(index++, "count(" + source + ")", time));
				}
			}
		}
		if (index > 0) {
			coverage.probes = compileProbes(template, model, probes.toString(), coverage);
		}
	}

	private static String probe(int index, String formula, String time) {
		return "\t\tmetric yardstickProbe" + index + " : count supporting { = " + formula + time + " }\n";
	}

	/** Whether an aggregated row value can be null: it reads an optional field, or divides. */
	private static boolean mayBeNull(Expression argument) {
		List<EObject> nodes = new ArrayList<>();
		nodes.add(argument);
		argument.eAllContents().forEachRemaining(nodes::add);
		for (EObject node : nodes) {
			Object target = node instanceof SymbolReference reference ? reference.getSymbol()
					: node instanceof io.yardstick.dsl.kpi.MemberAccess access ? access.getMember() : null;
			if (target instanceof io.yardstick.dsl.kpi.Field field && !field.eIsProxy() && field.isOptional()
					|| node instanceof BinaryExpression binary && "/".equals(binary.getOperator())) {
				return true;
			}
		}
		return false;
	}

	private static boolean divides(Metric metric) {
		Expression formula = Overrides.formula(metric);
		if (formula == null) {
			return false;
		}
		List<EObject> nodes = new ArrayList<>();
		nodes.add(formula);
		formula.eAllContents().forEachRemaining(nodes::add);
		return nodes.stream().anyMatch(node -> node instanceof BinaryExpression binary && "/".equals(binary.getOperator())
				|| node instanceof FunctionCall call && List.of("ratio", "share").contains(call.getFunction()));
	}

	/** The probe template, generated and compiled; null (with the problem noted) when it cannot be. */
	private CompiledTemplate compileProbes(Template template, LoadedModel model, String metrics,
			TemplateCoverage coverage) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (String name : model.names()) {
			if (model.resource(name) instanceof XtextResource resource && resource.getParseResult() != null) {
				texts.put(name, resource.getParseResult().getRootNode().getText());
			}
		}
		String probeFile = "yardstick-coverage-probe.kpi";
		// The probes' formulas are the templates' own text: they need the names their files import.
		java.util.Set<String> namespaces = new java.util.LinkedHashSet<>();
		for (Template ancestor : TemplateHierarchy.lineage(template)) {
			if (ancestor.eContainer() instanceof io.yardstick.dsl.kpi.Model file) {
				file.getImports().forEach(imported -> namespaces.add(imported.getImportedNamespace()));
			}
		}
		StringBuilder imports = new StringBuilder();
		namespaces.forEach(namespace -> imports.append("import ").append(namespace).append('\n'));
		texts.put(probeFile, "package yardstick.coverage\n\n" + imports + "\ntemplate YardstickCoverageProbe extends "
				+ CalculatorGenerator.qualifiedName(template) + " {\n\tlayer yardstickCoverageProbes level 1 {\n" + metrics
				+ "\t}\n}\n");
		try {
			if (probeWorkspace == null) {
				probeWorkspace = new KpiWorkspace();
			}
			LoadedModel probeModel = probeWorkspace.load(texts);
			org.eclipse.emf.ecore.util.EcoreUtil.resolveAll(probeModel.resourceSet());
			Template probe = (Template) ((io.yardstick.dsl.kpi.Model) probeModel.resource(probeFile).getContents().get(0))
					.getElements().get(0);
			return Pipeline.compile(Pipeline.generate(Pipeline.selected(probe, probeModel, List.of()), null));
		} catch (Pipeline.Refused e) {
			coverage.problem = "filters and row values could not be probed: " + e.findings().get(0).message();
			return null;
		} catch (RuntimeException e) {
			coverage.problem = "filters and row values could not be probed: " + e;
			return null;
		}
	}

	/** After a test ran: what its run saw. */
	void record(Template template, TemplateTest test, CompiledTemplate compiled, LoadResult loaded,
			RunOptions options, Results results) {
		TemplateCoverage coverage = templates.get(template);
		if (coverage == null) {
			return;
		}
		for (int m = 0; m < results.template().metrics().size(); m++) {
			MetricCoverage metric = coverage.metrics.get(results.template().metrics().get(m).id());
			if (metric == null) {
				continue;
			}
			if (results.diagnostics().zeroDenominators(m) > 0) {
				metric.seenZeroDenominator = true;
			}
			for (GroupingResult grouping : results.groupings()) {
				if (grouping.computed(m)) {
					for (int cell = 0; cell < grouping.values()[m].length; cell++) {
						if (Double.isNaN(grouping.values()[m][cell])) {
							metric.seenNull = true;
						}
					}
				}
			}
		}
		if (coverage.probes == null) {
			return;
		}
		Results counted;
		try (JavaEngine engine = new JavaEngine()) {
			counted = Pipeline.compute(coverage.probes, engine, SourceData.loaded(loaded.dataset()),
					new RunOptions(options.grain(), List.of(), options.from(), options.to()));
		} catch (ComputeException | RuntimeException e) {
			coverage.problem = "filters and row values could not be probed: " + e.getMessage();
			return;
		}
		for (Probe probe : coverage.filters) {
			probe.seen += total(counted, probe.index);
			probe.rows += total(counted, probe.index + 1);
		}
		for (Probe probe : coverage.nullables) {
			probe.seen += total(counted, probe.index);
			probe.rows += total(counted, probe.index + 1);
		}
	}

	/** A probe's count summed over the run's periods. */
	private static long total(Results counted, int probe) {
		int m = counted.template().metricIndex("yardstickProbe" + probe);
		long sum = 0;
		for (int p = 0; p < counted.periods().count(); p++) {
			double value = counted.total().value(m, p, 0);
			if (!Double.isNaN(value)) {
				sum += (long) value;
			}
		}
		return sum;
	}

	/** A test has an expectation on the metric. */
	void expected(Template template, String metric) {
		TemplateCoverage coverage = templates.get(template);
		if (coverage != null && coverage.metrics.containsKey(metric)) {
			coverage.metrics.get(metric).expected = true;
		}
	}

	private static String text(EObject element) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		return node == null ? io.yardstick.dsl.model.ModelText.full(element) : node.getText().strip().replaceAll("\\s+", " ");
	}
}
