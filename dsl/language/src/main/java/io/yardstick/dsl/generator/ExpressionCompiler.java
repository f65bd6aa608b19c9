package io.yardstick.dsl.generator;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import io.yardstick.dsl.generator.ScanLocals.Storage;
import io.yardstick.dsl.kpi.BinaryExpression;
import io.yardstick.dsl.kpi.BooleanLiteral;
import io.yardstick.dsl.kpi.EnumKind;
import io.yardstick.dsl.kpi.EnumValue;
import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.IfExpression;
import io.yardstick.dsl.kpi.InExpression;
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
import io.yardstick.dsl.model.Sources;
import io.yardstick.dsl.types.Constants;
import io.yardstick.dsl.types.FunctionCategory;
import io.yardstick.dsl.types.Functions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Translates formula expressions into Java expressions over the runtime's representation: numbers as
 * {@code double} (NaN is null), points in time as {@code long} epoch milliseconds, text and enum values as
 * dictionary codes, conditions as three-valued {@code byte}s ({@link #LOGIC}).
 * <p>
 * Row mode compiles the row expressions of an aggregate inside a scan loop (variables {@code row},
 * {@code periodStart}, {@code periodEnd}); metric mode compiles a metric's formula over aggregate values for
 * one cell (variables {@code g}, {@code c} and a period expression, which period functions shift).
 */
final class ExpressionCompiler {
	static final ClassName LOGIC = ClassName.get("io.yardstick.runtime.calc", "Logic");
	static final ClassName OPS = ClassName.get("io.yardstick.runtime.calc", "Ops");
	static final ClassName GRAIN = ClassName.get("io.yardstick.runtime.time", "Grain");

	enum Type {
		NUMBER, TIME, CODE, FLAG, ROW, STRING, NULL
	}

	/** A translated expression; {@code values} names what a code means: the text Field or the EnumKind. */
	record Code(CodeBlock java, Type type, Object values) {
		static Code of(Type type, String format, Object... args) {
			return new Code(CodeBlock.of(format, args), type, null);
		}
	}

	/**
	 * Operators (or path steps) after which a chain is cut: javac attributes and emits expressions
	 * recursively, and a sum of a thousand terms in one expression overflows its stack. The part read so
	 * far goes into a local variable, so no generated expression nests deeper than this.
	 */
	static final int CHAIN_SPLIT = 50;
	/**
	 * The longest chain left whole where it cannot be cut: inside a branch of an `if`, which Java evaluates
	 * only when taken (a division there may note a zero denominator), a local would evaluate it always.
	 */
	static final int MAX_UNSPLIT_CHAIN = 400;

	private final String metricConstant;
	private final io.yardstick.dsl.types.FormulaAnalysis analysis;
	private final ScanLocals locals;
	private final Map<FunctionCall, String> kernels;
	private final Map<String, String> metricConstants;
	private final JavaNames localNames;
	/** Declarations of the parts of long chains, to be emitted before the statement that uses them. */
	private final List<CodeBlock> parts = new ArrayList<>();
	/** Branches of `if`s open now: no part may be taken out of them. */
	private int branches;
	private int depth;

	private ExpressionCompiler(String metricConstant, io.yardstick.dsl.types.FormulaAnalysis analysis,
			ScanLocals locals, Map<FunctionCall, String> kernels, Map<String, String> metricConstants,
			JavaNames localNames) {
		this.metricConstant = metricConstant;
		this.analysis = analysis;
		this.locals = locals;
		this.kernels = kernels;
		this.metricConstants = metricConstants;
		this.localNames = localNames;
	}

	/**
	 * @param analysis the metric's formula analysis: it tells which aggregates are per entity and which entity
	 *     a previous row belongs to
	 * @param kernels the fields of the aggregates per entity, which rows read as values
	 */
	static ExpressionCompiler rows(String metricConstant, io.yardstick.dsl.types.FormulaAnalysis analysis,
			ScanLocals locals, Map<FunctionCall, String> kernels) {
		return new ExpressionCompiler(metricConstant, analysis, locals, kernels, null, locals.names());
	}

	/** @param analysis the metric's formula analysis: it tells which metric-level values are points in time */
	static ExpressionCompiler metric(String metricConstant, io.yardstick.dsl.types.FormulaAnalysis analysis,
			Map<FunctionCall, String> kernels, Map<String, String> metricConstants) {
		return new ExpressionCompiler(metricConstant, analysis, null, kernels, metricConstants,
				new JavaNames("run", "g", "p", "c"));
	}

	/** The declarations of the chain parts compiled since the last call, to precede the statement that reads them. */
	CodeBlock takeParts() {
		CodeBlock.Builder block = CodeBlock.builder();
		parts.forEach(block::add);
		parts.clear();
		return block.build();
	}

	/** Cuts a chain here: its value so far becomes a local variable, when it may be evaluated unconditionally. */
	private Code part(Expression where, Code value, int sinceLastPart) {
		String javaType = switch (value.type()) {
			case NUMBER -> "double";
			case TIME -> "long";
			case CODE, ROW -> "int";
			case FLAG -> "byte";
			case STRING -> "String";
			case NULL -> null;
		};
		if (javaType == null || branches > 0) {
			if (sinceLastPart > MAX_UNSPLIT_CHAIN) {
				throw new GeneratorException(where, "a chain of more than " + MAX_UNSPLIT_CHAIN
						+ " operators inside a branch of an `if` is too long for the Java compiler; make it a metric of its own");
			}
			return null;
		}
		String name = localNames.member("part");
		parts.add(CodeBlock.of("$L $L = $L;\n", javaType, name, value.java()));
		return new Code(CodeBlock.of("$L", name), value.type(), value.values());
	}

	/** At metric level points in time are doubles (epoch milliseconds); the analysis knows which. */
	private boolean temporalAtMetricLevel(Expression expression) {
		return !rowMode() && analysis != null && analysis.typeOf(expression) != null
				&& analysis.typeOf(expression).kind().isTemporal();
	}

	private boolean rowMode() {
		return locals != null;
	}

	/** A metric-level value for the cell (g, period, c), as a double. */
	CodeBlock metricValue(Expression expression, String period) {
		Code code = compile(expression, period);
		return switch (code.type()) {
			case NUMBER -> code.java();
			case NULL -> CodeBlock.of("$T.NaN", Double.class);
			default -> throw new GeneratorException(expression, "a metric's formula must give a number here");
		};
	}

	/** A row value or condition inside an aggregate. */
	Code row(Expression expression) {
		return compile(expression, null);
	}

	/** A condition as a boolean Java expression: null counts as false. */
	CodeBlock holds(Expression condition) {
		Code code = row(condition);
		if (code.type() != Type.FLAG) {
			throw new GeneratorException(condition, "a condition must be true or false");
		}
		return CodeBlock.of("$T.isTrue($L)", LOGIC, code.java());
	}

	/** A row value as a double (a point in time as epoch milliseconds), for numeric kernels. */
	CodeBlock number(Expression expression) {
		Code code = row(expression);
		return switch (code.type()) {
			case NUMBER -> code.java();
			case TIME -> CodeBlock.of("$T.instant($L)", OPS, code.java());
			case NULL -> CodeBlock.of("$T.NaN", Double.class);
			default -> throw new GeneratorException(expression, "expected a number, duration, amount or time");
		};
	}

	private Code compile(Expression e, String period) {
		if (depth >= io.yardstick.dsl.model.Limits.MAX_WALK_DEPTH) {
			throw new GeneratorException(e, "this formula nests too deeply to generate");
		}
		depth++;
		try {
			return compileNode(e, period);
		} finally {
			depth--;
		}
	}

	private Code compileNode(Expression e, String period) {
		if (e instanceof NumberLiteral literal) {
			BigDecimal value = Constants.evaluate(literal)
					.orElseThrow(() -> new GeneratorException(literal, "not a number"));
			return Code.of(Type.NUMBER, "$L", javaDouble(value));
		}
		if (e instanceof StringLiteral text) {
			return new Code(CodeBlock.of("$S", JavaNames.text(text.getValue())), Type.STRING, text.getValue());
		}
		if (e instanceof BooleanLiteral bool) {
			return Code.of(Type.FLAG, "$T.$L", LOGIC, bool.isValue() ? "TRUE" : "FALSE");
		}
		if (e instanceof NullLiteral) {
			return Code.of(Type.NULL, "null");
		}
		if (e instanceof PeriodReference reference) {
			boolean start = "start".equals(reference.getBoundary());
			if (rowMode()) {
				return Code.of(Type.TIME, start ? "periodStart" : "periodEnd");
			}
			return Code.of(Type.NUMBER, "(double) run.periods().$L($L)", start ? "start" : "end", period);
		}
		if (e instanceof SymbolReference reference) {
			return symbol(reference, period);
		}
		if (e instanceof MemberAccess access) {
			return member(access);
		}
		if (e instanceof NotExpression not) {
			return Code.of(Type.FLAG, "$T.not($L)", LOGIC, flag(not.getOperand(), period));
		}
		if (e instanceof Negation negation) {
			Code operand = compile(negation.getOperand(), period);
			return new Code(CodeBlock.of("(-$L)", operand.java()), operand.type(), null);
		}
		if (e instanceof BinaryExpression binary) {
			return binary(binary, period);
		}
		if (e instanceof IfExpression conditional) {
			this.branches++;
			List<Code> branches;
			try {
				branches = sameValues(conditional, List.of(compile(conditional.getThen(), period),
						compile(conditional.getElse(), period)));
			} finally {
				this.branches--;
			}
			// After the branches, as before chains were cut: the order in which locals are declared stays.
			CodeBlock condition = flag(conditional.getCondition(), period);
			Code then = branches.get(0);
			Code otherwise = branches.get(1);
			Type type = then.type() != Type.NULL ? then.type() : otherwise.type();
			return new Code(CodeBlock.of("($T.isTrue($L) ? $L : $L)", LOGIC, condition,
					typed(then, type), typed(otherwise, type)), type, type == Type.TIME ? null
							: then.values() != null ? then.values() : otherwise.values());
		}
		if (e instanceof NullTest test) {
			Code value = compile(test.getValue(), period);
			CodeBlock isNull = isNull(value);
			return test.isNegated() ? Code.of(Type.FLAG, "$T.not($L)", LOGIC, isNull) : new Code(isNull, Type.FLAG, null);
		}
		if (e instanceof InExpression in) {
			return in(in, period);
		}
		if (e instanceof FunctionCall call) {
			return call(call, period);
		}
		throw new GeneratorException(e, "cannot translate this expression");
	}

	private CodeBlock flag(Expression condition, String period) {
		return flag(condition, compile(condition, period));
	}

	private static CodeBlock flag(Expression condition, Code code) {
		if (code.type() == Type.NULL) {
			return CodeBlock.of("$T.NULL", LOGIC);
		}
		if (code.type() != Type.FLAG) {
			throw new GeneratorException(condition, "expected a condition");
		}
		return code.java();
	}

	// ------------------------------------------------------------------ names

	private Code symbol(SymbolReference reference, String period) {
		Symbol symbol = reference.getSymbol();
		if (symbol instanceof Source) {
			return Code.of(Type.ROW, "row");
		}
		if (symbol instanceof Field field) {
			requireRows(reference);
			return read(field, "row", true);
		}
		if (symbol instanceof EnumValue value) {
			EnumKind kind = (EnumKind) value.eContainer();
			return new Code(CodeBlock.of("$L", kind.getValues().indexOf(value)), Type.CODE, value);
		}
		if (symbol instanceof Metric metric) {
			if (rowMode()) {
				throw new GeneratorException(reference, "a metric cannot be read inside the rows of an aggregate");
			}
			// By name: an inherited formula names the ancestor's metric, which an override replaces.
			String constant = metricConstants.get(metric.getName());
			if (constant == null) {
				throw new GeneratorException(reference, "metric " + metric.getName() + " is not part of this template");
			}
			return Code.of(Type.NUMBER, "run.value($L, g, $L, c)", constant, period);
		}
		throw new GeneratorException(reference, "unresolved reference");
	}

	/** A reference path, read in one loop from its start and cut into parts like any long chain. */
	private Code member(MemberAccess access) {
		requireRows(access);
		List<MemberAccess> steps = new ArrayList<>();
		Expression start = access;
		while (start instanceof MemberAccess step) {
			steps.add(step);
			start = step.getReceiver();
		}
		return fold(steps, compile(start, null), (step, value) -> {
			if (value.type() != Type.ROW) {
				throw new GeneratorException(step, "only sources and references have fields");
			}
			return read(step.getMember(), value.java().toString(), "row".equals(value.java().toString()));
		});
	}

	/**
	 * Applies the links of a left-deep chain (collected from the top down) to its first operand, bottom up,
	 * in one loop, cutting the value into a part every {@link #CHAIN_SPLIT} links where it may be cut.
	 */
	private <T extends Expression> Code fold(List<T> chain, Code first, java.util.function.BiFunction<T, Code, Code> link) {
		Code value = first;
		int sinceLastPart = 0;
		for (int i = chain.size() - 1; i >= 0; i--) {
			value = link.apply(chain.get(i), value);
			if (++sinceLastPart >= CHAIN_SPLIT && i > 0) {
				Code cut = part(chain.get(i), value, sinceLastPart);
				if (cut != null) {
					value = cut;
					sinceLastPart = 0;
				}
			}
		}
		return value;
	}

	/** A field of the row at {@code rowIndex}; a row reached through a reference may be null (-1). */
	private Code read(Field field, String rowIndex, boolean currentRow) {
		String column = locals.column(field);
		Storage storage = Storage.of(field);
		Type type = switch (storage) {
			case NUMBER -> Type.NUMBER;
			case TIME -> Type.TIME;
			case CODE -> Type.CODE;
			case FLAG -> Type.FLAG;
			case ROW -> Type.ROW;
		};
		// A code's values are its enum or its field's dictionary; a date's field marks it a date.
		Object values = storage == Storage.CODE ? (field.getKind() instanceof EnumKind enumKind ? enumKind : field)
				: storage == Storage.TIME && Sources.typeOf(field.getKind()).kind() == io.yardstick.dsl.types.Kind.DATE
						? field : null;
		if (currentRow) {
			return new Code(CodeBlock.of("$L[row]", column), type, values);
		}
		String accessor = switch (storage) {
			case NUMBER -> "number";
			case TIME -> "time";
			case CODE -> "code";
			case FLAG -> "flag";
			case ROW -> "row";
		};
		return new Code(CodeBlock.of("$T.$L($L, $L)", OPS, accessor, column, rowIndex), type, values);
	}

	private void requireRows(Expression where) {
		if (!rowMode()) {
			throw new GeneratorException(where, "a field can only be read inside an aggregate");
		}
	}

	// ------------------------------------------------------------------ operators

	/**
	 * A chain such as a + b + c is a left-deep tree: it is compiled in one loop from its first operand, and
	 * cut into parts every {@link #CHAIN_SPLIT} operators.
	 */
	private Code binary(BinaryExpression top, String period) {
		List<BinaryExpression> chain = new ArrayList<>();
		Expression first = top;
		while (first instanceof BinaryExpression binary) {
			chain.add(binary);
			first = binary.getLeft();
		}
		return fold(chain, compile(first, period), (binary, left) -> binary(binary, left, period));
	}

	private Code binary(BinaryExpression binary, Code left, String period) {
		String operator = String.valueOf(binary.getOperator());
		if ("and".equals(operator) || "or".equals(operator)) {
			return Code.of(Type.FLAG, "$T.$L($L, $L)", LOGIC, operator, flag(binary.getLeft(), left),
					flag(binary.getRight(), period));
		}
		Code right = compile(binary.getRight(), period);
		return switch (operator) {
			case "+", "-" -> temporalAtMetricLevel(binary.getLeft()) || temporalAtMetricLevel(binary.getRight())
					? metricTimeArithmetic(binary, operator, left, right)
					: additive(binary, operator, left, right);
			case "*" -> Code.of(Type.NUMBER, "($L * $L)", numeric(binary, left), numeric(binary, right));
			case "/" -> Code.of(Type.NUMBER, "run.div($L, $L, $L)", numeric(binary, left), numeric(binary, right),
					metricConstant);
			default -> compare(binary, operator, left, right);
		};
	}

	private Code additive(Expression where, String operator, Code left, Code right) {
		if (left.type() == Type.TIME && right.type() == Type.TIME && "-".equals(operator)) {
			if (isDate(left) && isDate(right)) {
				return Code.of(Type.NUMBER, "run.timeParts().calendarSeconds($L, $L)", left.java(), right.java());
			}
			return Code.of(Type.NUMBER, "$T.seconds($L, $L)", OPS, left.java(), right.java());
		}
		if (left.type() == Type.TIME) {
			return Code.of(Type.TIME, "$T.plus($L, $L$L)", OPS, left.java(), "-".equals(operator) ? "-" : "",
					numeric(where, right));
		}
		if (right.type() == Type.TIME && "+".equals(operator)) {
			return Code.of(Type.TIME, "$T.plus($L, $L)", OPS, right.java(), numeric(where, left));
		}
		return Code.of(Type.NUMBER, "($L $L $L)", numeric(where, left), operator, numeric(where, right));
	}

	/**
	 * Points in time at metric level are epoch milliseconds held in doubles: their difference is converted
	 * to seconds, and a duration (seconds) added to one is converted to milliseconds.
	 */
	private Code metricTimeArithmetic(BinaryExpression binary, String operator, Code left, Code right) {
		boolean leftTime = temporalAtMetricLevel(binary.getLeft());
		boolean rightTime = temporalAtMetricLevel(binary.getRight());
		if (leftTime && rightTime) {
			if (analysis.typeOf(binary.getLeft()).kind() == io.yardstick.dsl.types.Kind.DATE
					&& analysis.typeOf(binary.getRight()).kind() == io.yardstick.dsl.types.Kind.DATE) {
				return Code.of(Type.NUMBER, "run.timeParts().calendarSeconds($T.time($L), $T.time($L))", OPS,
						numeric(binary, left), OPS, numeric(binary, right));
			}
			return Code.of(Type.NUMBER, "(($L - $L) / 1000.0)", numeric(binary, left), numeric(binary, right));
		}
		Code time = leftTime ? left : right;
		Code duration = leftTime ? right : left;
		return Code.of(Type.NUMBER, "($L $L $L * 1000.0)", numeric(binary, time), operator, numeric(binary, duration));
	}

	/** A date read from a field: a difference of two is counted in calendar days. */
	private static boolean isDate(Code code) {
		return code.type() == Type.TIME && code.values() instanceof Field;
	}

	private CodeBlock numeric(Expression where, Code code) {
		return switch (code.type()) {
			case NUMBER -> code.java();
			case NULL -> CodeBlock.of("$T.NaN", Double.class);
			default -> throw new GeneratorException(where, "arithmetic needs numbers here");
		};
	}

	private static final Map<String, String> COMPARISONS = Map.of("=", "eq", "!=", "ne", "<", "lt", "<=", "le",
			">", "gt", ">=", "ge");

	private Code compare(Expression where, String operator, Code left, Code right) {
		String method = COMPARISONS.get(operator);
		if (left.type() == Type.NULL || right.type() == Type.NULL) {
			Code other = left.type() == Type.NULL ? right : left;
			CodeBlock isNull = other.type() == Type.NULL ? CodeBlock.of("$T.TRUE", LOGIC) : isNull(other);
			return "=".equals(operator) ? Code.of(Type.FLAG, "$L", isNull)
					: Code.of(Type.FLAG, "$T.not($L)", LOGIC, isNull);
		}
		if (left.values() instanceof EnumValue && right.type() == Type.CODE && !(right.values() instanceof EnumValue)) {
			return compare(where, operator, right, left);
		}
		if (left.type() == Type.CODE && left.values() instanceof EnumKind kind && right.values() instanceof EnumValue value) {
			// A bare value may have been linked to a same-named value of another enum: match by name.
			int code = kind.getValues().stream().map(EnumValue::getName).toList().indexOf(value.getName());
			return Code.of(Type.FLAG, "$T.$L($L, $L)", LOGIC, method, left.java(), code < 0 ? "-2" : code);
		}
		if (left.type() == Type.STRING && right.type() == Type.CODE) {
			return compare(where, operator, right, left);
		}
		if (left.type() == Type.CODE && right.type() == Type.STRING && !(right.values() instanceof String)) {
			return compare(where, operator, text(where, left), right);
		}
		if (left.type() == Type.CODE && right.type() == Type.STRING) {
			if (!(left.values() instanceof Field field)) {
				throw new GeneratorException(where, "text compared with an enum");
			}
			String literal = (String) right.values();
			return Code.of(Type.FLAG, "$T.$L($L, $L)", LOGIC, method, left.java(), locals.literalCode(field, literal));
		}
		if (left.type() == Type.CODE && right.type() == Type.CODE && left.values() instanceof Field a
				&& right.values() instanceof Field b && a != b) {
			return Code.of(Type.FLAG, "$T.$L($L.value($L), $L.value($L))", LOGIC, method, locals.dictionary(a),
					left.java(), locals.dictionary(b), right.java());
		}
		if (left.type() == Type.TIME && right.type() == Type.NUMBER || left.type() == Type.NUMBER
				&& right.type() == Type.TIME) {
			return Code.of(Type.FLAG, "$T.$L($L, $L)", LOGIC, method, asNumber(left), asNumber(right));
		}
		if (left.type() != right.type()) {
			throw new GeneratorException(where, "cannot compare these values");
		}
		return Code.of(Type.FLAG, "$T.$L($L, $L)", LOGIC, method, left.java(), right.java());
	}

	private static CodeBlock asNumber(Code code) {
		return code.type() == Type.TIME ? CodeBlock.of("$T.instant($L)", OPS, code.java()) : code.java();
	}

	private CodeBlock isNull(Code value) {
		return CodeBlock.of("$T.isNull($L)", LOGIC, value.java());
	}

	private CodeBlock typed(Code code, Type type) {
		if (code.type() != Type.NULL) {
			return code.java();
		}
		return switch (type) {
			case NUMBER, NULL -> CodeBlock.of("$T.NaN", Double.class);
			case TIME -> CodeBlock.of("$T.NO_TIME", OPS);
			case CODE, ROW -> CodeBlock.of("$T.NO_CODE", OPS);
			case FLAG -> CodeBlock.of("$T.NULL", LOGIC);
			case STRING -> CodeBlock.of("(String) null");
		};
	}

	private Code in(InExpression in, String period) {
		Code value = compile(in.getValue(), period);
		CodeBlock test;
		if (in.isInPeriod()) {
			test = rowMode() ? CodeBlock.of("$T.within($L, periodStart, periodEnd)", LOGIC, value.java())
					: CodeBlock.of("$T.and($T.ge($L, (double) run.periods().start($L)), $T.lt($L, (double) run.periods().end($L)))",
							LOGIC, LOGIC, value.java(), period, LOGIC, value.java(), period);
		} else {
			List<CodeBlock> items = new ArrayList<>();
			for (Expression item : in.getItems()) {
				items.add(compare(in, "=", value, compile(item, period)).java());
			}
			// Paired as a balanced tree: a long list nests only logarithmically deep for javac.
			while (items.size() > 1) {
				List<CodeBlock> paired = new ArrayList<>();
				for (int i = 0; i < items.size(); i += 2) {
					paired.add(i + 1 < items.size() ? CodeBlock.of("$T.or($L, $L)", LOGIC, items.get(i), items.get(i + 1))
							: items.get(i));
				}
				items = paired;
			}
			test = items.get(0);
		}
		return in.isNegated() ? Code.of(Type.FLAG, "$T.not($L)", LOGIC, test) : new Code(test, Type.FLAG, null);
	}

	// ------------------------------------------------------------------ functions

	private Code call(FunctionCall call, String period) {
		FunctionCategory category = Functions.lookup(call.getFunction())
				.orElseThrow(() -> new GeneratorException(call, "unknown function " + call.getFunction())).category();
		return switch (category) {
			case AGGREGATE -> {
				if (rowMode()) {
					yield entityValue(call);
				}
				yield Code.of(Type.NUMBER, "$L.value(g, $L, c)", kernels.get(call), period);
			}
			case PERIOD -> rowMode() && call.getPer() != null ? previousRow(call) : periodFunction(call, period);
			case SCALAR -> scalar(call, period);
		};
	}

	/**
	 * A window over periods: the aggregate's kernel combines the states of the window's periods. A to-date
	 * window starts at the first period of the current one's year, quarter or month.
	 */
	private Code window(FunctionCall call, String period) {
		String kernel = call.getArguments().get(0) instanceof FunctionCall aggregate ? kernels.get(aggregate) : null;
		if (kernel == null) {
			throw new GeneratorException(call, "a window over periods takes an aggregate");
		}
		CodeBlock first = switch (call.getFunction()) {
			case "rolling" -> {
				int periods = Constants.evaluate(call.getArguments().get(1)).map(BigDecimal::intValueExact)
						.orElseThrow(() -> new GeneratorException(call, "the number of periods must be a constant"));
				yield CodeBlock.of("$L - $L", period, periods - 1);
			}
			case "yearToDate" -> CodeBlock.of("run.periods().toDateStart($L, $T.YEAR)", period, GRAIN);
			case "quarterToDate" -> CodeBlock.of("run.periods().toDateStart($L, $T.QUARTER)", period, GRAIN);
			default -> CodeBlock.of("run.periods().toDateStart($L, $T.MONTH)", period, GRAIN);
		};
		// A window that ends before the first period (inside previous) has no value; toDateStart needs a period.
		if (!"rolling".equals(call.getFunction())) {
			first = CodeBlock.of("($L < 0 ? -1 : $L)", period, first);
		}
		return Code.of(Type.NUMBER, "$L.window(g, $L, $L, c)", kernel, first, period);
	}

	/** An aggregate per entity, read for the row of the outer aggregate (the entity) in its period. */
	private Code entityValue(FunctionCall call) {
		String field = kernels == null ? null : kernels.get(call);
		if (field == null || analysis == null || !analysis.entityAggregates().containsKey(call)) {
			throw new GeneratorException(call, "aggregates nest only per entity, over a source that references the outer one");
		}
		if (analysis.typeOf(call).kind().isTemporal()) {
			return Code.of(Type.TIME, "$T.time($L.value(p, row))", OPS, field);
		}
		return Code.of(Type.NUMBER, "$L.value(p, row)", field);
	}

	/** {@code previous(x per Entity)}: x of the same entity's latest earlier row, over all its rows. */
	private Code previousRow(FunctionCall call) {
		Field reference = analysis == null ? null : analysis.previousRows().get(call);
		Field time = io.yardstick.dsl.types.FormulaAnalyzer.ownField(call.getArguments().get(0));
		if (reference == null || time == null) {
			throw new GeneratorException(call, "previous(x per Entity) takes a time field of the rows");
		}
		boolean date = Sources.typeOf(time.getKind()).kind() == io.yardstick.dsl.types.Kind.DATE;
		return new Code(CodeBlock.of("$L[row]", locals.previousRow(time, reference)), Type.TIME, date ? time : null);
	}

	private Code periodFunction(FunctionCall call, String period) {
		if (rowMode()) {
			throw new GeneratorException(call, "period functions read metric values, not rows");
		}
		if (Functions.isWindow(call.getFunction())) {
			return window(call, period);
		}
		int back = 1;
		if (call.getArguments().size() > 1) {
			back = Constants.evaluate(call.getArguments().get(1)).map(BigDecimal::intValueExact)
					.orElseThrow(() -> new GeneratorException(call, "the number of periods must be a constant"));
		}
		Expression argument = call.getArguments().get(0);
		CodeBlock earlier = metricValue(argument, "(" + period + " - " + back + ")");
		return switch (call.getFunction()) {
			case "previous" -> new Code(earlier, Type.NUMBER, null);
			case "change" -> Code.of(Type.NUMBER, "($L - $L)", metricValue(argument, period), earlier);
			default -> Code.of(Type.NUMBER, "run.div($L - $L, $L, $L)", metricValue(argument, period), earlier,
					earlier, metricConstant);
		};
	}

	private Code scalar(FunctionCall call, String period) {
		List<Code> arguments = new ArrayList<>();
		for (Expression argument : call.getArguments()) {
			arguments.add(compile(argument, period));
		}
		String name = call.getFunction();
		return switch (name) {
			case "hours" -> Code.of(Type.NUMBER, "($L / 3600.0)", numeric(call, arguments.get(0)));
			case "minutes" -> Code.of(Type.NUMBER, "($L / 60.0)", numeric(call, arguments.get(0)));
			case "seconds" -> Code.of(Type.NUMBER, "$L", numeric(call, arguments.get(0)));
			case "days" -> Code.of(Type.NUMBER, "($L / 86400.0)", numeric(call, arguments.get(0)));
			case "coalesce" -> coalesce(call, arguments);
			case "periodsSince" -> {
				Code time = arguments.get(0);
				CodeBlock millis = time.type() == Type.TIME ? time.java()
						: time.type() == Type.NULL ? CodeBlock.of("$T.NO_TIME", OPS) : CodeBlock.of("$T.time($L)", OPS, time.java());
				yield Code.of(Type.NUMBER, "run.periodsSince($L, $L)", millis, rowMode() ? "p" : period);
			}
			default -> {
				Code time = arguments.get(0);
				CodeBlock millis = time.type() == Type.TIME ? time.java()
						: time.type() == Type.NULL ? CodeBlock.of("$T.NO_TIME", OPS)
								: CodeBlock.of("$T.time($L)", OPS, time.java());
				yield Code.of(Type.NUMBER, "run.timeParts().$L($L)", name, millis);
			}
		};
	}

	/**
	 * Text codes index one field's dictionary: values from several text fields (or text literals) that meet
	 * in one `if` or `coalesce` are turned into strings, so that they compare by value.
	 */
	private List<Code> sameValues(Expression where, List<Code> codes) {
		boolean text = codes.stream().anyMatch(code -> code.type() == Type.CODE && code.values() instanceof Field)
				|| codes.stream().anyMatch(code -> code.type() == Type.STRING);
		long fields = codes.stream().filter(code -> code.type() == Type.CODE).map(Code::values).distinct().count();
		boolean literals = codes.stream().anyMatch(code -> code.type() == Type.STRING);
		if (!text || fields <= 1 && !literals) {
			return codes;
		}
		List<Code> strings = new ArrayList<>();
		for (Code code : codes) {
			strings.add(code.type() == Type.CODE ? text(where, code)
					: code.type() == Type.STRING ? new Code(code.java(), Type.STRING, null) : code);
		}
		return strings;
	}

	/** A text code as its string, read from its field's dictionary. */
	private Code text(Expression where, Code code) {
		if (!(code.values() instanceof Field field)) {
			throw new GeneratorException(where, "an enum value cannot be mixed with text");
		}
		return Code.of(Type.STRING, "$L.value($L)", locals.dictionary(field), code.java());
	}

	private Code coalesce(FunctionCall call, List<Code> original) {
		List<Code> arguments = sameValues(call, original);
		Type type = arguments.stream().map(Code::type).filter(t -> t != Type.NULL).findFirst().orElse(Type.NUMBER);
		if (type == Type.ROW) {
			throw new GeneratorException(call, "coalesce of references is not supported by the calculator");
		}
		CodeBlock.Builder list = CodeBlock.builder();
		Object values = null;
		for (int i = 0; i < arguments.size(); i++) {
			Code argument = arguments.get(i);
			if (argument.type() != Type.NULL && argument.type() != type) {
				throw new GeneratorException(call, "the arguments of coalesce must have one kind");
			}
			values = values != null ? values : argument.values();
			list.add(i == 0 ? "$L" : ", $L", typed(argument, type));
		}
		return new Code(CodeBlock.of("$T.coalesce($L)", OPS, list.build()), type, type == Type.TIME ? null : values);
	}

	/** A BigDecimal as a Java double literal that is never an int literal ({@code 100.0}, not {@code 100}). */
	static String javaDouble(BigDecimal value) {
		String text = value.stripTrailingZeros().toPlainString();
		return text.contains(".") ? text : text + ".0";
	}
}
