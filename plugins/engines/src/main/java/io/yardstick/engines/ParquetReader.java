package io.yardstick.engines;

import io.yardstick.runtime.load.LoadTexts;
import io.yardstick.runtime.load.TableFileReader;
import io.yardstick.runtime.text.Texts;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parquet files, read by DuckDB (already here for the engine), so the runtime library needs no Parquet
 * library: the loader finds this reader as a {@link TableFileReader} service when the engines are on the class
 * path (the command line, the IDE). Rows come in file order, numbered from 1.
 *
 * <p>Types: integers and decimals are numbers as stored (a DECIMAL exactly), FLOAT and DOUBLE their shortest
 * decimal, BOOLEAN a bool, DATE a date, a TIMESTAMP that is not adjusted to UTC a local time (read in the
 * template's zone), a TIMESTAMP adjusted to UTC (DuckDB's TIMESTAMP WITH TIME ZONE) an instant; strings, and
 * every other type as DuckDB writes it as text, go through the source's format like a CSV cell.
 */
public final class ParquetReader implements TableFileReader {

	@Override
	public List<String> extensions() {
		return List.of(".parquet");
	}

	@Override
	public void read(Path file, String part, Sink sink) throws IOException {
		Texts texts = LoadTexts.of(sink.language());
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT * FROM read_parquet('"
						+ file.toAbsolutePath().toString().replace("'", "''") + "')")) {
			ResultSetMetaData meta = rows.getMetaData();
			int count = meta.getColumnCount();
			List<String> columns = new ArrayList<>();
			String[] types = new String[count];
			for (int c = 0; c < count; c++) {
				columns.add(meta.getColumnLabel(c + 1));
				types[c] = meta.getColumnTypeName(c + 1).toUpperCase(Locale.ROOT);
			}
			sink.header(0, columns, places(columns, types, texts));
			long row = 0;
			while (rows.next()) {
				List<Object> values = new ArrayList<>(count);
				for (int c = 0; c < count; c++) {
					values.add(value(rows, c + 1, types[c]));
				}
				sink.row(++row, values);
			}
		} catch (SQLException e) {
			throw new IllegalArgumentException(texts.get("parquet.unreadable", file, firstLine(e.getMessage())), e);
		}
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int end = message.indexOf('\n');
		return end < 0 ? message : message.substring(0, end);
	}

	private static Object value(ResultSet rows, int column, String type) throws SQLException {
		if (rows.getObject(column) == null) {
			return null;
		}
		if (type.startsWith("TIMESTAMP WITH TIME ZONE") || type.equals("TIMESTAMPTZ")) {
			return rows.getObject(column, OffsetDateTime.class).toInstant();
		}
		if (type.startsWith("TIMESTAMP")) {
			return rows.getObject(column, LocalDateTime.class);
		}
		if (type.equals("DATE")) {
			return rows.getObject(column, LocalDate.class);
		}
		if (type.startsWith("DECIMAL")) {
			return rows.getBigDecimal(column);
		}
		if (type.equals("FLOAT")) {
			return new BigDecimal(Float.toString(rows.getFloat(column)));
		}
		if (type.equals("DOUBLE")) {
			return rows.getDouble(column);
		}
		if (type.equals("BOOLEAN")) {
			return rows.getBoolean(column);
		}
		if (type.endsWith("INT") || type.equals("INTEGER")) {
			return new BigDecimal(rows.getString(column));
		}
		return rows.getString(column);
	}

	private static Places places(List<String> columns, String[] types, Texts texts) {
		return new Places() {
			@Override
			public String cell(long row, int column) {
				return texts.get("parquet.cell", row, columns.get(column), types[column]);
			}

			@Override
			public String row(long row) {
				return texts.get("parquet.row", row);
			}

			@Override
			public String header() {
				return texts.get("parquet.schema");
			}
		};
	}
}
