package io.yardstick.dsl.generator;

import io.yardstick.dsl.model.Overrides;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import io.yardstick.dsl.generator.CalculatorModel.MetricModel;
import io.yardstick.dsl.kpi.Band;
import io.yardstick.dsl.kpi.Bound;
import io.yardstick.dsl.kpi.CohortTable;
import io.yardstick.dsl.kpi.Condition;
import io.yardstick.dsl.kpi.CurrencyKind;
import io.yardstick.dsl.kpi.Dimension;
import io.yardstick.dsl.kpi.DimensionValue;
import io.yardstick.dsl.kpi.DurationKind;
import io.yardstick.dsl.kpi.EnumKind;
import io.yardstick.dsl.kpi.EnumValue;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.FieldPath;
import io.yardstick.dsl.kpi.Kind;
import io.yardstick.dsl.kpi.Label;
import io.yardstick.dsl.kpi.Layer;
import io.yardstick.dsl.kpi.Link;
import io.yardstick.dsl.kpi.Loop;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.OutsideBand;
import io.yardstick.dsl.kpi.ScoreKind;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Symbol;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.model.DataFormats;
import io.yardstick.dsl.model.FieldPaths;
import io.yardstick.dsl.model.Layers;
import io.yardstick.dsl.model.ModelText;
import io.yardstick.dsl.model.Sources;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.types.Constants;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Renders the {@code TEMPLATE} constant of a calculator: the runtime's description of the template
 * (sources, dimensions, layers, metrics with targets, links, loops), from which data is read and results
 * are labelled and judged.
 */
final class SpecRenderer {
	private static final String SPEC = "io.yardstick.runtime.spec";
	static final ClassName TEMPLATE_SPEC = ClassName.get(SPEC, "TemplateSpec");
	private static final ClassName SOURCE_SPEC = ClassName.get(SPEC, "SourceSpec");
	private static final ClassName SOURCE_FORMAT = ClassName.get(SPEC, "SourceFormat");
	private static final ClassName FIELD_SPEC = ClassName.get(SPEC, "FieldSpec");
	private static final ClassName FIELD_TYPE = ClassName.get(SPEC, "FieldType");
	private static final ClassName DIMENSION_SPEC = ClassName.get(SPEC, "DimensionSpec");
	private static final ClassName LAYER_SPEC = ClassName.get(SPEC, "LayerSpec");
	private static final ClassName METRIC_SPEC = ClassName.get(SPEC, "MetricSpec");
	private static final ClassName LINK_SPEC = ClassName.get(SPEC, "LinkSpec");
	private static final ClassName LOOP_SPEC = ClassName.get(SPEC, "LoopSpec");
	private static final ClassName COHORT_SPEC = ClassName.get(SPEC, "CohortSpec");
	private static final ClassName CONDITION = ClassName.get(SPEC, "Condition");
	private static final ClassName DIRECTION = ClassName.get(SPEC, "Direction");
	private static final ClassName SPECS = ClassName.get(SPEC, "Specs");
	private static final ClassName LIST = ClassName.get(List.class);
	private static final ClassName ZONE_ID = ClassName.get("java.time", "ZoneId");

	private final CalculatorModel model;

	SpecRenderer(CalculatorModel model) {
		this.model = model;
	}

	CodeBlock render() {
		Template template = model.template();
		String zone = template.getTimezone() != null ? template.getTimezone() : inheritedZone(template);
		return CodeBlock.builder()
				.add("new $T($S, $L, $T.of($S),\n", TEMPLATE_SPEC, CalculatorGenerator.qualifiedName(template), labels(template.getLabels()),
						ZONE_ID, JavaNames.text(zone))
				.indent().indent()
				.add("$L,\n", list(model.sources(), this::source))
				.add("$L,\n", list(dimensions(), dimension -> dimension))
				.add("$L,\n", list(TemplateHierarchy.layers(template), this::layer))
				.add("$L,\n", list(model.metrics(), this::metric))
				.add("$L,\n", list(TemplateHierarchy.links(template), this::link))
				.add("$L,\n", list(TemplateHierarchy.loops(template), this::loop))
				.add("$L,\n", strings(timeAxes()))
				.add("$L,\n", strings(fieldsRead()))
				.add("$L", strings(fieldsUnread()))
				.add(cohorts(template))
				.add(")")
				.unindent().unindent()
				.build();
	}

	private static String inheritedZone(Template template) {
		for (Template ancestor : TemplateHierarchy.lineage(template)) {
			if (ancestor.getTimezone() != null) {
				return ancestor.getTimezone();
			}
		}
		return "UTC";
	}

	private static <T> CodeBlock list(List<T> items, Function<T, CodeBlock> render) {
		if (items.isEmpty()) {
			return CodeBlock.of("$T.of()", LIST);
		}
		CodeBlock.Builder list = CodeBlock.builder().add("$T.of(\n", LIST).indent().indent();
		for (int i = 0; i < items.size(); i++) {
			list.add("$L$L", render.apply(items.get(i)), i < items.size() - 1 ? ",\n" : ")");
		}
		return list.unindent().unindent().build();
	}

	private static CodeBlock strings(List<String> values) {
		CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", LIST);
		for (int i = 0; i < values.size(); i++) {
			list.add(i == 0 ? "$S" : ", $S", values.get(i));
		}
		return list.add(")").build();
	}

	static CodeBlock labels(List<Label> labels) {
		CodeBlock.Builder pairs = CodeBlock.builder().add("$T.labels(", SPECS);
		for (int i = 0; i < labels.size(); i++) {
			Label label = labels.get(i);
			pairs.add(i == 0 ? "$S, $S" : ", $S, $S", label.getLanguage() == null ? "" : label.getLanguage(),
					JavaNames.text(label.getText()));
		}
		return pairs.add(")").build();
	}

	/** Each source's time axis, then each other field an aggregate is bucketed by: the periods span them all. */
	private List<String> timeAxes() {
		Set<String> axes = new LinkedHashSet<>();
		for (Source source : model.sources()) {
			Sources.timeAxis(source).ifPresent(axis -> axes.add(source.getName() + "." + axis.getName()));
		}
		for (CalculatorModel.ScanModel scan : model.scans()) {
			for (Field axis : scan.byTimeAxis().keySet()) {
				axes.add(scan.source().getName() + "." + axis.getName());
			}
		}
		return new ArrayList<>(axes);
	}

	/** Every field a formula reads, in order of first reading: loading keeps these even when it could drop them. */
	private List<String> fieldsRead() {
		Set<String> fields = new LinkedHashSet<>();
		for (MetricModel metric : model.metrics()) {
			for (org.eclipse.emf.ecore.EObject node : org.eclipse.xtext.EcoreUtil2
					.eAllContentsAsList(Overrides.formula(metric.metric()))) {
				Field field = node instanceof io.yardstick.dsl.kpi.MemberAccess access ? access.getMember()
						: node instanceof io.yardstick.dsl.kpi.SymbolReference reference
								&& reference.getSymbol() instanceof Field symbol ? symbol : null;
				if (field != null && !field.eIsProxy()) {
					fields.add(Sources.sourceOf(field).getName() + "." + field.getName());
				}
			}
		}
		return new ArrayList<>(fields);
	}

	/**
	 * Every text field that nothing reads: no formula (filters included), no breakdown (a field dimension or a
	 * step of a dimension's path), and no key. Loading checks these fields' cells and drops them.
	 */
	private List<String> fieldsUnread() {
		Set<Field> mapped = new HashSet<>();
		for (Dimension dimension : TemplateHierarchy.dimensions(model.template())) {
			for (FieldPath mapping : dimension.getMappings()) {
				mapped.addAll(FieldPaths.fields(mapping));
			}
		}
		Set<String> read = new HashSet<>(fieldsRead());
		List<String> unread = new ArrayList<>();
		for (Source source : model.sources()) {
			for (Field field : Sources.fields(source, model.template())) {
				String name = source.getName() + "." + field.getName();
				if (field.getReference() == null && field.getKind() != null
						&& Sources.typeOf(field.getKind()).kind().name().equals("TEXT") && !field.isKey()
						&& !field.isDimension() && !mapped.contains(field) && !read.contains(name)
						&& !read.contains(Sources.sourceOf(field).getName() + "." + field.getName())) {
					unread.add(name);
				}
			}
		}
		return unread;
	}

	// ------------------------------------------------------------------ sources

	private CodeBlock source(Source source) {
		CodeBlock fields = list(Sources.fields(source, model.template()), this::field);
		Map<String, String> settings = DataFormats.settings(source, model.template());
		Map<String, String> columns = DataFormats.columns(source, model.template());
		if (settings.isEmpty() && columns.isEmpty()) {
			return CodeBlock.of("new $T($S, $L)", SOURCE_SPEC, source.getName(), fields);
		}
		return CodeBlock.of("new $T($S, $L,\n$>new $T($L,\n$L)$<)", SOURCE_SPEC, source.getName(), fields, SOURCE_FORMAT,
				pairs(settings), pairs(columns));
	}

	/** {@code SourceFormat.pairs("encoding", "GBK", …)}: the map in the template's order. */
	private static CodeBlock pairs(Map<String, String> map) {
		CodeBlock.Builder code = CodeBlock.builder().add("$T.pairs(", SOURCE_FORMAT);
		boolean first = true;
		for (Map.Entry<String, String> entry : map.entrySet()) {
			code.add(first ? "$S, $S" : ", $S, $S", entry.getKey(), entry.getValue());
			first = false;
		}
		return code.add(")").build();
	}

	private CodeBlock field(Field field) {
		Kind kind = field.getKind();
		String type = field.getReference() != null ? "REFERENCE" : Sources.typeOf(kind).kind().name();
		List<String> enumValues = kind instanceof EnumKind enumKind
				? enumKind.getValues().stream().map(EnumValue::getName).toList() : List.of();
		return CodeBlock.of("new $T($S, $T.$L, $L, $L, $L, $L, $S, $L, $L, $L, $S)", FIELD_SPEC, field.getName(),
				FIELD_TYPE, type, field.isOptional(), field.isKey(), field.isDimension(), field.isTimeAxis(),
				unit(kind), bound(kind, true), bound(kind, false), strings(enumValues),
				field.getReference() == null ? null : field.getReference().getName());
	}

	private static String unit(Kind kind) {
		if (kind instanceof DurationKind duration) {
			return duration.getUnit() == null ? "s" : duration.getUnit();
		}
		return kind instanceof CurrencyKind currency ? currency.getCode() : null;
	}

	private static String bound(Kind kind, boolean min) {
		if (kind instanceof ScoreKind score) {
			BigDecimal value = min ? score.getMin() : score.getMax();
			return value == null ? "null" : ExpressionCompiler.javaDouble(value);
		}
		return "null";
	}

	// ------------------------------------------------------------------ dimensions

	/** The template's dimensions, then each field dimension by name across the sources that have it. */
	private List<CodeBlock> dimensions() {
		Map<String, CodeBlock> dimensions = new LinkedHashMap<>();
		for (Dimension dimension : TemplateHierarchy.dimensions(model.template())) {
			CodeBlock.Builder paths = CodeBlock.builder().add("$T.paths(", SPECS);
			boolean first = true;
			for (FieldPath mapping : dimension.getMappings()) {
				List<String> steps = FieldPaths.fields(mapping).stream().map(Field::getName).toList();
				paths.add(first ? "$S, $L" : ", $S, $L", mapping.getSource().getName(), strings(steps));
				first = false;
			}
			CodeBlock values = valueLabels(dimension);
			dimensions.put(dimension.getName(), values == null
					? CodeBlock.of("new $T($S, $L, $L)", DIMENSION_SPEC, dimension.getName(), labels(dimension.getLabels()),
							paths.add(")").build())
					: CodeBlock.of("new $T($S, $L, $L, $L)", DIMENSION_SPEC, dimension.getName(),
							labels(dimension.getLabels()), paths.add(")").build(), values));
		}
		Map<String, List<Field>> fieldDimensions = new LinkedHashMap<>();
		for (Source source : model.sources()) {
			for (Field field : Sources.fields(source, model.template())) {
				if (field.isDimension() && !dimensions.containsKey(field.getName())) {
					fieldDimensions.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field);
				}
			}
		}
		fieldDimensions.forEach((name, fields) -> {
			CodeBlock.Builder paths = CodeBlock.builder().add("$T.paths(", SPECS);
			for (int i = 0; i < fields.size(); i++) {
				paths.add(i == 0 ? "$S, $L" : ", $S, $L", Sources.sourceOf(fields.get(i)).getName(),
						strings(List.of(name)));
			}
			dimensions.put(name, CodeBlock.of("new $T($S, $L, $L)", DIMENSION_SPEC, name,
					labels(fields.get(0).getLabels()), paths.add(")").build()));
		});
		return new ArrayList<>(dimensions.values());
	}

	/** {@code Specs.values("华东", Specs.labels(...), ...)}, or null when no value is labelled (as before values had labels). */
	private static CodeBlock valueLabels(Dimension dimension) {
		if (dimension.getValues().isEmpty()) {
			return null;
		}
		CodeBlock.Builder values = CodeBlock.builder().add("$T.values(", SPECS);
		Set<String> seen = new HashSet<>();
		for (DimensionValue value : dimension.getValues()) {
			if (value.getValue() != null && seen.add(value.getValue())) { // the first of a duplicate, as validated
				values.add(seen.size() == 1 ? "$S, $L" : ", $S, $L", value.getValue(), labels(value.getLabels()));
			}
		}
		return values.add(")").build();
	}

	// ------------------------------------------------------------------ layers, metrics

	private CodeBlock layer(Layer layer) {
		return CodeBlock.of("new $T($S, $L, $L)", LAYER_SPEC, layer.getName(), labels(layer.getLabels()),
				Layers.levelOf(layer).orElse(0));
	}

	private CodeBlock metric(MetricModel model) {
		Metric metric = model.metric();
		Kind kind = metric.getKind();
		List<String> breakdowns = new ArrayList<>();
		for (Symbol breakdown : Overrides.breakdowns(metric)) {
			breakdowns.add(breakdown.getName());
		}
		String direction = Overrides.direction(metric) == null ? "NONE"
				: Overrides.direction(metric).toUpperCase(java.util.Locale.ROOT).replace('-', '_');
		return CodeBlock.builder()
				.add("new $T($S, $L, $S, $T.$L, $S, $L, $L,\n", METRIC_SPEC, metric.getName(),
						labels(Overrides.labels(metric)), Layers.layerName(metric), FIELD_TYPE,
						Sources.typeOf(kind).kind().name(), unit(kind), bound(kind, true), bound(kind, false))
				.indent().indent()
				.add("$T.$L, $L, $L, $L, $L,\n", DIRECTION, direction, Overrides.supporting(metric),
						condition(Overrides.target(metric)), condition(Overrides.warning(metric)),
						condition(Overrides.critical(metric)))
				.add("$L,\n", strings(breakdowns))
				.add("$S,\n", JavaNames.text(ModelText.full(Overrides.formula(metric))))
				.add("$S, $S, $S, $L)", JavaNames.text(Overrides.description(metric)), JavaNames.text(Overrides.goal(metric)),
						JavaNames.text(Overrides.owner(metric)),
						strings(sourcesOf(model)))
				.unindent().unindent()
				.build();
	}

	/** The sources a metric aggregates, directly or through the metrics it reads. */
	private List<String> sourcesOf(MetricModel metric) {
		Set<String> names = new LinkedHashSet<>();
		collectSources(metric, names, new java.util.HashSet<>());
		return new ArrayList<>(names);
	}

	private void collectSources(MetricModel metric, Set<String> names, Set<Metric> seen) {
		if (!seen.add(metric.metric())) {
			return;
		}
		metric.analysis().aggregatedSources().forEach(source -> names.add(source.getName()));
		List<Metric> read = new ArrayList<>(metric.analysis().referencedMetrics());
		read.addAll(metric.analysis().laggedMetrics());
		for (Metric other : read) {
			// By name: an inherited formula names the ancestor's metric, which an override replaces.
			model.metrics().stream().filter(m -> m.metric().getName().equals(other.getName())).findFirst()
					.ifPresent(m -> collectSources(m, names, seen));
		}
	}

	private static CodeBlock condition(Condition condition) {
		if (condition == null) {
			return CodeBlock.of("null");
		}
		if (condition instanceof Band band) {
			return CodeBlock.of("$T.between($L, $L)", CONDITION, constant(band.getLow()), constant(band.getHigh()));
		}
		if (condition instanceof OutsideBand band) {
			return CodeBlock.of("$T.outside($L, $L)", CONDITION, constant(band.getLow()), constant(band.getHigh()));
		}
		Bound bound = (Bound) condition;
		String operator = switch (bound.getOperator()) {
			case "=" -> "EQ";
			case "!=" -> "NE";
			case "<" -> "LT";
			case "<=" -> "LE";
			case ">" -> "GT";
			default -> "GE";
		};
		return CodeBlock.of("$T.bound($T.Operator.$L, $L)", CONDITION, CONDITION, operator, constant(bound.getValue()));
	}

	private static String constant(io.yardstick.dsl.kpi.Expression expression) {
		return ExpressionCompiler.javaDouble(Constants.evaluate(expression)
				.orElseThrow(() -> new GeneratorException(expression, "a target or threshold must be a constant")));
	}

	// ------------------------------------------------------------------ links, loops

	private CodeBlock link(Link link) {
		return CodeBlock.of("new $T($S, $S, $L, $L, $S, $S, $L, $S)", LINK_SPEC, link.getSource().getName(),
				link.getTarget().getName(), link.getPolarity() == io.yardstick.dsl.kpi.Polarity.POSITIVE,
				link.getLag() == null ? 0 : link.getLag().intValue(),
				link.getLag() == null ? null : link.getGrain().getLiteral(),
				link.getStatus() == null ? "hypothesized" : link.getStatus().getLiteral(), link.isFeedback(),
				JavaNames.text(link.getRationale()));
	}

	private CodeBlock loop(Loop loop) {
		return CodeBlock.of("new $T($S, $L, $L)", LOOP_SPEC, loop.getName(), labels(loop.getLabels()),
				strings(loop.getSteps().stream().map(Metric::getName).toList()));
	}

	// ------------------------------------------------------------------ cohort tables

	/** Written only when the template declares one, so that the calculators of other templates stay as they were. */
	private CodeBlock cohorts(Template template) {
		List<CohortTable> tables = TemplateHierarchy.cohortTables(template);
		if (tables.isEmpty()) {
			return CodeBlock.of("");
		}
		return CodeBlock.of(",\n$L", list(tables, this::cohort));
	}

	private CodeBlock cohort(CohortTable table) {
		List<CodeBlock> ages = table.getAges().stream()
				.map(age -> CodeBlock.of("new $T.Age($L, $S)", COHORT_SPEC, age.getAge().intValue(), age.getMetric().getName()))
				.toList();
		return CodeBlock.of("new $T($S, $L, $T.of($L))", COHORT_SPEC, table.getName(), labels(table.getLabels()), LIST,
				CodeBlock.join(ages, ", "));
	}
}
