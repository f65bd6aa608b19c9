package io.yardstick.dsl.generator.sql;

import io.yardstick.dsl.generator.sql.Sql.Function;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spark SQL 4 in ANSI mode: division goes through nullif (ANSI raises DIVIDE_BY_ZERO), string literals
 * escape with backslashes (two adjacent literals concatenate, so a doubled quote would not escape).
 */
public final class SparkDialect extends StandardDialect {
	private static final Map<Capability, String> CAPABILITIES = new LinkedHashMap<>();
	static {
		CAPABILITIES.put(Capability.GROUPING_SETS, "GROUP BY GROUPING SETS, grouping()");
		CAPABILITIES.put(Capability.AGGREGATE_FILTER, "FILTER (WHERE ...)");
		CAPABILITIES.put(Capability.COUNT_DISTINCT, "count(DISTINCT x) (exact; not approx_count_distinct)");
		CAPABILITIES.put(Capability.EXACT_PERCENTILE, "percentile(x, p) (exact, R-7; not percentile_approx)");
		CAPABILITIES.put(Capability.SAMPLE_STDDEV, "stddev_samp");
		CAPABILITIES.put(Capability.TIME_ZONES, "SET TIME ZONE (spark.sql.session.timeZone); the JVM's zone database");
		CAPABILITIES.put(Capability.PREVIOUS_ROW, "max(x) OVER (PARTITION BY e ORDER BY x RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)");
	}

	public static final SparkDialect INSTANCE = new SparkDialect();

	private SparkDialect() {
		super(CAPABILITIES);
	}

	@Override
	public String name() {
		return "spark";
	}

	@Override
	public String quote(String identifier) {
		return "`" + identifier.replace("`", "``") + "`";
	}

	@Override
	public String string(String text) {
		StringBuilder quoted = new StringBuilder("'");
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> quoted.append("\\\\");
				case '\'' -> quoted.append("\\'");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					} else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('\'').toString();
	}

	@Override
	public String number(BigDecimal value) {
		return SqlText.doubleText(value) + "D";
	}

	@Override
	String calendar(Function function, List<String> a) {
		return switch (function) {
			// Through TIMESTAMP (local to the session): a TIMESTAMP_NTZ column is then read in the session's zone.
			case EPOCH_MILLIS, LOCAL_EPOCH_MILLIS -> "unix_millis(CAST(" + a.get(0) + " AS TIMESTAMP))";
			case LOCAL_DATE -> "to_date(" + a.get(0) + ")";
			case LOCAL_MIDNIGHT -> "CAST(" + a.get(0) + " AS TIMESTAMP_NTZ)";
			case MILLIS_LOCAL_DATE -> "to_date(timestamp_millis(CAST(" + a.get(0) + " AS BIGINT)))";
			case YEAR -> part("year", a.get(0));
			case QUARTER -> part("quarter", a.get(0));
			case MONTH -> part("month", a.get(0));
			case ISO_WEEK -> part("weekofyear", a.get(0));
			case ISO_WEEK_YEAR -> "extract(YEAROFWEEK FROM timestamp_millis(CAST(" + a.get(0) + " AS BIGINT)))";
			case DAY -> part("dayofmonth", a.get(0));
			case ISO_WEEKDAY -> "extract(DAYOFWEEK_ISO FROM timestamp_millis(CAST(" + a.get(0) + " AS BIGINT)))";
			case HOUR -> part("hour", a.get(0));
			case DATE_YEAR -> "year(" + a.get(0) + ")";
			case DATE_QUARTER -> "quarter(" + a.get(0) + ")";
			case DATE_MONTH -> "month(" + a.get(0) + ")";
			case EPOCH_DAY -> "unix_date(" + a.get(0) + ")";
			case GROUPING_ID -> groupingId(a);
			default -> throw new IllegalArgumentException(function.name());
		};
	}

	/**
	 * The first argument is the highest bit, as in DuckDB's and PostgreSQL's {@code grouping(a, b)}. Spark's
	 * own {@code grouping_id(...)} must name every column of the GROUP BY, the period's included, so the
	 * mask is summed from {@code grouping()} of each dimension.
	 */
	private static String groupingId(List<String> a) {
		if (a.size() == 1) {
			return "grouping(" + a.get(0) + ")";
		}
		StringBuilder sum = new StringBuilder("(");
		for (int i = 0; i < a.size(); i++) {
			int weight = 1 << (a.size() - 1 - i);
			if (i > 0) {
				sum.append(" + ");
			}
			sum.append("grouping(").append(a.get(i)).append(')');
			if (weight > 1) {
				sum.append(" * ").append(weight);
			}
		}
		return sum.append(')').toString();
	}

	private static String part(String function, String millis) {
		return function + "(timestamp_millis(CAST(" + millis + " AS BIGINT)))";
	}

	/** Spark's exact percentile (never percentile_approx). */
	@Override
	String percentile(String argument, String fraction) {
		return "percentile(" + argument + ", " + fraction + ")";
	}

	@Override
	public List<String> sessionSetup(ZoneId zone) {
		java.time.ZoneOffset offset = SqlDialect.fixedOffset(zone);
		// Spark takes region ids and offsets written (+|-)HH:mm; other offset spellings it refuses.
		return List.of("SET TIME ZONE " + string(offset == null ? zone.getId() : SqlDialect.offsetText(offset)));
	}
}
