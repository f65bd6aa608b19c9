package io.yardstick.dsl.types;

import io.yardstick.dsl.kpi.BinaryExpression;
import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.kpi.Negation;
import io.yardstick.dsl.kpi.NumberLiteral;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * Evaluates constant arithmetic (targets, thresholds, percentile levels, lags) to the value the
 * runtime stores: a percent as a fraction, a duration in seconds, a currency amount as written.
 */
public final class Constants {
	private Constants() {
	}

	public static Optional<BigDecimal> evaluate(Expression expression) {
		if (expression instanceof NumberLiteral literal) {
			return literal(literal);
		}
		if (expression instanceof Negation negation) {
			return evaluate(negation.getOperand()).map(BigDecimal::negate);
		}
		if (expression instanceof BinaryExpression binary) {
			Optional<BigDecimal> left = evaluate(binary.getLeft());
			Optional<BigDecimal> right = evaluate(binary.getRight());
			if (left.isEmpty() || right.isEmpty()) {
				return Optional.empty();
			}
			return switch (String.valueOf(binary.getOperator())) {
				case "+" -> Optional.of(left.get().add(right.get()));
				case "-" -> Optional.of(left.get().subtract(right.get()));
				case "*" -> Optional.of(left.get().multiply(right.get()));
				case "/" -> right.get().signum() == 0 ? Optional.empty()
						: Optional.of(left.get().divide(right.get(), MathContext.DECIMAL64));
				default -> Optional.empty();
			};
		}
		return Optional.empty();
	}

	private static Optional<BigDecimal> literal(NumberLiteral literal) {
		BigDecimal value = literal.getValue();
		if (value == null) {
			return Optional.empty();
		}
		if (literal.isPercent()) {
			return Optional.of(value.movePointLeft(2));
		}
		String unit = literal.getUnit();
		if (unit != null && Units.isDurationUnit(unit)) {
			return Optional.of(Units.toSeconds(value, unit));
		}
		return Optional.of(value);
	}
}
