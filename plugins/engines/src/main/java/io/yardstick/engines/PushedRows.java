package io.yardstick.engines;

import io.yardstick.dsl.generator.sql.SourceTable;
import io.yardstick.runtime.data.Dictionary;
import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.FieldType.Storage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a loaded table as an engine receives them, the same for every engine: a field's values as the
 * loader holds them (a point in time as epoch milliseconds beside its local date, or as the engine's own
 * instant or date type; text and enums as text; a reference as the key it names).
 */
public final class PushedRows {

	/** The kind of value a pushed column holds; each engine names its own type for it. */
	public enum Kind {
		DOUBLE, TEXT, BOOLEAN,
		/** Epoch milliseconds. */
		MILLIS,
		/** A calendar date ({@link java.time.LocalDate}). */
		DATE,
		/** A point in time ({@link Instant}). */
		INSTANT
	}

	public record Column(String name, Kind kind) {
	}

	private final Table table;
	private final ZoneId zone;
	private final Map<String, Table> referenced;
	private final SourceTable.TimeStorage times;
	private final Map<String, Dictionary> dictionaries = new HashMap<>();

	/**
	 * @param referenced the loaded tables that {@code table}'s references point at, by source name
	 */
	public PushedRows(Table table, ZoneId zone, Map<String, Table> referenced, SourceTable.TimeStorage times) {
		this.table = table;
		this.zone = zone;
		this.referenced = referenced;
		this.times = times;
	}

	public int rows() {
		return table.rows();
	}

	/** The columns, in the order {@link #cells} writes them. */
	public List<Column> columns() {
		List<Column> columns = new ArrayList<>();
		for (FieldSpec field : table.spec().fields()) {
			if (!table.has(field.name())) {
				continue;
			}
			switch (field.type().storage()) {
				case NUMBER -> columns.add(new Column(field.name(), Kind.DOUBLE));
				case TIME -> {
					if (times == SourceTable.TimeStorage.NATIVE) {
						columns.add(new Column(field.name(), field.type() == FieldType.DATE ? Kind.DATE : Kind.INSTANT));
					} else {
						columns.add(new Column(field.name(), Kind.MILLIS));
						columns.add(new Column(SourceTable.localDateColumn(field.name()), Kind.DATE));
					}
				}
				case CODE -> columns.add(new Column(field.name(), Kind.TEXT));
				case FLAG -> columns.add(new Column(field.name(), Kind.BOOLEAN));
				case ROW -> {
					FieldSpec key = referenced.get(field.referencedSource()).spec().key().orElseThrow();
					columns.add(new Column(field.name(), key.type().storage() == Storage.NUMBER ? Kind.DOUBLE : Kind.TEXT));
				}
			}
		}
		return columns;
	}

	/**
	 * One row's cells, in the order of {@link #columns}, null for a null value: {@link Double},
	 * {@link String}, {@link Boolean}, {@link Long} (millis), {@link java.time.LocalDate}, {@link Instant}.
	 */
	public Object[] cells(int row) {
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
								: Instant.ofEpochMilli(value));
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
					cells.add(code < 0 ? null : dictionary(table, field).value(code));
				}
				case FLAG -> {
					byte flag = table.flags(field.name())[row];
					cells.add(flag < 0 ? null : flag == 1);
				}
				case ROW -> {
					int target = table.rowRefs(field.name())[row];
					cells.add(target < 0 ? null : keyOf(referenced.get(field.referencedSource()), target));
				}
			}
		}
		return cells.toArray();
	}

	private Dictionary dictionary(Table of, FieldSpec field) {
		return dictionaries.computeIfAbsent(of.name() + "." + field.name(), k -> of.dictionary(field.name()));
	}

	/** The key value of a referenced row. */
	private Object keyOf(Table target, int row) {
		FieldSpec key = target.spec().key().orElseThrow();
		return switch (key.type().storage()) {
			case NUMBER -> target.numbers(key.name())[row];
			case CODE -> dictionary(target, key).value(target.codes(key.name())[row]);
			default -> throw new IllegalStateException("a key of kind " + key.type().keyword() + " cannot be referenced");
		};
	}
}
