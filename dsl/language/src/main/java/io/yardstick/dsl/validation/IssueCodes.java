package io.yardstick.dsl.validation;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every diagnostic Yardstick reports carries one of these codes; each code has one severity.
 * docs/validation.md explains each with an example and the fix, and a test keeps that page and
 * this class in step. Codes are stable: tools and reviewers filter on them.
 */
public final class IssueCodes {
	private IssueCodes() {
	}

	// ---- files and syntax (reported by the parser and the workspace loader)

	/** Error: the text does not follow the grammar. */
	public static final String SYNTAX_ERROR = "syntax-error";
	/** Warning: a .kpi file that is empty or holds only comments. */
	public static final String EMPTY_FILE = "empty-file";
	/** Error: a file that is not valid UTF-8; the position is that of the first bad byte. */
	public static final String ENCODING_ERROR = "encoding-error";
	/** Error: a file that cannot be read: no permission, or a link that points nowhere. */
	public static final String UNREADABLE_FILE = "unreadable-file";
	/** Error: a check crashed on this element; the model is not fully validated. Please report it. */
	public static final String INTERNAL_ERROR = "internal-error";
	/**
	 * Error: text nested past the parser's limit (200 levels of parentheses, calls, ifs, signs) or a formula
	 * deeper than 2,000 levels (a chain of 2,000 terms); see io.yardstick.dsl.model.Limits.
	 */
	public static final String TOO_DEEP = "too-deep";

	// ---- rule 1: references and names

	/** Error: a name that resolves to nothing: field, source, metric, template, dimension, enum value. */
	public static final String UNRESOLVED_REFERENCE = "unresolved-reference";
	/** Error: an import that matches no template or source. */
	public static final String UNRESOLVED_IMPORT = "unresolved-import";
	/** Error: two elements of the same kind with the same name in one scope, or one qualified name in two files. */
	public static final String DUPLICATE_NAME = "duplicate-name";
	/** Error: a call of a function the formula language does not have. */
	public static final String UNKNOWN_FUNCTION = "unknown-function";
	/** Error: a number with a unit that is neither a duration unit nor an ISO 4217 currency code. */
	public static final String UNKNOWN_UNIT = "unknown-unit";
	/** Error: a template that extends itself, directly or through others. */
	public static final String EXTENDS_CYCLE = "extends-cycle";

	// ---- rule 2: derived metrics

	/** Error: metrics whose formulas refer to each other in a cycle. */
	public static final String METRIC_CYCLE = "metric-cycle";

	// ---- rule 3: kinds and units of formulas

	/** Error: operands or arguments whose kinds do not go together (percent + duration, timestamp + timestamp). */
	public static final String KIND_MISMATCH = "kind-mismatch";
	/** Error: amounts in different currencies combined. */
	public static final String CURRENCY_MISMATCH = "currency-mismatch";
	/** Error: an aggregate or a metric value inside the row expression of an aggregate. */
	public static final String AGGREGATE_IN_ROW = "aggregate-in-row";
	/** Error: a row field used where a metric value is needed, outside any aggregate. */
	public static final String ROW_OUTSIDE_AGGREGATE = "row-outside-aggregate";
	/** Error: one aggregate reading rows of two sources; it must navigate a reference instead. */
	public static final String MIXED_SOURCES = "mixed-sources";
	/** Error: a function called with the wrong number or kind of arguments. */
	public static final String WRONG_ARGUMENTS = "wrong-arguments";
	/**
	 * Error: a construct per entity (an aggregate inside another, or {@code previous(x per Customer)}) whose source
	 * references the entity through several fields, so that whose rows are meant cannot be told.
	 */
	public static final String PER_ENTITY_AMBIGUOUS = "per-entity-ambiguous";
	/**
	 * Error: a construct per entity that cannot be computed: an aggregate per entity inside another one, one that
	 * is not count, sum, avg, min or max, a {@code per} on the inner aggregate, or {@code previous(x per E)} outside
	 * an aggregate, over something other than a timestamp or date field, or from a source without a reference to E.
	 */
	public static final String PER_ENTITY_INVALID = "per-entity-invalid";
	/**
	 * Error: a window over periods ({@code rolling}, {@code yearToDate}, ...) whose first argument is not an
	 * aggregate call, or an aggregate whose per-period states do not add up: countDistinct, median, percentile,
	 * stddev.
	 */
	public static final String WINDOW_INVALID = "window-invalid";

	// ---- rule 4: declared kind against formula

	/** Error: the formula gives a kind or unit that cannot be the metric's declared one. */
	public static final String METRIC_KIND_MISMATCH = "metric-kind-mismatch";
	/** Warning: the formula's kind fits the declared one only loosely (a count declared as a percent). */
	public static final String METRIC_KIND_SUSPICIOUS = "metric-kind-suspicious";
	/** Error: a metric without a formula. */
	public static final String MISSING_FORMULA = "missing-formula";

	// ---- rule 5: layers and links

	/** Error: a layer that is not strategic, management or execution and states no level. */
	public static final String UNKNOWN_LAYER_LEVEL = "unknown-layer-level";
	/** Error: a link from a higher layer to a lower one that is not marked {@code feedback}. */
	public static final String LINK_DOWNWARD = "link-downward";
	/** Error: a link from a metric to itself, or the same link declared twice. */
	public static final String LINK_INVALID = "link-invalid";
	/** Warning: a metric of the top layer that no chain of links reaches from the bottom layer. */
	public static final String STRATEGIC_UNREACHED = "strategic-unreached";
	/** Warning: a metric that is in no link. */
	public static final String ORPHAN_METRIC = "orphan-metric";

	// ---- rule 6: polarity

	/** Warning: a link whose sign says improving one metric worsens the other, given their directions. */
	public static final String LINK_POLARITY_CONTRADICTION = "link-polarity-contradiction";
	/** Warning: a loop whose composed sign says improving its first metric worsens its last. */
	public static final String LOOP_POLARITY_CONTRADICTION = "loop-polarity-contradiction";
	/** Error: a loop with a step for which no link is declared. */
	public static final String LOOP_BROKEN = "loop-broken";

	// ---- rule 7: targets and thresholds

	/** Error: a target or threshold that points the wrong way for the metric's direction. */
	public static final String TARGET_DIRECTION = "target-direction";
	/** Error: a target or threshold outside the range of the metric's kind (120% for a percent). */
	public static final String TARGET_OUT_OF_RANGE = "target-out-of-range";
	/** Error: warning and critical thresholds in the wrong order relative to each other and the target. */
	public static final String THRESHOLD_ORDER = "threshold-order";
	/** Error: a target or threshold that is not a constant, or not of the metric's kind. */
	public static final String TARGET_INVALID = "target-invalid";

	// ---- rule 8: fewer but precise

	/** Warning: more core metrics in a layer than the template's core-limit. */
	public static final String CORE_LIMIT_EXCEEDED = "core-limit-exceeded";

	// ---- rule 9: aggregation pitfalls

	/** Warning: an average or median of a percent or ratio value, which weights every row alike. */
	public static final String AVERAGE_OF_RATIO = "average-of-ratio";
	/** Warning: a division of two aggregates of one source whose numerator filter is not narrower than the denominator's. */
	public static final String RATIO_FILTER_NOT_NARROWER = "ratio-filter-not-narrower";
	/** Info: a division whose denominator can be zero; the value is null there. */
	public static final String ZERO_DENOMINATOR = "zero-denominator";

	// ---- rule 10: breakdowns and time

	/** Error: a breakdown (by) that a source the metric aggregates cannot provide. */
	public static final String BREAKDOWN_UNAVAILABLE = "breakdown-unavailable";
	/** Warning: a metric that cannot vary by period: its sources have no time axis and it does not use period. */
	public static final String NO_TIME_AXIS = "no-time-axis";
	/** Error: a time axis that is not a timestamp or date field, or of a source the metric does not aggregate. */
	public static final String TIME_AXIS_INVALID = "time-axis-invalid";

	// ---- rule 11: documentation of strategic metrics

	/** Warning: a metric of the strategic (top) layer without a label or a description. */
	public static final String STRATEGIC_UNDOCUMENTED = "strategic-undocumented";

	// ---- rule 12: reports

	/** Error: a tile asks for a breakdown its metric does not declare in its `by`. */
	public static final String REPORT_BREAKDOWN_UNAVAILABLE = "report-breakdown-unavailable";
	/** Error: a chart that does not fit its metric: a gauge without a bounded scale, a trend of a metric without periods, bars without a breakdown. */
	public static final String REPORT_CHART_UNFIT = "report-chart-unfit";
	/** Warning: a report without pages, or a page without tiles. */
	public static final String REPORT_EMPTY = "report-empty";

	// ---- rule 13: inheritance

	/** Error: a metric that redeclares an inherited one without saying `override`. */
	public static final String OVERRIDE_UNMARKED = "override-unmarked";
	/** Error: an `override metric` with nothing of its name to override. */
	public static final String OVERRIDE_UNKNOWN = "override-unknown";
	/** Error: an override that changes the kind or unit of the metric it overrides. */
	public static final String OVERRIDE_KIND_CHANGED = "override-kind-changed";
	/** Error: a metric both excluded and declared in one template. */
	public static final String EXCLUSION_CONFLICT = "exclusion-conflict";
	/** Error: an exclusion that leaves an inherited formula reading the excluded metric. */
	public static final String EXCLUSION_BREAKS_FORMULA = "exclusion-breaks-formula";
	/** Error: an exclusion that cuts an inherited loop that is not excluded too. */
	public static final String EXCLUSION_BREAKS_LOOP = "exclusion-breaks-loop";
	/** Info: the inherited links and report tiles that go with an excluded metric. */
	public static final String EXCLUSION_DROPS = "exclusion-drops";
	/** Error: a field an `extend source` adds whose name the source already has. */
	public static final String SOURCE_FIELD_CLASH = "source-field-clash";

	// ---- structure of templates and sources

	/** Error: a template setting with an impossible value: an unknown time zone, a core-limit below 1, a fractional lag. */
	public static final String INVALID_SETTING = "invalid-setting";
	/**
	 * Warning: a time zone Java knows but that is no IANA name of a place: an offset written `UTC+8`, an old alias
	 * such as `PRC`. The issue data holds the spelling to use instead, when there is one.
	 */
	public static final String ZONE_SPELLING = "zone-spelling";
	/** Error: a source that others reference but that declares no key, or declares several keys or time axes. */
	public static final String SOURCE_STRUCTURE = "source-structure";
	/** Error: an impossible kind: score(5..1), an unknown duration unit or currency; a metric of kind text, bool or enum. */
	public static final String INVALID_KIND = "invalid-kind";
	/** Error: a number the setting or function cannot take: a core-limit of 10^20, previous(m, 2147483648), a 300-digit literal. */
	public static final String NUMBER_OUT_OF_RANGE = "number-out-of-range";
	/** Error: an import with nothing to import, such as `import .*`. */
	public static final String EMPTY_IMPORT = "empty-import";
	/** Error: two labels in the same language. */
	public static final String DUPLICATE_LABEL = "duplicate-label";
	/**
	 * Error: a {@code data} block that cannot describe a file: an unknown setting or an impossible value, a
	 * setting or field given twice, two fields reading one column, two blocks for one source in one template.
	 */
	public static final String DATA_FORMAT = "data-format";

	// ---- template tests (docs/testing.md), checked by TestValidator

	/** Error: a test names a metric, source, field or breakdown the template under test does not have. */
	public static final String TEST_UNKNOWN_NAME = "test-unknown-name";
	/** Error: a period that is no period of the test's grain (2026-13, 2026-W10 at month grain), or a bad from/to day. */
	public static final String TEST_BAD_PERIOD = "test-bad-period";
	/** Error: an expectation's group by a breakdown its metric does not have, or by one dimension twice. */
	public static final String TEST_BAD_GROUP = "test-bad-group";
	/** Error: an expected value or tolerance not in the metric's unit (2h for a percent), or an unknown status. */
	public static final String TEST_VALUE_KIND = "test-value-kind";
	/** Error: input rows that do not fit their source: a missing required column, a row of the wrong width, no file. */
	public static final String TEST_BAD_ROWS = "test-bad-rows";

	// ---- labels of breakdown values (DimensionValueValidator)

	/** Error: a dimension that labels the same value twice. */
	public static final String DIMENSION_VALUE_DUPLICATE = "dimension-value-duplicate";
	/** Warning: a labelled value that the enum a dimension maps onto does not have: it labels nothing. */
	public static final String DIMENSION_VALUE_UNKNOWN = "dimension-value-unknown";
	/** Info: a value without a label in a language that other values of its dimension are labelled in. */
	public static final String DIMENSION_VALUE_UNTRANSLATED = "dimension-value-untranslated";

	// ---- cohort tables (CohortTableValidator)

	/** Error: a cohort table's age that is not a whole number of periods, or that is given twice. */
	public static final String COHORT_AGE_INVALID = "cohort-age-invalid";
	/** Error: a cohort table whose ages are read by metrics of different kinds or units, so its cells do not compare. */
	public static final String COHORT_KIND_MISMATCH = "cohort-kind-mismatch";

	/** Every code above, in declaration order. */
	public static List<String> all() {
		List<String> codes = new ArrayList<>();
		for (Field field : IssueCodes.class.getDeclaredFields()) {
			int modifiers = field.getModifiers();
			if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
				try {
					codes.add((String) field.get(null));
				} catch (IllegalAccessException impossible) {
					throw new IllegalStateException(impossible);
				}
			}
		}
		return Collections.unmodifiableList(codes);
	}
}
