package io.yardstick.engines;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.generator.sql.DuckDbDialect;
import io.yardstick.dsl.generator.sql.SharedExpressions;
import io.yardstick.dsl.generator.sql.Sql;
import io.yardstick.dsl.generator.sql.Sql.Aggregate;
import io.yardstick.dsl.generator.sql.Sql.AggregateFunction;
import io.yardstick.dsl.generator.sql.Sql.Binary;
import io.yardstick.dsl.generator.sql.Sql.Call;
import io.yardstick.dsl.generator.sql.Sql.Column;
import io.yardstick.dsl.generator.sql.Sql.Expr;
import io.yardstick.dsl.generator.sql.Sql.Function;
import io.yardstick.dsl.generator.sql.Sql.Item;
import io.yardstick.dsl.generator.sql.Sql.Join;
import io.yardstick.dsl.generator.sql.Sql.JoinKind;
import io.yardstick.dsl.generator.sql.Sql.Select;
import io.yardstick.dsl.generator.sql.SqlWriter;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A grouped query whose repeated row expressions are computed once in a derived table gives the same rows as
 * the query as written, on DuckDB: the derived table's columns must not take the names of the table's own
 * (a column called {@code shared1}, a {@code region} on both sides of a join), the grouping function and the
 * aggregates stay above it, and a cheap comparison is left where it is.
 */
class SharedExpressionsTest {
	private static final SqlWriter WRITER = new SqlWriter(DuckDbDialect.INSTANCE);
	private static final Expr PLACED_MONTH = new Call(Function.MONTH, new Call(Function.EPOCH_MILLIS, column("placed")));
	private static final Expr HOURS_TO_SHIP = new Binary("/", new Binary("-",
			new Call(Function.EPOCH_MILLIS, column("shipped")), new Call(Function.EPOCH_MILLIS, column("placed"))),
			new Sql.Number(new BigDecimal("3600000")));
	private static final Column CUSTOMER_REGION = new Column("c", "region");

	@Test
	void theHoistedQueryGivesTheRowsOfTheQueryAsWritten() throws Exception {
		Select written = grouped(List.of(
				new Item(new Call(Function.GROUPING_ID, List.of(CUSTOMER_REGION)), "grouping_id"),
				new Item(PLACED_MONTH, "month"),
				new Item(CUSTOMER_REGION, "d0"),
				new Item(new Aggregate(AggregateFunction.SUM, HOURS_TO_SHIP, null, 0), "hours"),
				new Item(new Aggregate(AggregateFunction.MAX, HOURS_TO_SHIP, null, 0), "slowest"),
				new Item(new Aggregate(AggregateFunction.SUM, column("shared1"), null, 0), "own_shared1"),
				new Item(new Aggregate(AggregateFunction.COUNT_ROWS, null, new Binary("=", column("region"),
						new Sql.Text("north")), 0), "north"),
				new Item(new Aggregate(AggregateFunction.COUNT_ROWS, null, new Binary(">", column("amount"),
						new Sql.Number(BigDecimal.TEN)), 0), "large"),
				new Item(new Aggregate(AggregateFunction.SUM, column("amount"), new Binary(">", column("amount"),
						new Sql.Number(BigDecimal.TEN)), 0), "large_amount")));
		Select hoisted = SharedExpressions.hoist(written);
		String sql = WRITER.select(hoisted);
		assertThat(sql).contains("FROM (\n");
		// each costly expression is written once, below the grouping; the comparisons stay above it
		assertThat(occurrences(sql, "month(")).isEqualTo(1);
		assertThat(occurrences(sql, "epoch_ms(CAST(\"t\".\"shipped\"")).isEqualTo(1);
		assertThat(sql).contains("FILTER (WHERE (\"t\".\"amount\" > ");
		try (DuckDbEngine engine = DuckDbEngine.open(null)) {
			fill(engine);
			engine.prepare(ZoneId.of("Europe/Berlin"));
			List<String> expected = rows(engine, WRITER.select(written));
			// March, April and May in total; east in March, west and none in April, none in May
			assertThat(expected).hasSize(3 + 4);
			assertThat(rows(engine, sql)).as(sql).isEqualTo(expected);
		}
	}

	@Test
	void aQueryWithoutRepeatsIsLeftAsItIs() {
		Select written = grouped(List.of(new Item(new Call(Function.GROUPING_ID, List.of(CUSTOMER_REGION)), "g"),
				new Item(column("day"), "month"), new Item(CUSTOMER_REGION, "d0"),
				new Item(new Aggregate(AggregateFunction.SUM, HOURS_TO_SHIP, null, 0), "hours"),
				new Item(new Aggregate(AggregateFunction.COUNT_ROWS, null, new Binary(">", column("amount"),
						new Sql.Number(BigDecimal.TEN)), 0), "large"),
				new Item(new Aggregate(AggregateFunction.SUM, column("amount"), new Binary(">", column("amount"),
						new Sql.Number(BigDecimal.TEN)), 0), "large_amount")), column("day"));
		assertThat(SharedExpressions.hoist(written)).isSameAs(written);
	}

	private static Select grouped(List<Item> items) {
		return grouped(items, PLACED_MONTH);
	}

	private static Select grouped(List<Item> items, Expr key) {
		List<Join> joins = List.of(new Join(JoinKind.LEFT, new Sql.Table(List.of("customers")), "c",
				new Binary("=", new Column("c", "id"), column("customer"))));
		return Select.of(List.of("orders by month and the customer's region"), items,
				new Sql.Table(List.of("orders")), "t", joins)
				.where(new Binary(">=", column("amount"), new Sql.Number(BigDecimal.ZERO)))
				.groupBy(List.of(List.of(key), List.of(key, CUSTOMER_REGION)));
	}

	private static Column column(String name) {
		return new Column("t", name);
	}

	private static int occurrences(String text, String part) {
		return (text.length() - text.replace(part, "").length()) / part.length();
	}

	private static void fill(DuckDbEngine engine) throws SQLException {
		engine.execute("CREATE TABLE customers (id VARCHAR, region VARCHAR)");
		engine.execute("INSERT INTO customers VALUES ('a', 'east'), ('b', 'west'), ('c', NULL)");
		engine.execute("CREATE TABLE orders (customer VARCHAR, region VARCHAR, amount DOUBLE, shared1 DOUBLE,"
				+ " placed TIMESTAMPTZ, shipped TIMESTAMPTZ, day DATE)");
		engine.execute("INSERT INTO orders VALUES"
				+ " ('a', 'north', 12, 100, TIMESTAMPTZ '2024-03-30 23:30:00+01', TIMESTAMPTZ '2024-03-31 04:30:00+02', DATE '2024-03-30'),"
				+ " ('b', 'north', 5, 200, TIMESTAMPTZ '2024-03-31 22:30:00+00', TIMESTAMPTZ '2024-04-02 10:00:00+00', DATE '2024-04-01'),"
				+ " ('c', 'south', 30, NULL, TIMESTAMPTZ '2024-04-15 12:00:00+00', NULL, DATE '2024-04-15'),"
				+ " ('a', NULL, -1, 400, TIMESTAMPTZ '2024-04-20 12:00:00+00', TIMESTAMPTZ '2024-04-21 12:00:00+00', DATE '2024-04-20'),"
				+ " ('z', 'south', 11, 500, TIMESTAMPTZ '2024-04-30 23:00:00+00', TIMESTAMPTZ '2024-05-01 01:00:00+00', DATE '2024-05-01')");
	}

	/** Every row, every column as text, sorted: the two queries may return the rows in different orders. */
	private static List<String> rows(Engine engine, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		List<String> columns = List.of("grouping_id", "month", "d0", "hours", "slowest", "own_shared1", "north", "large",
				"large_amount");
		engine.query(sql, row -> {
			StringBuilder text = new StringBuilder();
			for (String column : columns) {
				text.append(column).append('=').append(row.getString(column)).append(' ');
			}
			rows.add(text.toString());
		});
		rows.sort(null);
		return rows;
	}
}
