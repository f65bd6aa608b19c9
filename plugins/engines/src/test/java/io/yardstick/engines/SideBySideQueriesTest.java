package io.yardstick.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DuckDB runs a batch of independent queries side by side on connections to the same database; the run must read
 * exactly what it reads one query after the other: the same values through every getter, the same nulls, the
 * readers called in the batch's order, and the session's time zone on every connection.
 */
class SideBySideQueriesTest {
	private static final List<String> QUERIES = List.of(
			"SELECT i, d, b, s, day, big, sum(i) OVER () AS total FROM kinds ORDER BY s NULLS LAST",
			"SELECT count(*) AS n, sum(d) AS d, min(day) AS first, max(s) AS s FROM kinds",
			"SELECT CAST(TIMESTAMPTZ '2024-03-31 00:30:00+00' AS TIMESTAMP) AS local, current_setting('TimeZone') AS zone",
			"SELECT s, count(*) AS n FROM kinds GROUP BY s ORDER BY s NULLS FIRST",
			"SELECT grouping(s) AS g, s, sum(big) AS big FROM kinds GROUP BY GROUPING SETS ((), (s)) ORDER BY g, s");
	private static final List<String> COLUMNS = List.of("i", "d", "b", "s", "day", "big", "total", "n", "first",
			"local", "zone", "g");
	private static final List<String> NUMBERS = List.of("i", "d", "big", "total", "n", "g");

	@Test
	void aBatchReadsWhatTheQueriesReadOneAfterTheOther() throws Exception {
		try (DuckDbEngine engine = DuckDbEngine.open(null)) {
			fill(engine);
			engine.prepare(ZoneId.of("Europe/Berlin"));
			List<String> alone = new ArrayList<>();
			for (String sql : QUERIES) {
				alone.add("-- " + sql);
				engine.query(sql, row -> alone.add(describe(row)));
			}
			List<String> batched = new ArrayList<>();
			List<Engine.Query> batch = new ArrayList<>();
			for (String sql : QUERIES) {
				batch.add(new Engine.Query(sql, row -> batched.add(describe(row))));
			}
			List<String> expected = new ArrayList<>();
			for (int run = 0; run < 3; run++) {
				batched.clear();
				engine.queryAll(batch);
				expected.clear();
				alone.stream().filter(line -> !line.startsWith("-- ")).forEach(expected::add);
				assertThat(batched).containsExactlyElementsOf(expected);
			}
			assertThat(batched).contains("local=2024-03-31 01:30:00.0false zone=Europe/Berlinfalse");
			assertThat(batched).hasSize(4 + 1 + 1 + 4 + 5);
		}
	}

	@Test
	void everyConnectionOfABatchIsSetToTheRunsZone() throws Exception {
		try (DuckDbEngine engine = DuckDbEngine.open(null)) {
			engine.prepare(ZoneId.of("Asia/Shanghai"));
			List<String> zones = new ArrayList<>();
			List<Engine.Query> batch = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				// long enough that the connections run them at the same time
				batch.add(new Engine.Query("SELECT current_setting('TimeZone') AS zone, count(*) AS n FROM range(2000000)",
						row -> zones.add(row.getString("zone"))));
			}
			engine.queryAll(batch);
			engine.prepare(ZoneId.of("America/New_York"));
			engine.queryAll(batch);
			assertThat(zones).containsExactly("Asia/Shanghai", "Asia/Shanghai", "Asia/Shanghai", "Asia/Shanghai",
					"Asia/Shanghai", "Asia/Shanghai", "America/New_York", "America/New_York", "America/New_York",
					"America/New_York", "America/New_York", "America/New_York");
		}
	}

	@Test
	void aFailingQueryFailsTheBatchWithItsOwnError() throws Exception {
		try (DuckDbEngine engine = DuckDbEngine.open(null)) {
			fill(engine);
			List<String> read = new ArrayList<>();
			assertThatThrownBy(() -> engine.queryAll(List.of(
					new Engine.Query("SELECT count(*) AS n FROM kinds", row -> read.add(row.getString("n"))),
					new Engine.Query("SELECT nothing FROM kinds", row -> read.add("never")))))
					.isInstanceOf(SQLException.class).hasMessageContaining("nothing");
			assertThat(read).containsExactly("4");
		}
	}

	private static void fill(DuckDbEngine engine) throws SQLException {
		engine.execute("CREATE TABLE kinds (i INTEGER, d DOUBLE, b BOOLEAN, s VARCHAR, day DATE, big BIGINT)");
		engine.execute("INSERT INTO kinds VALUES (1, 0.1, TRUE, 'a''b', DATE '2024-02-29', 9007199254740993),"
				+ " (NULL, NULL, NULL, NULL, NULL, NULL), (-7, 1e300, FALSE, '', DATE '1969-12-31', -1),"
				+ " (2147483647, -0.0, TRUE, '区域', DATE '2024-12-30', 0)");
	}

	/** Every column the row has, through the getters a run reads its kind with, with what wasNull says after each. */
	private static String describe(EngineRow row) throws SQLException {
		StringBuilder text = new StringBuilder();
		for (String column : COLUMNS) {
			String value;
			try {
				value = row.getString(column);
			} catch (SQLException e) {
				continue; // not a column of this query
			}
			text.append(text.isEmpty() ? "" : " ").append(column).append('=').append(value).append(row.wasNull());
			if (NUMBERS.contains(column)) {
				text.append(" long:").append(row.getLong(column)).append(row.wasNull());
				text.append(" double:").append(row.getDouble(column)).append(row.wasNull());
				text.append(" int:").append(row.getInt(column)).append(row.wasNull());
			} else if (column.equals("b")) {
				text.append(" bool:").append(row.getBoolean(column)).append(row.wasNull());
			}
		}
		return text.toString();
	}
}
