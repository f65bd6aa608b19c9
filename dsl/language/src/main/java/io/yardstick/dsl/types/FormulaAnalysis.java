package io.yardstick.dsl.types;

import io.yardstick.dsl.kpi.BinaryExpression;
import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Source;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link FormulaAnalyzer} learned about one expression tree: the type of every node, the
 * problems found, and the facts later checks need, so that no check walks a formula again.
 */
public final class FormulaAnalysis {
	private final Map<Expression, Typed> types = new IdentityHashMap<>();
	private final List<Problem> problems = new ArrayList<>();
	private final Set<Metric> referencedMetrics = new LinkedHashSet<>();
	private final Set<Metric> laggedMetrics = new LinkedHashSet<>();
	private final Map<FunctionCall, Source> aggregates = new LinkedHashMap<>();
	private final Map<FunctionCall, io.yardstick.dsl.kpi.Field> entityAggregates = new LinkedHashMap<>();
	private final Map<FunctionCall, io.yardstick.dsl.kpi.Field> previousRows = new LinkedHashMap<>();
	private final List<BinaryExpression> divisions = new ArrayList<>();
	private boolean usesPeriod;
	private Typed result = Typed.UNKNOWN;

	public Typed typeOf(Expression expression) {
		return expression == null ? Typed.UNKNOWN : types.getOrDefault(expression, Typed.UNKNOWN);
	}

	public Typed result() {
		return result;
	}

	public List<Problem> problems() {
		return Collections.unmodifiableList(problems);
	}

	/**
	 * Metrics whose value in the same period this formula needs, in the order they appear: the
	 * dependencies that must not form a cycle.
	 */
	public Set<Metric> referencedMetrics() {
		return Collections.unmodifiableSet(referencedMetrics);
	}

	/**
	 * Metrics the formula reads only in earlier periods, through {@code previous}: a metric may
	 * read its own past, as a running total does, without forming a cycle.
	 */
	public Set<Metric> laggedMetrics() {
		return Collections.unmodifiableSet(laggedMetrics);
	}

	/** Each aggregate call with the source whose rows it reads (null when that could not be told). */
	public Map<FunctionCall, Source> aggregates() {
		return Collections.unmodifiableMap(aggregates);
	}

	/**
	 * Aggregates per entity: each aggregate inside the rows of another, with the reference field of its own
	 * source that links its rows to the row of the outer aggregate (the entity).
	 */
	public Map<FunctionCall, io.yardstick.dsl.kpi.Field> entityAggregates() {
		return Collections.unmodifiableMap(entityAggregates);
	}

	/** Each {@code previous(x per Entity)} inside rows, with the reference field that names the entity. */
	public Map<FunctionCall, io.yardstick.dsl.kpi.Field> previousRows() {
		return Collections.unmodifiableMap(previousRows);
	}

	/** Sources this formula aggregates directly, in the order they appear. */
	public Set<Source> aggregatedSources() {
		Set<Source> sources = new LinkedHashSet<>();
		for (Source source : aggregates.values()) {
			if (source != null) {
				sources.add(source);
			}
		}
		return sources;
	}

	public List<BinaryExpression> divisions() {
		return Collections.unmodifiableList(divisions);
	}

	/** Whether the formula reads the period itself: {@code in period}, {@code period.start} or {@code period.end}. */
	public boolean usesPeriod() {
		return usesPeriod;
	}

	void record(Expression expression, Typed typed) {
		types.put(expression, typed);
	}

	void report(Problem problem) {
		problems.add(problem);
	}

	void referenced(Metric metric, boolean lagged) {
		(lagged ? laggedMetrics : referencedMetrics).add(metric);
	}

	void aggregate(FunctionCall call, Source rowSource) {
		aggregates.put(call, rowSource);
	}

	void entityAggregate(FunctionCall call, io.yardstick.dsl.kpi.Field reference) {
		entityAggregates.put(call, reference);
	}

	void previousRow(FunctionCall call, io.yardstick.dsl.kpi.Field reference) {
		previousRows.put(call, reference);
	}

	void division(BinaryExpression division) {
		divisions.add(division);
	}

	void periodUsed() {
		usesPeriod = true;
	}

	void result(Typed typed) {
		result = typed;
	}
}
