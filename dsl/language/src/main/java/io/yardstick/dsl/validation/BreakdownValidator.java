package io.yardstick.dsl.validation;

import static io.yardstick.dsl.validation.IssueCodes.BREAKDOWN_UNAVAILABLE;
import static io.yardstick.dsl.validation.IssueCodes.NO_TIME_AXIS;
import static io.yardstick.dsl.validation.IssueCodes.TIME_AXIS_INVALID;

import io.yardstick.dsl.kpi.Dimension;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.FieldPath;
import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Symbol;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.model.FieldPaths;
import io.yardstick.dsl.model.Sources;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.types.FormulaAnalysis;
import io.yardstick.dsl.types.KpiType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.xtext.validation.Check;

/**
 * Rule 10: a metric is broken down only by dimensions every source it aggregates can provide,
 * and computed per period only when something in it has a time axis.
 */
public class BreakdownValidator extends AbstractKpiCheck {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;

	@Check
	public void checkBreakdowns(Metric metric) {
		List<Symbol> breakdowns = metric.getBreakdowns();
		if (breakdowns.isEmpty()) {
			return;
		}
		Set<Source> sources = analyses().sourcesReached(metric);
		for (int i = 0; i < breakdowns.size(); i++) {
			Symbol breakdown = breakdowns.get(i);
			if (breakdown == null || breakdown.eIsProxy()) {
				continue;
			}
			for (Source source : sources) {
				if (!provides(source, breakdown, TemplateHierarchy.templateOf(metric))) {
					String variant = breakdown instanceof Dimension ? ".dimension" : ".field";
					error(message(metric, BREAKDOWN_UNAVAILABLE + variant, metric.getName(), breakdown.getName(),
							source.getName()), metric, KPI.getMetric_Breakdowns(), i, BREAKDOWN_UNAVAILABLE);
					break;
				}
			}
		}
	}

	/** A template dimension provides a source it maps; a dimension field provides sources that have a field of its name. */
	private static boolean provides(Source source, Symbol breakdown, Template template) {
		if (breakdown instanceof Dimension dimension) {
			return dimension.getMappings().stream().anyMatch(mapping -> mapping.getSource() == source);
		}
		// A field an `extend source` of the template adds counts as the source's own.
		return breakdown instanceof Field && Sources.fields(source, template).stream()
				.anyMatch(field -> breakdown.getName().equals(field.getName()));
	}

	@Check
	public void checkTimeAxis(Metric metric) {
		if (metric.getFormula() == null) {
			return;
		}
		FormulaAnalysis analysis = analyses().of(metric);
		FieldPath axis = metric.getTimeAxis();
		if (axis != null) {
			checkDeclaredAxis(metric, axis, analysis);
			return;
		}
		Set<Source> own = analysis.aggregatedSources();
		if (own.isEmpty() || analyses().variesByPeriod(metric)) {
			return;
		}
		String names = own.stream().map(Source::getName).collect(Collectors.joining(", "));
		warning(message(metric, NO_TIME_AXIS + (own.size() == 1 ? ".one" : ".other"), metric.getName(), names), metric,
				KPI.getSymbol_Name(), NO_TIME_AXIS);
	}

	private void checkDeclaredAxis(Metric metric, FieldPath axis, FormulaAnalysis analysis) {
		Field field = FieldPaths.lastField(axis);
		if (field == null || field.eIsProxy() || axis.getSource() == null || axis.getSource().eIsProxy()) {
			return;
		}
		KpiType type = Sources.typeOf(field);
		if (!type.kind().isTemporal() && !type.kind().isWildcard()) {
			error(message(metric, TIME_AXIS_INVALID + ".kind", FieldPaths.describe(axis), type.describe()), metric,
					KPI.getMetric_TimeAxis(), TIME_AXIS_INVALID);
		} else if (!analysis.aggregatedSources().contains(axis.getSource())) {
			error(message(metric, TIME_AXIS_INVALID + ".source", FieldPaths.describe(axis), axis.getSource().getName(),
					metric.getName()), metric, KPI.getMetric_TimeAxis(), TIME_AXIS_INVALID);
		}
	}
}
