package io.yardstick.dsl.generator.sql;

import io.yardstick.dsl.generator.sql.Sql.Aggregate;
import io.yardstick.dsl.generator.sql.Sql.Binary;
import io.yardstick.dsl.generator.sql.Sql.Call;
import io.yardstick.dsl.generator.sql.Sql.Case;
import io.yardstick.dsl.generator.sql.Sql.Column;
import io.yardstick.dsl.generator.sql.Sql.Expr;
import io.yardstick.dsl.generator.sql.Sql.IsNull;
import io.yardstick.dsl.generator.sql.Sql.Item;
import io.yardstick.dsl.generator.sql.Sql.Pick;
import io.yardstick.dsl.generator.sql.Sql.Select;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Computes each row expression that a grouped query uses more than once a single time per row, in a derived
 * table under the grouping. A scan repeats expressions by construction: the period key in the select list, in
 * each grouping set and in the index of a period bound; a duration in the minimum, the maximum and a
 * percentile; a sum's argument in the count of its values. DuckDB evaluates each occurrence (only a select
 * item equal to a grouping expression is shared), and in the all-aggregates scan that was 12 % of the work
 * that the hand-written query, which names such values once in a CTE, does not do.
 *
 * <p>The rewrite is exact: the derived table has the same rows (the same joins and WHERE), and each
 * expression is deterministic, so reading its value from a column is reading the same value.
 */
public final class SharedExpressions {
	private SharedExpressions() {
	}

	/**
	 * The grouped select with its repeated row expressions computed once below it; the select itself where
	 * no row expression repeats.
	 */
	public static Select hoist(Select select) {
		Map<Expr, Integer> uses = new HashMap<>();
		forEachExpression(select, expr -> count(expr, uses));
		// The outermost repeated expressions, in the order the query first uses them: a repeated part of a
		// hoisted expression is computed with it, in the derived table.
		Set<Expr> hoisted = new java.util.LinkedHashSet<>();
		Set<Column> columns = new java.util.LinkedHashSet<>();
		forEachExpression(select, expr -> collect(expr, uses, hoisted, columns));
		if (hoisted.isEmpty()) {
			return select;
		}
		String alias = select.alias();
		Set<String> taken = new HashSet<>();
		Map<Expr, Expr> renamed = new LinkedHashMap<>();
		List<Item> inner = new ArrayList<>();
		for (Column column : columns) {
			String name = free(column.relation().equals(alias) ? column.name() : column.relation() + "_" + column.name(),
					taken);
			renamed.put(column, new Column(alias, name));
			inner.add(new Item(column, name));
		}
		int shared = 0;
		for (Expr expr : hoisted) {
			String name = free("shared" + ++shared, taken);
			renamed.put(expr, new Column(alias, name));
			inner.add(new Item(expr, name));
		}
		Select below = Select.of(List.of(), inner, select.from(), alias, select.joins()).where(select.where());
		List<Item> items = new ArrayList<>();
		select.items().forEach(item -> items.add(new Item(Sql.replace(item.expression(), renamed), item.alias())));
		List<List<Expr>> sets = new ArrayList<>();
		select.groupingSets().forEach(set -> sets.add(set.stream().map(e -> Sql.replace(e, renamed)).toList()));
		Select above = Select.of(select.comments(), items, new Sql.Subquery(below), alias, List.of()).groupBy(sets);
		if (select.having() != null) {
			above = above.having(Sql.replace(select.having(), renamed));
		}
		if (select.distinct()) {
			above = above.selectDistinct();
		}
		return select.limit() == null ? above : above.limit(select.limit());
	}

	/** A name no other column of the derived table has (compared as engines compare names: in any case). */
	static String free(String wanted, Set<String> taken) {
		String name = wanted;
		for (int n = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
			name = wanted + "_" + n;
		}
		return name;
	}

	/** Every expression the grouping reads, where it reads them: the items, the grouping sets and HAVING. */
	private static void forEachExpression(Select select, Consumer<Expr> action) {
		select.items().forEach(item -> action.accept(item.expression()));
		select.groupingSets().forEach(set -> set.forEach(action));
		if (select.having() != null) {
			action.accept(select.having());
		}
	}

	/**
	 * Counts the uses of each expression that may move below the grouping and is worth moving there, and says
	 * what the expression is made of, from its parts up, so that each part is looked at once.
	 */
	private static Parts count(Expr expr, Map<Expr, Integer> uses) {
		boolean rowOnly = !(expr instanceof Aggregate || expr instanceof Sql.EarlierMax || expr instanceof Sql.AllColumns
				|| expr instanceof Call call && call.function() == Sql.Function.GROUPING_ID);
		boolean readsColumns = expr instanceof Column;
		boolean costly = expr instanceof Call || expr instanceof Case || expr instanceof Pick;
		for (Expr child : Sql.children(expr)) {
			Parts parts = count(child, uses);
			rowOnly &= parts.rowOnly();
			readsColumns |= parts.readsColumns();
			costly |= parts.costly();
		}
		if (rowOnly && readsColumns && costly) {
			uses.merge(expr, 1, Integer::sum);
		}
		return new Parts(rowOnly, readsColumns, costly);
	}

	/**
	 * What an expression is made of: whether its value depends on one row alone (no aggregate, no window, no
	 * grouping function: only such an expression may move below the grouping), whether it reads a column, and
	 * whether it calls a function, picks from a list or branches (a comparison or arithmetic of columns alone
	 * costs about what reading it from a column of the derived table costs, and stays put).
	 */
	private record Parts(boolean rowOnly, boolean readsColumns, boolean costly) {
	}

	private static void collect(Expr expr, Map<Expr, Integer> uses, Set<Expr> hoisted, Set<Column> columns) {
		if (uses.getOrDefault(expr, 0) > 1) {
			hoisted.add(expr);
			return;
		}
		if (expr instanceof Column column) {
			columns.add(column);
			return;
		}
		Sql.children(expr).forEach(child -> collect(child, uses, hoisted, columns));
	}
}
