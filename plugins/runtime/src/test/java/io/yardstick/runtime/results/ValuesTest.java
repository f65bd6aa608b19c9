package io.yardstick.runtime.results;

import static io.yardstick.runtime.spec.Condition.Operator.EQ;
import static io.yardstick.runtime.spec.Condition.Operator.GE;
import static io.yardstick.runtime.spec.Condition.Operator.GT;
import static io.yardstick.runtime.spec.Condition.Operator.LE;
import static io.yardstick.runtime.spec.Condition.Operator.LT;
import static io.yardstick.runtime.spec.Condition.Operator.NE;
import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.runtime.spec.Condition;
import io.yardstick.runtime.spec.Direction;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.MetricSpec;
import io.yardstick.runtime.spec.Specs;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {

	private static MetricSpec of(FieldType kind, String unit) {
		return Samples.metric("m", Map.of(), "execution", kind, unit, Direction.NONE, null, null, null, List.of(), "x",
				null);
	}

	private static final MetricSpec PERCENT = of(FieldType.PERCENT, null);
	private static final MetricSpec HOURS = of(FieldType.DURATION, "h");
	private static final MetricSpec MINUTES = of(FieldType.DURATION, "min");
	private static final MetricSpec CNY = of(FieldType.CURRENCY, "CNY");
	private static final MetricSpec COUNT = of(FieldType.COUNT, null);
	private static final MetricSpec NUMBER = of(FieldType.NUMBER, null);
	private static final MetricSpec RATIO = of(FieldType.RATIO, null);
	private static final MetricSpec SCORE = of(FieldType.SCORE, null);
	private static final MetricSpec TIMESTAMP = of(FieldType.TIMESTAMP, null);
	private static final MetricSpec DATE = of(FieldType.DATE, null);

	@Test
	void nullIsAnEmDashWhateverTheKind() {
		for (FieldType kind : FieldType.values()) {
			assertThat(Values.display(of(kind, null), Double.NaN)).as(kind.keyword()).isEqualTo("\u2014");
		}
		assertThat(Values.display(NUMBER, Double.POSITIVE_INFINITY)).isEqualTo(Values.NO_VALUE);
	}

	@Test
	void percentsAreShownTimesAHundredWithOneDecimal() {
		assertThat(Values.display(PERCENT, 0.046)).isEqualTo("4.6%");
		assertThat(Values.display(PERCENT, 0.95)).isEqualTo("95.0%");
		assertThat(Values.display(PERCENT, 0.0625)).isEqualTo("6.3%"); // half up, on the decimal digits
		assertThat(Values.display(PERCENT, 1)).isEqualTo("100.0%");
		assertThat(Values.display(PERCENT, -0.0)).isEqualTo("0.0%");
		assertThat(Values.display(PERCENT, -0.0001)).isEqualTo("0.0%");
		assertThat(Values.display(PERCENT, -0.125)).isEqualTo("-12.5%");
		assertThat(Values.display(PERCENT, 12.5)).isEqualTo("1,250.0%");
	}

	@Test
	void durationsAreShownInTheMetricsUnit() {
		assertThat(Values.display(HOURS, 8_280)).isEqualTo("2.3 h");
		assertThat(Values.display(HOURS, 7_200)).isEqualTo("2.0 h");
		assertThat(Values.display(HOURS, 8_100)).isEqualTo("2.25 h");
		assertThat(Values.display(HOURS, 15_000)).isEqualTo("4.17 h");
		assertThat(Values.display(HOURS, 45)).isEqualTo("0.01 h");
		assertThat(Values.display(HOURS, 3_600_000)).isEqualTo("1,000.0 h");
		assertThat(Values.display(MINUTES, 5_400)).isEqualTo("90.0 min");
		assertThat(Values.display(of(FieldType.DURATION, "d"), 129_600)).isEqualTo("1.5 d");
		assertThat(Values.display(of(FieldType.DURATION, "w"), 604_800)).isEqualTo("1.0 w");
		assertThat(Values.display(of(FieldType.DURATION, "s"), 0.5)).isEqualTo("0.5 s");
		assertThat(Values.display(of(FieldType.DURATION, null), 12)).isEqualTo("12.0 s");
	}

	@Test
	void amountsHaveSeparatorsTwoDecimalsAndTheCode() {
		assertThat(Values.display(CNY, 1234.5)).isEqualTo("1,234.50 CNY");
		assertThat(Values.display(CNY, 1_250_000)).isEqualTo("1,250,000.00 CNY");
		assertThat(Values.display(CNY, -987_654.325)).isEqualTo("-987,654.33 CNY");
		assertThat(Values.display(CNY, 0.1 + 0.2)).isEqualTo("0.30 CNY");
		assertThat(Values.display(CNY, 999.999)).isEqualTo("1,000.00 CNY");
		assertThat(Values.display(of(FieldType.CURRENCY, null), 5)).isEqualTo("5.00");
	}

	@Test
	void countsAreWholeNumbers() {
		assertThat(Values.display(COUNT, 1234)).isEqualTo("1,234");
		assertThat(Values.display(COUNT, 0)).isEqualTo("0");
		assertThat(Values.display(COUNT, -0.0)).isEqualTo("0");
		assertThat(Values.display(COUNT, 1e15)).isEqualTo("1,000,000,000,000,000");
		assertThat(Values.display(COUNT, 2.5)).as("count(Ticket) / 2 is a count too").isEqualTo("2.5");
	}

	@Test
	void numbersRatiosAndScoresKeepTwoDecimalsOrThreeSignificantDigits() {
		assertThat(Values.display(SCORE, 4.25)).isEqualTo("4.25");
		assertThat(Values.display(SCORE, 4.0)).isEqualTo("4");
		assertThat(Values.display(SCORE, 3.6)).isEqualTo("3.6");
		assertThat(Values.display(NUMBER, 12.3456)).isEqualTo("12.35");
		assertThat(Values.display(NUMBER, 12_345.678)).isEqualTo("12,345.68");
		assertThat(Values.display(NUMBER, 1e20)).isEqualTo("100,000,000,000,000,000,000");
		assertThat(Values.display(RATIO, (987.0 - 1234.0) / 1234.0)).isEqualTo("-0.2");
		assertThat(Values.display(RATIO, 0.123456)).isEqualTo("0.123");
		assertThat(Values.display(RATIO, 0.000123456)).isEqualTo("0.000123");
		assertThat(Values.display(RATIO, 0.9996)).isEqualTo("1");
		assertThat(Values.display(RATIO, 0)).isEqualTo("0");
		assertThat(Values.display(RATIO, 0.1 + 0.2)).isEqualTo("0.3");
	}

	@Test
	void timestampsAndDatesAreIsoInTheZone() {
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		double eight = LocalDateTime.of(2025, 3, 1, 8, 0).atZone(shanghai).toInstant().toEpochMilli();
		assertThat(Values.display(TIMESTAMP, eight, shanghai)).isEqualTo("2025-03-01T08:00:00+08:00");
		assertThat(Values.display(TIMESTAMP, eight)).isEqualTo("2025-03-01T00:00:00Z");
		assertThat(Values.display(TIMESTAMP, eight + 250, shanghai)).isEqualTo("2025-03-01T08:00:00.250+08:00");
		assertThat(Values.display(TIMESTAMP, eight, ZoneId.of("Europe/Berlin"))).isEqualTo("2025-03-01T01:00:00+01:00");
		double midnight = LocalDateTime.of(2025, 3, 1, 0, 0).atZone(shanghai).toInstant().toEpochMilli();
		assertThat(Values.display(DATE, midnight, shanghai)).isEqualTo("2025-03-01");
		assertThat(Values.display(DATE, midnight, ZoneOffset.UTC)).as("the day in UTC").isEqualTo("2025-02-28");
		assertThat(Values.timestamp(0, ZoneOffset.UTC)).isEqualTo("1970-01-01T00:00:00Z");
	}

	@Test
	void storedValuesRoundTripWithoutNegativeZero() {
		assertThat(Values.stored(Double.NaN)).isNull();
		assertThat(Values.stored(Double.NEGATIVE_INFINITY)).isNull();
		assertThat(Values.stored(-0.0)).isEqualTo("0");
		assertThat(Values.stored(0.0)).isEqualTo("0");
		assertThat(Values.stored(1234)).isEqualTo("1234");
		assertThat(Values.stored(-3)).isEqualTo("-3");
		assertThat(Values.stored(0.046)).isEqualTo("0.046");
		assertThat(Values.stored(0.1 + 0.2)).isEqualTo("0.30000000000000004");
		assertThat(Values.stored(1e20)).isEqualTo("1.0E20");
		assertThat(Values.stored(1.5e-7)).isEqualTo("1.5E-7");
		assertThat(Values.stored(2e-3)).isEqualTo("0.002");
		double[] samples = { 0.046, 1 / 3.0, Math.PI * 1e12, -2.5e-300, Double.MIN_VALUE, Double.MAX_VALUE, 9.007199254740993E15,
				1234.5, (987.0 - 1234.0) / 1234.0 };
		for (double sample : samples) {
			assertThat(Double.parseDouble(Values.stored(sample))).as(Double.toString(sample)).isEqualTo(sample);
		}
	}

	@Test
	void conditionsAreWrittenAsTheTemplateWritesThem() {
		assertThat(Values.condition(NUMBER, Condition.bound(GE, 30))).isEqualTo(">= 30");
		assertThat(Values.condition(SCORE, Condition.bound(LT, 4.2))).isEqualTo("< 4.2");
		assertThat(Values.condition(COUNT, Condition.bound(EQ, 0))).isEqualTo("= 0");
		assertThat(Values.condition(COUNT, Condition.bound(NE, 1))).isEqualTo("!= 1");
		assertThat(Values.condition(HOURS, Condition.bound(LE, 7_200))).isEqualTo("<= 2h");
		assertThat(Values.condition(HOURS, Condition.bound(GT, 5_400))).isEqualTo("> 1.5h");
		assertThat(Values.condition(HOURS, Condition.bound(GT, 100))).as("not exact in hours").isEqualTo("> 100s");
		assertThat(Values.condition(HOURS, Condition.bound(GT, 60))).isEqualTo("> 1min");
		assertThat(Values.condition(MINUTES, Condition.bound(LE, 5_400))).isEqualTo("<= 90min");
		assertThat(Values.condition(HOURS, Condition.bound(LE, 0.25))).isEqualTo("<= 0.25s");
		assertThat(Values.condition(HOURS, Condition.bound(LE, 0.125))).isEqualTo("<= 0.125s");
		assertThat(Values.condition(PERCENT, Condition.bound(GE, 0.95))).isEqualTo(">= 95%");
		assertThat(Values.condition(PERCENT, Condition.bound(GE, 0.955))).isEqualTo(">= 95.5%");
		assertThat(Values.condition(PERCENT, Condition.between(0.05, 0.15))).isEqualTo("between 5% and 15%");
		assertThat(Values.condition(PERCENT, Condition.outside(0.03, 0.2))).isEqualTo("outside 3% and 20%");
		assertThat(Values.condition(CNY, Condition.bound(GT, 1_000_000))).isEqualTo("> 1000000 CNY");
		assertThat(Values.condition(CNY, Condition.bound(GT, 499.5))).isEqualTo("> 499.5 CNY");
		assertThat(Values.condition(NUMBER, null)).isNull();
	}

	@Test
	void labelsFallBackToUntaggedThenAnyThenTheId() {
		Map<String, String> labels = Specs.labels("zh", "客户流失率", "", "Churn", "en", "Churn rate");
		assertThat(Values.label(labels, "en", "id")).isEqualTo("Churn rate");
		assertThat(Values.label(labels, "fr", "id")).isEqualTo("Churn");
		assertThat(Values.label(labels, null, "id")).isEqualTo("Churn");
		assertThat(Values.label(Specs.labels("zh", "客户流失率", "ja", "解約率"), "en", "id")).isEqualTo("客户流失率");
		assertThat(Values.label(Map.of(), "en", "id")).isEqualTo("id");
	}
}
