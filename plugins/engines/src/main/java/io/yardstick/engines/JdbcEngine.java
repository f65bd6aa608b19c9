package io.yardstick.engines;

import io.yardstick.dsl.generator.sql.SqlDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** An engine reached through JDBC: queries, session set-up, and the columns of a loaded table. */
abstract class JdbcEngine implements Engine {
	protected final Connection connection;
	private final SqlDialect dialect;
	/** Further connections to the same database, for queries run side by side, each set up as the first. */
	private final List<Connection> siblings = new ArrayList<>();
	private List<String> setup = List.of();
	/**
	 * How many statements of a batch run at once: the machine's cores, at least two; {@code
	 * -Dyardstick.engine.lanes=1} runs them one after the other, to compare.
	 */
	private static final int LANES = Integer.getInteger("yardstick.engine.lanes",
			Math.max(2, Runtime.getRuntime().availableProcessors()));

	JdbcEngine(Connection connection, SqlDialect dialect) {
		this.connection = connection;
		this.dialect = dialect;
	}

	@Override
	public SqlDialect dialect() {
		return dialect;
	}

	@Override
	public void prepare(ZoneId zone) throws SQLException {
		setup = dialect.sessionSetup(zone);
		setUp(connection);
		for (Connection sibling : siblings) {
			setUp(sibling);
		}
	}

	private void setUp(Connection on) throws SQLException {
		try (Statement statement = on.createStatement()) {
			for (String command : setup) {
				statement.execute(command);
			}
		}
	}

	/**
	 * A new connection to the same database, with this session's tables, or null where the engine has none to
	 * offer (queries then run one after the other).
	 */
	protected Connection sibling() throws SQLException {
		return null;
	}

	/**
	 * Runs the queries side by side on as many connections as the machine has cores (and the engine offers), each
	 * query's rows read to the end on its thread; then hands them to the readers in order on the caller's thread,
	 * so that a run reads exactly what it would read one query after the other.
	 */
	@Override
	public void queryAll(List<Query> queries) throws SQLException {
		int lanes = Math.min(queries.size(), LANES);
		while (siblings.size() < lanes - 1) {
			Connection sibling = sibling();
			if (sibling == null) {
				break;
			}
			siblings.add(sibling);
			setUp(sibling);
		}
		if (lanes < 2 || siblings.isEmpty()) {
			Engine.super.queryAll(queries);
			return;
		}
		FetchedRows[] fetched = new FetchedRows[queries.size()];
		SQLException[] failed = new SQLException[queries.size()];
		AtomicInteger next = new AtomicInteger();
		List<Thread> workers = new ArrayList<>();
		for (Connection sibling : siblings.subList(0, Math.min(siblings.size(), lanes - 1))) {
			Thread worker = new Thread(() -> fetch(sibling, queries, next, fetched, failed), "yardstick-engine-query");
			worker.setDaemon(true);
			worker.start();
			workers.add(worker);
		}
		fetch(connection, queries, next, fetched, failed);
		for (Thread worker : workers) {
			try {
				worker.join();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new SQLException("interrupted while the engine ran queries", e);
			}
		}
		for (int i = 0; i < queries.size(); i++) {
			if (failed[i] != null) {
				throw failed[i];
			}
			if (fetched[i] == null) {
				throw new SQLException("the engine's thread stopped before it read the rows of: " + queries.get(i).sql());
			}
			fetched[i].replay(queries.get(i).reader());
		}
	}

	/** Takes the next query not yet taken, until none is left, and reads its rows. */
	private static void fetch(Connection on, List<Query> queries, AtomicInteger next,
			FetchedRows[] fetched, SQLException[] failed) {
		for (int i = next.getAndIncrement(); i < queries.size(); i = next.getAndIncrement()) {
			long start = System.nanoTime();
			String sql = queries.get(i).sql();
			try (Statement statement = on.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
				fetched[i] = new FetchedRows(rows);
				StatementTrace.record(sql, fetched[i].size(), start);
			} catch (SQLException e) {
				failed[i] = e;
			} catch (RuntimeException e) {
				failed[i] = new SQLException(e.getMessage(), e);
			}
		}
	}

	@Override
	public void query(String sql, RowReader reader) throws SQLException {
		long start = System.nanoTime();
		int read = 0;
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			EngineRow row = EngineRow.of(rows);
			while (rows.next()) {
				reader.row(row);
				read++;
			}
		}
		StatementTrace.record(sql, read, start);
	}

	@Override
	public void execute(String sql) throws SQLException {
		long start = System.nanoTime();
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		StatementTrace.record(sql, -1, start);
	}

	@Override
	public List<String> columns(List<String> table) throws SQLException {
		return describe(table).names();
	}

	@Override
	public java.util.Set<String> localTimestampColumns(List<String> table) throws SQLException {
		return describe(table).localTimestamps();
	}

	@Override
	public TableColumns describe(List<String> table) throws SQLException {
		return describeAll(List.of(table)).get(table);
	}

	/**
	 * One query of the standard catalog for every table: each found as named, else by its lower-case name (how
	 * PostgreSQL folds an unquoted one), in the schema named, else in any. The driver's {@code getColumns}
	 * costs about 5 ms a table on DuckDB, where this costs 2 ms for all of them, and reads {@code _} in a name
	 * as a wildcard.
	 */
	@Override
	public java.util.Map<List<String>, TableColumns> describeAll(List<List<String>> tables) throws SQLException {
		java.util.Set<String> names = new java.util.LinkedHashSet<>();
		for (List<String> table : tables) {
			String name = table.get(table.size() - 1);
			names.add(name);
			names.add(name.toLowerCase(java.util.Locale.ROOT));
		}
		String sql = "SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns"
				+ " WHERE table_name IN (" + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")"
				+ " ORDER BY table_schema, table_name, ordinal_position";
		List<String[]> found = new ArrayList<>();
		long start = System.nanoTime();
		try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
			int at = 1;
			for (String name : names) {
				statement.setString(at++, name);
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					found.add(new String[] { rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4) });
				}
			}
		}
		StatementTrace.record(sql, found.size(), start);
		java.util.Map<List<String>, TableColumns> described = new java.util.LinkedHashMap<>();
		for (List<String> table : tables) {
			String schema = table.size() > 1 ? table.get(table.size() - 2) : null;
			String name = table.get(table.size() - 1);
			List<String> columns = new ArrayList<>();
			java.util.Set<String> local = new java.util.TreeSet<>();
			for (String candidate : List.of(name, name.toLowerCase(java.util.Locale.ROOT))) {
				for (String[] column : found) {
					if (column[1].equals(candidate) && (schema == null || schema.equals(column[0]))) {
						columns.add(column[2]);
						if (holdsLocalTimes(column[3])) {
							local.add(column[2]);
						}
					}
				}
				if (!columns.isEmpty()) {
					break;
				}
			}
			described.put(table, new TableColumns(columns, local));
		}
		return described;
	}

	/**
	 * Whether a catalog's type name is a timestamp without a time zone: DuckDB's {@code TIMESTAMP} (and its
	 * {@code _S}, {@code _MS}, {@code _NS} kinds), PostgreSQL's {@code timestamp without time zone}.
	 */
	static boolean holdsLocalTimes(String type) {
		String lower = type.toLowerCase(java.util.Locale.ROOT);
		return lower.startsWith("timestamp") && !lower.contains("with time zone") && !lower.equals("timestamptz");
	}

	@Override
	public void close() throws SQLException {
		for (Connection sibling : siblings) {
			sibling.close();
		}
		connection.close();
	}

	// ------------------------------------------------------------------ pushing loaded rows

	/** The SQL type of a pushed column. */
	protected String type(PushedRows.Kind kind) {
		return switch (kind) {
			case DOUBLE -> doubleType();
			case TEXT -> textType();
			case BOOLEAN -> "BOOLEAN";
			case MILLIS -> "BIGINT";
			case DATE -> "DATE";
			case INSTANT -> timestampType();
		};
	}

	protected abstract String doubleType();

	protected abstract String textType();

	/** A point in time with its time zone. */
	protected abstract String timestampType();
}
