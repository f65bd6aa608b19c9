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
				return problem(expression, null, TOO_DEEP, "this formula nests deeper than " + Limits.MAX_WALK_DEPTH
						+ " levels; split it into metrics of their own");
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
					return problem(negation, null, KIND_MISMATCH, "cannot negate " + operand.type().describe() + " in "
							+ ModelText.quoted(negation));
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
			return problem(literal, KPI.getNumberLiteral_Unit(), UNKNOWN_UNIT, "unknown unit `" + unit + "` in "
					+ ModelText.quoted(literal) + ": durations take " + Units.durationUnitList()
					+ "; amounts take an ISO 4217 currency code such as CNY");
		}

		private Typed period(PeriodReference period) {
			analysis.periodUsed();
			String boundary = period.getBoundary();
			if (boundary == null) {
				return problem(period, null, KIND_MISMATCH,
						"`period` alone is not a value: write period.start, period.end, or `x in period`");
			}
			if (!"start".equals(boundary) && !"end".equals(boundary)) {
				return problem(period, KPI.getPeriodReference_Boundary(), UNRESOLVED_REFERENCE,
						"a period has a start and an end, not `" + boundary + "`");
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
				return problem(expression, null, AGGREGATE_IN_ROW, "metric " + ModelText.quoted(expression)
						+ " has one value per period; it cannot be used inside the row expression of "
						+ ModelText.quoted(aggregate));
			}
			if (typed.level() == Level.ROW && aggregate == null) {
				String message = typed.type().is(Kind.ROWS)
						? "source " + ModelText.quoted(expression) + " is a set of rows; a metric counts them with count("
								+ ModelText.of(expression) + ")"
						: ModelText.quoted(expression) + " is a row value; a metric needs an aggregate of it, such as avg("
								+ ModelText.of(expression) + ")";
				return problem(expression, null, ROW_OUTSIDE_AGGREGATE, message);
			}
			if (typed.level() == Level.ROW) {
				Source rows = rowsOf(aggregate);
				if (rows != null && typed.rowSource() != null && typed.rowSource() != rows) {
					return problem(expression, null, MIXED_SOURCES, ModelText.quoted(aggregate) + " reads rows of "
							+ rows.getName() + ", but " + ModelText.quoted(expression) + " belongs to "
							+ typed.rowSource().getName() + mixedSourcesHint(rows, typed.rowSource()));
				}
			}
			if (typed.type().is(Kind.ROWS) && !isCountArgument(expression)) {
				return problem(expression, null, KIND_MISMATCH, "source " + ModelText.quoted(expression)
						+ " is a set of rows, not a value; only count(" + ModelText.of(expression)
						+ ") takes it whole");
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

		private String mixedSourcesHint(Source rows, Source other) {
			for (Field field : rows.getFields()) {
				if (field.getReference() == other) {
					return "; reach it through the reference " + rows.getName() + "." + field.getName() + ".…";
				}
			}
			return "; an aggregate reads one source: reach others through a reference field (->)";
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
				return Outcome.problem(KIND_MISMATCH, "cannot order " + enumType.describe() + " values with " + operator,
						"only = and != apply");
			}
			if (!enumType.hasEnumValue(value)) {
				String values = enumType.enumKind() == null ? "" : enumType.enumKind().getValues().stream()
						.map(EnumValue::getName).collect(java.util.stream.Collectors.joining(", "));
				return Outcome.problem(KIND_MISMATCH, "`" + value.getName() + "` is not a value of "
						+ ModelText.quoted(subject), "its values are " + values);
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
				return problem(conditional, null, joined.code(), "the branches of " + ModelText.quoted(conditional)
						+ " do not agree: " + joined.fullMessage());
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
					return problem(in, null, KIND_MISMATCH, "`in period` needs a timestamp or date, but "
							+ ModelText.quoted(in.getValue()) + " is " + value.type().describe());
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
				return problem(call, KPI.getFunctionCall_Function(), UNKNOWN_FUNCTION, "unknown function `"
						+ call.getFunction() + "`" + (suggestion == null ? "" : "; did you mean `" + suggestion + "`?"));
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
					return problem(call, KPI.getFunctionCall_Per(), WRONG_ARGUMENTS, "`" + info.name()
							+ "` takes no `per`: only aggregates and previous(x per Source) name an entity");
				}
			}
			int count = call.getArguments().size();
			if (!info.acceptsArgumentCount(count)) {
				return problem(call, null, WRONG_ARGUMENTS, "`" + info.name() + "` takes " + info.arityText() + ", got "
						+ count + ": " + info.signature());
			}
			if (call.getFilter() != null && !info.acceptsWhere()) {
				return problem(call.getFilter(), null, WRONG_ARGUMENTS, "`" + info.name()
						+ "` takes no `where`: only aggregates filter rows");
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
				return problem(call, null, WRONG_ARGUMENTS, ModelText.quoted(call)
						+ " reads no source: name a source or one of its fields, such as count(Ticket) or avg(Ticket.csat)");
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
				return problem(call, null, PER_ENTITY_INVALID, "aggregate " + ModelText.quoted(call) + " is inside "
						+ ModelText.quoted(enclosing) + ", itself an aggregate per entity: aggregates per entity nest one level;"
						+ " make the inner value a metric of its own or compute it per the outer entity");
			}
			Source outer = analysis.aggregates().get(enclosing);
			Source rows = firstNamedSource(call);
			if (outer == null || rows == null) {
				return Typed.UNKNOWN;
			}
			List<Field> links = referencesTo(rows, outer, call);
			if (links.isEmpty()) {
				return problem(call, null, AGGREGATE_IN_ROW, "aggregate " + ModelText.quoted(call)
						+ " inside the row expression of " + ModelText.quoted(enclosing) + ": an aggregate inside another is"
						+ " computed per " + outer.getName() + " over the rows that reference it, and " + rows.getName()
						+ " has no reference to " + outer.getName());
			}
			if (links.size() > 1) {
				return problem(call, null, PER_ENTITY_AMBIGUOUS, "aggregate " + ModelText.quoted(call) + " is computed per "
						+ outer.getName() + ", but " + rows.getName() + " references " + outer.getName() + " through "
						+ links.stream().map(Field::getName).collect(java.util.stream.Collectors.joining(" and "))
						+ ": whose rows are meant cannot be told; write the outer aggregate over " + rows.getName() + " instead");
			}
			// Recorded before the checks below: its source's rows still make the metric vary by period.
			analysis.entityAggregate(call, links.get(0));
			if (call.getPer() != null) {
				return problem(call, KPI.getFunctionCall_Per(), PER_ENTITY_INVALID, "aggregate " + ModelText.quoted(call)
						+ " is computed per row of " + ModelText.quoted(enclosing) + ": `per` belongs on the outer aggregate");
			}
			if (!ENTITY_FUNCTIONS.contains(info.name())) {
				return problem(call, null, PER_ENTITY_INVALID, "per entity only count, sum, avg, min and max are computed, not `"
						+ info.name() + "`");
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
				return problem(call, null, PER_ENTITY_INVALID, ModelText.quoted(call) + " reads the same " + entity
						+ "'s previous row: use it inside the rows of an aggregate, such as count(Source where ...)");
			}
			if (call.getArguments().size() != 1 || call.getFilter() != null) {
				return problem(call, null, WRONG_ARGUMENTS, "previous(x per " + entity + ") takes one field and no `where`");
			}
			Expression value = call.getArguments().get(0);
			Typed typed = type(value, aggregate);
			if (typed.kind() == Kind.UNKNOWN) {
				return Typed.UNKNOWN;
			}
			Field field = ownField(value);
			if (field == null || !typed.kind().isTemporal()) {
				return problem(value, null, PER_ENTITY_INVALID, ModelText.quoted(call) + " orders the rows by the value it"
						+ " reads, so it takes a timestamp or date field of the rows, such as previous(Order.placedAt per "
						+ entity + ")");
			}
			Source rows = Sources.sourceOf(field);
			List<Field> links = referencesTo(rows, call.getPer(), call);
			// Its kind is known whatever the entity: the formula around it is still checked, without a second error.
			Typed previous = new Typed(typed.type(), Level.ROW, rows);
			if (links.isEmpty()) {
				problem(call, KPI.getFunctionCall_Per(), PER_ENTITY_INVALID, rows.getName() + " has no reference to "
						+ entity + ": the previous row of the same " + entity + " cannot be found");
			} else if (links.size() > 1) {
				problem(call, KPI.getFunctionCall_Per(), PER_ENTITY_AMBIGUOUS, rows.getName() + " references "
						+ entity + " through " + links.stream().map(Field::getName)
								.collect(java.util.stream.Collectors.joining(" and "))
						+ ": whose previous row is meant cannot be told");
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
							: Outcome.problem(KIND_MISMATCH, "`share` takes a condition (bool), but " + subject + " is "
									+ type.describe());
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
				return Outcome.problem(KIND_MISMATCH, "cannot sum bool " + subject
						+ ": count the rows where it holds, such as count(" + rowsName(call) + " where "
						+ ModelText.of(call.getArguments().get(0)) + ")");
			}
			if (!type.kind().isNumeric() && !type.kind().isWildcard()) {
				return Outcome.problem(KIND_MISMATCH, "`" + name + "` needs a number, duration or amount, but " + subject
						+ " is " + type.describe());
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
				return Outcome.problem(WRONG_ARGUMENTS, "the level of `percentile` must be a constant such as 0.9 or 90%, not "
						+ ModelText.quoted(node));
			}
			if (value.get().signum() < 0 || value.get().compareTo(BigDecimal.ONE) > 0) {
				return Outcome.problem(WRONG_ARGUMENTS, "the level of `percentile` must lie between 0 and 1 (0% and 100%), not "
						+ ModelText.quoted(node));
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
						return problem(call, null, outcome.code(), "the arguments of " + ModelText.quoted(call)
								+ " do not agree: " + outcome.fullMessage());
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
				String wanted = durationPart ? "a duration" : "hour".equals(info.name()) ? "a timestamp" : "a timestamp or date";
				return problem(call, null, WRONG_ARGUMENTS, "`" + info.name() + "` takes " + wanted + ", but "
						+ ModelText.quoted(call.getArguments().get(0)) + " is " + argument.describe());
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
				return value.kind() == Kind.UNKNOWN ? Typed.UNKNOWN : problem(valueNode, null, WINDOW_INVALID, "`"
						+ info.name() + "` recomputes an aggregate over the rows of several periods: its first argument must be"
						+ " an aggregate such as sum(Sale.amount), not " + ModelText.quoted(valueNode));
			}
			if (!WINDOW_FUNCTIONS.contains(inner.getFunction())) {
				return problem(valueNode, null, WINDOW_INVALID, "`" + info.name() + "` of `" + inner.getFunction()
						+ "` cannot be computed from the periods' states: windows take count, sum, avg, min, max, ratio"
						+ " and share");
			}
			if ("rolling".equals(info.name()) && !periodCount(call, "the number of periods of ")) {
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
				problem(periodsNode, null, WRONG_ARGUMENTS, subject + ModelText.quoted(call)
						+ " must be a whole number of at least 1");
				return false;
			}
			if (count.get().compareTo(BigDecimal.valueOf(Limits.MAX_COUNT_SETTING)) > 0) {
				problem(periodsNode, null, NUMBER_OUT_OF_RANGE, subject + ModelText.quoted(call) + " may be at most "
						+ Limits.MAX_COUNT_SETTING);
				return false;
			}
			return true;
		}

		private Typed periodCall(FunctionCall call, FunctionInfo info, FunctionCall aggregate) {
			if (aggregate == null && Functions.isWindow(info.name())) {
				return windowCall(call, info);
			}
			if (aggregate != null) {
				return problem(call, null, AGGREGATE_IN_ROW, ModelText.quoted(call)
						+ " reads earlier periods; it cannot be used inside the row expression of "
						+ ModelText.quoted(aggregate) + ("previous".equals(info.name())
								? " (the same entity's previous row is previous(Source.field per Entity))" : ""));
			}
			Expression valueNode = call.getArguments().get(0);
			boolean outerLagged = lagged;
			lagged = outerLagged || "previous".equals(info.name());
			Typed value = type(valueNode, null);
			lagged = outerLagged;
			if (call.getArguments().size() == 2 && !periodCount(call, "the number of periods back in ")) {
				return Typed.UNKNOWN;
			}
			if (value.kind().isWildcard()) {
				return Typed.aggregate(KpiType.UNKNOWN);
			}
			if (value.level() != Level.AGGREGATE) {
				return problem(valueNode, null, WRONG_ARGUMENTS, "`" + info.name()
						+ "` needs a metric value, such as a metric or an aggregate, not " + ModelText.quoted(valueNode));
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
				problem(node, null, KIND_MISMATCH, where + " needs a condition (bool), but " + ModelText.quoted(node)
						+ " is " + typed.type().describe());
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

		private Typed problem(EObject node, EStructuralFeature feature, String code, String message) {
			analysis.report(new Problem(node, feature, code, message));
			return Typed.UNKNOWN;
		}
	}
}
