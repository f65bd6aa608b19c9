package io.yardstick.dsl.validation;

import static io.yardstick.dsl.validation.IssueCodes.INVALID_KIND;
import static io.yardstick.dsl.validation.IssueCodes.METRIC_KIND_MISMATCH;
import static io.yardstick.dsl.validation.IssueCodes.METRIC_KIND_SUSPICIOUS;
import static io.yardstick.dsl.validation.IssueCodes.MISSING_FORMULA;

import io.yardstick.dsl.kpi.CurrencyKind;
import io.yardstick.dsl.kpi.DurationKind;
import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.ScoreKind;
import io.yardstick.dsl.model.Overrides;
import io.yardstick.dsl.model.Sources;
import io.yardstick.dsl.types.FormulaAnalysis;
import io.yardstick.dsl.types.Kind;
import io.yardstick.dsl.types.KpiType;
import io.yardstick.dsl.types.Problem;
import io.yardstick.dsl.types.Units;
import java.util.Objects;
import org.eclipse.xtext.validation.Check;

/** Rule 3 (kinds and units of every formula) and rule 4 (declared kind against the formula's). */
public class TypeValidator extends AbstractKpiCheck {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;

	@Check
	public void checkFormula(Metric metric) {
		if (metric.getFormula() == null) {
			// An override that keeps the inherited formula has one; its kinds were checked where it is written.
			if (Overrides.formula(metric) == null && !hasSyntaxError(metric)) {
				error(message(metric, "missing-formula", metric.getName()),
						metric, KPI.getSymbol_Name(), MISSING_FORMULA);
			}
			return;
		}
		FormulaAnalysis analysis = analyses().of(metric);
		for (Problem problem : analysis.problems()) {
			error(problem.message(settings(metric).language()), problem.node(), problem.feature(), problem.code(),
					QuickFixData.of(problem));
		}
		checkDeclaredKind(metric, analysis.result().type());
	}

	/** A formula cut by the parser because its syntax tree is deeper than any later step could walk. */
	@Check
	public void checkDepth(io.yardstick.dsl.kpi.Expression expression) {
		io.yardstick.dsl.parser.SyntaxDepth.Cut cut = io.yardstick.dsl.parser.SyntaxDepth.cutOf(expression);
		if (cut != null) {
			error(message(cut.at(), "too-deep.parsed", io.yardstick.dsl.model.Limits.MAX_DEPTH), cut.at(),
					null, IssueCodes.TOO_DEEP);
		}
	}

	/** A formula the parser could not read is not missing: its syntax error says what is wrong. */
	private static boolean hasSyntaxError(Metric metric) {
		org.eclipse.xtext.nodemodel.ICompositeNode node = org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(metric);
		if (node != null) {
			for (org.eclipse.xtext.nodemodel.INode inner : node.getAsTreeIterable()) {
				if (inner.getSyntaxErrorMessage() != null) {
					return true;
				}
			}
		}
		return false;
	}

	/** Rule 4: what the formula gives must be what the metric declares. */
	private void checkDeclaredKind(Metric metric, KpiType formula) {
		if (metric.getKind() == null || formula.kind().isWildcard()) {
			return;
		}
		KpiType declared = Sources.typeOf(metric.getKind());
		String subject = message(metric, "metric-kind-mismatch", metric.getName(), declared.describe(),
				formula.describe());
		if (!isMetricKind(declared)) {
			return;
		}
		if (declared.is(Kind.CURRENCY) && formula.is(Kind.CURRENCY)) {
			if (!Objects.equals(declared.currency(), formula.currency())) {
				error(subject, metric, KPI.getMetric_Kind(), METRIC_KIND_MISMATCH);
			}
			return;
		}
		if (declared.kind().isDimensionless() && formula.kind().isDimensionless()) {
			boolean fractionFromCount = declared.kind().isQuotient() && formula.is(Kind.COUNT);
			boolean countFromFraction = declared.is(Kind.COUNT) && formula.kind().isQuotient();
			if (fractionFromCount) {
				warning(message(metric, "metric-kind-suspicious.fraction", subject, declared.describe()),
						metric, KPI.getMetric_Kind(), METRIC_KIND_SUSPICIOUS);
			} else if (countFromFraction) {
				warning(message(metric, "metric-kind-suspicious.count", subject), metric,
						KPI.getMetric_Kind(), METRIC_KIND_SUSPICIOUS);
			}
			return;
		}
		boolean temporal = declared.kind().isTemporal() && formula.kind().isTemporal();
		if (declared.kind() != formula.kind() && !temporal) {
			error(subject, metric, KPI.getMetric_Kind(), METRIC_KIND_MISMATCH);
		}
	}

	@Check
	public void checkMetricKind(Metric metric) {
		if (metric.getKind() == null) {
			return;
		}
		KpiType declared = Sources.typeOf(metric.getKind());
		if (!isMetricKind(declared)) {
			error(message(metric, "invalid-kind.metric", metric.getName(), declared.describe()),
					metric, KPI.getMetric_Kind(), INVALID_KIND);
		}
	}

	private static boolean isMetricKind(KpiType type) {
		return type.kind().isNumeric() || type.kind().isTemporal();
	}

	@Check
	public void checkScore(ScoreKind score) {
		if (score.getMin() != null && score.getMax() != null && score.getMin().compareTo(score.getMax()) >= 0) {
			error(message(score, "invalid-kind.scoreRange", score.getMin().toPlainString(),
					score.getMax().toPlainString()), score, null, INVALID_KIND);
		}
	}

	@Check
	public void checkDurationUnit(DurationKind duration) {
		if (duration.getUnit() != null && !Units.isDurationUnit(duration.getUnit())) {
			error(message(duration, "invalid-kind.durationUnit", duration.getUnit(), Units.durationUnitList()), duration,
					KPI.getDurationKind_Unit(), INVALID_KIND, QuickFixData.durationUnit(duration.getUnit()));
		}
	}

	@Check
	public void checkCurrencyCode(CurrencyKind currency) {
		if (currency.getCode() != null && !Units.isCurrencyCode(currency.getCode())) {
			error(message(currency, "invalid-kind.currency", currency.getCode()), currency,
					KPI.getCurrencyKind_Code(), INVALID_KIND, QuickFixData.currency(currency.getCode()));
		}
	}
}
