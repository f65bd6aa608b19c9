package io.yardstick.dsl.generator.sql;

import io.yardstick.dsl.generator.sql.Sql.AggregateFunction;
import io.yardstick.dsl.generator.sql.Sql.Function;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * One SQL engine's spelling: quoting, literals, the scalar functions of {@link Function} and the aggregates
 * of {@link AggregateFunction}, and what the engine can compute exactly ({@link #capabilities()}).
 */
public interface SqlDialect {

	/** What a template may need of an engine; a dialect without one refuses the constructs that need it. */
	enum Capability {
		GROUPING_SETS("grouping sets (one scan for the total and every breakdown)"),
		AGGREGATE_FILTER("a filter per aggregate"),
		COUNT_DISTINCT("exact count of distinct values"),
		EXACT_PERCENTILE("exact percentiles and medians (R-7, linear interpolation)"),
		SAMPLE_STDDEV("sample standard deviation"),
		TIME_ZONES("calendar of any IANA time zone, daylight saving included"),
		PREVIOUS_ROW("a window over the strictly earlier rows of a partition (the previous row of an entity)");

		private final String description;

		Capability(String description) {
			this.description = description;
		}

		public String description() {
			return description;
		}
	}

	/**
	 * Whether a run's scan may group by the row's computed period key, filtered to the run's keys, instead of
	 * joining the inline periods relation: the same rows in the same periods, and on DuckDB the grouping sets
	 * of a scan with distinct counts or percentiles then read the table, not a join of it (run 10 in
	 * performance.md). Only where it was measured; the other dialects keep the join.
	 */
	default boolean groupsByPeriodKey() {
		return false;
	}

	/**
	 * The {@code index}-th (from 0) of rendered literals ({@link Sql.Pick}): by default a CASE over the
	 * indexes, which every engine reads.
	 */
	default String pick(List<String> values, String index) {
		StringBuilder text = new StringBuilder("CASE ").append(index);
		for (int i = 0; i < values.size(); i++) {
			text.append(" WHEN ").append(i).append(" THEN ").append(values.get(i));
		}
		return text.append(" END").toString();
	}

	/** The name used on the command line: {@code duckdb}, {@code postgres}, {@code spark}. */
	String name();

	/** Each capability with how the dialect meets it, or null where it does not. */
	Map<Capability, String> capabilities();

	default boolean can(Capability capability) {
		return capabilities().get(capability) != null;
	}

	String quote(String identifier);

	String string(String text);

	/** A number as a double. */
	String number(BigDecimal value);

	default String integer(long value) {
		return Long.toString(value);
	}

	default String date(LocalDate value) {
		return "DATE " + string(value.toString());
	}

	default String bool(boolean value) {
		return value ? "TRUE" : "FALSE";
	}

	/** A scalar function over rendered arguments. */
	String call(Function function, List<String> arguments);

	/**
	 * An aggregate over a rendered argument (null for {@link AggregateFunction#COUNT_ROWS}) and filter (null
	 * for none).
	 */
	String aggregate(AggregateFunction function, String argument, String filter, double fraction);

	/**
	 * The statements that set a session's time zone, run before any query. A zone that is a fixed offset
	 * however it is spelled ({@code +08:00}, {@code UTC+8}) is set as that offset in the engine's own exact
	 * syntax, since engines read offset spellings differently (PostgreSQL takes {@code UTC+8} as 8 hours west).
	 */
	List<String> sessionSetup(ZoneId zone);

	/** {@code +08:00}, {@code -03:30}, {@code +00:00}: hours and minutes with ISO 8601's sign. */
	static String offsetText(java.time.ZoneOffset offset) {
		int minutes = offset.getTotalSeconds() / 60;
		return String.format(java.util.Locale.ROOT, "%s%02d:%02d", minutes < 0 ? "-" : "+", Math.abs(minutes) / 60,
				Math.abs(minutes) % 60);
	}

	/**
	 * The offset of a zone written as one ({@code +08:00}, {@code UTC+8}, {@code GMT-03:30}); null for a named
	 * zone, {@code UTC} included, which engines know by its name.
	 */
	static java.time.ZoneOffset fixedOffset(ZoneId zone) {
		if (zone instanceof java.time.ZoneOffset offset) {
			return offset;
		}
		return zone.getId().matches("(UTC|GMT|UT)[+-].*") ? (java.time.ZoneOffset) zone.normalized() : null;
	}

	/** Whether the dialect renders {@link Function#WALL_CLOCK_MILLIS}. */
	default boolean readsWallClock() {
		return false;
	}

	/** The column type of epoch milliseconds, for casts the dialect needs. */
	default String bigint() {
		return "BIGINT";
	}

	/** A comment line. */
	default String comment(String text) {
		return "-- " + text.replace('\n', ' ').replace('\r', ' ');
	}
}
