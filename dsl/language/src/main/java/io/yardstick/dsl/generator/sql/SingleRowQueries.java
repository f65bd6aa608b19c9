package io.yardstick.dsl.generator.sql;

import io.yardstick.dsl.generator.sql.Sql.Item;
import io.yardstick.dsl.generator.sql.Sql.Join;
import io.yardstick.dsl.generator.sql.Sql.JoinKind;
import io.yardstick.dsl.generator.sql.Sql.Select;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Queries that each give exactly one row (aggregates without a grouping) asked as one statement: each
 * becomes a derived table whose columns carry its {@link #prefix}, and the derived tables are crossed, so
 * that the one row holds every answer. An engine pays parsing, planning and a round trip per statement,
 * and a run asks several such questions (the time ranges, where offsets hold) before it can plan a scan.
 */
public final class SingleRowQueries {
	private SingleRowQueries() {
	}

	/** The prefix of the {@code index}-th query's columns in the combined row. */
	public static String prefix(int index) {
		return "q" + index + "_";
	}

	/**
	 * The queries, each of which gives one row, as one query that gives the one row of them all. Queries that
	 * read the same rows (the same table, joins and filter) become one derived table, so that the engine reads
	 * those rows once: a time range and an offset check both read a source's time columns.
	 */
	public static Select combine(String comment, List<Select> queries) {
		if (queries.isEmpty()) {
			throw new IllegalArgumentException("no query to combine");
		}
		Map<Select, List<Item>> byRows = new LinkedHashMap<>();
		Map<Select, List<String>> comments = new LinkedHashMap<>();
		for (int i = 0; i < queries.size(); i++) {
			Select query = queries.get(i);
			if (!query.groupingSets().isEmpty() || query.having() != null || query.distinct() || query.limit() != null) {
				throw new IllegalArgumentException("not a query of one row: " + query.comments());
			}
			Select rows = new Select(List.of(), List.of(), query.from(), query.alias(), query.joins(), query.where(),
					List.of(), null, false, null);
			for (Item item : query.items()) {
				byRows.computeIfAbsent(rows, r -> new ArrayList<>()).add(new Item(item.expression(), prefix(i) + item.alias()));
			}
			comments.computeIfAbsent(rows, r -> new ArrayList<>()).addAll(query.comments());
		}
		List<Item> items = new ArrayList<>();
		List<Sql.Relation> derived = new ArrayList<>();
		byRows.forEach((rows, selected) -> {
			items.add(new Item(new Sql.AllColumns(alias(derived.size())), null));
			derived.add(new Sql.Subquery(new Select(comments.get(rows), selected, rows.from(), rows.alias(), rows.joins(),
					rows.where(), List.of(), null, false, null)));
		});
		List<Join> joins = new ArrayList<>();
		for (int i = 1; i < derived.size(); i++) {
			joins.add(new Join(JoinKind.CROSS, derived.get(i), alias(i), null));
		}
		return Select.of(List.of(comment), items, derived.get(0), alias(0), joins);
	}

	private static String alias(int index) {
		return "r" + index;
	}
}
