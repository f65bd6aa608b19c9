package io.yardstick.dsl.generator.sql;

import io.yardstick.dsl.generator.sql.Sql.Aggregate;
import io.yardstick.dsl.generator.sql.Sql.Column;
import io.yardstick.dsl.generator.sql.Sql.Expr;
import io.yardstick.dsl.generator.sql.Sql.Item;
import io.yardstick.dsl.generator.sql.Sql.Select;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a scan into two levels: an inner select that computes, once per joined row, every value the
 * grouping and the aggregates read (the period, the breakdown values, each aggregate's argument and filter),
 * and an outer select that groups and aggregates those columns. An engine that splits grouping sets, distinct
 * counts or percentiles into several aggregates (DuckDB) otherwise evaluates the time-zone conversions and the
 * other row expressions again in each branch of the split; below it, they are computed once.
 */
final class RowValues {
	/** The alias of the inner select in the outer one. */
	static final String ROWS = "row_values";

	private final Map<Expr, String> columns = new LinkedHashMap<>();
	private final List<Item> inner = new ArrayList<>();
	private int named;

	private RowValues() {
	}

	/**
	 * The two-level form of a grouping select whose items are grouping expressions and aggregates at the top;
	 * {@code names} gives the inner column of an expression the scan has a name for (the period, a breakdown).
	 */
	static Select split(Select scan, Map<Expr, String> names) {
		RowValues values = new RowValues();
		names.forEach(values::column);
		values.named = values.columns.size();
		List<Item> outer = new ArrayList<>();
		for (Item item : scan.items()) {
			outer.add(new Item(values.outer(item.expression()), item.alias()));
		}
		List<List<Expr>> sets = new ArrayList<>();
		for (List<Expr> set : scan.groupingSets()) {
			List<Expr> rewritten = new ArrayList<>();
			set.forEach(expression -> rewritten.add(values.read(expression)));
			sets.add(rewritten);
		}
		Select rows = Select.of(List.of(), values.inner, scan.from(), scan.alias(), scan.joins()).where(scan.where());
		return Select.of(scan.comments(), outer, new Sql.Subquery(rows), ROWS, List.of()).groupBy(sets);
	}

	/** An outer item: an aggregate reads its argument and filter from the inner select; anything else is read. */
	private Expr outer(Expr expression) {
		if (expression instanceof Aggregate aggregate) {
			return new Aggregate(aggregate.function(), read(aggregate.argument()), read(aggregate.filter()),
					aggregate.fraction());
		}
		if (expression instanceof Sql.Call call && call.function() == Sql.Function.GROUPING_ID) {
			List<Expr> arguments = new ArrayList<>();
			call.arguments().forEach(argument -> arguments.add(read(argument)));
			return new Sql.Call(call.function(), arguments);
		}
		return read(expression);
	}

	/** The inner column of a row expression; a literal stays where it is. */
	private Expr read(Expr expression) {
		if (expression == null || expression instanceof Sql.Integer || expression instanceof Sql.Number
				|| expression instanceof Sql.Text || expression instanceof Sql.Bool || expression instanceof Sql.Null
				|| expression instanceof Sql.Date) {
			return expression;
		}
		return new Column(ROWS, column(expression, "v" + (columns.size() - named + 1)));
	}

	private String column(Expr expression, String name) {
		return columns.computeIfAbsent(expression, e -> {
			inner.add(new Item(e, name));
			return name;
		});
	}
}
