package io.yardstick.engines;

import io.yardstick.dsl.generator.sql.PostgresDialect;
import io.yardstick.dsl.generator.sql.SourceTable;
import io.yardstick.runtime.data.Table;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.postgresql.PGConnection;

/**
 * PostgreSQL over JDBC. Credentials come from the environment ({@code YARDSTICK_JDBC_USER},
 * {@code YARDSTICK_JDBC_PASSWORD}) or the URL; rows Yardstick loaded from files go into temporary tables
 * that end with the session.
 */
public final class PostgresEngine extends JdbcEngine {
	private static final int COPY_BATCH = 10_000;
	private final String described;

	private PostgresEngine(Connection connection, String described) {
		super(connection, PostgresDialect.INSTANCE);
		this.described = described;
	}

	public static PostgresEngine open(String url, Properties credentials) throws SQLException {
		Connection connection = DriverManager.getConnection(url, credentials);
		String version = connection.getMetaData().getDatabaseProductVersion();
		return new PostgresEngine(connection, "PostgreSQL " + version + " (" + Credentials.withoutSecrets(url) + ")");
	}

	@Override
	public String describe() {
		return described;
	}

	@Override
	public SourceTable push(Table table, ZoneId zone, Map<String, Table> referenced, SourceTable.TimeStorage times)
			throws SQLException {
		PushedRows rows = new PushedRows(table, zone, referenced, times);
		List<String> definitions = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (PushedRows.Column column : rows.columns()) {
			definitions.add(dialect().quote(column.name()) + " " + type(column.kind()));
			names.add(dialect().quote(column.name()));
		}
		String name = dialect().quote(table.name());
		execute("DROP TABLE IF EXISTS pg_temp." + name);
		execute("CREATE TEMPORARY TABLE " + name + " (" + String.join(", ", definitions) + ")");
		String copy = "COPY pg_temp." + name + " (" + String.join(", ", names) + ") FROM STDIN WITH (FORMAT csv)";
		StringBuilder batch = new StringBuilder();
		try {
			var copier = connection.unwrap(PGConnection.class).getCopyAPI();
			for (int row = 0; row < rows.rows(); row++) {
				Object[] cells = rows.cells(row);
				for (int i = 0; i < cells.length; i++) {
					if (i > 0) {
						batch.append(',');
					}
					batch.append(csv(cells[i]));
				}
				batch.append('\n');
				if ((row + 1) % COPY_BATCH == 0) {
					copier.copyIn(copy, new StringReader(batch.toString()));
					batch.setLength(0);
				}
			}
			if (batch.length() > 0) {
				copier.copyIn(copy, new StringReader(batch.toString()));
			}
		} catch (IOException e) {
			throw new SQLException("could not copy rows into " + table.name() + ": " + e.getMessage(), e);
		}
		return new SourceTable(List.of("pg_temp", table.name()), Map.of(), times);
	}

	/** A CSV cell for COPY: unquoted empty is null, text always quoted (so an empty text stays text). */
	private static String csv(Object cell) {
		if (cell == null) {
			return "";
		}
		if (cell instanceof String text) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		if (cell instanceof java.time.Instant instant) {
			return instant.atOffset(java.time.ZoneOffset.UTC).toLocalDateTime() + "+00";
		}
		if (cell instanceof Boolean flag) {
			return flag ? "t" : "f";
		}
		return cell.toString();
	}

	@Override
	protected String doubleType() {
		return "DOUBLE PRECISION";
	}

	@Override
	protected String textType() {
		return "TEXT";
	}

	@Override
	protected String timestampType() {
		return "TIMESTAMPTZ";
	}
}
