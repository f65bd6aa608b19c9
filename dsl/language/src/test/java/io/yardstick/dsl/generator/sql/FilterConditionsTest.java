package io.yardstick.dsl.generator.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.yardstick.dsl.generator.sql.Sql.Binary;
import io.yardstick.dsl.generator.sql.Sql.Column;
import io.yardstick.dsl.generator.sql.Sql.Expr;
import io.yardstick.dsl.generator.sql.Sql.IsNull;
import io.yardstick.dsl.generator.sql.Sql.Not;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shortened filter selects the same rows as the written one: each rule on the shape the scans write, and
 * random conditions over nullable columns, evaluated in SQL's three-valued logic for every assignment.
 */
class FilterConditionsTest {
	private static final Column X = new Column("t", "x");
	private static final Column Y = new Column("t", "y");
	private static final Column Z = new Column("t", "z");
	private static final List<Column> COLUMNS = List.of(X, Y, Z);
	/** Null, and values on either side of and equal to the constants the conditions compare with. */
	private static final Long[] VALUES = { null, 0L, 1L, 2L };

	private final SqlWriter writer = new SqlWriter(DuckDbDialect.INSTANCE);

	@Test
	void aShareOfAGuardedComparisonDropsTheGuard() {
		Expr hits = and(new IsNull(X, true), new Binary(">=", X, new Sql.Integer(9)));
		assertEquals("(\"t\".\"x\" >= 9)", writer.expression(FilterConditions.shorten(hits)));
	}

	@Test
	void aGuardBesideArithmeticOverItsOperandGoes() {
		Expr hits = and(new IsNull(X, true), new Binary("<", new Binary("-", Y, X), new Sql.Integer(3)));
		assertEquals("((\"t\".\"y\" - \"t\".\"x\") < 3)", writer.expression(FilterConditions.shorten(hits)));
	}

	@Test
	void aGuardOfAnotherOperandStays() {
		Expr hits = and(new IsNull(Y, true), new Binary(">=", X, new Sql.Integer(9)));
		assertEquals(writer.expression(hits), writer.expression(FilterConditions.shorten(hits)));
	}

	@Test
	void aGuardUnderNotStays() {
		Expr notBelow = new Not(and(new IsNull(X, true), new Binary("<", X, new Sql.Integer(1))));
		assertEquals(writer.expression(notBelow), writer.expression(FilterConditions.shorten(notBelow)));
	}

	@Test
	void aBaseThatTheHitsRepeatIsAbsorbed() {
		Expr start = new Binary(">=", Y, X);
		Expr base = and(new Binary("<", Z, X), new Binary("OR", new IsNull(Y, false), start));
		Expr hits = and(base, and(start, new Binary("<", Y, new Sql.Integer(2))));
		assertEquals("(((\"t\".\"z\" < \"t\".\"x\") AND (\"t\".\"y\" >= \"t\".\"x\")) AND (\"t\".\"y\" < 2))",
				writer.expression(FilterConditions.shorten(hits)));
	}

	@Test
	void aRepeatedConjunctIsKeptOnce() {
		Expr below = new Binary("<", X, new Sql.Integer(1));
		assertEquals("(\"t\".\"x\" < 1)", writer.expression(FilterConditions.shorten(and(below, below))));
	}

	@Test
	void rowsCountedWhereAValueIsNotNullAreItsCount() {
		Sql.Aggregate counted = new Sql.Aggregate(Sql.AggregateFunction.COUNT_ROWS, null, new IsNull(X, true), 0);
		assertEquals(new Sql.Aggregate(Sql.AggregateFunction.COUNT_VALUES, X, null, 0), counted);
		assertEquals("count(\"t\".\"x\")", writer.expression(counted));
	}

	@Test
	void randomConditionsSelectTheSameRows() {
		Random random = new Random(20261206);
		for (int n = 0; n < 5_000; n++) {
			Expr condition = conjunction(random);
			Expr shortened = FilterConditions.shorten(condition);
			for (Long x : VALUES) {
				for (Long y : VALUES) {
					for (Long z : VALUES) {
						Long[] row = { x, y, z };
						assertEquals(Boolean.TRUE.equals(evaluate(condition, row)), Boolean.TRUE.equals(evaluate(shortened, row)),
								() -> writer.expression(condition) + " and " + writer.expression(shortened) + " differ at "
										+ java.util.Arrays.toString(row));
					}
				}
			}
		}
	}

	@Test
	void anAggregateThatSkipsNullsSeesTheSameValues() {
		Random random = new Random(61220262);
		for (int n = 0; n < 5_000; n++) {
			Expr condition = conjunction(random);
			Expr value = random.nextBoolean() ? COLUMNS.get(random.nextInt(3)) : comparison(random) instanceof Binary b
					? new Binary("*", b.left(), COLUMNS.get(random.nextInt(3))) : X;
			Expr shortened = FilterConditions.shorten(condition, value);
			for (Long x : VALUES) {
				for (Long y : VALUES) {
					for (Long z : VALUES) {
						Long[] row = { x, y, z };
						boolean counted = evaluate(value, row) != null;
						assertEquals(counted && Boolean.TRUE.equals(evaluate(condition, row)),
								counted && (shortened == null || Boolean.TRUE.equals(evaluate(shortened, row))),
								() -> writer.expression(value) + " over " + writer.expression(condition) + " and "
										+ (shortened == null ? "no filter" : writer.expression(shortened)) + " differ at "
										+ java.util.Arrays.toString(row));
					}
				}
			}
		}
	}

	@Test
	void aSumSkipsTheTestOfItsOwnValue() {
		Expr both = and(new IsNull(X, true), new IsNull(Y, true));
		assertEquals("sum(\"t\".\"x\") FILTER (WHERE (\"t\".\"y\" IS NOT NULL))",
				writer.expression(new Sql.Aggregate(Sql.AggregateFunction.SUM, X, both, 0)));
		assertEquals("sum(\"t\".\"x\")",
				writer.expression(new Sql.Aggregate(Sql.AggregateFunction.SUM, X, new IsNull(X, true), 0)));
	}

	/** A chain of conjuncts drawn with repeats, guards of the compared operands, and ORs over other conjuncts. */
	private static Expr conjunction(Random random) {
		List<Expr> conjuncts = new ArrayList<>();
		int size = 1 + random.nextInt(5);
		for (int i = 0; i < size; i++) {
			conjuncts.add(switch (random.nextInt(6)) {
				case 0 -> new IsNull(COLUMNS.get(random.nextInt(3)), random.nextBoolean());
				case 1 -> conjuncts.isEmpty() ? comparison(random) : conjuncts.get(random.nextInt(conjuncts.size()));
				case 2 -> new Binary("OR", atom(random), conjuncts.isEmpty() ? atom(random)
						: conjuncts.get(random.nextInt(conjuncts.size())));
				case 3 -> new Not(and(new IsNull(COLUMNS.get(random.nextInt(3)), true), comparison(random)));
				default -> comparison(random);
			});
		}
		Expr chain = conjuncts.get(0);
		for (int i = 1; i < conjuncts.size(); i++) {
			// both nestings: the shortening flattens either
			chain = random.nextBoolean() ? and(chain, conjuncts.get(i)) : and(conjuncts.get(i), chain);
		}
		return chain;
	}

	private static Expr atom(Random random) {
		return random.nextBoolean() ? comparison(random) : new IsNull(COLUMNS.get(random.nextInt(3)), random.nextBoolean());
	}

	private static Expr comparison(Random random) {
		String operator = List.of("=", "<>", "<", "<=", ">", ">=").get(random.nextInt(6));
		Expr left = COLUMNS.get(random.nextInt(3));
		if (random.nextInt(3) == 0) {
			left = new Binary(random.nextBoolean() ? "-" : "+", left, COLUMNS.get(random.nextInt(3)));
		}
		Expr right = random.nextBoolean() ? COLUMNS.get(random.nextInt(3)) : new Sql.Integer(random.nextInt(3));
		return new Binary(operator, left, right);
	}

	private static Expr and(Expr left, Expr right) {
		return new Binary("AND", left, right);
	}

	/** SQL's value of an expression on one row: a Long, a Boolean, or null for unknown. */
	private static Object evaluate(Expr expr, Long[] row) {
		if (expr instanceof Column column) {
			return row[COLUMNS.indexOf(column)];
		}
		if (expr instanceof Sql.Integer integer) {
			return integer.value();
		}
		if (expr instanceof IsNull test) {
			return (evaluate(test.operand(), row) == null) != test.negated();
		}
		if (expr instanceof Not not) {
			Object operand = evaluate(not.operand(), row);
			return operand == null ? null : !(Boolean) operand;
		}
		Binary binary = (Binary) expr;
		Object left = evaluate(binary.left(), row);
		Object right = evaluate(binary.right(), row);
		switch (binary.operator()) {
			case "AND":
				if (Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right)) {
					return false;
				}
				return left == null || right == null ? null : true;
			case "OR":
				if (Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right)) {
					return true;
				}
				return left == null || right == null ? null : false;
			default:
				if (left == null || right == null) {
					return null;
				}
				long a = (Long) left;
				long b = (Long) right;
				return switch (binary.operator()) {
					case "+" -> a + b;
					case "*" -> a * b;
					case "-" -> a - b;
					case "=" -> a == b;
					case "<>" -> a != b;
					case "<" -> a < b;
					case "<=" -> a <= b;
					case ">" -> a > b;
					case ">=" -> a >= b;
					default -> throw new IllegalArgumentException(binary.operator());
				};
		}
	}
}
