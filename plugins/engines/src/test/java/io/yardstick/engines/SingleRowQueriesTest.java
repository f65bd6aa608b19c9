package io.yardstick.engines;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.generator.sql.DuckDbDialect;
import io.yardstick.dsl.generator.sql.SingleRowQueries;
import io.yardstick.dsl.generator.sql.Sql;
import io.yardstick.dsl.generator.sql.Sql.Aggregate;
import io.yardstick.dsl.generator.sql.Sql.AggregateFunction;
import io.yardstick.dsl.generator.sql.Sql.Binary;
import io.yardstick.dsl.generator.sql.Sql.Column;
import io.yardstick.dsl.generator.sql.Sql.Item;
import io.yardstick.dsl.generator.sql.Sql.Select;
import io.yardstick.dsl.generator.sql.SqlWriter;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Single-row queries asked as one statement give each query's own answers under its prefix: those that read
 * the same rows share a derived table (one read of the table), a query with a filter of its own and one over
 * an empty table keep theirs, and columns of the same name in two queries stay apart.
 */
class SingleRowQueriesTest {
	private static final SqlWriter WRITER = new SqlWriter(DuckDbDialect.INSTANCE);

	@Test
	void oneStatementGivesEveryQuerysOwnRow() throws Exception {
		List<Select> queries = List.of(
				query("the range of a", "numbers", null, min("a", "first"), max("a", "last")),
				query("the least b", "numbers", null, min("b", "first")),
				query("the range of a over 2", "numbers", new Binary(">", new Column("t", "a"),
						new Sql.Number(BigDecimal.valueOf(2))), min("a", "first"), max("a", "last")),
				query("nothing", "empty", null, min("a", "first"), count("n")));
		Select combined = SingleRowQueries.combine("four questions", queries);
		String sql = WRITER.select(combined);
		// the first two read the same rows: three derived tables, the table of numbers read twice
		assertThat(occurrences(sql, "CROSS JOIN")).isEqualTo(2);
		assertThat(occurrences(sql, "FROM \"numbers\"")).isEqualTo(2);
		try (DuckDbEngine engine = DuckDbEngine.open(null)) {
			engine.execute("CREATE TABLE numbers (a INTEGER, b DOUBLE)");
			engine.execute("INSERT INTO numbers VALUES (3, 0.5), (1, NULL), (NULL, -2.5), (7, 4)");
			engine.execute("CREATE TABLE empty (a INTEGER)");
			List<String> alone = new ArrayList<>();
			for (Select query : queries) {
				engine.query(WRITER.select(query), row -> alone.add(describe(row)));
			}
			assertThat(alone).containsExactly("first=1 last=7 n=- ", "first=-2.5 last=- n=- ", "first=3 last=7 n=- ",
					"first=null last=- n=0 ");
			List<String> together = new ArrayList<>();
			engine.query(sql, row -> {
				for (int i = 0; i < queries.size(); i++) {
					together.add(describe(EngineRow.prefixed(row, SingleRowQueries.prefix(i))));
				}
			});
			assertThat(together).as(sql).isEqualTo(alone);
		}
	}

	private static Select query(String comment, String table, Sql.Expr where, Item... items) {
		Select select = Select.of(List.of(comment), List.of(items), new Sql.Table(List.of(table)), "t", List.of());
		return where == null ? select : select.where(where);
	}

	private static Item min(String column, String alias) {
		return new Item(new Aggregate(AggregateFunction.MIN, new Column("t", column), null, 0), alias);
	}

	private static Item max(String column, String alias) {
		return new Item(new Aggregate(AggregateFunction.MAX, new Column("t", column), null, 0), alias);
	}

	private static Item count(String alias) {
		return new Item(new Aggregate(AggregateFunction.COUNT_ROWS, null, null, 0), alias);
	}

	/** The columns a query may have, each as text, or {@code -} where the query has no such column. */
	private static String describe(EngineRow row) {
		StringBuilder text = new StringBuilder();
		for (String column : List.of("first", "last", "n")) {
			String value;
			try {
				value = row.getString(column);
			} catch (SQLException e) {
				value = "-";
			}
			text.append(column).append('=').append(value).append(' ');
		}
		return text.toString();
	}

	private static int occurrences(String text, String part) {
		return (text.length() - text.replace(part, "").length()) / part.length();
	}
}
