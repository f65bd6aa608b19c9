package io.yardstick.dsl.templatetest;

import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.TestQuantity;
import io.yardstick.dsl.model.Sources;
import io.yardstick.dsl.types.KpiType;
import io.yardstick.dsl.types.Units;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An expected value as a reviewer writes it, in the metric's display unit ({@code 75%}, {@code 2.5h},
 * {@code 1200 CNY}), and as a run stores it (a fraction, seconds, an amount); and a stored value written back
 * in the unit of the expectation, for {@code got …}.
 */
public final class TestQuantities {
	private TestQuantities() {
	}

	/**
	 * A quantity converted to the stored value of the metric's kind.
	 *
	 * @param value the stored value; meaningful only without a problem
	 * @param problem why the quantity does not fit the metric, or null
	 */
	public record Stored(double value, String problem) {
	}

	public static KpiType typeOf(Metric metric) {
		return metric.getKind() == null ? KpiType.UNKNOWN : Sources.typeOf(metric.getKind());
	}

	/** The quantity's stored value for the metric, or why it does not fit. */
	public static Stored stored(TestQuantity quantity, Metric metric) {
		return stored(quantity, metric, "en");
	}

	/** {@link #stored(TestQuantity, Metric)}, saying why not in a language of the findings' messages. */
	public static Stored stored(TestQuantity quantity, Metric metric, String language) {
		io.yardstick.runtime.text.Texts texts = io.yardstick.dsl.validation.FindingTexts.of(language);
		KpiType type = typeOf(metric);
		BigDecimal number = quantity.getNumber() == null ? BigDecimal.ZERO : quantity.getNumber();
		if (quantity.isNegative()) {
			number = number.negate();
		}
		String unit = quantity.getUnit();
		String name = metric.getName();
		switch (type.kind()) {
			case PERCENT -> {
				if (!quantity.isPercent()) {
					return problem(texts.get("test-value-kind.percent", name));
				}
				return new Stored(number.movePointLeft(2).doubleValue(), null);
			}
			case DURATION -> {
				if (unit == null || !Units.isDurationUnit(unit)) {
					return problem(texts.get("test-value-kind.duration", name, Units.durationUnitList()));
				}
				return new Stored(Units.toSeconds(number, unit).doubleValue(), null);
			}
			case CURRENCY -> {
				if (unit == null || !unit.equals(type.currency())) {
					return problem(texts.get("test-value-kind.amount", name, type.currency()));
				}
				return new Stored(number.doubleValue(), null);
			}
			case COUNT, NUMBER, RATIO, SCORE -> {
				if (quantity.isPercent() || unit != null) {
					return problem(texts.get("test-value-kind.plain", name, type.describe(),
							quantity.isPercent() ? "%" : unit));
				}
				return new Stored(number.doubleValue(), null);
			}
			default -> {
				return problem(texts.get("test-value-kind.unsupported", name, type.describe()));
			}
		}
	}

	private static Stored problem(String message) {
		return new Stored(Double.NaN, message);
	}

	/** A stored value in the unit the expectation was written in: {@code 66.6667%}, {@code 2.25h}, {@code 980 CNY}. */
	public static String display(double stored, TestQuantity like, Metric metric) {
		if (Double.isNaN(stored)) {
			return "null";
		}
		KpiType type = typeOf(metric);
		return switch (type.kind()) {
			case PERCENT -> plain(stored * 100) + "%";
			case DURATION -> {
				String unit = like != null && like.getUnit() != null && Units.isDurationUnit(like.getUnit()) ? like.getUnit()
						: type.durationUnit() == null ? "s" : type.durationUnit();
				yield plain(stored / Units.DURATION_SECONDS.get(unit)) + unit;
			}
			case CURRENCY -> plain(stored) + " " + type.currency();
			default -> plain(stored);
		};
	}

	/** At most four decimals, no trailing zeros, no exponent. */
	static String plain(double value) {
		if (!Double.isFinite(value)) {
			return String.valueOf(value);
		}
		String text = new BigDecimal(value).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
		return text.equals("-0") ? "0" : text;
	}
}
