package io.yardstick.engines;

import java.sql.SQLException;

/**
 * A result row whose values are Java objects, looked up by column name: numbers convert as JDBC's getters
 * convert them, and a null reads as 0, false or null while {@link #wasNull} says so. Rows a run has kept
 * ({@link FetchedRows}) and Spark's rows read alike through it.
 */
public abstract class ObjectRow implements EngineRow {
	private boolean wasNull;

	/**
	 * The value of a column in the current row, null for a null.
	 *
	 * @throws SQLException when the result has no such column
	 */
	protected abstract Object valueOf(String column) throws SQLException;

	/** The value of a column, remembered as null or not for {@link #wasNull}. */
	protected final Object value(String column) throws SQLException {
		Object value = valueOf(column);
		wasNull = value == null;
		return value;
	}

	protected final Number number(String column) throws SQLException {
		Object value = value(column);
		if (value == null) {
			return 0;
		}
		if (value instanceof Number number) {
			return number;
		}
		throw new SQLException("column " + column + " holds " + value.getClass().getSimpleName() + ", not a number");
	}

	@Override
	public int getInt(String column) throws SQLException {
		return number(column).intValue();
	}

	@Override
	public long getLong(String column) throws SQLException {
		return number(column).longValue();
	}

	@Override
	public double getDouble(String column) throws SQLException {
		return number(column).doubleValue();
	}

	@Override
	public String getString(String column) throws SQLException {
		Object value = value(column);
		return value == null ? null : value.toString();
	}

	@Override
	public boolean getBoolean(String column) throws SQLException {
		Object value = value(column);
		if (value == null) {
			return false;
		}
		if (value instanceof Boolean flag) {
			return flag;
		}
		throw new SQLException("column " + column + " holds " + value.getClass().getSimpleName() + ", not a boolean");
	}

	@Override
	public boolean wasNull() {
		return wasNull;
	}
}
