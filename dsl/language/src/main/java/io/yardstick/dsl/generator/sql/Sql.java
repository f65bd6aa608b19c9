package io.yardstick.dsl.generator.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The model of the SQL Yardstick writes: expressions and one query shape (a select over a source, its
 * joins and grouping sets). A {@link SqlDialect} renders it through {@link SqlWriter}; nothing from a
 * template reaches the text except through a dialect's quoting of identifiers and literals.
 */
public final class Sql {
	private Sql() {
	}

	/** An expression. */
	public sealed interface Expr permits Column, Number, Integer, Text, Bool, Null, Date, Binary, Not, IsNull,
			Case, Call, Aggregate, AllColumns, EarlierMax, Pick {
	}

	/** A column of a relation in the query, by its alias. */
	public record Column(String relation, String name) implements Expr {
	}

	/** A number, rendered as a double so that no engine divides integers. */
	public record Number(BigDecimal value) implements Expr {
	}

	/** A whole number: period indexes and keys, epoch milliseconds. */
	public record Integer(long value) implements Expr {
	}

	public record Text(String value) implements Expr {
	}

	public record Bool(boolean value) implements Expr {
	}

	public record Null() implements Expr {
	}

	public record Date(LocalDate value) implements Expr {
	}

	/** Arithmetic ({@code + - * /}), comparison ({@code = <> < <= > >=}) or {@code AND}/{@code OR}. */
	public record Binary(String operator, Expr left, Expr right) implements Expr {
	}

	public record Not(Expr operand) implements Expr {
	}

	public record IsNull(Expr operand, boolean negated) implements Expr {
	}

	/** {@code CASE WHEN condition THEN then ELSE otherwise END}: a null condition takes the else branch. */
	public record Case(Expr condition, Expr then, Expr otherwise) implements Expr {
	}

	/** A scalar function that each dialect spells its own way. */
	public record Call(Function function, List<Expr> arguments) implements Expr {
		public Call(Function function, Expr... arguments) {
			this(function, List.of(arguments));
		}
	}

	/** What a {@link Call} computes. */
	public enum Function {
		/** The first non-null argument. */
		COALESCE,
		/** Null when the argument is zero: a denominator. */
		NULL_IF_ZERO,
		FLOOR,
		/**
		 * A point in time as epoch milliseconds: a timestamp with time zone as it is; a local timestamp or a date
		 * (its first instant) read in the session's zone, which is the template's.
		 */
		EPOCH_MILLIS,
		/**
		 * A local timestamp (without time zone) as epoch milliseconds, read as the calculator reads one: in the
		 * hour a daylight-saving switch repeats, the earlier of the two instants; in a gap, shifted by its length.
		 */
		LOCAL_EPOCH_MILLIS,
		/**
		 * A local timestamp's or a date's wall-clock reading as epoch milliseconds, as if it were UTC: no time-zone
		 * arithmetic at all (see {@link WallClock}).
		 */
		WALL_CLOCK_MILLIS,
		/** A point in time's calendar date in the session's zone. */
		LOCAL_DATE,
		/**
		 * A date's first instant as a local timestamp (without time zone): what a local timestamp column compares
		 * with, in place of its calendar date, so that the engine compares the column as stored.
		 */
		LOCAL_MIDNIGHT,
		/** Calendar parts of epoch milliseconds in the session's zone. */
		YEAR, QUARTER, MONTH, ISO_WEEK, ISO_WEEK_YEAR, DAY, ISO_WEEKDAY, HOUR,
		/** Calendar parts of a date. */
		DATE_YEAR, DATE_QUARTER, DATE_MONTH,
		/** Epoch milliseconds' calendar date in the session's zone. */
		MILLIS_LOCAL_DATE,
		/** Days from 1970-01-01 to a date. */
		EPOCH_DAY,
		/** The bit mask of the grouping set's rolled-up columns: bit i (from the right) for the i-th argument. */
		GROUPING_ID
	}

	/**
	 * An aggregate over the rows of a group that pass the filter (null: every row). The filter is kept
	 * {@link FilterConditions#shorten shortened}, and rows counted where a value is not null are counted as
	 * that value's {@code count(x)}: aggregates equal in meaning are then equal records, and a scan computes
	 * them once.
	 */
	public record Aggregate(AggregateFunction function, Expr argument, Expr filter, double fraction)
			implements Expr {
		public Aggregate {
			// every aggregate but the count of rows skips null values
			filter = FilterConditions.shorten(filter, function == AggregateFunction.COUNT_ROWS ? null : argument);
			Expr counted = FilterConditions.notNullOperand(filter);
			if (function == AggregateFunction.COUNT_ROWS && counted != null) {
				function = AggregateFunction.COUNT_VALUES;
				argument = counted;
				filter = null;
			}
		}
	}

	/** Every column of a relation: {@code "t".*}. */
	public record AllColumns(String relation) implements Expr {
	}

	/**
	 * The largest {@code value} among the rows of the same {@code partition} whose {@code order} is strictly
	 * smaller: {@code max(value) OVER (PARTITION BY partition ORDER BY order RANGE BETWEEN UNBOUNDED PRECEDING AND
	 * 1 PRECEDING)}, where {@code order} is whole epoch milliseconds.
	 */
	public record EarlierMax(Expr value, Expr partition, Expr order) implements Expr {
	}

	/**
	 * The {@code index}-th (from 0) of a list of literals: a run's period bounds read by the period's index,
	 * where a scan groups by the period key instead of joining the periods relation.
	 */
	public record Pick(List<Expr> values, Expr index) implements Expr {
	}

	/** The expression and every expression inside it, each before its parts. */
	public static List<Expr> parts(Expr expr) {
		List<Expr> parts = new java.util.ArrayList<>();
		parts.add(expr);
		for (Expr child : children(expr)) {
			parts.addAll(parts(child));
		}
		return parts;
	}

	/** The expressions an expression is made of, in the order it is written; none for a column or a literal. */
	public static List<Expr> children(Expr expr) {
		List<Expr> children = new java.util.ArrayList<>();
		if (expr instanceof Binary binary) {
			children.add(binary.left());
			children.add(binary.right());
		} else if (expr instanceof Not not) {
			children.add(not.operand());
		} else if (expr instanceof IsNull test) {
			children.add(test.operand());
		} else if (expr instanceof Case conditional) {
			children.add(conditional.condition());
			children.add(conditional.then());
			children.add(conditional.otherwise());
		} else if (expr instanceof Call call) {
			children.addAll(call.arguments());
		} else if (expr instanceof Aggregate aggregate) {
			if (aggregate.argument() != null) {
				children.add(aggregate.argument());
			}
			if (aggregate.filter() != null) {
				children.add(aggregate.filter());
			}
		} else if (expr instanceof EarlierMax earlier) {
			children.add(earlier.value());
			children.add(earlier.partition());
			children.add(earlier.order());
		} else if (expr instanceof Pick pick) {
			children.addAll(pick.values());
			children.add(pick.index());
		}
		return children;
	}

	/**
	 * The expression with every occurrence of a key of {@code replacements} (the expression itself, or any
	 * part of it) replaced by its value.
	 */
	public static Expr replace(Expr expr, java.util.Map<Expr, Expr> replacements) {
		Expr replacement = replacements.get(expr);
		if (replacement != null) {
			return replacement;
		}
		if (expr instanceof Binary binary) {
			return new Binary(binary.operator(), replace(binary.left(), replacements), replace(binary.right(), replacements));
		}
		if (expr instanceof Not not) {
			return new Not(replace(not.operand(), replacements));
		}
		if (expr instanceof IsNull test) {
			return new IsNull(replace(test.operand(), replacements), test.negated());
		}
		if (expr instanceof Case conditional) {
			return new Case(replace(conditional.condition(), replacements), replace(conditional.then(), replacements),
					replace(conditional.otherwise(), replacements));
		}
		if (expr instanceof Call call) {
			return new Call(call.function(), call.arguments().stream().map(a -> replace(a, replacements)).toList());
		}
		if (expr instanceof Aggregate aggregate) {
			return new Aggregate(aggregate.function(), aggregate.argument() == null ? null
					: replace(aggregate.argument(), replacements), aggregate.filter() == null ? null
							: replace(aggregate.filter(), replacements), aggregate.fraction());
		}
		if (expr instanceof EarlierMax earlier) {
			return new EarlierMax(replace(earlier.value(), replacements), replace(earlier.partition(), replacements),
					replace(earlier.order(), replacements));
		}
		if (expr instanceof Pick pick) {
			return new Pick(pick.values().stream().map(v -> replace(v, replacements)).toList(),
					replace(pick.index(), replacements));
		}
		return expr; // a column or a literal
	}

	public enum AggregateFunction {
		/** Rows; the argument is null. */
		COUNT_ROWS,
		/**
		 * Rows whose argument is not null: {@code count(x)}, the same rows as {@code count(*) FILTER (WHERE x IS NOT
		 * NULL)}, which DuckDB counts without a filter column of its own.
		 */
		COUNT_VALUES, COUNT_DISTINCT, SUM, MIN, MAX, STDDEV_SAMPLE,
		/** The exact R-7 percentile at {@code fraction}. */
		PERCENTILE
	}

	// ------------------------------------------------------------------ the query

	/** A relation in the FROM clause: a table or view by its (possibly qualified) name, or inline rows. */
	public sealed interface Relation permits Table, Values, Subquery {
	}

	/** A query used as a relation: {@code (SELECT ...)}. */
	public record Subquery(Select select) implements Relation {
	}

	public record Table(List<String> name) implements Relation {
	}

	/** Inline rows with named columns; every cell is a literal. */
	public record Values(List<String> columns, List<List<Expr>> rows) implements Relation {
	}

	public enum JoinKind {
		LEFT, INNER, CROSS
	}

	public record Join(JoinKind kind, Relation relation, String alias, Expr on) {
	}

	/** A selected expression and its column name (none for {@link AllColumns}). */
	public record Item(Expr expression, String alias) {
	}

	/**
	 * {@code SELECT items FROM from AS alias joins WHERE where GROUP BY GROUPING SETS (...)}; with a single
	 * grouping set, a plain GROUP BY. {@code comments} are written above the query.
	 */
	public record Select(List<String> comments, List<Item> items, Relation from, String alias, List<Join> joins,
			Expr where, List<List<Expr>> groupingSets, Expr having, boolean distinct, Long limit) {

		/** A select with no grouping, filter or limit. */
		public static Select of(List<String> comments, List<Item> items, Relation from, String alias, List<Join> joins) {
			return new Select(comments, items, from, alias, joins, null, List.of(), null, false, null);
		}

		public Select where(Expr condition) {
			return new Select(comments, items, from, alias, joins, condition, groupingSets, having, distinct, limit);
		}

		public Select groupBy(List<List<Expr>> sets) {
			return new Select(comments, items, from, alias, joins, where, sets, having, distinct, limit);
		}

		public Select having(Expr condition) {
			return new Select(comments, items, from, alias, joins, where, groupingSets, condition, distinct, limit);
		}

		public Select selectDistinct() {
			return new Select(comments, items, from, alias, joins, where, groupingSets, having, true, limit);
		}

		public Select limit(long rows) {
			return new Select(comments, items, from, alias, joins, where, groupingSets, having, distinct, rows);
		}
	}
}
