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

	/** Writes one field's cells of a row (two for a point in time held as millis), from columns found once. */
	@FunctionalInterface
	private interface FieldCells {
		/** @return the index of the next cell */
		int write(int row, Object[] cells, int at);
	}

	private final Table table;
	private final List<Column> columns = new ArrayList<>();
	// Each field's column, dictionary and referenced key are looked up once here, not once per cell: a push
	// of a million rows otherwise spends most of its time finding them again.
	private final List<FieldCells> fields = new ArrayList<>();

	/**
	 * @param referenced the loaded tables that {@code table}'s references point at, by source name
	 */
	public PushedRows(Table table, ZoneId zone, Map<String, Table> referenced, SourceTable.TimeStorage times) {
		this.table = table;
		for (FieldSpec field : table.spec().fields()) {
			if (!table.has(field.name())) {
				continue;
			}
			String name = field.name();
			switch (field.type().storage()) {
				case NUMBER -> {
					columns.add(new Column(name, Kind.DOUBLE));
					double[] values = table.numbers(name);
					fields.add((row, cells, at) -> {
						cells[at] = Double.isNaN(values[row]) ? null : values[row];
						return at + 1;
					});
				}
				case TIME -> {
					long[] values = table.times(name);
					if (times == SourceTable.TimeStorage.NATIVE) {
						boolean date = field.type() == FieldType.DATE;
						columns.add(new Column(name, date ? Kind.DATE : Kind.INSTANT));
						fields.add((row, cells, at) -> {
							long value = values[row];
							cells[at] = value == Long.MIN_VALUE ? null
									: date ? Instant.ofEpochMilli(value).atZone(zone).toLocalDate() : Instant.ofEpochMilli(value);
							return at + 1;
						});
					} else {
						columns.add(new Column(name, Kind.MILLIS));
						columns.add(new Column(SourceTable.localDateColumn(name), Kind.DATE));
						fields.add((row, cells, at) -> {
							long value = values[row];
							if (value != Long.MIN_VALUE) {
								cells[at] = value;
								cells[at + 1] = Instant.ofEpochMilli(value).atZone(zone).toLocalDate();
							}
							return at + 2;
						});
					}
				}
				case CODE -> {
					columns.add(new Column(name, Kind.TEXT));
					int[] codes = table.codes(name);
					Dictionary dictionary = table.dictionary(name);
					fields.add((row, cells, at) -> {
						cells[at] = codes[row] < 0 ? null : dictionary.value(codes[row]);
						return at + 1;
					});
				}
				case FLAG -> {
					columns.add(new Column(name, Kind.BOOLEAN));
					byte[] flags = table.flags(name);
					fields.add((row, cells, at) -> {
						cells[at] = flags[row] < 0 ? null : flags[row] == 1;
						return at + 1;
					});
				}
				case ROW -> {
					Table target = referenced.get(field.referencedSource());
					FieldSpec key = target.spec().key().orElseThrow();
					int[] targets = table.rowRefs(name);
					FieldCells cellsOfKey = keyCells(target, key, targets);
					columns.add(new Column(name, key.type().storage() == Storage.NUMBER ? Kind.DOUBLE : Kind.TEXT));
					fields.add(cellsOfKey);
				}
			}
		}
	}

	/** The key value of the referenced row, or null for a reference to no row. */
	private static FieldCells keyCells(Table target, FieldSpec key, int[] targets) {
		return switch (key.type().storage()) {
			case NUMBER -> {
				double[] keys = target.numbers(key.name());
				yield (row, cells, at) -> {
					cells[at] = targets[row] < 0 ? null : keys[targets[row]];
					return at + 1;
				};
			}
			case CODE -> {
				int[] codes = target.codes(key.name());
				Dictionary dictionary = target.dictionary(key.name());
				yield (row, cells, at) -> {
					cells[at] = targets[row] < 0 ? null : dictionary.value(codes[targets[row]]);
					return at + 1;
				};
			}
			default -> throw new IllegalStateException("a key of kind " + key.type().keyword() + " cannot be referenced");
		};
	}

	public int rows() {
		return table.rows();
	}

	/** The columns, in the order {@link #cells} writes them. */
	public List<Column> columns() {
		return List.copyOf(columns);
	}

	/**
	 * One row's cells, in the order of {@link #columns}, null for a null value: {@link Double},
	 * {@link String}, {@link Boolean}, {@link Long} (millis), {@link java.time.LocalDate}, {@link Instant}.
	 */
	public Object[] cells(int row) {
		Object[] cells = new Object[columns.size()];
		int at = 0;
		for (FieldCells field : fields) {
			at = field.write(row, cells, at);
		}
		return cells;
	}
}
