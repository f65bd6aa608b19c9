package io.yardstick.dsl.generator.sql;

import io.yardstick.dsl.generator.sql.Sql.AggregateFunction;
import io.yardstick.dsl.generator.sql.Sql.Function;
import java.util.List;
import java.util.Map;

/**
 * What the dialects spell alike: double-quoted identifiers and single-quoted literals (unless a dialect
 * quotes its own way), coalesce and nullif, aggregates with {@code FILTER (WHERE …)}. A dialect adds its calendar
 * functions and its exact percentile.
 */
abstract class StandardDialect implements SqlDialect {
	private final Map<Capability, String> capabilities;

	StandardDialect(Map<Capability, String> capabilities) {
		this.capabilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(capabilities));
	}

	@Override
	public Map<Capability, String> capabilities() {
		return capabilities;
	}

	@Override
	public String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	/** With PostgreSQL's standard_conforming_strings on (the default since 9.1) a backslash is an ordinary character. */
	@Override
	public String string(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	@Override
	public final String call(Function function, List<String> a) {
		return switch (function) {
			case COALESCE -> "coalesce(" + String.join(", ", a) + ")";
			case NULL_IF_ZERO -> "nullif(" + a.get(0) + ", 0)";
			case FLOOR -> "floor(" + a.get(0) + ")";
			default -> calendar(function, a);
		};
	}

	/** The functions of points in time and dates, and the grouping mask. */
	abstract String calendar(Function function, List<String> arguments);

	@Override
	public final String aggregate(AggregateFunction function, String argument, String filter, double fraction) {
		String call = switch (function) {
			case COUNT_ROWS -> "count(*)";
			case COUNT_VALUES -> "count(" + argument + ")";
			case COUNT_DISTINCT -> "count(DISTINCT " + argument + ")";
			case SUM -> "sum(" + argument + ")";
			case MIN -> "min(" + argument + ")";
			case MAX -> "max(" + argument + ")";
			case STDDEV_SAMPLE -> "stddev_samp(" + argument + ")";
			case PERCENTILE -> percentile(argument, SqlText.fraction(fraction));
		};
		return filter == null ? call : call + " FILTER (WHERE " + filter + ")";
	}

	/** The exact R-7 percentile of the argument's values at the fraction. */
	abstract String percentile(String argument, String fraction);
}
