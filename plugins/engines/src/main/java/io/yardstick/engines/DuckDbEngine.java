package io.yardstick.engines;

import io.yardstick.dsl.generator.sql.DuckDbDialect;
import io.yardstick.dsl.generator.sql.SourceTable;
import io.yardstick.runtime.data.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** DuckDB embedded in this JVM: an in-memory database by default, or a database file. */
public final class DuckDbEngine extends JdbcEngine {
	private final String location;

	private DuckDbEngine(Connection connection, String location) {
		super(connection, DuckDbDialect.INSTANCE);
		this.location = location;
	}

	/** @param url {@code jdbc:duckdb:} (in memory) or {@code jdbc:duckdb:/path/file.duckdb} */
	public static DuckDbEngine open(String url) throws SQLException {
		String jdbc = url == null ? "jdbc:duckdb:" : url;
		String location = jdbc.substring("jdbc:duckdb:".length());
		return new DuckDbEngine(DriverManager.getConnection(jdbc), location.isEmpty() ? "in memory" : location);
	}

	/**
	 * An engine on a connection of the caller's, such as a second connection to a database another part of the
	 * program has filled ({@code DuckDBConnection.duplicate()}); closing the engine closes that connection.
	 */
	public static DuckDbEngine attach(Connection connection, String location) {
		return new DuckDbEngine(connection, location);
	}

	@Override
	public String describe() {
		String version = "";
		try {
			version = " " + connection.getMetaData().getDatabaseProductVersion();
		} catch (SQLException e) {
			// the version is only for messages
		}
		return "DuckDB" + version + " (" + location + ")";
	}

	@Override
	public SourceTable push(Table table, ZoneId zone, Map<String, Table> referenced, SourceTable.TimeStorage times)
			throws SQLException {
		PushedRows rows = new PushedRows(table, zone, referenced, times);
		List<String> definitions = new ArrayList<>();
		for (PushedRows.Column column : rows.columns()) {
			definitions.add(dialect().quote(column.name()) + " " + type(column.kind()));
		}
		String name = table.name();
		execute("CREATE OR REPLACE TABLE " + dialect().quote(name) + " (" + String.join(", ", definitions) + ")");
		try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("main", name)) {
			for (int row = 0; row < rows.rows(); row++) {
				appender.beginRow();
				for (Object cell : rows.cells(row)) {
					if (cell == null) {
						appender.appendNull();
					} else if (cell instanceof Double number) {
						appender.append(number.doubleValue());
					} else if (cell instanceof Long millis) {
						appender.append(millis.longValue());
					} else if (cell instanceof LocalDate day) {
						appender.append(day);
					} else if (cell instanceof java.time.Instant instant) {
						appender.append(instant.atOffset(java.time.ZoneOffset.UTC));
					} else if (cell instanceof Boolean flag) {
						appender.append(flag.booleanValue());
					} else {
						appender.append((String) cell);
					}
				}
				appender.endRow();
			}
		}
		return new SourceTable(List.of(name), Map.of(), times);
	}

	/** DuckDB runs queries of several connections to one database side by side, each on its own threads. */
	@Override
	protected Connection sibling() throws SQLException {
		return connection.unwrap(DuckDBConnection.class).duplicate();
	}

	@Override
	protected String doubleType() {
		return "DOUBLE";
	}

	@Override
	protected String textType() {
		return "VARCHAR";
	}

	@Override
	protected String timestampType() {
		return "TIMESTAMPTZ";
	}
}
