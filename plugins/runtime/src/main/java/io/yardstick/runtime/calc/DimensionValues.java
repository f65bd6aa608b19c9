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

	int size() {
		return values.size();
	}

	static DimensionValues of(DimensionSpec dimension, Dataset data, ZoneId zone) {
		Map<String, String[]> rowLabels = new LinkedHashMap<>();
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
				int[] next = new int[references.length == 0 && rows == null ? 0 : (rows == null ? table.rows() : rows.length)];
				for (int row = 0; row < next.length; row++) {
					int at = rows == null ? row : rows[row];
					next[row] = at < 0 ? -1 : references[at];
				}
				rows = next;
				table = data.table(table.field(path.get(step)).referencedSource());
			}
			FieldSpec field = table.field(path.get(path.size() - 1));
			Distinct distinct = distinct(data, table, field, zone);
			String[] labelOfCode = distinct.labels;
			int[] codes = distinct.codes;
			int count = rows == null ? table.rows() : rows.length;
			String[] labels = new String[count];
			for (int row = 0; row < count; row++) {
				int at = rows == null ? row : rows[row];
				int code = at < 0 ? -1 : codes[at];
				labels[row] = code < 0 ? null : labelOfCode[code];
				hasNull |= labels[row] == null;
			}
			rowLabels.put(mapping.getKey(), labels);
			for (String label : labelOfCode) {
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
		List<String> values = new ArrayList<>(allEnums && enumOrder != null ? enumOrder : new ArrayList<>(sorted));
		if (hasNull) {
			values.add(null);
		}
		Map<String, Integer> codeOf = new HashMap<>();
		for (int i = 0; i < values.size(); i++) {
			codeOf.put(values.get(i), i);
		}
		Map<String, int[]> rowCodes = new LinkedHashMap<>();
		rowLabels.forEach((source, labels) -> {
			int[] codes = new int[labels.length];
			String previous = null;
			int previousCode = -1;
			for (int row = 0; row < labels.length; row++) {
				String label = labels[row];
				// Rows often repeat the previous row's value: skip the hash lookup then.
				if (row > 0 && label == previous) {
					codes[row] = previousCode;
					continue;
				}
				previous = label;
				previousCode = codeOf.get(label);
				codes[row] = previousCode;
			}
			rowCodes.put(source, codes);
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
		Map<String, Integer> codes = new LinkedHashMap<>();
		int[] rowCodes = new int[table.rows()];
		for (int row = 0; row < table.rows(); row++) {
			String label = switch (field.type().storage()) {
				case TIME -> {
					long t = table.times(field.name())[row];
					yield t == Ops.NO_TIME ? null : Instant.ofEpochMilli(t).atZone(zone).toLocalDate().toString();
				}
				case NUMBER -> {
					double v = table.numbers(field.name())[row];
					yield Double.isNaN(v) ? null : (v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
				}
				default -> {
					int target = table.rowRefs(field.name())[row];
					yield target < 0 ? null : keys != null ? keys.value(target) : "#" + (target + 1);
				}
			};
			rowCodes[row] = label == null ? -1 : codes.computeIfAbsent(label, key -> codes.size());
		}
		return new Distinct(codes.keySet().toArray(String[]::new), rowCodes);
	}
}
