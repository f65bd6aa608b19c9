package io.yardstick.runtime.results;

import com.fasterxml.jackson.core.io.NumberOutput;
import io.yardstick.runtime.spec.Condition;
import io.yardstick.runtime.spec.DimensionSpec;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.MetricSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * How metric values and conditions are written for people ({@link #display}, {@link #condition}) and for
 * programs ({@link #stored}). Every method is deterministic: no default locale, no default zone.
 *
 * <p>Values are as a run stores them: NaN is null, percents are fractions, durations seconds, timestamps
 * and dates epoch milliseconds.
 */
public final class Values {
	/** What stands for a missing value in displays and tables: an em dash. */
	public static final String NO_VALUE = "\u2014";

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX",
			Locale.ROOT);
	private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX",
			Locale.ROOT);
	/** Duration units from the largest down, for writing a condition exactly. */
	private static final String[] DURATION_UNITS = { "w", "d", "h", "min", "s" };
	/** Integral doubles below this magnitude are written without a fraction; all are exact longs. */
	private static final double EXACT_INTEGER = 9.007199254740992E15; // 2^53

	private Values() {
	}

	// ------------------------------------------------------------------ stored values

	/**
	 * A stored value as a JSON/CSV number that reads back as the same double: whole numbers below 2^53
	 * without a fraction ({@code 12}), others in the shortest form that round-trips ({@code 0.046},
	 * {@code 1.0E20}); {@code -0.0} as {@code 0}. Null for no value (NaN) and for infinities, which a run
	 * never stores.
	 */
	public static String stored(double value) {
		if (!Double.isFinite(value)) {
			return null;
		}
		if (value == 0) {
			return "0";
		}
		if (value == Math.rint(value) && Math.abs(value) < EXACT_INTEGER) {
			return Long.toString((long) value);
		}
		return NumberOutput.toString(value, true);
	}

	/** The exact decimal that {@link #stored} writes; null for no value. */
	static BigDecimal decimal(double value) {
		String text = stored(value);
		return text == null ? null : new BigDecimal(text);
	}

	// ------------------------------------------------------------------ display

	/** {@link #display(MetricSpec, double, ZoneId)} in UTC: use the zone-taking form for timestamps and dates. */
	public static String display(MetricSpec metric, double value) {
		return display(metric, value, ZoneOffset.UTC);
	}

	/**
	 * A value as a person reads it, by the metric's kind: a percent ×100 with one decimal ({@code 4.6%}); a
	 * duration in the metric's unit with one or two decimals ({@code 2.3 h}); an amount with thousands
	 * separators, two decimals and the currency code ({@code 1,234.50 CNY}); a count as a whole number
	 * ({@code 1,234}; a fractional count as a number); a number, ratio or score with at most two decimals,
	 * or three significant digits below 1 ({@code 4.25}, {@code 0.123}); a timestamp as an ISO 8601 date-time
	 * with the zone's offset ({@code 2025-03-01T08:00:00+08:00}); a date as an ISO date in the zone. No value:
	 * {@link #NO_VALUE}.
	 */
	public static String display(MetricSpec metric, double value, ZoneId zone) {
		if (!Double.isFinite(value)) {
			return NO_VALUE;
		}
		FieldType kind = metric.kind();
		return switch (kind) {
			case PERCENT -> group(decimal(value).movePointRight(2).setScale(1, RoundingMode.HALF_UP)) + "%";
			case DURATION -> {
				String unit = durationUnit(metric.unit());
				BigDecimal amount = decimal(value).divide(BigDecimal.valueOf(seconds(unit)), 2, RoundingMode.HALF_UP);
				if (amount.stripTrailingZeros().scale() <= 1) {
					amount = amount.setScale(1, RoundingMode.HALF_UP);
				}
				yield group(amount) + " " + unit;
			}
			case CURRENCY -> group(decimal(value).setScale(2, RoundingMode.HALF_UP))
					+ (metric.unit() == null ? "" : " " + metric.unit());
			case COUNT -> value == Math.rint(value) ? group(decimal(value).setScale(0, RoundingMode.UNNECESSARY))
					: number(value);
			case TIMESTAMP -> timestamp(Math.round(value), zone);
			case DATE -> Instant.ofEpochMilli(Math.round(value)).atZone(zone).toLocalDate().toString();
			default -> number(value);
		};
	}

	/** A plain number for display: two decimals at most, three significant digits below 1, with separators. */
	static String number(double value) {
		BigDecimal decimal = decimal(value);
		BigDecimal rounded = decimal.abs().compareTo(BigDecimal.ONE) < 0
				? decimal.round(new MathContext(3, RoundingMode.HALF_UP))
				: decimal.setScale(2, RoundingMode.HALF_UP);
		return group(strip(rounded));
	}

	/** An instant as {@code 2025-03-01T08:00:00+08:00} in the zone ({@code Z} for UTC); milliseconds when any. */
	public static String timestamp(long epochMillis, ZoneId zone) {
		ZonedDateTime time = Instant.ofEpochMilli(epochMillis).atZone(zone);
		return (epochMillis % 1000 == 0 ? SECONDS : MILLIS).format(time);
	}

	// ------------------------------------------------------------------ conditions

	/** {@link #condition(MetricSpec, Condition, ZoneId)} in UTC. */
	public static String condition(MetricSpec metric, Condition condition) {
		return condition(metric, condition, ZoneOffset.UTC);
	}

	/**
	 * A target or threshold as a template writes it, in the metric's kind: {@code >= 30}, {@code <= 2h},
	 * {@code between 5% and 15%}, {@code outside 3% and 20%}, {@code > 500 CNY}. A duration is written in the
	 * metric's unit when that is exact to two decimals, else in the largest unit that is. Null for no
	 * condition.
	 */
	public static String condition(MetricSpec metric, Condition condition, ZoneId zone) {
		if (condition == null) {
			return null;
		}
		String low = literal(metric, condition.value(), zone);
		return switch (condition.operator()) {
			case BETWEEN, OUTSIDE -> condition.operator().symbol() + " " + low + " and "
					+ literal(metric, condition.high(), zone);
			default -> condition.operator().symbol() + " " + low;
		};
	}

	/** A constant as the template's literal of the metric's kind: {@code 95%}, {@code 90min}, {@code 500 CNY}. */
	static String literal(MetricSpec metric, double value, ZoneId zone) {
		if (!Double.isFinite(value)) {
			return "null";
		}
		BigDecimal decimal = decimal(value);
		return switch (metric.kind()) {
			case PERCENT -> strip(decimal.movePointRight(2)).toPlainString() + "%";
			case DURATION -> duration(decimal, durationUnit(metric.unit()));
			case CURRENCY -> strip(decimal).toPlainString() + (metric.unit() == null ? "" : " " + metric.unit());
			case TIMESTAMP -> timestamp(Math.round(value), zone);
			case DATE -> Instant.ofEpochMilli(Math.round(value)).atZone(zone).toLocalDate().toString();
			default -> strip(decimal).toPlainString();
		};
	}

	private static String duration(BigDecimal seconds, String preferred) {
		String exact = exactIn(seconds, preferred);
		if (exact != null) {
			return exact;
		}
		for (String unit : DURATION_UNITS) {
			exact = exactIn(seconds, unit);
			if (exact != null) {
				return exact;
			}
		}
		return strip(seconds).toPlainString() + "s";
	}

	private static String exactIn(BigDecimal seconds, String unit) {
		BigDecimal[] division = seconds.movePointRight(2).divideAndRemainder(BigDecimal.valueOf(seconds(unit)));
		if (division[1].signum() != 0) {
			return null;
		}
		return strip(division[0].movePointLeft(2)).toPlainString() + unit;
	}

	// ------------------------------------------------------------------ labels

	/**
	 * A breakdown's value as a person reads it: its label in the language (found as {@link #label} finds one),
	 * else the value as the data holds it; an em dash for rows without a value (null).
	 */
	public static String valueLabel(DimensionSpec dimension, String value, String language) {
		if (value == null) {
			return NO_VALUE;
		}
		Map<String, String> labels = dimension == null ? null : dimension.valueLabels().get(value);
		return label(labels, language, value);
	}

	/**
	 * The label for a language: the label tagged with it, else the untagged label, else the first label,
	 * else the fallback (an id). A null language looks for the untagged label first.
	 */
	public static String label(Map<String, String> labels, String language, String fallback) {
		if (labels != null && !labels.isEmpty()) {
			if (language != null && labels.containsKey(language)) {
				return labels.get(language);
			}
			if (labels.containsKey("")) {
				return labels.get("");
			}
			return labels.values().iterator().next();
		}
		return fallback;
	}

	// ------------------------------------------------------------------ helpers

	private static String durationUnit(String unit) {
		return unit == null ? "s" : unit;
	}

	/** Seconds in a duration unit; an unknown unit counts as seconds. */
	public static long seconds(String unit) {
		return switch (unit) {
			case "min" -> 60;
			case "h" -> 3_600;
			case "d" -> 86_400;
			case "w" -> 604_800;
			default -> 1;
		};
	}

	private static BigDecimal strip(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
	}

	/** A decimal in plain notation with {@code ,} between thousands: {@code -1,234,567.5}. */
	private static String group(BigDecimal value) {
		String plain = value.toPlainString();
		int start = plain.startsWith("-") ? 1 : 0;
		int point = plain.indexOf('.');
		int end = point < 0 ? plain.length() : point;
		StringBuilder out = new StringBuilder(plain.length() + 8).append(plain, 0, start);
		for (int i = start; i < end; i++) {
			if (i > start && (end - i) % 3 == 0) {
				out.append(',');
			}
			out.append(plain.charAt(i));
		}
		return out.append(plain, end, plain.length()).toString();
	}
}
