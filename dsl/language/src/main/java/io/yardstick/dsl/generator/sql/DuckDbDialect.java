package io.yardstick.dsl.generator.sql;

import io.yardstick.dsl.generator.sql.Sql.AggregateFunction;
import io.yardstick.dsl.generator.sql.Sql.Function;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DuckDB (embedded): ICU time zones, FILTER, GROUPING SETS, quantile_cont. */
public final class DuckDbDialect implements SqlDialect {
	public static final DuckDbDialect INSTANCE = new DuckDbDialect();

	private static final Map<Capability, String> CAPABILITIES = new LinkedHashMap<>();
	static {
		CAPABILITIES.put(Capability.GROUPING_SETS, "GROUP BY GROUPING SETS, grouping()");
		CAPABILITIES.put(Capability.AGGREGATE_FILTER, "FILTER (WHERE ...)");
		CAPABILITIES.put(Capability.COUNT_DISTINCT, "count(DISTINCT x)");
		CAPABILITIES.put(Capability.EXACT_PERCENTILE, "quantile_cont (R-7)");
		CAPABILITIES.put(Capability.SAMPLE_STDDEV, "stddev_samp");
		CAPABILITIES.put(Capability.TIME_ZONES, "SET TimeZone; the ICU extension built in");
	}

	private DuckDbDialect() {
	}

	@Override
	public String name() {
		return "duckdb";
	}

	@Override
	public Map<Capability, String> capabilities() {
		return CAPABILITIES;
	}

	@Override
	public String quote(String identifier) {
		return SqlText.doubleQuoted(identifier);
	}

	@Override
	public String string(String text) {
		return SqlText.singleQuoted(text);
	}

	@Override
	public String number(BigDecimal value) {
		return "CAST(" + SqlText.doubleText(value) + " AS DOUBLE)";
	}

	@Override
	public String call(Function function, List<String> a) {
		return switch (function) {
			case COALESCE -> "coalesce(" + String.join(", ", a) + ")";
			case NULL_IF_ZERO -> "nullif(" + a.get(0) + ", 0)";
			case FLOOR -> "floor(" + a.get(0) + ")";
			case EPOCH_MILLIS -> "epoch_ms(" + a.get(0) + ")";
			case DATE_EPOCH_MILLIS -> "epoch_ms(CAST(" + a.get(0) + " AS TIMESTAMPTZ))";
			case LOCAL_DATE -> "CAST(" + a.get(0) + " AS DATE)";
			case YEAR -> part("year", a.get(0));
			case QUARTER -> part("quarter", a.get(0));
			case MONTH -> part("month", a.get(0));
			case ISO_WEEK -> part("weekofyear", a.get(0));
			case DAY -> part("day", a.get(0));
			case ISO_WEEKDAY -> part("isodow", a.get(0));
			case HOUR -> part("hour", a.get(0));
			case DATE_YEAR -> "year(" + a.get(0) + ")";
			case DATE_QUARTER -> "quarter(" + a.get(0) + ")";
			case DATE_MONTH -> "month(" + a.get(0) + ")";
			case EPOCH_DAY -> "(" + a.get(0) + " - DATE '1970-01-01')";
			case GROUPING_ID -> "grouping(" + String.join(", ", a) + ")";
		};
	}

	/** A calendar part of epoch milliseconds, in the session's time zone. */
	private static String part(String function, String millis) {
		return function + "(to_timestamp(" + millis + " / 1000.0))";
	}

	@Override
	public String aggregate(AggregateFunction function, String argument, String filter, double fraction) {
		String call = switch (function) {
			case COUNT_ROWS -> "count(*)";
			case COUNT_DISTINCT -> "count(DISTINCT " + argument + ")";
			case SUM -> "sum(" + argument + ")";
			case MIN -> "min(" + argument + ")";
			case MAX -> "max(" + argument + ")";
			case STDDEV_SAMPLE -> "stddev_samp(" + argument + ")";
			case PERCENTILE -> "quantile_cont(" + argument + ", " + SqlText.fraction(fraction) + ")";
		};
		return filter == null ? call : call + " FILTER (WHERE " + filter + ")";
	}

	@Override
	public List<String> sessionSetup(ZoneId zone) {
		return List.of("SET TimeZone = " + string(zone.getId()));
	}
}
