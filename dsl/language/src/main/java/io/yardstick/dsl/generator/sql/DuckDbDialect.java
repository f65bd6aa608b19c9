package io.yardstick.dsl.generator.sql;

import io.yardstick.dsl.generator.sql.Sql.Function;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DuckDB (embedded): ICU time zones, FILTER, GROUPING SETS, quantile_cont. */
public final class DuckDbDialect extends StandardDialect {
	private static final Map<Capability, String> CAPABILITIES = new LinkedHashMap<>();
	static {
		CAPABILITIES.put(Capability.GROUPING_SETS, "GROUP BY GROUPING SETS, grouping()");
		CAPABILITIES.put(Capability.AGGREGATE_FILTER, "FILTER (WHERE ...)");
		CAPABILITIES.put(Capability.COUNT_DISTINCT, "count(DISTINCT x)");
		CAPABILITIES.put(Capability.EXACT_PERCENTILE, "quantile_cont (R-7)");
		CAPABILITIES.put(Capability.SAMPLE_STDDEV, "stddev_samp");
		CAPABILITIES.put(Capability.TIME_ZONES, "SET TimeZone; the ICU extension built in");
		CAPABILITIES.put(Capability.PREVIOUS_ROW, "max(x) OVER (PARTITION BY e ORDER BY x RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)");
	}

	public static final DuckDbDialect INSTANCE = new DuckDbDialect();

	private DuckDbDialect() {
		super(CAPABILITIES);
	}

	@Override
	public String name() {
		return "duckdb";
	}

	@Override
	public String number(BigDecimal value) {
		return "CAST(" + SqlText.doubleText(value) + " AS DOUBLE)";
	}

	@Override
	String calendar(Function function, List<String> a) {
		return switch (function) {
			// Through TIMESTAMPTZ: a DATE or local TIMESTAMP column is then read in the session's zone, not as UTC.
			case EPOCH_MILLIS -> "epoch_ms(CAST(" + a.get(0) + " AS TIMESTAMPTZ))";
			// DuckDB takes a repeated local time as the later instant; the hour before it, when it reads the same,
			// is the earlier one, which the calculator takes.
			case LOCAL_EPOCH_MILLIS -> "(epoch_ms(CAST(" + a.get(0) + " AS TIMESTAMPTZ)) - CASE WHEN CAST(CAST("
					+ a.get(0) + " AS TIMESTAMPTZ) - INTERVAL 1 HOUR AS TIMESTAMP) = " + a.get(0)
					+ " THEN 3600000 ELSE 0 END)";
			case WALL_CLOCK_MILLIS -> "epoch_ms(CAST(" + a.get(0) + " AS TIMESTAMP))";
			case LOCAL_DATE -> "CAST(" + a.get(0) + " AS DATE)";
			case LOCAL_MIDNIGHT -> "CAST(" + a.get(0) + " AS TIMESTAMP)";
			case MILLIS_LOCAL_DATE -> "CAST(to_timestamp(" + a.get(0) + " / 1000.0) AS DATE)";
			case YEAR -> part("year", a.get(0));
			case QUARTER -> part("quarter", a.get(0));
			case MONTH -> part("month", a.get(0));
			case ISO_WEEK -> part("weekofyear", a.get(0));
			case ISO_WEEK_YEAR -> part("isoyear", a.get(0));
			case DAY -> part("day", a.get(0));
			case ISO_WEEKDAY -> part("isodow", a.get(0));
			case HOUR -> part("hour", a.get(0));
			case DATE_YEAR -> "year(" + a.get(0) + ")";
			case DATE_QUARTER -> "quarter(" + a.get(0) + ")";
			case DATE_MONTH -> "month(" + a.get(0) + ")";
			case EPOCH_DAY -> "(" + a.get(0) + " - DATE '1970-01-01')";
			case GROUPING_ID -> "grouping(" + String.join(", ", a) + ")";
			default -> throw new IllegalArgumentException(function.name());
		};
	}

	/** A calendar part of epoch milliseconds, in the session's time zone. */
	private static String part(String function, String millis) {
		return function + "(to_timestamp(" + millis + " / 1000.0))";
	}

	@Override
	public boolean readsWallClock() {
		return true;
	}

	@Override
	String percentile(String argument, String fraction) {
		return "quantile_cont(" + argument + ", " + fraction + ")";
	}

	@Override
	public List<String> sessionSetup(ZoneId zone) {
		java.time.ZoneOffset offset = SqlDialect.fixedOffset(zone);
		// ICU, which DuckDB's zones come from, knows a fixed offset only as a custom GMT zone: GMT+08:00.
		return List.of("SET TimeZone = " + string(offset == null ? zone.getId()
				: "GMT" + SqlDialect.offsetText(offset)));
	}

	@Override
	public boolean groupsByPeriodKey() {
		return true;
	}

	/** A list literal indexed from 1: one lookup per row, where a CASE would test the indexes one by one. */
	@Override
	public String pick(List<String> values, String index) {
		return "[" + String.join(", ", values) + "][" + index + " + 1]";
	}
}
