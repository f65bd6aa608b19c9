package io.yardstick.dsl.generator;

import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.types.FormulaAnalysis;
import java.util.List;
import java.util.Map;

/**
 * A template as the calculator renderer needs it: every Java name allocated, every aggregate assigned to
 * the scan of its source and the time axis it is bucketed by, and metrics in evaluation order. Built by
 * {@link CalculatorModelBuilder}; the backend-neutral plan that {@link CalculatorRenderer} renders as Java and
 * {@code sql.ScanQueries} as SQL, so that both name every aggregate alike.
 */
public record CalculatorModel(Template template, String packageName, String className, List<Source> sources,
		List<MetricModel> metrics, List<ScanModel> scans, List<Integer> order, List<EntityAggregateModel> entityAggregates) {

	/**
	 * @param constant the name of the metric's index constant
	 * @param method the name of the method that computes it
	 */
	public record MetricModel(int index, Metric metric, String constant, String method, FormulaAnalysis analysis) {
	}

	/**
	 * One aggregate call: the kernel field that accumulates it during the scan of its source.
	 *
	 * @param timeAxis the field that buckets its rows into periods, or null when the source has no time axis
	 *     (then every row counts in every period)
	 */
	public record AggregateModel(FunctionCall call, MetricModel metric, String field, String kernel, Source source,
			Field timeAxis) {
	}

	/**
	 * The single pass over one source: its aggregates, grouped by the time axis that buckets them.
	 *
	 * @param part the name of the method that pairs the scan with its kernels, for a scan split over threads
	 */
	public record ScanModel(Source source, String method, Map<Field, List<AggregateModel>> byTimeAxis,
			List<AggregateModel> everyPeriod, String part) {
	}

	/**
	 * An aggregate per entity: computed before the scans, per period and row of the entity's source (the source
	 * {@code reference} points to), over the rows of {@code source} that reference that row.
	 *
	 * @param timeAxis the field that buckets the rows of {@code source} into periods, or null for every period
	 */
	public record EntityAggregateModel(FunctionCall call, MetricModel metric, String field, String method,
			Source source, Field reference, Field timeAxis) {
	}
}
