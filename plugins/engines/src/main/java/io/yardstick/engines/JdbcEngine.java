package io.yardstick.engines;

import io.yardstick.dsl.generator.sql.SourceTable;
import io.yardstick.dsl.generator.sql.SqlDialect;
import io.yardstick.runtime.data.Dictionary;
import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.FieldType.Storage;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
			while (rows.next()) {
				reader.row(rows);
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
	public void close() throws SQLException {
		connection.close();
	}

	// ------------------------------------------------------------------ pushing loaded rows

	/** The SQL type of each pushed column, in the order {@link #cells} writes them. */
	protected record PushedColumn(String name, String type) {
	}

	/**
	 * The columns a loaded table is pushed as: a field's values as the loader holds them (a point in time as
	 * epoch milliseconds beside its local date, text and enums as text, a reference as the key it names).
	 */
	protected List<PushedColumn> pushedColumns(Table table, Map<String, Table> referenced, SourceTable.TimeStorage times) {
		List<PushedColumn> columns = new ArrayList<>();
		for (FieldSpec field : table.spec().fields()) {
			if (!table.has(field.name())) {
				continue;
			}
			switch (field.type().storage()) {
				case NUMBER -> columns.add(new PushedColumn(field.name(), doubleType()));
				case TIME -> {
					if (times == SourceTable.TimeStorage.NATIVE) {
						columns.add(new PushedColumn(field.name(), field.type() == FieldType.DATE ? "DATE" : timestampType()));
					} else {
						columns.add(new PushedColumn(field.name(), "BIGINT"));
						columns.add(new PushedColumn(SourceTable.localDateColumn(field.name()), "DATE"));
					}
				}
				case CODE -> columns.add(new PushedColumn(field.name(), textType()));
				case FLAG -> columns.add(new PushedColumn(field.name(), "BOOLEAN"));
				case ROW -> {
					Table target = referenced.get(field.referencedSource());
					FieldSpec key = target.spec().key().orElseThrow();
					columns.add(new PushedColumn(field.name(),
							key.type().storage() == Storage.NUMBER ? doubleType() : textType()));
				}
			}
		}
		return columns;
	}

	protected abstract String doubleType();

	protected abstract String textType();

	/** A point in time with its time zone. */
	protected abstract String timestampType();

	/** One row's cells, in the order of {@link #pushedColumns}; null for a null value. */
	protected static Object[] cells(Table table, int row, ZoneId zone, Map<String, Table> referenced,
			Map<String, Object> columnCache, SourceTable.TimeStorage times) {
		List<Object> cells = new ArrayList<>();
		for (FieldSpec field : table.spec().fields()) {
			if (!table.has(field.name())) {
				continue;
			}
			switch (field.type().storage()) {
				case NUMBER -> {
					double value = table.numbers(field.name())[row];
					cells.add(Double.isNaN(value) ? null : value);
				}
				case TIME -> {
					long value = table.times(field.name())[row];
					if (times == SourceTable.TimeStorage.NATIVE) {
						cells.add(value == Long.MIN_VALUE ? null : field.type() == FieldType.DATE
								? Instant.ofEpochMilli(value).atZone(zone).toLocalDate()
								: Instant.ofEpochMilli(value).atOffset(java.time.ZoneOffset.UTC));
					} else if (value == Long.MIN_VALUE) {
						cells.add(null);
						cells.add(null);
					} else {
						cells.add(value);
						cells.add(Instant.ofEpochMilli(value).atZone(zone).toLocalDate());
					}
				}
				case CODE -> {
					int code = table.codes(field.name())[row];
					cells.add(code < 0 ? null : dictionary(table, field, columnCache).value(code));
				}
				case FLAG -> {
					byte flag = table.flags(field.name())[row];
					cells.add(flag < 0 ? null : flag == 1);
				}
				case ROW -> {
					int target = table.rowRefs(field.name())[row];
					cells.add(target < 0 ? null : keyOf(referenced.get(field.referencedSource()), target, columnCache));
				}
			}
		}
		return cells.toArray();
	}

	private static Dictionary dictionary(Table table, FieldSpec field, Map<String, Object> cache) {
		return (Dictionary) cache.computeIfAbsent(table.name() + "." + field.name(), k -> table.dictionary(field.name()));
	}

	/** The key value of a referenced row. */
	private static Object keyOf(Table target, int row, Map<String, Object> cache) {
		FieldSpec key = target.spec().key().orElseThrow();
		return switch (key.type().storage()) {
			case NUMBER -> target.numbers(key.name())[row];
			case CODE -> dictionary(target, key, cache).value(target.codes(key.name())[row]);
			default -> throw new IllegalStateException("a key of kind " + key.type().keyword() + " cannot be referenced");
		};
	}

	protected static Map<String, Object> cache() {
		return new LinkedHashMap<>();
	}

	protected static LocalDate date(Object cell) {
		return (LocalDate) cell;
	}
}
