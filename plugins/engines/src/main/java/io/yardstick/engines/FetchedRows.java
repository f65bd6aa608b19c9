package io.yardstick.engines;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A query's rows read to the end and kept, so that queries run side by side on other threads hand their rows to
 * readers on the caller's thread afterwards. Each value is kept as the driver gives it and as its text, and read
 * back as JDBC would have read it: a null reads as 0, false or null, and {@link EngineRow#wasNull} says so.
 */
final class FetchedRows {
	private final Map<String, Integer> columns = new HashMap<>();
	private final List<Object[]> values = new ArrayList<>();
	private final List<String[]> texts = new ArrayList<>();
	/** What the driver's {@code getDouble} gives for a null of each column (DuckDB's: NaN), 0 until one is seen. */
	private final double[] nullDoubles;

	FetchedRows(ResultSet rows) throws SQLException {
		ResultSetMetaData metadata = rows.getMetaData();
		int count = metadata.getColumnCount();
		nullDoubles = new double[count];
		boolean[] nullSeen = new boolean[count];
		for (int c = count; c >= 1; c--) {
			columns.put(metadata.getColumnLabel(c), c - 1); // the first of two equal labels wins, as in JDBC
		}
		while (rows.next()) {
			Object[] row = new Object[count];
			String[] text = new String[count];
			for (int c = 0; c < count; c++) {
				row[c] = rows.getObject(c + 1);
				text[c] = row[c] == null ? null : rows.getString(c + 1);
				if (row[c] == null && !nullSeen[c]) {
					nullSeen[c] = true;
					try {
						nullDoubles[c] = rows.getDouble(c + 1);
					} catch (SQLException e) {
						// a column no number is read from
					}
				}
			}
			values.add(row);
			texts.add(text);
		}
	}

	int size() {
		return values.size();
	}

	/** Hands every row to the reader, in the order the engine returned them. */
	void replay(Engine.RowReader reader) throws SQLException {
		Cursor cursor = new Cursor();
		for (cursor.row = 0; cursor.row < values.size(); cursor.row++) {
			reader.row(cursor);
		}
	}

	private final class Cursor extends ObjectRow {
		int row;

		@Override
		protected Object valueOf(String column) throws SQLException {
			Integer at = columns.get(column);
			if (at == null) {
				throw new SQLException("no column " + column + " in the result");
			}
			return values.get(row)[at];
		}

		@Override
		public double getDouble(String column) throws SQLException {
			double value = number(column).doubleValue();
			return wasNull() ? nullDoubles[columns.get(column)] : value;
		}

		@Override
		public String getString(String column) throws SQLException {
			value(column);
			return texts.get(row)[columns.get(column)];
		}
	}
}
