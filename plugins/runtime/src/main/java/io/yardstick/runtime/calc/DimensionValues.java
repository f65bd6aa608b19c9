package io.yardstick.runtime.calc;

import io.yardstick.runtime.data.Dataset;
import io.yardstick.runtime.data.Dictionary;
import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.spec.DimensionSpec;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.FieldType.Storage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The values of one dimension across every source that maps it, as one list: "华东" read from tickets and
 * "华东" read from customers through a reference get the same code. Values are in the enum's declared order
 * when the dimension is an enum, else sorted; null, when some row has none, comes last.
 */
final class DimensionValues {
	final String name;
	final List<String> values;
	/** Per source, each row's code into {@link #values}. */
	final Map<String, int[]> rowCodes;

	private DimensionValues(String name, List<String> values, Map<String, int[]> rowCodes) {
		this.name = name;
		this.values = values;
		this.rowCodes = rowCodes;
	}

	/** Values listed by an engine that did the row work: no rows to code. */
	static DimensionValues listed(String name, List<String> values) {
		return new DimensionValues(name, java.util.Collections.unmodifiableList(new ArrayList<>(values)), Map.of());
	}

	int size() {
		return values.size();
	}

	static DimensionValues of(DimensionSpec dimension, Dataset data, ZoneId zone) {
		// Per source: each row's code in the final field's own value list, and that list's labels. Rows are
		// mapped to the merged list through the codes, never through a String per row.
		Map<String, int[]> sourceCodes = new LinkedHashMap<>();
		Map<String, String[]> sourceLabels = new LinkedHashMap<>();
		List<String> enumOrder = null;
		boolean allEnums = true;
		TreeSet<String> sorted = new TreeSet<>();
		boolean hasNull = false;
		for (Map.Entry<String, List<String>> mapping : dimension.paths().entrySet()) {
			if (!data.has(mapping.getKey())) {
				continue;
			}
			Table table = data.table(mapping.getKey());
			int[] rows = null; // identity
			List<String> path = mapping.getValue();
			for (int step = 0; step < path.size() - 1; step++) {
				int[] references = table.rowRefs(path.get(step));
				int[] next = new int[rows == null ? table.rows() : rows.length];
				for (int row = 0; row < next.length; row++) {
					int at = rows == null ? row : rows[row];
					next[row] = at < 0 ? -1 : references[at];
				}
				rows = next;
				table = data.table(table.field(path.get(step)).referencedSource());
			}
			FieldSpec field = table.field(path.get(path.size() - 1));
			Distinct distinct = distinct(data, table, field, zone);
			int count = rows == null ? table.rows() : rows.length;
			// read only: the field's own codes when the dimension is a field of the source itself
			int[] codes = rows == null ? distinct.codes : new int[count];
			for (int row = 0; row < count; row++) {
				if (rows != null) {
					codes[row] = rows[row] < 0 ? -1 : distinct.codes[rows[row]];
				}
				hasNull |= codes[row] < 0;
			}
			sourceCodes.put(mapping.getKey(), codes);
			sourceLabels.put(mapping.getKey(), distinct.labels);
			for (String label : distinct.labels) {
				if (label != null) {
					sorted.add(label);
				}
			}
			if (field.enumValues().isEmpty()) {
				allEnums = false;
			} else {
				enumOrder = field.enumValues();
			}
		}
		List<String> values = new ArrayList<>(DimensionOrder.of(allEnums ? enumOrder : null, sorted, hasNull));
		Map<String, Integer> codeOf = new HashMap<>();
		for (int i = 0; i < values.size(); i++) {
			codeOf.put(values.get(i), i);
		}
		int nullCode = values.size() - 1;
		Map<String, int[]> rowCodes = new LinkedHashMap<>();
		sourceCodes.forEach((source, codes) -> {
			String[] labels = sourceLabels.get(source);
			int[] merged = new int[labels.length];
			for (int code = 0; code < labels.length; code++) {
				merged[code] = codeOf.get(labels[code]);
			}
			int[] mapped = new int[codes.length];
			for (int row = 0; row < codes.length; row++) {
				int code = codes[row];
				mapped[row] = code < 0 ? nullCode : merged[code];
			}
			rowCodes.put(source, mapped);
		});
		return new DimensionValues(dimension.name(), java.util.Collections.unmodifiableList(values), rowCodes);
	}

	private record Distinct(String[] labels, int[] codes) {
	}

	/** The field's values as codes with a label per code. */
	private static Distinct distinct(Dataset data, Table table, FieldSpec field, ZoneId zone) {
		switch (field.type().storage()) {
			case CODE:
				return new Distinct(table.dictionary(field.name()).values().toArray(String[]::new),
						table.codes(field.name()));
			case FLAG:
				byte[] flags = table.flags(field.name());
				int[] flagCodes = new int[flags.length];
				for (int i = 0; i < flags.length; i++) {
					flagCodes[i] = flags[i];
				}
				return new Distinct(new String[] { "false", "true" }, flagCodes);
			default:
				return labelledRowByRow(data, table, field, zone);
		}
	}

	/** Dates, numbers and references as dimensions: rare, so labelled row by row. */
	private static Distinct labelledRowByRow(Dataset data, Table table, FieldSpec field, ZoneId zone) {
		Dictionary keys = null;
		if (field.type().storage() == Storage.ROW) {
			Table target = data.table(field.referencedSource());
			keys = target.spec().key().filter(key -> key.type().storage() == Storage.CODE)
					.map(key -> target.dictionary(key.name())).orElse(null);
		}
		Storage storage = field.type().storage();
		long[] times = storage == Storage.TIME ? table.times(field.name()) : null;
		double[] numbers = storage == Storage.NUMBER ? table.numbers(field.name()) : null;
		int[] references = storage == Storage.ROW ? table.rowRefs(field.name()) : null;
		Map<String, Integer> codes = new LinkedHashMap<>();
		int[] rowCodes = new int[table.rows()];
		for (int row = 0; row < table.rows(); row++) {
			String label = switch (storage) {
				case TIME -> {
					long t = times[row];
					yield t == Ops.NO_TIME ? null : Instant.ofEpochMilli(t).atZone(zone).toLocalDate().toString();
				}
				case NUMBER -> {
					double v = numbers[row];
					yield Double.isNaN(v) ? null : (v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
				}
				default -> {
					int target = references[row];
					yield target < 0 ? null : keys != null ? keys.value(target) : "#" + (target + 1);
				}
			};
			rowCodes[row] = label == null ? -1 : codes.computeIfAbsent(label, key -> codes.size());
		}
		return new Distinct(codes.keySet().toArray(String[]::new), rowCodes);
	}
}
