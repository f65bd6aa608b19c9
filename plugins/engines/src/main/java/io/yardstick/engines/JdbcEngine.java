package io.yardstick.engines;

import io.yardstick.dsl.generator.sql.SqlDialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** An engine reached through JDBC: queries, session set-up, and the columns of a loaded table. */
abstract class JdbcEngine implements Engine {
	protected final Connection connection;
	private final SqlDialect dialect;

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
		try (Statement statement = connection.createStatement()) {
			for (String setup : dialect.sessionSetup(zone)) {
				statement.execute(setup);
			}
		}
	}

	@Override
	public void query(String sql, RowReader reader) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			EngineRow row = EngineRow.of(rows);
			while (rows.next()) {
				reader.row(row);
			}
		}
	}

	@Override
	public void execute(String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Override
	public List<String> columns(List<String> table) throws SQLException {
		DatabaseMetaData metadata = connection.getMetaData();
		String schema = table.size() > 1 ? table.get(table.size() - 2) : null;
		String name = table.get(table.size() - 1);
		List<String> columns = new ArrayList<>();
		for (String candidate : List.of(name, name.toLowerCase(java.util.Locale.ROOT))) {
			try (ResultSet rows = metadata.getColumns(null, schema, candidate, null)) {
				while (rows.next()) {
					columns.add(rows.getString("COLUMN_NAME"));
				}
			}
			if (!columns.isEmpty()) {
				break;
			}
		}
		return columns;
	}

	@Override
	public java.util.Set<String> localTimestampColumns(List<String> table) throws SQLException {
		DatabaseMetaData metadata = connection.getMetaData();
		String schema = table.size() > 1 ? table.get(table.size() - 2) : null;
		String name = table.get(table.size() - 1);
		java.util.Set<String> local = new java.util.TreeSet<>();
		for (String candidate : List.of(name, name.toLowerCase(java.util.Locale.ROOT))) {
			try (ResultSet rows = metadata.getColumns(null, schema, candidate, null)) {
				while (rows.next()) {
					// The type's name, not its java.sql.Types code: PostgreSQL's driver gives TIMESTAMP for both kinds.
					String type = rows.getString("TYPE_NAME").toLowerCase(java.util.Locale.ROOT);
					if (type.startsWith("timestamp") && !type.contains("time zone") && !type.equals("timestamptz")) {
						local.add(rows.getString("COLUMN_NAME"));
					}
				}
			}
			if (!local.isEmpty()) {
				break;
			}
		}
		return local;
	}

	@Override
	public void close() throws SQLException {
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
