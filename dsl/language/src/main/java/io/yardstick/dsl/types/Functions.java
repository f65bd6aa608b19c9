package io.yardstick.dsl.types;

import static io.yardstick.dsl.types.FunctionCategory.AGGREGATE;
import static io.yardstick.dsl.types.FunctionCategory.PERIOD;
import static io.yardstick.dsl.types.FunctionCategory.SCALAR;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The function library of the formula language, in the order docs/language.md lists it. */
public final class Functions {
	private static final Map<String, FunctionInfo> BY_NAME = new LinkedHashMap<>();

	static {
		aggregate("count", 1, 1, "count(Source | rowValue [where condition]) : count",
				"Number of rows, or of rows where the value is not null.");
		aggregate("countDistinct", 1, 1, "countDistinct(rowValue [where condition]) : count",
				"Number of different non-null values.");
		aggregate("sum", 1, 1, "sum(rowValue [where condition]) : kind of the value",
				"Sum of the non-null values.");
		aggregate("avg", 1, 1, "avg(rowValue [where condition]) : kind of the value",
				"Mean of the non-null values.");
		aggregate("min", 1, 1, "min(rowValue [where condition]) : kind of the value",
				"Smallest non-null value; also for timestamps and dates.");
		aggregate("max", 1, 1, "max(rowValue [where condition]) : kind of the value",
				"Largest non-null value; also for timestamps and dates.");
		aggregate("median", 1, 1, "median(rowValue [where condition]) : kind of the value",
				"The 50th percentile (R-7, linear interpolation).");
		aggregate("percentile", 2, 2, "percentile(p, rowValue [where condition]) : kind of the value",
				"The p-th percentile, p in 0..1 or 0%..100% (R-7, linear interpolation).");
		aggregate("stddev", 1, 1, "stddev(rowValue [where condition]) : kind of the value",
				"Sample standard deviation of the non-null values.");
		aggregate("ratio", 2, 2, "ratio(numerator, denominator [where condition]) : ratio",
				"sum(numerator) / sum(denominator) over the same rows; null when the denominator sums to zero.");
		aggregate("share", 1, 1, "share(condition [where base]) : percent",
				"Fraction of the rows matching base for which condition holds; null when no row matches base.");
		scalar("hours", 1, 1, "hours(duration) : number", "A duration in hours.");
		scalar("minutes", 1, 1, "minutes(duration) : number", "A duration in minutes.");
		scalar("seconds", 1, 1, "seconds(duration) : number", "A duration in seconds.");
		scalar("days", 1, 1, "days(duration) : number", "A duration in days.");
		scalar("year", 1, 1, "year(timestamp | date) : number", "Calendar year in the template's time zone.");
		scalar("quarter", 1, 1, "quarter(timestamp | date) : number", "Quarter 1..4.");
		scalar("month", 1, 1, "month(timestamp | date) : number", "Month 1..12.");
		scalar("week", 1, 1, "week(timestamp | date) : number", "ISO week 1..53 (weeks start on Monday).");
		scalar("weekYear", 1, 1, "weekYear(timestamp | date) : number",
				"The ISO week-based year: the year week(t) belongs to (2021-01-01 is in week 53 of 2020).");
		scalar("day", 1, 1, "day(timestamp | date) : number", "Day of the month 1..31.");
		scalar("weekday", 1, 1, "weekday(timestamp | date) : number", "ISO day of the week, 1 = Monday .. 7 = Sunday.");
		scalar("hour", 1, 1, "hour(timestamp) : number", "Hour of the day 0..23 in the template's time zone.");
		scalar("periodsSince", 1, 1, "periodsSince(timestamp | date) : number",
				"Periods of the run's grain from the one the value falls in to this one: 0 in the same period (a cohort's age).");
		scalar("coalesce", 2, -1, "coalesce(value, fallback, ...) : kind of the values",
				"The first argument that is not null.");
		period("previous", "previous(metricValue [, periods]) : kind of the value",
				"The value in the previous period, or the given number of periods back.");
		period("change", "change(metricValue [, periods]) : kind of the value",
				"This period's value minus the previous period's.");
		period("changeRate", "changeRate(metricValue [, periods]) : ratio",
				"(this period - previous) / previous; null when the previous value is zero or null.");
		window("rolling", 2, "rolling(aggregate, periods) : kind of the aggregate",
				"The aggregate over the rows of the last n periods, this one included; null while fewer have passed.");
		window("yearToDate", 1, "yearToDate(aggregate) : kind of the aggregate",
				"The aggregate over the rows from the start of the period's year to the end of the period.");
		window("quarterToDate", 1, "quarterToDate(aggregate) : kind of the aggregate",
				"The aggregate over the rows from the start of the period's quarter to the end of the period.");
		window("monthToDate", 1, "monthToDate(aggregate) : kind of the aggregate",
				"The aggregate over the rows from the start of the period's month to the end of the period.");
	}

	/** Names people reach for from spreadsheets and SQL, and the function meant. */
	private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("average", "avg"),
			Map.entry("mean", "avg"), Map.entry("variance", "stddev"),
			Map.entry("var", "stddev"), Map.entry("stdev", "stddev"), Map.entry("std", "stddev"),
			Map.entry("countif", "count"), Map.entry("distinct", "countDistinct"), Map.entry("nvl", "coalesce"),
			Map.entry("ifnull", "coalesce"), Map.entry("lag", "previous"), Map.entry("quantile", "percentile"),
			Map.entry("total", "sum"), Map.entry("minimum", "min"), Map.entry("maximum", "max"));

	private Functions() {
	}

	/** The function most likely meant by an unknown name, or null. */
	public static String suggest(String name) {
		if (name == null) {
			return null;
		}
		String alias = ALIASES.get(name.toLowerCase(java.util.Locale.ROOT));
		return alias != null ? alias : io.yardstick.dsl.model.Suggestions.closest(name, BY_NAME.keySet());
	}

	public static Optional<FunctionInfo> lookup(String name) {
		return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
	}

	public static Collection<FunctionInfo> all() {
		return Collections.unmodifiableCollection(BY_NAME.values());
	}

	public static boolean isAggregate(String name) {
		return lookup(name).map(info -> info.category() == AGGREGATE).orElse(false);
	}

	private static void aggregate(String name, int min, int max, String signature, String summary) {
		BY_NAME.put(name, new FunctionInfo(name, AGGREGATE, min, max, signature, summary));
	}

	private static void scalar(String name, int min, int max, String signature, String summary) {
		BY_NAME.put(name, new FunctionInfo(name, SCALAR, min, max, signature, summary));
	}

	/** A window over periods: a period function whose first argument is an aggregate, recomputed over its rows. */
	private static void window(String name, int arguments, String signature, String summary) {
		BY_NAME.put(name, new FunctionInfo(name, PERIOD, arguments, arguments, signature, summary));
	}

	/** Whether the function is a window over periods: rolling or a to-date window. */
	public static boolean isWindow(String name) {
		return "rolling".equals(name) || "yearToDate".equals(name) || "quarterToDate".equals(name)
				|| "monthToDate".equals(name);
	}

	private static void period(String name, String signature, String summary) {
		BY_NAME.put(name, new FunctionInfo(name, PERIOD, 1, 2, signature, summary));
	}
}
