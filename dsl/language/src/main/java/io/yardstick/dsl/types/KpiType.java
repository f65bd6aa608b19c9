package io.yardstick.dsl.types;

import io.yardstick.dsl.kpi.EnumKind;
import io.yardstick.dsl.kpi.EnumValue;
import io.yardstick.dsl.kpi.Source;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A kind with its parameters: the currency code, the display unit of a duration, the range of a
 * score, the values of an enum, or the source of a row set. Equality ignores the display unit:
 * two durations are the same type whatever unit they are shown in.
 */
public record KpiType(Kind kind, String currency, String durationUnit, BigDecimal min, BigDecimal max,
		EnumKind enumKind, Source rows) {

	public static final KpiType COUNT = of(Kind.COUNT);
	public static final KpiType NUMBER = of(Kind.NUMBER);
	public static final KpiType PERCENT = of(Kind.PERCENT);
	public static final KpiType RATIO = of(Kind.RATIO);
	public static final KpiType TIMESTAMP = of(Kind.TIMESTAMP);
	public static final KpiType DATE = of(Kind.DATE);
	public static final KpiType TEXT = of(Kind.TEXT);
	public static final KpiType BOOL = of(Kind.BOOL);
	public static final KpiType NULL = of(Kind.NULL);
	public static final KpiType UNKNOWN = of(Kind.UNKNOWN);

	public static KpiType of(Kind kind) {
		return new KpiType(kind, null, null, null, null, null, null);
	}

	public static KpiType score(BigDecimal min, BigDecimal max) {
		return new KpiType(Kind.SCORE, null, null, min, max, null, null);
	}

	public static KpiType duration(String unit) {
		return new KpiType(Kind.DURATION, null, unit, null, null, null, null);
	}

	public static KpiType currency(String code) {
		return new KpiType(Kind.CURRENCY, code, null, null, null, null, null);
	}

	public static KpiType enumeration(EnumKind values) {
		return new KpiType(Kind.ENUM, null, null, null, null, values, null);
	}

	public static KpiType rows(Source source) {
		return new KpiType(Kind.ROWS, null, null, null, null, null, source);
	}

	public boolean is(Kind other) {
		return kind == other;
	}

	/** Same kind and same parameters that matter for mixing: currency code, enum values, row source. */
	public boolean sameAs(KpiType other) {
		return kind == other.kind && Objects.equals(currency, other.currency) && enumKind == other.enumKind
				&& rows == other.rows;
	}

	public boolean hasEnumValue(EnumValue value) {
		return enumKind != null && value != null && enumKind.getValues().stream()
				.anyMatch(candidate -> Objects.equals(candidate.getName(), value.getName()));
	}

	/** How the type is written in a template: {@code duration(h)}, {@code currency(CNY)}, {@code score(1..5)}. */
	public String describe() {
		return switch (kind) {
			case DURATION -> durationUnit == null ? "duration" : "duration(" + durationUnit + ")";
			case CURRENCY -> "currency(" + currency + ")";
			case SCORE -> min == null || max == null ? "score" : "score(" + min.toPlainString() + ".." + max.toPlainString() + ")";
			case ENUM -> enumKind == null ? "enum" : enumKind.getValues().stream().map(EnumValue::getName)
					.collect(Collectors.joining(", ", "enum(", ")"));
			case ROWS -> rows == null ? "rows" : "the rows of " + rows.getName();
			default -> kind.keyword();
		};
	}

	@Override
	public String toString() {
		return describe();
	}
}
