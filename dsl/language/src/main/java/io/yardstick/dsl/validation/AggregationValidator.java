package io.yardstick.dsl.validation;

import static io.yardstick.dsl.validation.IssueCodes.AVERAGE_OF_RATIO;
import static io.yardstick.dsl.validation.IssueCodes.RATIO_FILTER_NOT_NARROWER;
import static io.yardstick.dsl.validation.IssueCodes.ZERO_DENOMINATOR;

import io.yardstick.dsl.kpi.BinaryExpression;
import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.model.ModelText;
import io.yardstick.dsl.types.Constants;
import io.yardstick.dsl.types.FormulaAnalysis;
import io.yardstick.dsl.types.Level;
import io.yardstick.dsl.types.Typed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.xtext.validation.Check;

/**
 * Rule 9: the aggregation pitfalls that give plausible but wrong numbers. Averages of ratios,
 * numerators that count rows their denominators do not, and denominators that can be zero.
 */
public class AggregationValidator extends AbstractKpiCheck {
	private static final Set<String> AVERAGES = Set.of("avg", "median", "percentile");
	private static final Set<String> COUNTING = Set.of("count", "countDistinct", "sum");

	@Check
	public void checkAggregation(Metric metric) {
		if (metric.getFormula() == null) {
			return;
		}
		FormulaAnalysis analysis = analyses().of(metric);
		for (FunctionCall aggregate : analysis.aggregates().keySet()) {
			checkAverageOfRatio(aggregate, analysis);
		}
		for (BinaryExpression division : analysis.divisions()) {
			if (analysis.typeOf(division).kind() == io.yardstick.dsl.types.Kind.UNKNOWN) {
				continue; // already reported as a kind error; a note on top would be noise
			}
			checkNumeratorFilter(division, analysis);
			checkDenominator(division, analysis);
		}
	}

	private void checkAverageOfRatio(FunctionCall aggregate, FormulaAnalysis analysis) {
		if (!isOneOf(aggregate, AVERAGES) || aggregate.getArguments().isEmpty()) {
			return;
		}
		Expression value = aggregate.getArguments().get(aggregate.getArguments().size() - 1);
		Typed typed = analysis.typeOf(value);
		if (typed.kind().isQuotient()) {
			warning(message(aggregate, AVERAGE_OF_RATIO, aggregate.getFunction(), ModelText.quoted(value),
					typed.type().describe()), aggregate, null, AVERAGE_OF_RATIO);
		}
	}

	/** {@code count(A where x) / count(A where y)} must count, above, only rows it counts below. */
	private void checkNumeratorFilter(BinaryExpression division, FormulaAnalysis analysis) {
		if (!(division.getLeft() instanceof FunctionCall numerator) || !(division.getRight() instanceof FunctionCall denominator)) {
			return;
		}
		Map<FunctionCall, Source> aggregates = analysis.aggregates();
		if (!isOneOf(numerator, COUNTING) || !isOneOf(denominator, COUNTING)
				|| aggregates.get(numerator) == null || aggregates.get(numerator) != aggregates.get(denominator)) {
			return;
		}
		List<String> numeratorConditions = conjuncts(numerator.getFilter());
		List<String> missing = new ArrayList<>();
		for (String condition : conjuncts(denominator.getFilter())) {
			if (!numeratorConditions.contains(condition)) {
				missing.add(condition);
			}
		}
		if (!missing.isEmpty()) {
			warning(message(division, RATIO_FILTER_NOT_NARROWER, ModelText.quoted(numerator), ModelText.quoted(denominator),
					String.join(" and ", missing)), division, null, RATIO_FILTER_NOT_NARROWER);
		}
	}

	/** Null-safe: a call cut short by a syntax error has no function name. */
	private static boolean isOneOf(FunctionCall call, Set<String> functions) {
		return call.getFunction() != null && functions.contains(call.getFunction());
	}

	/** The conditions joined by top-level {@code and}, as text with white space folded. */
	private static List<String> conjuncts(Expression filter) {
		List<String> conditions = new ArrayList<>();
		collectConjuncts(filter, conditions);
		return conditions;
	}

	private static void collectConjuncts(Expression filter, List<String> conditions) {
		if (filter == null) {
			return;
		}
		if (filter instanceof BinaryExpression binary && "and".equals(binary.getOperator())) {
			collectConjuncts(binary.getLeft(), conditions);
			collectConjuncts(binary.getRight(), conditions);
		} else {
			conditions.add(ModelText.full(filter));
		}
	}

	private void checkDenominator(BinaryExpression division, FormulaAnalysis analysis) {
		Expression denominator = division.getRight();
		Typed typed = analysis.typeOf(denominator);
		Optional<BigDecimal> constant = Constants.evaluate(denominator);
		if (constant.isPresent()) {
			if (constant.get().signum() == 0) {
				info(message(division, ZERO_DENOMINATOR + ".constant", ModelText.quoted(division)), division, null,
						ZERO_DENOMINATOR);
			}
			return;
		}
		if (typed.kind().isWildcard() || typed.level() == Level.CONSTANT) {
			return;
		}
		String where = typed.level() == Level.ROW ? ".row" : ".period";
		info(message(denominator, ZERO_DENOMINATOR + where, ModelText.quoted(denominator)), denominator, null,
				ZERO_DENOMINATOR);
	}
}
