package io.yardstick.engines;

import java.sql.SQLException;

/**
 * One row of a query's result, read by column name: the little a run needs, so that an engine without
 * JDBC (Spark's Dataset rows) serves as well as a JDBC result set. A getter of a null value returns 0,
 * false or null, and {@link #wasNull} then says so, as in JDBC.
 */
public interface EngineRow {
	int getInt(String column) throws SQLException;

	long getLong(String column) throws SQLException;

	double getDouble(String column) throws SQLException;

	String getString(String column) throws SQLException;

	boolean getBoolean(String column) throws SQLException;

	/** Whether the value last read was null. */
	boolean wasNull() throws SQLException;

	/** The columns of a row whose names begin with {@code prefix}, by the rest of their names. */
	static EngineRow prefixed(EngineRow row, String prefix) {
		return new EngineRow() {
			@Override
			public int getInt(String column) throws SQLException {
				return row.getInt(prefix + column);
			}

			@Override
			public long getLong(String column) throws SQLException {
				return row.getLong(prefix + column);
			}

			@Override
			public double getDouble(String column) throws SQLException {
				return row.getDouble(prefix + column);
			}

			@Override
			public String getString(String column) throws SQLException {
				return row.getString(prefix + column);
			}

			@Override
			public boolean getBoolean(String column) throws SQLException {
				return row.getBoolean(prefix + column);
			}

			@Override
			public boolean wasNull() throws SQLException {
				return row.wasNull();
			}
		};
	}

	/** A JDBC result set's current row. */
	static EngineRow of(java.sql.ResultSet rows) {
		return new EngineRow() {
			@Override
			public int getInt(String column) throws SQLException {
				return rows.getInt(column);
			}

			@Override
			public long getLong(String column) throws SQLException {
				return rows.getLong(column);
			}

			@Override
			public double getDouble(String column) throws SQLException {
				return rows.getDouble(column);
			}

			@Override
			public String getString(String column) throws SQLException {
				return rows.getString(column);
			}

			@Override
			public boolean getBoolean(String column) throws SQLException {
				return rows.getBoolean(column);
			}

			@Override
			public boolean wasNull() throws SQLException {
				return rows.wasNull();
			}
		};
	}
}
