package io.yardstick.dsl.validation;

import static io.yardstick.dsl.validation.IssueCodes.TARGET_DIRECTION;
import static io.yardstick.dsl.validation.IssueCodes.TARGET_INVALID;
import static io.yardstick.dsl.validation.IssueCodes.TARGET_OUT_OF_RANGE;
import static io.yardstick.dsl.validation.IssueCodes.THRESHOLD_ORDER;

import com.google.inject.Inject;
import io.yardstick.dsl.kpi.Band;
import io.yardstick.dsl.kpi.Bound;
import io.yardstick.dsl.kpi.Condition;
import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.OutsideBand;
import io.yardstick.dsl.model.Direction;
import io.yardstick.dsl.model.ModelText;
import io.yardstick.dsl.model.Sources;
import io.yardstick.dsl.types.Constants;
import io.yardstick.dsl.types.FormulaAnalysis;
import io.yardstick.dsl.types.FormulaAnalyzer;
import io.yardstick.dsl.types.Kind;
import io.yardstick.dsl.types.KpiType;
import io.yardstick.dsl.types.Level;
import io.yardstick.dsl.types.Outcome;
import io.yardstick.dsl.types.TypeRules;
import io.yardstick.dsl.types.Typed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.validation.Check;

/**
 * Rule 7: targets and thresholds are constants of the metric's kind, inside its range, pointing
 * the way its direction says, and ordered target, then warning, then critical.
 */
public class TargetValidator extends AbstractKpiCheck {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;

	@Inject
	private FormulaAnalyzer analyzer;

	@Check
	public void checkTargets(Metric metric) {
		if (metric.getKind() == null) {
			return;
		}
		KpiType kind = Sources.typeOf(metric.getKind());
		Optional<Direction> direction = Direction.of(metric);
		Bounds target = bounds(metric, metric.getTarget(), KPI.getMetric_Target(), "target", kind);
		Bounds warning = bounds(metric, metric.getWarning(), KPI.getMetric_Warning(), "warning", kind);
		Bounds critical = bounds(metric, metric.getCritical(), KPI.getMetric_Critical(), "critical", kind);
		if (direction.isEmpty()) {
			if (target != null || warning != null || critical != null) {
				error(message(metric, TARGET_DIRECTION + ".none", metric.getName()), metric, KPI.getMetric_Kind(),
						TARGET_DIRECTION, QuickFixData.kindWithDirection(metric));
			}
			return;
		}
		boolean shapesAgree = checkShape(metric, target, "target", direction.get(), true)
				& checkShape(metric, warning, "warning", direction.get(), false)
				& checkShape(metric, critical, "critical", direction.get(), false);
		if (shapesAgree) {
			checkOrder(metric, direction.get(), kind, target, warning, critical);
		}
	}

	/** A condition's constant ends, or null when the condition is absent or already reported. */
	private Bounds bounds(Metric metric, Condition condition, EReference feature, String role, KpiType kind) {
		if (condition == null) {
			return null;
		}
		List<Expression> ends = new ArrayList<>();
		if (condition instanceof Bound bound) {
			ends.add(bound.getValue());
		} else if (condition instanceof Band band) {
			ends.add(band.getLow());
			ends.add(band.getHigh());
		} else if (condition instanceof OutsideBand outside) {
			ends.add(outside.getLow());
			ends.add(outside.getHigh());
		}
		List<BigDecimal> values = new ArrayList<>();
		for (Expression end : ends) {
			Optional<BigDecimal> value = constant(metric, end, feature, role, kind);
			if (value.isEmpty()) {
				return null;
			}
			values.add(value.get());
		}
		if (values.size() == 2 && values.get(0).compareTo(values.get(1)) >= 0) {
			error(message(metric, TARGET_INVALID + ".emptyBand", role(metric, role), ModelText.quoted(condition)), metric,
					feature, TARGET_INVALID);
			return null;
		}
		return new Bounds(condition, values);
	}

	private Optional<BigDecimal> constant(Metric metric, Expression end, EReference feature, String role, KpiType kind) {
		FormulaAnalysis analysis = analyzer.analyze(end);
		Optional<BigDecimal> value = Constants.evaluate(end);
		if (!analysis.problems().isEmpty()) {
			// What is wrong inside the value (an unknown unit, say) is the finding, not its not being constant.
			String language = settings(metric).language();
			analysis.problems().forEach(p -> error(p.message(language), p.node(), p.feature(), p.code(),
					QuickFixData.of(p)));
			return Optional.empty();
		}
		if (analysis.result().level() != Level.CONSTANT || value.isEmpty()) {
			error(message(metric, TARGET_INVALID + ".constant", role(metric, role), ModelText.quoted(end)), metric,
					feature, TARGET_INVALID);
			return Optional.empty();
		}
		Outcome fits = TypeRules.compare("=", Typed.aggregate(kind), analysis.result());
		if (fits.isProblem()) {
			error(message(metric, TARGET_INVALID + ".kind", role(metric, role), ModelText.quoted(end), kind.describe(),
					fits.hint() == null ? "" : message(metric, "hint",
							fits.hint().in(settings(metric).language()))), metric,
					feature, TARGET_INVALID);
			return Optional.empty();
		}
		Optional<String> outside = rangeViolation(metric, value.get(), kind, analysis.result().type());
		if (outside.isPresent()) {
			error(message(metric, TARGET_OUT_OF_RANGE, role(metric, role), ModelText.quoted(end), kind.describe(),
					outside.get()), metric, feature, TARGET_OUT_OF_RANGE);
			return Optional.empty();
		}
		return value;
	}

	/**
	 * Empty when {@code value} lies in the range of the kind; otherwise what to add to the message
	 * (empty text when the kind's name already shows the range, as score(1..5) does).
	 */
	private Optional<String> rangeViolation(Metric metric, BigDecimal value, KpiType kind, KpiType written) {
		if (kind.is(Kind.PERCENT) && (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0)) {
			boolean plainNumber = written.is(Kind.NUMBER) && value.compareTo(BigDecimal.ONE) > 0
					&& value.compareTo(BigDecimal.valueOf(100)) <= 0;
			return Optional.of(plainNumber
					? message(metric, "range.percent.meant", value.stripTrailingZeros().toPlainString() + "%")
					: message(metric, "range.percent"));
		}
		if (kind.is(Kind.SCORE) && kind.min() != null && kind.max() != null
				&& (value.compareTo(kind.min()) < 0 || value.compareTo(kind.max()) > 0)) {
			return Optional.of("");
		}
		if ((kind.is(Kind.COUNT) || kind.is(Kind.DURATION)) && value.signum() < 0) {
			return Optional.of(message(metric, "range.negative"));
		}
		return Optional.empty();
	}

	/** A target is a bound on the good side; a threshold fires on the bad side. */
	private boolean checkShape(Metric metric, Bounds bounds, String role, Direction direction, boolean isTarget) {
		if (bounds == null) {
			return true;
		}
		Condition condition = bounds.condition();
		String operator = condition instanceof Bound bound ? bound.getOperator() : null;
		String expected;
		boolean fits;
		switch (direction) {
			case HIGHER_IS_BETTER -> {
				fits = isTarget ? ">=".equals(operator) || ">".equals(operator) : "<".equals(operator) || "<=".equals(operator);
				expected = isTarget ? "expected.lowerBound" : "expected.fall";
			}
			case LOWER_IS_BETTER -> {
				fits = isTarget ? "<=".equals(operator) || "<".equals(operator) : ">".equals(operator) || ">=".equals(operator);
				expected = isTarget ? "expected.upperBound" : "expected.rise";
			}
			default -> {
				fits = isTarget ? condition instanceof Band : condition instanceof OutsideBand;
				expected = isTarget ? "expected.band" : "expected.outside";
			}
		}
		if (!fits) {
			error(message(metric, TARGET_DIRECTION + (isTarget ? ".target" : ".threshold"), direction.keyword(),
					metric.getName(), role(metric, role), ModelText.quoted(condition), message(metric, expected)), metric,
					featureOf(role), TARGET_DIRECTION);
		}
		return fits;
	}

	/** Target, warning and critical from good to bad: each threshold lies beyond the one before. */
	private void checkOrder(Metric metric, Direction direction, KpiType kind, Bounds target, Bounds warning,
			Bounds critical) {
		if (target != null && warning != null && !beyond(direction, warning, target)) {
			error(message(metric, THRESHOLD_ORDER + ".warning", ModelText.quoted(warning.condition()),
					ModelText.quoted(target.condition())), metric, KPI.getMetric_Warning(), THRESHOLD_ORDER);
		}
		Bounds before = warning != null ? warning : target;
		if (critical != null && before != null && !beyond(direction, critical, before)) {
			String which = before == warning ? "warning" : "target";
			error(message(metric, THRESHOLD_ORDER + ".critical", ModelText.quoted(critical.condition()),
					role(metric, which), ModelText.quoted(before.condition())), metric, KPI.getMetric_Critical(),
					THRESHOLD_ORDER);
		}
	}

	/** Whether {@code later} lies at or beyond {@code earlier} on the bad side. */
	private static boolean beyond(Direction direction, Bounds later, Bounds earlier) {
		return switch (direction) {
			case HIGHER_IS_BETTER -> later.low().compareTo(earlier.low()) <= 0;
			case LOWER_IS_BETTER -> later.low().compareTo(earlier.low()) >= 0;
			case TARGET_BAND -> later.low().compareTo(earlier.low()) <= 0 && later.high().compareTo(earlier.high()) >= 0;
		};
	}

	/** {@code target}, {@code warning} or {@code critical} in the language of the messages. */
	private String role(Metric metric, String role) {
		return message(metric, "role." + role);
	}

	private static EReference featureOf(String role) {
		return switch (role) {
			case "warning" -> KPI.getMetric_Warning();
			case "critical" -> KPI.getMetric_Critical();
			default -> KPI.getMetric_Target();
		};
	}

	/** A condition and its ends in stored units: one value for a bound, two for a band. */
	private record Bounds(Condition condition, List<BigDecimal> values) {
		BigDecimal low() {
			return values.get(0);
		}

		BigDecimal high() {
			return values.get(values.size() - 1);
		}
	}
}
