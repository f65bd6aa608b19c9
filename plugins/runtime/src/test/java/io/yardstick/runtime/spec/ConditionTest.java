package io.yardstick.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.runtime.spec.Condition.Operator;
import org.junit.jupiter.api.Test;

/** Targets and thresholds judge the value a formula stands for, not the last bits of its double. */
class ConditionTest {
	/** NPS with 30% promoters and 20% detractors, as the calculator computes it. */
	private static final double NPS_TEN = 100 * (0.3 - 0.2);

	@Test
	void aValueOneRoundingStepFromItsBoundIsOnIt() {
		assertThat(NPS_TEN).isNotEqualTo(10.0);
		assertThat(Condition.bound(Operator.LT, 10).holds(NPS_TEN)).isFalse();
		assertThat(Condition.bound(Operator.GE, 10).holds(NPS_TEN)).isTrue();
		assertThat(Condition.bound(Operator.LE, 10).holds(NPS_TEN)).isTrue();
		assertThat(Condition.bound(Operator.GT, 10).holds(NPS_TEN)).isFalse();
		assertThat(Condition.bound(Operator.EQ, 10).holds(NPS_TEN)).isTrue();
		assertThat(Condition.bound(Operator.NE, 10).holds(NPS_TEN)).isFalse();
		assertThat(Condition.between(10, 20).holds(NPS_TEN)).isTrue();
		assertThat(Condition.outside(10, 20).holds(NPS_TEN)).isFalse();
	}

	@Test
	void aValueThatDiffersInItsFifteenthDigitIsNot() {
		double justBelow = 10 - 1e-10;
		assertThat(Condition.bound(Operator.LT, 10).holds(justBelow)).isTrue();
		assertThat(Condition.bound(Operator.GE, 10).holds(justBelow)).isFalse();
		assertThat(Condition.bound(Operator.GE, 0).holds(-1e-300)).isFalse();
		assertThat(Condition.bound(Operator.GE, 0).holds(0.0)).isTrue();
		assertThat(Condition.bound(Operator.LT, 10).holds(Double.NaN)).isFalse();
	}

	@Test
	void theStatusOfANetPromoterScoreOfTenIsWarningNotCritical() {
		MetricSpec nps = new MetricSpec("nps", java.util.Map.of(), "strategic", FieldType.SCORE, null, -100.0, 100.0,
				null, false, Condition.bound(Operator.GE, 30), Condition.bound(Operator.LT, 20),
				Condition.bound(Operator.LT, 10), java.util.List.of(), "", null, null, null, java.util.List.of());
		assertThat(nps.status(NPS_TEN)).isEqualTo(Status.WARNING);
	}
}
