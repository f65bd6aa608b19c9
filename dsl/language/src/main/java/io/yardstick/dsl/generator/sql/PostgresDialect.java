package io.yardstick.dsl.generator.sql;

import io.yardstick.dsl.generator.sql.Sql.Function;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PostgreSQL 12 or newer: the session's TimeZone, FILTER, GROUPING SETS, percentile_cont. */
public final class PostgresDialect extends StandardDialect {
	private static final Map<Capability, String> CAPABILITIES = new LinkedHashMap<>();
	static {
		CAPABILITIES.put(Capability.GROUPING_SETS, "GROUP BY GROUPING SETS, GROUPING()");
		CAPABILITIES.put(Capability.AGGREGATE_FILTER, "FILTER (WHERE ...)");
		CAPABILITIES.put(Capability.COUNT_DISTINCT, "count(DISTINCT x)");
		CAPABILITIES.put(Capability.EXACT_PERCENTILE, "percentile_cont(p) WITHIN GROUP (ORDER BY x) (R-7)");
		CAPABILITIES.put(Capability.SAMPLE_STDDEV, "stddev_samp");
		CAPABILITIES.put(Capability.TIME_ZONES, "SET TIME ZONE; the server's IANA zone database");
		CAPABILITIES.put(Capability.PREVIOUS_ROW, "max(x) OVER (PARTITION BY e ORDER BY x RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) (PostgreSQL 11+)");
	}

	public static final PostgresDialect INSTANCE = new PostgresDialect();

	private PostgresDialect() {
		super(CAPABILITIES);
	}

	@Override
	public String name() {
		return "postgres";
	}

	/** Cast, so that a division of two literals is never integer division. */
	@Override
	public String number(BigDecimal value) {
		return "CAST(" + SqlText.doubleText(value) + " AS DOUBLE PRECISION)";
	}

	@Override
	String calendar(Function function, List<String> a) {
		return switch (function) {
			// Through timestamptz: the epoch of a timestamp without time zone is taken as if it were UTC.
			case EPOCH_MILLIS -> "CAST(floor(extract(epoch FROM CAST(" + a.get(0) + " AS TIMESTAMPTZ)) * 1000) AS BIGINT)";
			// PostgreSQL takes a repeated local time as the later instant; the hour before it, when it reads the
			// same, is the earlier one, which the calculator takes.
			case LOCAL_EPOCH_MILLIS -> "(CAST(floor(extract(epoch FROM CAST(" + a.get(0)
					+ " AS TIMESTAMPTZ)) * 1000) AS BIGINT) - CASE WHEN CAST(CAST(" + a.get(0)
					+ " AS TIMESTAMPTZ) - INTERVAL '1 hour' AS TIMESTAMP) = " + a.get(0) + " THEN 3600000 ELSE 0 END)";
			// the epoch of a timestamp without time zone is its reading taken as UTC
			case WALL_CLOCK_MILLIS -> "CAST(floor(extract(epoch FROM CAST(" + a.get(0) + " AS TIMESTAMP)) * 1000) AS BIGINT)";
			case LOCAL_DATE -> "CAST(" + a.get(0) + " AS DATE)";
			case LOCAL_MIDNIGHT -> "CAST(" + a.get(0) + " AS TIMESTAMP)";
			case MILLIS_LOCAL_DATE -> "CAST(to_timestamp(" + a.get(0) + " / 1000.0) AS DATE)";
			case YEAR -> part("year", a.get(0));
			case QUARTER -> part("quarter", a.get(0));
			case MONTH -> part("month", a.get(0));
			case ISO_WEEK -> part("week", a.get(0));
			case ISO_WEEK_YEAR -> part("isoyear", a.get(0));
			case DAY -> part("day", a.get(0));
			case ISO_WEEKDAY -> part("isodow", a.get(0));
			case HOUR -> part("hour", a.get(0));
			case DATE_YEAR -> "CAST(extract(year FROM " + a.get(0) + ") AS INTEGER)";
			case DATE_QUARTER -> "CAST(extract(quarter FROM " + a.get(0) + ") AS INTEGER)";
			case DATE_MONTH -> "CAST(extract(month FROM " + a.get(0) + ") AS INTEGER)";
			case EPOCH_DAY -> "(" + a.get(0) + " - DATE '1970-01-01')";
			case GROUPING_ID -> "GROUPING(" + String.join(", ", a) + ")";
			default -> throw new IllegalArgumentException(function.name());
		};
	}

	/** A calendar part of epoch milliseconds, in the session's time zone. */
	private static String part(String field, String millis) {
		return "CAST(extract(" + field + " FROM to_timestamp(" + millis + " / 1000.0)) AS DOUBLE PRECISION)";
	}

	@Override
	public boolean readsWallClock() {
		return true;
	}

	@Override
	String percentile(String argument, String fraction) {
		return "percentile_cont(" + fraction + ") WITHIN GROUP (ORDER BY " + argument + ")";
	}

	@Override
	public List<String> sessionSetup(ZoneId zone) {
		java.time.ZoneOffset offset = SqlDialect.fixedOffset(zone);
		// An interval is read with ISO 8601's sign; a string such as '+08:00' would be read as POSIX, west positive.
		return List.of(offset == null ? "SET TIME ZONE " + string(zone.getId())
				: "SET TIME ZONE INTERVAL " + string(SqlDialect.offsetText(offset)) + " HOUR TO MINUTE");
	}
}
