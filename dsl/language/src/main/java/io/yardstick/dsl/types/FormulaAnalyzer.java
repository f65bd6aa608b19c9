package io.yardstick.dsl.types;

import io.yardstick.dsl.model.Overrides;
import static io.yardstick.dsl.validation.IssueCodes.AGGREGATE_IN_ROW;
import static io.yardstick.dsl.validation.IssueCodes.KIND_MISMATCH;
import static io.yardstick.dsl.validation.IssueCodes.MIXED_SOURCES;
import static io.yardstick.dsl.validation.IssueCodes.NUMBER_OUT_OF_RANGE;
import static io.yardstick.dsl.validation.IssueCodes.PER_ENTITY_AMBIGUOUS;
import static io.yardstick.dsl.validation.IssueCodes.PER_ENTITY_INVALID;
import static io.yardstick.dsl.validation.IssueCodes.ROW_OUTSIDE_AGGREGATE;
import static io.yardstick.dsl.validation.IssueCodes.TOO_DEEP;
import static io.yardstick.dsl.validation.IssueCodes.UNKNOWN_FUNCTION;
import static io.yardstick.dsl.validation.IssueCodes.UNKNOWN_UNIT;
import static io.yardstick.dsl.validation.IssueCodes.UNRESOLVED_REFERENCE;
import static io.yardstick.dsl.validation.IssueCodes.WINDOW_INVALID;
import static io.yardstick.dsl.validation.IssueCodes.WRONG_ARGUMENTS;

import io.yardstick.dsl.kpi.BinaryExpression;
import io.yardstick.dsl.kpi.BooleanLiteral;
import io.yardstick.dsl.kpi.EnumKind;
import io.yardstick.dsl.kpi.EnumValue;
import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.IfExpression;
import io.yardstick.dsl.kpi.InExpression;
import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.MemberAccess;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Negation;
import io.yardstick.dsl.kpi.NotExpression;
import io.yardstick.dsl.kpi.NullLiteral;
import io.yardstick.dsl.kpi.NullTest;
import io.yardstick.dsl.kpi.NumberLiteral;
import io.yardstick.dsl.kpi.PeriodReference;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.StringLiteral;
import io.yardstick.dsl.kpi.Symbol;
import io.yardstick.dsl.kpi.SymbolReference;
import io.yardstick.dsl.model.Limits;
import io.yardstick.dsl.model.ModelText;
import io.yardstick.dsl.model.Sources;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;

/**
 * Types a formula bottom-up in one walk and records every problem where it arises. A node that
 * has a problem gets the UNKNOWN type, which fits everywhere, so each mistake is reported once.
 * Stateless: one instance serves every analysis.
 */
public class FormulaAnalyzer {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;
	/** The aggregates computed per entity: those whose state is a few numbers per entity and period. */
	private static final java.util.Set<String> ENTITY_FUNCTIONS = java.util.Set.of("count", "sum", "avg", "min", "max");
	/** The aggregates whose per-period states add up, so that a window over periods can combine them. */
	private static final java.util.Set<String> WINDOW_FUNCTIONS = java.util.Set.of("count", "sum", "avg", "min", "max",
			"ratio", "share");

	/** Analyzes the metric's formula as it takes effect (an override may inherit it); none gives an empty analysis. */
	public FormulaAnalysis analyze(Metric metric) {
		return analyze(Overrides.formula(metric));
	}

	/** Analyzes any expression at metric level: a formula, a target, a threshold. */
	public FormulaAnalysis analyze(Expression expression) {
		FormulaAnalysis analysis = new FormulaAnalysis();
		// A formula the parser cut for its depth has its too-deep error; what is left of it is not typed.
		if (expression != null && io.yardstick.dsl.parser.SyntaxDepth.cutOf(expression) == null) {
			analysis.result(new Walk(analysis).type(expression, null));
		}
		return analysis;
	}

	/**
	 * The source whose rows an aggregate reads: that of the first source or field it names, in
	 * text order. The scope provider applies the same rule by name before linking.
	 */
	public static Source rowSourceOf(FunctionCall aggregate) {
		if (aggregate.getPer() != null && !aggregate.getPer().eIsProxy()) {
			return aggregate.getPer();
		}
		return firstNamedSource(aggregate);
	}

	/** The first source or field named inside an aggregate (outside the aggregates nested in it), whatever its `per`. */
	private static Source firstNamedSource(FunctionCall aggregate) {
		for (SymbolReference reference : ownReferences(aggregate)) {
			EObject symbol = reference.getSymbol();
			if (symbol == null || symbol.eIsProxy()) {
				continue;
			}
			if (symbol instanceof Source source) {
				return source;
			}
			if (symbol instanceof Field field) {
				return Sources.sourceOf(field);
			}
		}
		return null;
	}

	/**
	 * The names inside an aggregate, in text order, except those inside the aggregates nested in it: an
	 * aggregate per entity reads rows of its own source.
	 */
	public static List<SymbolReference> ownReferences(FunctionCall aggregate) {
		List<SymbolReference> references = new java.util.ArrayList<>();
		org.eclipse.emf.common.util.TreeIterator<EObject> contents = aggregate.eAllContents();
		while (contents.hasNext()) {
			EObject next = contents.next();
			if (next instanceof FunctionCall nested && Functions.isAggregate(nested.getFunction())) {
				contents.prune();
			} else if (next instanceof SymbolReference reference) {
				references.add(reference);
			}
		}
		return references;
	}

	/** The fields of {@code rows} that reference {@code entity}, with those an {@code extend source} adds. */
	public static List<Field> referencesTo(Source rows, Source entity, EObject context) {
		io.yardstick.dsl.kpi.Template template = io.yardstick.dsl.model.TemplateHierarchy.templateOf(context);
		List<Field> fields = template == null ? rows.getFields() : Sources.fields(rows, template);
		return fields.stream().filter(field -> field.getReference() == entity).toList();
	}

	/** The field an expression reads directly from the row (not through a reference), or null. */
	public static Field ownField(Expression value) {
		if (value instanceof SymbolReference reference && reference.getSymbol() instanceof Field field) {
			return field;
		}
		if (value instanceof MemberAccess access && access.getReceiver() instanceof SymbolReference receiver
				&& receiver.getSymbol() instanceof Source && access.getMember() != null && !access.getMember().eIsProxy()) {
			return access.getMember();
		}
		return null;
	}

	/** One analysis in progress. */
	private static final class Walk {
		private final FormulaAnalysis analysis;
		/** Inside the value of previous(...): metrics read there are read in earlier periods. */
		private boolean lagged;
		/** Levels of the walk open now: the guard that keeps a tree built other than by the parser from overflowing. */
		private int depth;
		private boolean tooDeepReported;

		Walk(FormulaAnalysis analysis) {
			this.analysis = analysis;
		}

		/** @param aggregate the aggregate whose rows the expression reads, or null at metric level */
		Typed type(Expression expression, FunctionCall aggregate) {
			if (depth >= Limits.MAX_WALK_DEPTH) {
				if (tooDeepReported) {
					return Typed.UNKNOWN;
				}
				tooDeepReported = true;
				return problem(expression, null, TOO_DEEP, new Phrase("too-deep.walk", Limits.MAX_WALK_DEPTH));
			}
			depth++;
			try {
				Typed typed = compute(expression, aggregate);
				analysis.record(expression, typed);
				return typed;
			} finally {
				depth--;
			}
		}

		private Typed compute(Expression expression, FunctionCall aggregate) {
			if (expression == null) {
				return Typed.UNKNOWN;
			}
			if (expression instanceof NumberLiteral literal) {
				return number(literal);
			}
			if (expression instanceof StringLiteral) {
				return Typed.constant(KpiType.TEXT);
			}
			if (expression instanceof BooleanLiteral) {
				return Typed.constant(KpiType.BOOL);
			}
			if (expression instanceof NullLiteral) {
				return Typed.constant(KpiType.NULL);
			}
			if (expression instanceof PeriodReference period) {
				return period(period);
			}
			if (expression instanceof SymbolReference || expression instanceof MemberAccess) {
				return navigation(expression, aggregate);
			}
			if (expression instanceof FunctionCall call) {
				return call(call, aggregate);
			}
			if (expression instanceof BinaryExpression binary) {
				return chain(binary, aggregate);
			}
			if (expression instanceof NotExpression not) {
				Typed operand = type(not.getOperand(), aggregate);
				requireBool(operand, not.getOperand(), "`not`");
				return new Typed(KpiType.BOOL, operand.level(), operand.rowSource());
			}
			if (expression instanceof Negation negation) {
				Typed operand = type(negation.getOperand(), aggregate);
				if (!operand.kind().isWildcard() && !operand.kind().isNumeric()) {
					return problem(negation, null, KIND_MISMATCH, new Phrase("kind-mismatch.negate",
							operand.type().describe(), ModelText.quoted(negation)));
				}
				return operand;
			}
			if (expression instanceof IfExpression conditional) {
				return conditional(conditional, aggregate);
			}
			if (expression instanceof InExpression in) {
				return in(in, aggregate);
			}
			if (expression instanceof NullTest test) {
				Typed value = type(test.getValue(), aggregate);
				return new Typed(KpiType.BOOL, value.level(), value.rowSource());
			}
			return Typed.UNKNOWN;
		}

		private Typed number(NumberLiteral literal) {
			if (literal.isPercent()) {
				return Typed.constant(KpiType.PERCENT);
			}
			String unit = literal.getUnit();
			if (unit == null) {
				return Typed.constant(KpiType.NUMBER);
			}
			if (Units.isDurationUnit(unit)) {
				return Typed.constant(KpiType.duration(unit));
			}
			if (Units.isCurrencyCode(unit)) {
				return Typed.constant(KpiType.currency(unit));
			}
			return problem(literal, KPI.getNumberLiteral_Unit(), UNKNOWN_UNIT, new Phrase("unknown-unit", unit,
					ModelText.quoted(literal), Units.durationUnitList()));
		}

		private Typed period(PeriodReference period) {
			analysis.periodUsed();
			String boundary = period.getBoundary();
			if (boundary == null) {
				return problem(period, null, KIND_MISMATCH, new Phrase("kind-mismatch.period"));
			}
			if (!"start".equals(boundary) && !"end".equals(boundary)) {
				return problem(period, KPI.getPeriodReference_Boundary(), UNRESOLVED_REFERENCE,
						new Phrase("unresolved-reference.boundary", boundary));
			}
			return Typed.constant(KpiType.TIMESTAMP);
		}

		// ------------------------------------------------------------------ references

		private Typed navigation(Expression expression, FunctionCall aggregate) {
			Typed typed = navigate(expression);
			if (typed.kind() == Kind.UNKNOWN) {
				return typed;
			}
			if (typed.level() == Level.AGGREGATE && aggregate != null) {
				return problem(expression, null, AGGREGATE_IN_ROW, new Phrase("aggregate-in-row.metric",
						ModelText.quoted(expression), ModelText.quoted(aggregate)));
			}
			if (typed.level() == Level.ROW && aggregate == null) {
				Phrase message = new Phrase(typed.type().is(Kind.ROWS) ? "row-outside-aggregate.rows"
						: "row-outside-aggregate", ModelText.quoted(expression), ModelText.of(expression));
				return problem(expression, null, ROW_OUTSIDE_AGGREGATE, message);
			}
			if (typed.level() == Level.ROW) {
				Source rows = rowsOf(aggregate);
				if (rows != null && typed.rowSource() != null && typed.rowSource() != rows) {
					return problem(expression, null, MIXED_SOURCES, new Phrase("mixed-sources", ModelText.quoted(aggregate),
							rows.getName(), ModelText.quoted(expression), typed.rowSource().getName(),
							mixedSourcesHint(rows, typed.rowSource())));
				}
			}
			if (typed.type().is(Kind.ROWS) && !isCountArgument(expression)) {
				return problem(expression, null, KIND_MISMATCH, new Phrase("kind-mismatch.rows",
						ModelText.quoted(expression), ModelText.of(expression)));
			}
			return typed;
		}

		/** The type of a reference chain, without judging where it stands: one loop from its start. */
		private Typed navigate(Expression expression) {
			if (expression instanceof MemberAccess) {
				List<MemberAccess> steps = new java.util.ArrayList<>();
				Expression start = expression;
				while (start instanceof MemberAccess step) {
					steps.add(step);
					start = step.getReceiver();
				}
				Typed typed = navigate(start);
				for (int i = steps.size() - 1; i >= 0; i--) {
					Field member = steps.get(i).getMember();
					if (typed.kind() == Kind.UNKNOWN || member == null || member.eIsProxy()) {
						return Typed.UNKNOWN;
					}
					typed = new Typed(Sources.typeOf(member), Level.ROW, typed.rowSource());
				}
				return typed;
			}
			if (!(expression instanceof SymbolReference reference)) {
				return Typed.UNKNOWN;
			}
			Symbol symbol = reference.getSymbol();
			if (symbol == null || symbol.eIsProxy()) {
				return Typed.UNKNOWN;
			}
			if (symbol instanceof Source source) {
				return new Typed(KpiType.rows(source), Level.ROW, source);
			}
			if (symbol instanceof Field field) {
				return new Typed(Sources.typeOf(field), Level.ROW, Sources.sourceOf(field));
			}
			if (symbol instanceof Metric metric) {
				analysis.referenced(metric, lagged);
				return Typed.aggregate(metric.getKind() == null ? KpiType.UNKNOWN : Sources.typeOf(metric.getKind()));
			}
			if (symbol instanceof EnumValue value) {
				return Typed.constant(KpiType.enumeration((EnumKind) value.eContainer()));
			}
			return Typed.UNKNOWN;
		}

		private boolean isCountArgument(Expression expression) {
			return expression.eContainer() instanceof FunctionCall call && "count".equals(call.getFunction())
					&& call.getArguments().indexOf(expression) == 0;
		}

		private Phrase mixedSourcesHint(Source rows, Source other) {
			for (Field field : rows.getFields()) {
				if (field.getReference() == other) {
					return new Phrase("mixed-sources.through", rows.getName(), field.getName());
				}
			}
			return new Phrase("mixed-sources.oneSource");
		}

		// ------------------------------------------------------------------ operators

		/**
		 * A chain such as a + b + c is a left-deep tree: typed in one loop from its first operand, so that a
		 * long chain costs no stack (only right operands are typed recursively).
		 */
		private Typed chain(BinaryExpression top, FunctionCall aggregate) {
			List<BinaryExpression> chain = new java.util.ArrayList<>();
			Expression first = top;
			while (first instanceof BinaryExpression binary) {
				chain.add(binary);
				first = binary.getLeft();
			}
			Typed left = type(first, aggregate);
			for (int i = chain.size() - 1; i > 0; i--) {
				left = binary(chain.get(i), left, aggregate);
				analysis.record(chain.get(i), left);
			}
			return binary(top, left, aggregate);
		}

		private Typed binary(BinaryExpression binary, Typed left, FunctionCall aggregate) {
			Typed right = type(binary.getRight(), aggregate);
			if (binary.getOperator() == null) {
				// Only where the parser stopped reading (a syntax error says why).
				return Typed.UNKNOWN;
			}
			String operator = binary.getOperator();
			Level level = left.level().with(right.level());
			Source rows = left.rowSource() != null ? left.rowSource() : right.rowSource();
			Outcome outcome = switch (operator) {
				case "and", "or" -> {
					requireBool(left, binary.getLeft(), "`" + operator + "`");
					requireBool(right, binary.getRight(), "`" + operator + "`");
					yield Outcome.ok(KpiType.BOOL);
				}
				case "+", "-" -> TypeRules.additive(operator, left, right);
				case "*" -> TypeRules.multiply(left, right);
				case "/" -> {
					analysis.division(binary);
					yield TypeRules.divide(left, right);
				}
				default -> compare(operator, binary.getLeft(), left, binary.getRight(), right);
			};
			if (outcome.isProblem()) {
				return problem(binary, null, outcome.code(), outcome.messageAt(ModelText.quoted(binary)));
			}
			return new Typed(outcome.type(), level, rows);
		}

		/** Comparison, where a bare enum value is checked against the values of the enum it meets. */
		private Outcome compare(String operator, Expression leftNode, Typed left, Expression rightNode, Typed right) {
			EnumValue leftValue = enumLiteral(leftNode);
			EnumValue rightValue = enumLiteral(rightNode);
			if (rightValue != null && left.type().is(Kind.ENUM) && leftValue == null) {
				return enumMembership(operator, left.type(), rightValue, leftNode);
			}
			if (leftValue != null && right.type().is(Kind.ENUM) && rightValue == null) {
				return enumMembership(operator, right.type(), leftValue, rightNode);
			}
			return TypeRules.compare(operator, left, right);
		}

		private Outcome enumMembership(String operator, KpiType enumType, EnumValue value, Expression subject) {
			if (!"=".equals(operator) && !"!=".equals(operator)) {
				return Outcome.problem(KIND_MISMATCH, new Phrase("rule.order", enumType.describe(), operator),
						new Phrase("hint.onlyEquality"));
			}
			if (!enumType.hasEnumValue(value)) {
				String values = enumType.enumKind() == null ? "" : enumType.enumKind().getValues().stream()
						.map(EnumValue::getName).collect(java.util.stream.Collectors.joining(", "));
				return Outcome.problem(KIND_MISMATCH, new Phrase("kind-mismatch.enumValue", value.getName(),
						ModelText.quoted(subject)), new Phrase("hint.enumValues", values));
			}
			return Outcome.ok(KpiType.BOOL);
		}

		private EnumValue enumLiteral(Expression expression) {
			return expression instanceof SymbolReference reference && reference.getSymbol() instanceof EnumValue value
					&& !value.eIsProxy() ? value : null;
		}

		private Typed conditional(IfExpression conditional, FunctionCall aggregate) {
			Typed condition = type(conditional.getCondition(), aggregate);
			requireBool(condition, conditional.getCondition(), "`if`");
			Typed then = type(conditional.getThen(), aggregate);
			Typed otherwise = type(conditional.getElse(), aggregate);
			Outcome joined = TypeRules.join(then, otherwise);
			if (joined.isProblem()) {
				return problem(conditional, null, joined.code(), new Phrase("outcome.branches",
						ModelText.quoted(conditional), joined.fullMessage()));
			}
			Level level = condition.level().with(then.level()).with(otherwise.level());
			return new Typed(joined.type(), level, firstRowSource(condition, then, otherwise));
		}

		private Typed in(InExpression in, FunctionCall aggregate) {
			Typed value = type(in.getValue(), aggregate);
			Level level = value.level();
			if (in.isInPeriod()) {
				analysis.periodUsed();
				if (!value.kind().isWildcard() && !value.kind().isTemporal()) {
					return problem(in, null, KIND_MISMATCH, new Phrase("kind-mismatch.inPeriod",
							ModelText.quoted(in.getValue()), value.type().describe()));
				}
				return new Typed(KpiType.BOOL, level, value.rowSource());
			}
			for (Expression item : in.getItems()) {
				Typed itemType = type(item, aggregate);
				level = level.with(itemType.level());
				Outcome outcome = compare("=", in.getValue(), value, item, itemType);
				if (outcome.isProblem()) {
					problem(item, null, outcome.code(), outcome.messageAt(ModelText.quoted(in)));
				}
			}
			return new Typed(KpiType.BOOL, level, value.rowSource());
		}

		// ------------------------------------------------------------------ functions

		private Typed call(FunctionCall call, FunctionCall aggregate) {
			Optional<FunctionInfo> found = Functions.lookup(call.getFunction());
			// A call with a problem of its own is not descended into: one mistake, one diagnostic.
			if (found.isEmpty()) {
				String suggestion = Functions.suggest(call.getFunction());
				return problem(call, KPI.getFunctionCall_Function(), UNKNOWN_FUNCTION, suggestion == null
						? new Phrase("unknown-function", call.getFunction())
						: new Phrase("unknown-function.meant", call.getFunction(), suggestion));
			}
			FunctionInfo info = found.get();
			if (call.getPer() != null) {
				if (call.getPer().eIsProxy()) {
					return Typed.UNKNOWN;
				}
				if ("previous".equals(info.name())) {
					return previousRow(call, aggregate);
				}
				if (info.category() != FunctionCategory.AGGREGATE) {
					return problem(call, KPI.getFunctionCall_Per(), WRONG_ARGUMENTS,
							new Phrase("wrong-arguments.per", info.name()));
				}
			}
			int count = call.getArguments().size();
			if (!info.acceptsArgumentCount(count)) {
				return problem(call, null, WRONG_ARGUMENTS, new Phrase("wrong-arguments.count", info.name(),
						arity(info), count, info.signature()));
			}
			if (call.getFilter() != null && !info.acceptsWhere()) {
				return problem(call.getFilter(), null, WRONG_ARGUMENTS, new Phrase("wrong-arguments.where", info.name()));
			}
			return switch (info.category()) {
				case AGGREGATE -> aggregateCall(call, info, aggregate);
				case SCALAR -> scalarCall(call, info, aggregate);
				case PERIOD -> periodCall(call, info, aggregate);
			};
		}

		private Typed aggregateCall(FunctionCall call, FunctionInfo info, FunctionCall enclosing) {
			if (enclosing != null) {
				return entityAggregate(call, info, enclosing);
			}
			Source rows = rowSourceOf(call);
			analysis.aggregate(call, rows);
			List<Typed> arguments = call.getArguments().stream().map(argument -> type(argument, call)).toList();
			if (call.getFilter() != null) {
				Typed filter = type(call.getFilter(), call);
				requireBool(filter, call.getFilter(), "`where`");
			}
			if (rows == null && arguments.stream().noneMatch(argument -> argument.kind() == Kind.UNKNOWN)) {
				return problem(call, null, WRONG_ARGUMENTS, new Phrase("wrong-arguments.noSource", ModelText.quoted(call)));
			}
			Outcome outcome = aggregateResult(call, info, arguments);
			if (outcome.isProblem()) {
				return problem(call, null, outcome.code(), outcome.fullMessage());
			}
			return Typed.aggregate(outcome.type());
		}

		/**
		 * An aggregate inside the rows of another: computed per row of the outer aggregate (the entity), over the
		 * rows of its own source that reference that row, in the same period.
		 */
		private Typed entityAggregate(FunctionCall call, FunctionInfo info, FunctionCall enclosing) {
			if (analysis.entityAggregates().containsKey(enclosing)) {
				return problem(call, null, PER_ENTITY_INVALID, new Phrase("per-entity-invalid.nested",
						ModelText.quoted(call), ModelText.quoted(enclosing)));
			}
			Source outer = analysis.aggregates().get(enclosing);
			Source rows = firstNamedSource(call);
			if (outer == null || rows == null) {
				return Typed.UNKNOWN;
			}
			List<Field> links = referencesTo(rows, outer, call);
			if (links.isEmpty()) {
				return problem(call, null, AGGREGATE_IN_ROW, new Phrase("aggregate-in-row.aggregate",
						ModelText.quoted(call), ModelText.quoted(enclosing), outer.getName(), rows.getName()));
			}
			if (links.size() > 1) {
				return problem(call, null, PER_ENTITY_AMBIGUOUS, new Phrase("per-entity-ambiguous.aggregate",
						ModelText.quoted(call), outer.getName(), rows.getName(), fieldNames(links)));
			}
			// Recorded before the checks below: its source's rows still make the metric vary by period.
			analysis.entityAggregate(call, links.get(0));
			if (call.getPer() != null) {
				return problem(call, KPI.getFunctionCall_Per(), PER_ENTITY_INVALID, new Phrase("per-entity-invalid.inner",
						ModelText.quoted(call), ModelText.quoted(enclosing)));
			}
			if (!ENTITY_FUNCTIONS.contains(info.name())) {
				return problem(call, null, PER_ENTITY_INVALID, new Phrase("per-entity-invalid.function", info.name()));
			}
			List<Typed> arguments = call.getArguments().stream().map(argument -> type(argument, call)).toList();
			if (call.getFilter() != null) {
				requireBool(type(call.getFilter(), call), call.getFilter(), "`where`");
			}
			Outcome outcome = aggregateResult(call, info, arguments);
			if (outcome.isProblem()) {
				return problem(call, null, outcome.code(), outcome.fullMessage());
			}
			return new Typed(outcome.type(), Level.ROW, outer);
		}

		/** {@code previous(x per Entity)}: x of the same entity's latest earlier row, by x itself. */
		private Typed previousRow(FunctionCall call, FunctionCall aggregate) {
			String entity = call.getPer().getName();
			if (aggregate == null) {
				return problem(call, null, PER_ENTITY_INVALID, new Phrase("per-entity-invalid.previousOutside",
						ModelText.quoted(call), entity));
			}
			if (call.getArguments().size() != 1 || call.getFilter() != null) {
				return problem(call, null, WRONG_ARGUMENTS, new Phrase("wrong-arguments.previousPer", entity));
			}
			Expression value = call.getArguments().get(0);
			Typed typed = type(value, aggregate);
			if (typed.kind() == Kind.UNKNOWN) {
				return Typed.UNKNOWN;
			}
			Field field = ownField(value);
			if (field == null || !typed.kind().isTemporal()) {
				return problem(value, null, PER_ENTITY_INVALID, new Phrase("per-entity-invalid.previousValue",
						ModelText.quoted(call), entity));
			}
			Source rows = Sources.sourceOf(field);
			List<Field> links = referencesTo(rows, call.getPer(), call);
			// Its kind is known whatever the entity: the formula around it is still checked, without a second error.
			Typed previous = new Typed(typed.type(), Level.ROW, rows);
			if (links.isEmpty()) {
				problem(call, KPI.getFunctionCall_Per(), PER_ENTITY_INVALID, new Phrase("per-entity-invalid.noReference",
						rows.getName(), entity));
			} else if (links.size() > 1) {
				problem(call, KPI.getFunctionCall_Per(), PER_ENTITY_AMBIGUOUS, new Phrase("per-entity-ambiguous.previous",
						rows.getName(), entity, fieldNames(links)));
			} else {
				analysis.previousRow(call, links.get(0));
			}
			return previous;
		}

		private Outcome aggregateResult(FunctionCall call, FunctionInfo info, List<Typed> arguments) {
			String name = info.name();
			Typed value = arguments.get(arguments.size() - 1);
			KpiType type = value.type();
			if (type.is(Kind.UNKNOWN) && !"count".equals(name) && !"countDistinct".equals(name)
					&& !"share".equals(name)) {
				return Outcome.ok(KpiType.UNKNOWN);
			}
			String subject = ModelText.quoted(call.getArguments().get(arguments.size() - 1));
			switch (name) {
				case "count", "countDistinct":
					return Outcome.ok(KpiType.COUNT);
				case "share":
					return type.is(Kind.BOOL) || type.kind().isWildcard() ? Outcome.ok(KpiType.PERCENT)
							: Outcome.problem(KIND_MISMATCH, new Phrase("kind-mismatch.share", subject, type.describe()));
				case "ratio":
					return TypeRules.divide(arguments.get(0), arguments.get(1));
				case "min", "max":
					if (type.kind().isTemporal()) {
						return Outcome.ok(type);
					}
					break;
				case "percentile":
					Outcome level = percentileLevel(call.getArguments().get(0), arguments.get(0));
					if (level.isProblem()) {
						return level;
					}
					break;
				default:
					break;
			}
			if (type.is(Kind.BOOL) && "sum".equals(name)) {
				return Outcome.problem(KIND_MISMATCH, new Phrase("kind-mismatch.sumBool", subject, rowsName(call),
						ModelText.of(call.getArguments().get(0))));
			}
			if (!type.kind().isNumeric() && !type.kind().isWildcard()) {
				return Outcome.problem(KIND_MISMATCH, new Phrase("kind-mismatch.numeric", name, subject, type.describe()));
			}
			boolean averaged = !"sum".equals(name) && !"min".equals(name) && !"max".equals(name);
			return Outcome.ok(averaged && type.is(Kind.COUNT) ? KpiType.NUMBER : type);
		}

		/** The source whose rows an aggregate of this formula reads, outer or per entity. */
		private Source rowsOf(FunctionCall aggregate) {
			Field link = analysis.entityAggregates().get(aggregate);
			return link != null ? Sources.sourceOf(link) : analysis.aggregates().get(aggregate);
		}

		private String rowsName(FunctionCall call) {
			Source rows = rowsOf(call);
			return rows == null ? "Source" : rows.getName();
		}

		private Outcome percentileLevel(Expression node, Typed level) {
			Optional<BigDecimal> value = Constants.evaluate(node);
			boolean scale = level.type().is(Kind.NUMBER) || level.type().is(Kind.PERCENT);
			if (level.level() != Level.CONSTANT || !scale || value.isEmpty()) {
				return Outcome.problem(WRONG_ARGUMENTS, new Phrase("wrong-arguments.percentileConstant",
						ModelText.quoted(node)));
			}
			if (value.get().signum() < 0 || value.get().compareTo(BigDecimal.ONE) > 0) {
				return Outcome.problem(WRONG_ARGUMENTS, new Phrase("wrong-arguments.percentileRange",
						ModelText.quoted(node)));
			}
			return Outcome.ok(KpiType.NUMBER);
		}

		private Typed scalarCall(FunctionCall call, FunctionInfo info, FunctionCall aggregate) {
			List<Typed> arguments = call.getArguments().stream().map(argument -> type(argument, aggregate)).toList();
			Level level = Level.CONSTANT;
			for (Typed argument : arguments) {
				level = level.with(argument.level());
			}
			Source rows = firstRowSource(arguments.toArray(Typed[]::new));
			if ("coalesce".equals(info.name())) {
				Typed joined = arguments.get(0);
				for (int i = 1; i < arguments.size(); i++) {
					Outcome outcome = TypeRules.join(joined, arguments.get(i));
					if (outcome.isProblem()) {
						return problem(call, null, outcome.code(), new Phrase("outcome.arguments", ModelText.quoted(call),
								outcome.fullMessage()));
					}
					joined = joined.withType(outcome.type());
				}
				return new Typed(joined.type(), level, rows);
			}
			KpiType argument = arguments.get(0).type();
			if (argument.kind().isWildcard()) {
				return new Typed(argument.is(Kind.NULL) ? KpiType.NULL : KpiType.NUMBER, level, rows);
			}
			if ("periodsSince".equals(info.name())) {
				// An age is counted to the period computed: the value varies by period like `in period`.
				analysis.periodUsed();
			}
			boolean durationPart = List.of("hours", "minutes", "seconds", "days").contains(info.name());
			boolean fits = durationPart ? argument.is(Kind.DURATION)
					: "hour".equals(info.name()) ? argument.is(Kind.TIMESTAMP) : argument.kind().isTemporal();
			if (!fits) {
				String wanted = durationPart ? "wrong-arguments.duration"
						: "hour".equals(info.name()) ? "wrong-arguments.timestamp" : "wrong-arguments.temporal";
				return problem(call, null, WRONG_ARGUMENTS, new Phrase(wanted, info.name(),
						ModelText.quoted(call.getArguments().get(0)), argument.describe()));
			}
			return new Typed(KpiType.NUMBER, level, rows);
		}

		/**
		 * A window over periods: its aggregate is computed over the rows of several periods, from the states its
		 * scan keeps per period, so only aggregates whose states add up can be windowed.
		 */
		private Typed windowCall(FunctionCall call, FunctionInfo info) {
			Expression valueNode = call.getArguments().get(0);
			Typed value = type(valueNode, null);
			if (!(valueNode instanceof FunctionCall inner) || !Functions.isAggregate(inner.getFunction())) {
				return value.kind() == Kind.UNKNOWN ? Typed.UNKNOWN : problem(valueNode, null, WINDOW_INVALID,
						new Phrase("window-invalid.aggregate", info.name(), ModelText.quoted(valueNode)));
			}
			if (!WINDOW_FUNCTIONS.contains(inner.getFunction())) {
				return problem(valueNode, null, WINDOW_INVALID, new Phrase("window-invalid.function", info.name(),
						inner.getFunction()));
			}
			if ("rolling".equals(info.name()) && !periodCount(call, "periods.rolling")) {
				return Typed.UNKNOWN;
			}
			return value.kind().isWildcard() ? Typed.aggregate(KpiType.UNKNOWN) : Typed.aggregate(value.type());
		}

		/** Whether the call's second argument is a whole number of periods in 1..MAX_COUNT_SETTING; reports it if not. */
		private boolean periodCount(FunctionCall call, String subject) {
			Expression periodsNode = call.getArguments().get(1);
			Typed periods = type(periodsNode, null);
			Optional<BigDecimal> count = Constants.evaluate(periodsNode);
			boolean whole = count.isPresent() && count.get().signum() > 0 && count.get().stripTrailingZeros().scale() <= 0;
			if (!periods.type().is(Kind.NUMBER) || !whole) {
				problem(periodsNode, null, WRONG_ARGUMENTS, new Phrase("wrong-arguments.periods",
						new Phrase(subject, ModelText.quoted(call))));
				return false;
			}
			if (count.get().compareTo(BigDecimal.valueOf(Limits.MAX_COUNT_SETTING)) > 0) {
				problem(periodsNode, null, NUMBER_OUT_OF_RANGE, new Phrase("number-out-of-range.periods",
						new Phrase(subject, ModelText.quoted(call)), Limits.MAX_COUNT_SETTING));
				return false;
			}
			return true;
		}

		private Typed periodCall(FunctionCall call, FunctionInfo info, FunctionCall aggregate) {
			if (aggregate == null && Functions.isWindow(info.name())) {
				return windowCall(call, info);
			}
			if (aggregate != null) {
				return problem(call, null, AGGREGATE_IN_ROW, new Phrase("previous".equals(info.name())
						? "aggregate-in-row.previous" : "aggregate-in-row.period", ModelText.quoted(call),
						ModelText.quoted(aggregate)));
			}
			Expression valueNode = call.getArguments().get(0);
			boolean outerLagged = lagged;
			lagged = outerLagged || "previous".equals(info.name());
			Typed value = type(valueNode, null);
			lagged = outerLagged;
			if (call.getArguments().size() == 2 && !periodCount(call, "periods.back")) {
				return Typed.UNKNOWN;
			}
			if (value.kind().isWildcard()) {
				return Typed.aggregate(KpiType.UNKNOWN);
			}
			if (value.level() != Level.AGGREGATE) {
				return problem(valueNode, null, WRONG_ARGUMENTS, new Phrase("wrong-arguments.metricValue", info.name(),
						ModelText.quoted(valueNode)));
			}
			return switch (info.name()) {
				case "previous" -> Typed.aggregate(value.type());
				case "changeRate" -> Typed.aggregate(KpiType.RATIO);
				default -> {
					Outcome change = TypeRules.additive("-", value, value);
					yield change.isProblem() ? problem(call, null, change.code(), change.messageAt(ModelText.quoted(call)))
							: Typed.aggregate(change.type());
				}
			};
		}

		// ------------------------------------------------------------------ helpers

		private void requireBool(Typed typed, Expression node, String where) {
			if (!typed.kind().isWildcard() && !typed.type().is(Kind.BOOL)) {
				problem(node, null, KIND_MISMATCH, new Phrase("kind-mismatch.condition", where, ModelText.quoted(node),
						typed.type().describe()));
			}
		}

		private static Source firstRowSource(Typed... typed) {
			for (Typed t : typed) {
				if (t.rowSource() != null) {
					return t.rowSource();
				}
			}
			return null;
		}

		/** "2 arguments", "1 to 3 arguments", "at least 1 argument"... in the finding's words. */
		private static Phrase arity(FunctionInfo info) {
			if (info.minArguments() == info.maxArguments()) {
				return new Phrase(info.minArguments() == 1 ? "arity.one" : "arity.other", info.minArguments());
			}
			return info.maxArguments() < 0 ? new Phrase("arity.atLeast", info.minArguments())
					: new Phrase("arity.range", info.minArguments(), info.maxArguments());
		}

		private static Phrase fieldNames(List<Field> fields) {
			Phrase names = new Phrase("names.one", fields.get(0).getName());
			for (Field field : fields.subList(1, fields.size())) {
				names = new Phrase("names.and", names, field.getName());
			}
			return names;
		}

		private Typed problem(EObject node, EStructuralFeature feature, String code, Phrase message) {
			analysis.report(new Problem(node, feature, code, message));
			return Typed.UNKNOWN;
		}
	}
}
