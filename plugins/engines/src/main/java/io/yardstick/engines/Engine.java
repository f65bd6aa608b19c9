package io.yardstick.engines;

import io.yardstick.dsl.generator.sql.SourceTable;
import io.yardstick.dsl.generator.sql.SqlDialect;
import io.yardstick.runtime.data.Table;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;

/**
 * An SQL engine that runs a template's aggregates: it takes rows (a bound table of its own, or rows that
 * Yardstick's loader read from files), runs queries and returns their rows. One engine serves one run.
 */
public interface Engine extends AutoCloseable {

	SqlDialect dialect();

	/** A description for messages, without credentials: {@code DuckDB 1.4 (in memory)}. */
	String describe();

	/** Sets the session to the template's time zone; every calendar computation happens in it. */
	void prepare(ZoneId zone) throws SQLException;

	/**
	 * Puts rows that Yardstick's loader read into the engine, as a table (temporary where the engine has
	 * them) named after the source, and says how it holds them.
	 *
	 * @param referenced the loaded tables that {@code table}'s references point at, by source name
	 * @param times how to hold points in time: {@link SourceTable.TimeStorage#MILLIS} for a run (the
	 *     loader's own instants and local dates), {@link SourceTable.TimeStorage#NATIVE} to stand in for a
	 *     warehouse's table
	 */
	SourceTable push(Table table, ZoneId zone, java.util.Map<String, Table> referenced, SourceTable.TimeStorage times)
			throws SQLException;

	/** The column names of a table of the engine's own, or an empty list when there is no such table. */
	List<String> columns(List<String> table) throws SQLException;

	/**
	 * The columns of a table of the engine's own that hold timestamps without a time zone (local times), which
	 * the engine may read otherwise than Yardstick in the hour a daylight-saving switch repeats.
	 */
	java.util.Set<String> localTimestampColumns(List<String> table) throws SQLException;

	/** A table's column names in order, and those that hold local timestamps ({@link #localTimestampColumns}). */
	record TableColumns(List<String> names, java.util.Set<String> localTimestamps) {
	}

	/** {@link #columns} and {@link #localTimestampColumns} of a table at once; an engine may ask its catalog once. */
	default TableColumns describe(List<String> table) throws SQLException {
		return new TableColumns(columns(table), localTimestampColumns(table));
	}

	/**
	 * {@link #describe} of several tables, by the names asked for; an engine may ask its catalog once for all of
	 * them, which a run pays before its first query.
	 */
	default java.util.Map<List<String>, TableColumns> describeAll(List<List<String>> tables) throws SQLException {
		java.util.Map<List<String>, TableColumns> described = new java.util.LinkedHashMap<>();
		for (List<String> table : tables) {
			described.put(table, describe(table));
		}
		return described;
	}

	/** Runs a statement that returns no rows. */
	void execute(String sql) throws SQLException;

	/** Runs a query and hands each row to the reader. */
	void query(String sql, RowReader reader) throws SQLException;

	/**
	 * Runs queries that do not depend on one another, and hands each one's rows to its reader: the readers are
	 * called one query after the other, in the order given, whatever order the engine ran them in. An engine
	 * that can run them side by side (DuckDB, on connections to the same database) does; by default they run
	 * one after the other.
	 */
	default void queryAll(List<Query> queries) throws SQLException {
		for (Query query : queries) {
			query(query.sql(), query.reader());
		}
	}

	/** A query and the reader of its rows. */
	record Query(String sql, RowReader reader) {
	}

	@FunctionalInterface
	interface RowReader {
		void row(EngineRow row) throws SQLException;
	}

	@Override
	void close() throws SQLException;
}
