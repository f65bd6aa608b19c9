package io.yardstick.dsl.generator.sql;

import io.yardstick.dsl.generator.sql.Sql.Aggregate;
import io.yardstick.dsl.generator.sql.Sql.AggregateFunction;
import io.yardstick.dsl.generator.sql.Sql.Binary;
import io.yardstick.dsl.generator.sql.Sql.Call;
import io.yardstick.dsl.generator.sql.Sql.Column;
import io.yardstick.dsl.generator.sql.Sql.Expr;
import io.yardstick.dsl.generator.sql.Sql.IsNull;
import io.yardstick.dsl.generator.sql.Sql.Item;
import io.yardstick.dsl.generator.sql.Sql.Join;
import io.yardstick.dsl.generator.sql.Sql.Select;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Counts a scan's rows per distinct combination of the columns it reads before the scan crosses them with the
 * periods. A source without a time axis puts every row in every period: a million customers over eighteen
 * months are eighteen million rows to filter and group, where the hand-written query does the same. When
 * every aggregate of the scan counts rows, and the scan reads a few columns of the row (a churn rate reads
 * the region, the day a customer signed and the day it left), the rows that agree on those columns give the
 * same answer to every condition, so the scan may take each combination once with its number of rows and sum
 * those numbers instead of counting: 367 thousand combinations for 1.3 million customers at 10 M tickets, and
 * the Customer scan took 121–128 ms instead of 303–313.
 *
 * <p>Exact: a combination's rows have the same value of every expression the scan computes (it reads no other
 * column, and each function is deterministic); the numbers are whole doubles far below 2<sup>53</sup>, so their
 * sums are exact in any order; {@code coalesce(…, 0)} gives a group without a counted row its count of 0.
 */
final class WeightedRows {
	private WeightedRows() {
	}

	/**
	 * The scan over its rows counted per combination of the columns it reads, or empty where that does not
	 * apply: an aggregate that is not a count of rows or of values, a root that is not a table, a scan with a
	 * WHERE (its rows are kept by their time), or a scan that reads the row's key, whose combinations are its
	 * rows.
	 *
	 * @param keyColumn the column of the source's key, or null where it has none
	 */
	static Optional<Select> collapse(Select select, String keyColumn) {
		if (!(select.from() instanceof Sql.Table) || select.where() != null || select.having() != null
				|| select.distinct() || select.limit() != null) {
			return Optional.empty();
		}
		String root = select.alias();
		List<Expr> parts = new ArrayList<>();
		forEachExpression(select, expr -> parts.addAll(Sql.parts(expr)));
		Set<Column> read = new LinkedHashSet<>();
		parts.stream().filter(part -> part instanceof Column column && column.relation().equals(root))
				.forEach(part -> read.add((Column) part));
		if (!parts.stream().allMatch(WeightedRows::counts) || read.isEmpty()
				|| read.stream().anyMatch(column -> column.name().equals(keyColumn))) {
			return Optional.empty();
		}
		Set<String> taken = new HashSet<>();
		read.forEach(column -> taken.add(column.name().toLowerCase(Locale.ROOT)));
		String weight = SharedExpressions.free("row_count", taken);
		List<Item> combinationItems = new ArrayList<>();
		read.forEach(column -> combinationItems.add(new Item(column, column.name())));
		// a double, so that every engine sums it as one: DuckDB sums BIGINT into HUGEINT
		combinationItems.add(new Item(new Binary("*", new Aggregate(AggregateFunction.COUNT_ROWS, null, null, 0),
				new Sql.Number(BigDecimal.ONE)), weight));
		Select combinations = Select.of(List.of(), combinationItems, select.from(), root, List.of())
				.groupBy(List.of(new ArrayList<>(read)));
		// Each count of rows as the sum of its combinations' numbers of rows, 0 where none passes.
		Column rows = new Column(root, weight);
		Map<Expr, Expr> counted = new HashMap<>();
		for (Expr part : parts) {
			if (part instanceof Aggregate aggregate) {
				Expr filter = aggregate.function() == AggregateFunction.COUNT_VALUES
						? and(new IsNull(aggregate.argument(), true), aggregate.filter())
						: aggregate.filter();
				counted.put(aggregate, new Call(Sql.Function.COALESCE,
						new Aggregate(AggregateFunction.SUM, rows, filter, 0), new Sql.Number(BigDecimal.ZERO)));
			}
		}
		List<Item> items = new ArrayList<>();
		select.items().forEach(item -> items.add(new Item(Sql.replace(item.expression(), counted), item.alias())));
		return Optional.of(Select.of(select.comments(), items, new Sql.Subquery(combinations), root, select.joins())
				.groupBy(select.groupingSets()));
	}

	/** Whether a part of the scan lets its rows be counted per combination: no aggregate but a count, no window. */
	private static boolean counts(Expr part) {
		if (part instanceof Aggregate aggregate) {
			return aggregate.function() == AggregateFunction.COUNT_ROWS
					|| aggregate.function() == AggregateFunction.COUNT_VALUES;
		}
		return !(part instanceof Sql.EarlierMax || part instanceof Sql.AllColumns);
	}

	private static Expr and(Expr left, Expr right) {
		return right == null ? left : new Binary("AND", left, right);
	}

	/** Every expression of the query that reads its rows: items, joins and grouping sets (it has no WHERE). */
	private static void forEachExpression(Select select, Consumer<Expr> action) {
		select.items().forEach(item -> action.accept(item.expression()));
		for (Join join : select.joins()) {
			if (join.on() != null) {
				action.accept(join.on());
			}
		}
		select.groupingSets().forEach(set -> set.forEach(action));
	}
}
