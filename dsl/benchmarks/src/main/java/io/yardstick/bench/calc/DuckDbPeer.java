package io.yardstick.bench.calc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The peer: DuckDB, embedded in this JVM through JDBC, with an in-memory database. {@link #load} reads the
 * three CSV files into tables with explicit column types; {@link #compute} computes the ten metrics of the
 * after-sales template by month, in total and by region, with one SQL query over the loaded tables.
 */
final class DuckDbPeer implements AutoCloseable {
	/** The metrics the query computes, as its columns are named: the template's metric ids. */
	static final List<String> METRICS = List.of("churnRate", "nps", "afterSalesCostRate", "csat",
			"firstResponseTime", "firstContactResolution", "backlogRate", "ticketCloseRate", "complaintHandlingTime",
			"followUps");

	/** Table, file and column types; the CSV columns in file order. */
	private static final Map<String, String[]> TABLES = new LinkedHashMap<>();
	static {
		TABLES.put("customer", new String[] { "Customer.csv", "customerId", "VARCHAR", "name", "VARCHAR",
				"region", "VARCHAR", "segment", "VARCHAR", "signedAt", "DATE", "churnedAt", "DATE" });
		TABLES.put("ticket", new String[] { "Ticket.csv", "ticketId", "VARCHAR", "customer", "VARCHAR", "region",
				"VARCHAR", "productLine", "VARCHAR", "createdAt", "TIMESTAMP", "firstResponseAt", "TIMESTAMP",
				"resolvedAt", "TIMESTAMP", "status", "VARCHAR", "contacts", "INTEGER", "followUps", "INTEGER",
				"reopened", "BOOLEAN", "isComplaint", "BOOLEAN", "csat", "INTEGER", "nps", "INTEGER", "cost",
				"DOUBLE" });
		TABLES.put("wide_ticket", new String[] { WideData.FILE, "ticketId", "VARCHAR", "customerId", "VARCHAR",
				"region", "VARCHAR", "productLine", "VARCHAR", "channel", "VARCHAR", "priority", "VARCHAR", "createdAt",
				"TIMESTAMP", "firstResponseAt", "TIMESTAMP", "resolvedAt", "TIMESTAMP", "status", "VARCHAR", "contacts",
				"INTEGER", "followUps", "INTEGER", "reopened", "BOOLEAN", "isComplaint", "BOOLEAN", "csat", "INTEGER",
				"nps", "INTEGER", "cost", "DOUBLE", "agent", "VARCHAR" });
		TABLES.put("sale", new String[] { "Sale.csv", "orderId", "VARCHAR", "customer", "VARCHAR", "productLine",
				"VARCHAR", "soldAt", "TIMESTAMP", "amount", "DOUBLE" });
	}

	/**
	 * The ten metrics by month, in total and by region. Periods are the months from the earliest to the latest
	 * time-axis value of Ticket and Sale; the CSV times are local times of the template's zone, so months cut
	 * on the naive timestamps are the template's months. A month is numbered {@code year * 12 + month - 1}
	 * ({@code ym}): cheaper per row than {@code date_trunc('month', t)}, and "resolved at or after the end of
	 * the month it was created in" becomes "resolved in a later month". Customer has no time axis: every
	 * customer counts in every month, its dates compared with the month's first and next first day (a date
	 * compares with a timestamp as the first instant of its day). A cell without rows still gets its row (sums
	 * 0, shares and averages null).
	 */
	static final String QUERY = """
			WITH t AS (
			  SELECT ym, region, grouping(region) = 1 AS total,
			    count(nps) AS nps_n,
			    count(*) FILTER (WHERE nps >= 9) AS promoters,
			    count(*) FILTER (WHERE nps <= 6) AS detractors,
			    sum(cost) AS cost,
			    avg(csat) AS csat,
			    avg((epoch_ms(firstResponseAt) - epoch_ms(createdAt)) / 1000.0::DOUBLE) AS first_response,
			    count(resolvedAt) AS resolved_n,
			    count(*) FILTER (WHERE resolvedAt IS NOT NULL AND contacts = 1) AS first_contact,
			    count(*) AS n,
			    count(*) FILTER (WHERE resolvedAt IS NULL
			        OR year(resolvedAt) * 12 + month(resolvedAt) - 1 > ym) AS backlog,
			    count(*) FILTER (WHERE status = 'closed') AS closed,
			    avg((epoch_ms(resolvedAt) - epoch_ms(createdAt)) / 1000.0::DOUBLE) FILTER (WHERE isComplaint)
			        AS complaint_handling,
			    avg(followUps) AS follow_ups
			  FROM (SELECT *, year(createdAt) * 12 + month(createdAt) - 1 AS ym FROM ticket)
			  GROUP BY GROUPING SETS ((ym), (ym, region))),
			s AS (
			  SELECT year(sale.soldAt) * 12 + month(sale.soldAt) - 1 AS ym, customer.region AS region,
			    grouping(customer.region) = 1 AS total, sum(sale.amount) AS amount
			  FROM sale LEFT JOIN customer ON sale.customer = customer.customerId
			  GROUP BY GROUPING SETS ((ym), (ym, customer.region))),
			bounds AS (
			  SELECT min(ym) AS lo, max(ym) AS hi FROM (SELECT ym FROM t UNION ALL SELECT ym FROM s)),
			months AS (
			  SELECT ym, make_date(ym // 12, ym % 12 + 1, 1) AS day,
			    make_date((ym + 1) // 12, (ym + 1) % 12 + 1, 1) AS next_day
			  FROM (SELECT unnest(range(lo, hi + 1)) AS ym FROM bounds WHERE lo IS NOT NULL)),
			ch AS (
			  SELECT months.ym, customer.region AS region, grouping(customer.region) = 1 AS total,
			    count(*) FILTER (WHERE customer.signedAt < months.day
			        AND (customer.churnedAt IS NULL OR customer.churnedAt >= months.day)) AS base,
			    count(*) FILTER (WHERE customer.signedAt < months.day
			        AND customer.churnedAt >= months.day AND customer.churnedAt < months.next_day) AS churned
			  FROM months CROSS JOIN customer
			  GROUP BY GROUPING SETS ((months.ym), (months.ym, customer.region))),
			regions AS (
			  SELECT region FROM t WHERE NOT total
			  UNION SELECT region FROM s WHERE NOT total
			  UNION SELECT region FROM customer),
			grid AS (
			  SELECT ym, day, TRUE AS total, NULL::VARCHAR AS region FROM months
			  UNION ALL
			  SELECT ym, day, FALSE, regions.region FROM months CROSS JOIN regions)
			SELECT strftime(grid.day, '%Y-%m') AS period, grid.total AS total, grid.region AS region,
			  CASE WHEN ch.base > 0 THEN ch.churned / ch.base::DOUBLE END AS "churnRate",
			  CASE WHEN t.nps_n > 0 THEN 100 * (t.promoters / t.nps_n::DOUBLE - t.detractors / t.nps_n::DOUBLE)
			      END AS "nps",
			  CASE WHEN coalesce(s.amount, 0) <> 0 THEN coalesce(t.cost, 0) / s.amount END AS "afterSalesCostRate",
			  t.csat AS "csat",
			  t.first_response AS "firstResponseTime",
			  CASE WHEN t.resolved_n > 0 THEN t.first_contact / t.resolved_n::DOUBLE END AS "firstContactResolution",
			  CASE WHEN t.n > 0 THEN t.backlog / t.n::DOUBLE END AS "backlogRate",
			  CASE WHEN t.n > 0 THEN t.closed / t.n::DOUBLE END AS "ticketCloseRate",
			  t.complaint_handling AS "complaintHandlingTime",
			  t.follow_ups AS "followUps"
			FROM grid
			LEFT JOIN t ON t.ym = grid.ym AND t.total = grid.total AND t.region IS NOT DISTINCT FROM grid.region
			LEFT JOIN s ON s.ym = grid.ym AND s.total = grid.total AND s.region IS NOT DISTINCT FROM grid.region
			LEFT JOIN ch ON ch.ym = grid.ym AND ch.total = grid.total AND ch.region IS NOT DISTINCT FROM grid.region
			ORDER BY grid.ym, grid.total DESC, grid.region
			""";

	private final Connection connection;

	/** @param threads DuckDB's worker threads, or 0 for its default (one per core) */
	DuckDbPeer(int threads) throws SQLException {
		try {
			Class.forName("org.duckdb.DuckDBDriver");
		} catch (ClassNotFoundException e) {
			throw new SQLException("the DuckDB JDBC driver is not on the class path", e);
		}
		connection = DriverManager.getConnection("jdbc:duckdb:");
		if (threads > 0) {
			execute("SET threads = " + threads);
		}
	}

	String version() throws SQLException {
		return string("SELECT version()");
	}

	int threads() throws SQLException {
		return Integer.parseInt(string("SELECT current_setting('threads')"));
	}

	/** The CSV files of the folder into tables {@code customer}, {@code ticket} and {@code sale}. */
	void load(Path dir) throws SQLException {
		load(dir, List.of("customer", "ticket", "sale"));
	}

	/** Some of the tables only, those a workload reads. */
	void load(Path dir, java.util.Collection<String> tables) throws SQLException {
		for (Map.Entry<String, String[]> table : TABLES.entrySet()) {
			if (!tables.contains(table.getKey())) {
				continue;
			}
			String[] spec = table.getValue();
			StringBuilder columns = new StringBuilder("{");
			for (int i = 1; i < spec.length; i += 2) {
				columns.append(i > 1 ? ", " : "").append('\'').append(spec[i]).append("': '").append(spec[i + 1])
						.append('\'');
			}
			columns.append('}');
			String file = dir.resolve(spec[0]).toAbsolutePath().toString().replace("'", "''");
			execute("CREATE OR REPLACE TABLE " + table.getKey() + " AS SELECT * FROM read_csv('" + file
					+ "', header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', columns = "
					+ columns + ")");
		}
	}

	void drop() throws SQLException {
		for (String table : TABLES.keySet()) {
			execute("DROP TABLE IF EXISTS " + table);
		}
	}

	long rows(String table) throws SQLException {
		return Long.parseLong(string("SELECT count(*) FROM " + table));
	}

	/** Memory DuckDB holds (its buffer manager's count, outside the Java heap), in bytes. */
	long memory() throws SQLException {
		return Long.parseLong(string("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()"));
	}

	/** Runs {@link #QUERY} and reads every value. */
	MetricValues compute() throws SQLException {
		MetricValues values = new MetricValues();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(QUERY)) {
			while (rows.next()) {
				String period = rows.getString("period");
				boolean total = rows.getBoolean("total");
				String region = rows.getString("region");
				for (String metric : METRICS) {
					double value = rows.getDouble(metric);
					Double cell = rows.wasNull() ? null : value;
					if (total) {
						values.put(metric, "total", MetricValues.TOTAL_GROUP, period, cell);
					} else {
						values.put(metric, "region", region == null ? MetricValues.NO_GROUP : region, period, cell);
					}
				}
			}
		}
		return values;
	}

	/**
	 * Runs a query whose rows carry {@code period}, {@code grouping} (the breakdown's name, {@code total} for the
	 * total), {@code region} and {@code productLine}, and one column per metric; reads every value.
	 */
	MetricValues computeGrouped(String query, List<String> metrics) throws SQLException {
		MetricValues values = new MetricValues();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				String period = rows.getString("period");
				String grouping = rows.getString("grouping");
				String group = switch (grouping) {
					case "total" -> MetricValues.TOTAL_GROUP;
					case "region" -> orNone(rows.getString("region"));
					default -> orNone(rows.getString("region")) + "*" + orNone(rows.getString("productLine"));
				};
				for (String metric : metrics) {
					double value = rows.getDouble(metric);
					values.put(metric, grouping, group, period, rows.wasNull() ? null : value);
				}
			}
		}
		return values;
	}

	private static String orNone(String value) {
		return value == null ? MetricValues.NO_GROUP : value;
	}

	/** A second connection to the peer's in-memory database, for an engine that reads the tables it loaded. */
	Connection duplicate() throws SQLException {
		return connection.unwrap(org.duckdb.DuckDBConnection.class).duplicate();
	}

	private void execute(String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private String string(String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

	@Override
	public void close() throws SQLException {
		connection.close();
	}
}
