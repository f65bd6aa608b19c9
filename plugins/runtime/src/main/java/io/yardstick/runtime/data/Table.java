package io.yardstick.runtime.data;

import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.FieldType.Storage;
import io.yardstick.runtime.spec.SourceSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The rows of one source, held column by column in primitive arrays (see {@link Storage} for the null
 * sentinel of each). Generated calculators read the arrays directly.
 */
public final class Table {
	private final SourceSpec spec;
	private final int rows;
	private final Map<String, Object> columns;
	private final Map<String, Dictionary> dictionaries;

	/**
	 * @param columns per field name a {@code double[]}, {@code long[]}, {@code int[]} or {@code byte[]} of
	 *     length {@code rows}, as the field's storage says; a key that nothing needs, and a text that nothing
	 *     reads, may be absent
	 * @param dictionaries per text field its dictionary
	 */
	public Table(SourceSpec spec, int rows, Map<String, Object> columns, Map<String, Dictionary> dictionaries) {
		this.spec = spec;
		this.rows = rows;
		this.columns = new HashMap<>(columns);
		this.dictionaries = new HashMap<>(dictionaries);
	}

	public SourceSpec spec() {
		return spec;
	}

	public String name() {
		return spec.name();
	}

	public int rows() {
		return rows;
	}

	public boolean has(String field) {
		return columns.containsKey(field);
	}

	public double[] numbers(String field) {
		return (double[]) column(field, Storage.NUMBER);
	}

	public long[] times(String field) {
		return (long[]) column(field, Storage.TIME);
	}

	public int[] codes(String field) {
		return (int[]) column(field, Storage.CODE);
	}

	public byte[] flags(String field) {
		return (byte[]) column(field, Storage.FLAG);
	}

	/** Row indexes into the referenced source. */
	public int[] rowRefs(String field) {
		return (int[]) column(field, Storage.ROW);
	}

	/** The dictionary of a text field; for an enum, its declared values. */
	public Dictionary dictionary(String field) {
		FieldSpec spec = field(field);
		if (!spec.enumValues().isEmpty()) {
			return dictionaries.computeIfAbsent(field, name -> Dictionary.of(spec.enumValues()));
		}
		Dictionary dictionary = dictionaries.get(field);
		if (dictionary == null) {
			throw new NoSuchElementException(this.spec.name() + "." + field + " has no dictionary");
		}
		return dictionary;
	}

	public FieldSpec field(String field) {
		return spec.field(field)
				.orElseThrow(() -> new NoSuchElementException(spec.name() + " has no field " + field));
	}

	private Object column(String field, Storage expected) {
		FieldSpec fieldSpec = field(field);
		if (fieldSpec.type().storage() != expected) {
			throw new IllegalArgumentException(spec.name() + "." + field + " is stored as "
					+ fieldSpec.type().storage() + ", not " + expected);
		}
		Object column = columns.get(field);
		if (column == null) {
			throw new NoSuchElementException(spec.name() + "." + field + " was not loaded");
		}
		return column;
	}
}
