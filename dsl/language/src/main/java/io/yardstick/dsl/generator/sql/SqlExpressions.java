package io.yardstick.dsl.generator.sql;

import io.yardstick.dsl.generator.GeneratorException;
import io.yardstick.dsl.generator.sql.Sql.Binary;
import io.yardstick.dsl.generator.sql.Sql.Call;
import io.yardstick.dsl.generator.sql.Sql.Case;
import io.yardstick.dsl.generator.sql.Sql.Column;
import io.yardstick.dsl.generator.sql.Sql.Expr;
import io.yardstick.dsl.generator.sql.Sql.Function;
import io.yardstick.dsl.generator.sql.Sql.IsNull;
import io.yardstick.dsl.generator.sql.Sql.Not;
import io.yardstick.dsl.kpi.BinaryExpression;
import io.yardstick.dsl.kpi.BooleanLiteral;
import io.yardstick.dsl.kpi.EnumValue;
import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.IfExpression;
import io.yardstick.dsl.kpi.InExpression;
import io.yardstick.dsl.kpi.MemberAccess;
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
import io.yardstick.dsl.model.Sources;
import io.yardstick.dsl.types.Constants;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates the row expressions of aggregates (values, {@code where} filters, shares' conditions) into the
 * SQL model, with the Java calculator's meaning: numbers are doubles, points in time epoch milliseconds,
 * text and enum values their text, conditions SQL booleans (whose NULL is the calculator's third value: SQL's
 * AND, OR and NOT are the same Kleene logic), a zero denominator gives null.
 */
final class SqlExpressions {

	enum Type {
		NUMBER, TIME, TEXT, FLAG, ROW, NULL
	}

	/**
	 * A translated expression. For {@link Type#ROW} the row is that of {@code source} under {@code alias}
	 * and {@code sql} is the reference's value (null when the reference is). {@code localDate} is a date
	 * field's day; {@code day} is the day a point in time compares as (a date's, or a period bound's first
	 * day), so that dates and period bounds compare without converting each row's date to an instant;
	 * {@code stored} is the column a point in time is read from, null exactly where the instant is.
	 */
	record Code(Expr sql, Type type, Source source, String alias, Expr localDate, Expr day, Expr stored) {
		static Code of(Expr sql, Type type) {
			return new Code(sql, type, null, null, null, null, null);
		}

		/** What to test for null: the stored column rather than its conversion, where there is one. */
		Expr nullTest() {
			return stored != null ? stored : sql;
		}
	}

	/**
	 * A division of the rows, with the condition under which the calculator evaluates it (null: for every
	 * row of the aggregate): {@code denominator = 0} under it is a row the calculator counts as a zero
	 * denominator.
	 */
	record Division(Expr guard, Expr denominator) {
	}

	private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

	private final ScanRelations relations;
	private final String periodsAlias;
	private final EntityRelations entities;
	private final io.yardstick.runtime.time.Grain grain;
	/** Where rows are evaluated now: the aggregate's filter, narrowed by the branches of `if`s entered. */
	private Expr guard;
	private final List<Division> divisions = new ArrayList<>();

	/**
	 * @param relations the scan's source, its alias and the joins that references add
	 * @param periodsAlias the alias of the periods relation ({@code start_ms}, {@code end_ms})
	 * @param entities where aggregates per entity and previous rows are joined in
	 */
	SqlExpressions(ScanRelations relations, String periodsAlias, EntityRelations entities,
			io.yardstick.runtime.time.Grain grain) {
		this.relations = relations;
		this.periodsAlias = periodsAlias;
		this.entities = entities;
		this.grain = grain;
	}

	/** A value as the number a numeric aggregate takes (a point in time as epoch milliseconds). */
	Expr number(Expression expression) {
		Code code = compile(expression);
		return switch (code.type()) {
			case NUMBER, TIME, NULL -> code.sql();
			default -> throw new GeneratorException(expression, "expected a number, duration, amount or time");
		};
	}

	/** A condition; where it is null the row does not match. */
	Expr condition(Expression expression) {
		Code code = compile(expression);
		if (code.type() == Type.NULL) {
			return new Sql.Null();
		}
		if (code.type() != Type.FLAG) {
			throw new GeneratorException(expression, "a condition must be true or false");
		}
		return code.sql();
	}

	/** Any row value: for count(x) and countDistinct(x). */
	Code value(Expression expression) {
		return compile(expression);
	}

	/**
	 * Translates under a guard: the rows for which the calculator evaluates the expression (an aggregate's
	 * filter for its value), which the divisions met on the way keep.
	 */
	<T> T guarded(Expr condition, java.util.function.Supplier<T> translation) {
		Expr outer = guard;
		guard = condition;
		try {
			return translation.get();
		} finally {
			guard = outer;
		}
	}

	/** The divisions translated since the last call, and forgets them. */
	List<Division> takeDivisions() {
		List<Division> taken = List.copyOf(divisions);
		divisions.clear();
		return taken;
	}

	private Code compile(Expression e) {
		if (e instanceof NumberLiteral literal) {
			return Code.of(new Sql.Number(Constants.evaluate(literal)
					.orElseThrow(() -> new GeneratorException(literal, "not a number"))), Type.NUMBER);
		}
		if (e instanceof StringLiteral text) {
			return Code.of(new Sql.Text(text.getValue()), Type.TEXT);
		}
		if (e instanceof BooleanLiteral bool) {
			return Code.of(new Sql.Bool(bool.isValue()), Type.FLAG);
		}
		if (e instanceof NullLiteral) {
			return Code.of(new Sql.Null(), Type.NULL);
		}
		if (e instanceof PeriodReference reference) {
			boolean start = "start".equals(reference.getBoundary());
			return new Code(new Column(periodsAlias, start ? "start_ms" : "end_ms"), Type.TIME, null, null, null,
					new Column(periodsAlias, start ? "start_day" : "end_day"), null);
		}
		if (e instanceof SymbolReference reference) {
			return symbol(reference);
		}
		if (e instanceof MemberAccess access) {
			Code receiver = compile(access.getReceiver());
			if (receiver.type() != Type.ROW) {
				throw new GeneratorException(access, "only sources and references have fields");
			}
			return read(access.getMember(), receiver.alias());
		}
		if (e instanceof NotExpression not) {
			return Code.of(new Not(condition(not.getOperand())), Type.FLAG);
		}
		if (e instanceof Negation negation) {
			Code operand = compile(negation.getOperand());
			return Code.of(new Binary("-", new Sql.Number(BigDecimal.ZERO), operand.sql()), operand.type());
		}
		if (e instanceof BinaryExpression binary) {
			return binary(binary);
		}
		if (e instanceof IfExpression conditional) {
			// The calculator evaluates only the branch taken: a division in the other counts no zero denominator.
			Expr test = condition(conditional.getCondition());
			Code then = guarded(and(guard, test), () -> compile(conditional.getThen()));
			Code otherwise = guarded(and(guard, new Case(test, new Sql.Bool(false), new Sql.Bool(true))),
					() -> compile(conditional.getElse()));
			Type type = then.type() != Type.NULL ? then.type() : otherwise.type();
			if (type == Type.ROW) {
				throw new GeneratorException(conditional, "an if over references cannot be computed in SQL");
			}
			return Code.of(new Case(test, then.sql(), otherwise.sql()), type);
		}
		if (e instanceof NullTest test) {
			return Code.of(new IsNull(compile(test.getValue()).nullTest(), test.isNegated()), Type.FLAG);
		}
		if (e instanceof InExpression in) {
			return in(in);
		}
		if (e instanceof FunctionCall call) {
			return call(call);
		}
		throw new GeneratorException(e, "cannot translate this expression to SQL");
	}

	private Code symbol(SymbolReference reference) {
		Symbol symbol = reference.getSymbol();
		if (symbol instanceof Source source) {
			return new Code(new Sql.Null(), Type.ROW, source, relations.rootAlias(), null, null, null);
		}
		if (symbol instanceof Field field) {
			return read(field, relations.rootAlias());
		}
		if (symbol instanceof EnumValue value) {
			return Code.of(new Sql.Text(value.getName()), Type.TEXT);
		}
		throw new GeneratorException(reference, "a metric cannot be read inside the rows of an aggregate");
	}

	/** A field of the row under {@code alias}; through a reference, the referenced row joined once. */
	private Code read(Field field, String alias) {
		if (field.getReference() != null) {
			return new Code(relations.column(alias, field), Type.ROW, field.getReference(),
					relations.join(alias, field), null, null, null);
		}
		return switch (Sources.typeOf(field.getKind()).kind()) {
			case DATE -> {
				Expr day = relations.localDate(alias, field);
				yield new Code(relations.millis(alias, field), Type.TIME, null, null, day, day, day);
			}
			case TIMESTAMP -> new Code(relations.millis(alias, field), Type.TIME, null, null, null, null,
					relations.column(alias, field));
			case TEXT, ENUM -> Code.of(relations.column(alias, field), Type.TEXT);
			case BOOL -> Code.of(relations.column(alias, field), Type.FLAG);
			default -> Code.of(relations.column(alias, field), Type.NUMBER);
		};
	}

	private Code binary(BinaryExpression binary) {
		String operator = String.valueOf(binary.getOperator());
		if ("and".equals(operator) || "or".equals(operator)) {
			return Code.of(new Binary(operator.toUpperCase(java.util.Locale.ROOT), condition(binary.getLeft()),
					condition(binary.getRight())), Type.FLAG);
		}
		Code left = compile(binary.getLeft());
		Code right = compile(binary.getRight());
		return switch (operator) {
			case "+", "-" -> additive(binary, operator, left, right);
			case "*" -> Code.of(new Binary("*", numeric(binary, left), numeric(binary, right)), Type.NUMBER);
			case "/" -> {
				divisions.add(new Division(guard, numeric(binary, right)));
				yield Code.of(new Binary("/", numeric(binary, left), new Call(Function.NULL_IF_ZERO, numeric(binary, right))),
						Type.NUMBER);
			}
			default -> compare(binary, operator, left, right);
		};
	}

	private Code additive(Expression where, String operator, Code left, Code right) {
		if (left.localDate() != null && right.localDate() != null && "-".equals(operator)) {
			// Two dates: whole calendar days, also across a daylight-saving switch.
			return Code.of(new Binary("*", new Binary("-", new Call(Function.EPOCH_DAY, left.localDate()),
					new Call(Function.EPOCH_DAY, right.localDate())), new Sql.Number(BigDecimal.valueOf(86400))), Type.NUMBER);
		}
		if (left.type() == Type.TIME && right.type() == Type.TIME && "-".equals(operator)) {
			return Code.of(new Binary("/", new Binary("-", left.sql(), right.sql()), new Sql.Number(THOUSAND)),
					Type.NUMBER);
		}
		if (left.type() == Type.TIME || right.type() == Type.TIME && "+".equals(operator)) {
			Code time = left.type() == Type.TIME ? left : right;
			Code seconds = left.type() == Type.TIME ? right : left;
			// t + Math.round(±seconds * 1000), as the calculator moves a point in time: halves round up.
			BigDecimal scale = "-".equals(operator) ? THOUSAND.negate() : THOUSAND;
			Expr millis = new Call(Function.FLOOR, new Binary("+", new Binary("*", numeric(where, seconds),
					new Sql.Number(scale)), new Sql.Number(new BigDecimal("0.5"))));
			return Code.of(new Binary("+", time.sql(), millis), Type.TIME);
		}
		return Code.of(new Binary(operator, numeric(where, left), numeric(where, right)), Type.NUMBER);
	}

	private static Expr numeric(Expression where, Code code) {
		return switch (code.type()) {
			case NUMBER, NULL -> code.sql();
			default -> throw new GeneratorException(where, "arithmetic needs numbers here");
		};
	}

	private static final java.util.Map<String, String> COMPARISONS = java.util.Map.of("=", "=", "!=", "<>", "<",
			"<", "<=", "<=", ">", ">", ">=", ">=");

	private Code compare(Expression where, String operator, Code left, Code right) {
		if (left.type() == Type.NULL || right.type() == Type.NULL) {
			Code other = left.type() == Type.NULL ? right : left;
			Expr isNull = other.type() == Type.NULL ? new Sql.Bool(true) : new IsNull(other.nullTest(), false);
			return Code.of("=".equals(operator) ? isNull : new Not(isNull), Type.FLAG);
		}
		String sqlOperator = COMPARISONS.get(operator);
		if (sqlOperator == null) {
			throw new GeneratorException(where, "unknown comparison " + operator);
		}
		boolean numbers = (left.type() == Type.TIME || left.type() == Type.NUMBER)
				&& (right.type() == Type.TIME || right.type() == Type.NUMBER);
		if (!numbers && left.type() != right.type()) {
			throw new GeneratorException(where, "cannot compare these values");
		}
		if (left.type() == Type.TEXT && !"=".equals(operator) && !"!=".equals(operator)) {
			throw new GeneratorException(where, "text and enum values compare only for equality");
		}
		if (left.day() != null && right.day() != null) {
			return Code.of(new Binary(sqlOperator, left.day(), right.day()), Type.FLAG);
		}
		return Code.of(new Binary(sqlOperator, left.sql(), right.sql()), Type.FLAG);
	}

	/** {@code x in (a, b)}: the calculator's {@code x = a or x = b}, so that an item {@code null} tests for null. */
	private Code in(InExpression in) {
		Code value = compile(in.getValue());
		Expr test;
		if (in.isInPeriod() && value.day() != null) {
			test = new Binary("AND", new Binary(">=", value.day(), new Column(periodsAlias, "start_day")),
					new Binary("<", value.day(), new Column(periodsAlias, "end_day")));
		} else if (in.isInPeriod()) {
			test = new Binary("AND", new Binary(">=", value.sql(), new Column(periodsAlias, "start_ms")),
					new Binary("<", value.sql(), new Column(periodsAlias, "end_ms")));
		} else {
			List<Expr> items = new ArrayList<>();
			for (Expression item : in.getItems()) {
				items.add(compare(in, "=", value, compile(item)).sql());
			}
			test = items.get(0);
			for (int i = 1; i < items.size(); i++) {
				test = new Binary("OR", test, items.get(i));
			}
		}
		return Code.of(in.isNegated() ? new Not(test) : test, Type.FLAG);
	}

	private Code call(FunctionCall call) {
		if (io.yardstick.dsl.types.Functions.isAggregate(call.getFunction())) {
			return entities.entityValue(call);
		}
		if ("previous".equals(call.getFunction()) && call.getPer() != null) {
			Field time = io.yardstick.dsl.types.FormulaAnalyzer.ownField(call.getArguments().get(0));
			List<Field> links = time == null ? List.of()
					: io.yardstick.dsl.types.FormulaAnalyzer.referencesTo(relations.root(), call.getPer(), call);
			if (links.size() != 1) {
				throw new GeneratorException(call, "previous(x per Entity) takes a time field of the rows and one reference");
			}
			return entities.previousRow(call, time, links.get(0));
		}
		List<Code> arguments = new ArrayList<>();
		for (Expression argument : call.getArguments()) {
			arguments.add(compile(argument));
		}
		String name = call.getFunction();
		return switch (name) {
			case "hours" -> scaled(call, arguments.get(0), 3600);
			case "minutes" -> scaled(call, arguments.get(0), 60);
			case "seconds" -> Code.of(numeric(call, arguments.get(0)), Type.NUMBER);
			case "days" -> scaled(call, arguments.get(0), 86400);
			case "coalesce" -> coalesce(call, arguments);
			case "year" -> part(Function.YEAR, arguments.get(0));
			case "quarter" -> part(Function.QUARTER, arguments.get(0));
			case "month" -> part(Function.MONTH, arguments.get(0));
			case "week" -> part(Function.ISO_WEEK, arguments.get(0));
			case "weekYear" -> part(Function.ISO_WEEK_YEAR, arguments.get(0));
			case "day" -> part(Function.DAY, arguments.get(0));
			case "weekday" -> part(Function.ISO_WEEKDAY, arguments.get(0));
			case "hour" -> part(Function.HOUR, arguments.get(0));
			case "periodsSince" -> periodsSince(arguments.get(0));
			default -> throw new GeneratorException(call, "`" + name + "` cannot be computed inside the rows of an aggregate");
		};
	}

	/** The period key of this row's period minus that of the period the time falls in, as the calculator counts. */
	private Code periodsSince(Code time) {
		if (time.type() == Type.NULL) {
			return Code.of(new Sql.Null(), Type.NUMBER);
		}
		Expr localDate = time.localDate() != null ? time.localDate() : new Call(Function.MILLIS_LOCAL_DATE, time.sql());
		return Code.of(new Binary("-", new Column(periodsAlias, "k"), ScanQueries.periodKey(grain, localDate)),
				Type.NUMBER);
	}

	private static Expr and(Expr left, Expr right) {
		return left == null ? right : new Binary("AND", left, right);
	}

	private static Code scaled(FunctionCall call, Code duration, long seconds) {
		return Code.of(new Binary("/", numeric(call, duration), new Sql.Number(BigDecimal.valueOf(seconds))),
				Type.NUMBER);
	}

	private static Code part(Function function, Code time) {
		if (time.type() == Type.NULL) {
			return Code.of(new Sql.Null(), Type.NUMBER);
		}
		return Code.of(new Call(function, time.sql()), Type.NUMBER);
	}

	private static Code coalesce(FunctionCall call, List<Code> arguments) {
		Type type = arguments.stream().map(Code::type).filter(t -> t != Type.NULL).findFirst().orElse(Type.NUMBER);
		if (type == Type.ROW) {
			throw new GeneratorException(call, "coalesce of references is not supported by the calculator");
		}
		List<Expr> values = new ArrayList<>();
		for (Code argument : arguments) {
			boolean numbers = (argument.type() == Type.NUMBER || argument.type() == Type.TIME)
					&& (type == Type.NUMBER || type == Type.TIME);
			if (argument.type() != Type.NULL && argument.type() != type && !numbers) {
				throw new GeneratorException(call, "the arguments of coalesce must have one kind");
			}
			values.add(argument.sql());
		}
		return Code.of(new Call(Function.COALESCE, values), type);
	}
}
