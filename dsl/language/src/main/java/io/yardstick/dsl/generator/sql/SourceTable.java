package io.yardstick.dsl.generator.sql;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a source's rows are in the engine, and how its columns hold values.
 *
 * @param name the table or view, qualified as the engine needs ({@code [schema, table]})
 * @param columns per field of the source, its column (a field absent here is read under its own name)
 * @param times how points in time are held
 * @param localTimestamps the {@link TimeStorage#NATIVE} columns that hold timestamps without a time zone: local
 *     times of the template's zone, read by Yardstick's rule for the hour a daylight-saving switch repeats (the
 *     earlier of the two instants), which is not every engine's own
 */
public record SourceTable(List<String> name, Map<String, String> columns, TimeStorage times,
		Set<String> localTimestamps) {

	public enum TimeStorage {
		/**
		 * As the engine's own types: timestamps with time zone (or local timestamps, read in the session's
		 * zone, which is the template's) and dates.
		 */
		NATIVE,
		/**
		 * As Yardstick's loader holds them: epoch milliseconds in a BIGINT column, with the calendar date in
		 * the template's zone beside it in a DATE column named {@link #localDateColumn}. Bucketing then needs
		 * no time-zone arithmetic in the engine at all.
		 */
		MILLIS
	}

	public SourceTable {
		name = List.copyOf(name);
		columns = Map.copyOf(columns);
		localTimestamps = Set.copyOf(localTimestamps);
	}

	public SourceTable(List<String> name, Map<String, String> columns, TimeStorage times) {
		this(name, columns, times, Set.of());
	}

	public String column(String field) {
		return columns.getOrDefault(field, field);
	}

	/** The column beside a {@link TimeStorage#MILLIS} time column that holds its local date. */
	public static String localDateColumn(String column) {
		return column + "__date";
	}
}
