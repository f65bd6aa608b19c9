package io.yardstick.runtime.load;

import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.FieldType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/** Loaded tables as text, for tests here and in the modules that load through the runtime (the test jar). */
public final class TableDumps {
	private TableDumps() {
	}

	/** Every row of the table, a line each, its cells as the loader keeps them. */
	public static String dump(Table table, ZoneId zone) {
		StringBuilder text = new StringBuilder();
		List<FieldSpec> fields = table.spec().fields();
		text.append(fields.stream().map(FieldSpec::name).collect(Collectors.joining(" | "))).append('\n');
		for (int row = 0; row < table.rows(); row++) {
			StringBuilder line = new StringBuilder();
			for (FieldSpec field : fields) {
				if (line.length() > 0) {
					line.append(" | ");
				}
				line.append(cell(table, field, row, zone));
			}
			text.append(line).append('\n');
		}
		return text.toString();
	}

	private static String cell(Table table, FieldSpec field, int row, ZoneId zone) {
		if (!table.has(field.name())) {
			return "(not kept)";
		}
		switch (field.type().storage()) {
		case NUMBER:
			double number = table.numbers(field.name())[row];
			return number != number ? "null" : Double.toString(number);
		case TIME:
			long time = table.times(field.name())[row];
			return time == Long.MIN_VALUE ? "null" : Instant.ofEpochMilli(time).atZone(zone).toOffsetDateTime().toString();
		case CODE:
			int code = table.codes(field.name())[row];
			return code < 0 ? "null"
					: field.type() == FieldType.ENUM ? field.enumValues().get(code)
							: table.dictionary(field.name()).value(code);
		case ROW:
			int target = table.rowRefs(field.name())[row];
			return target < 0 ? "null" : "row " + target;
		default:
			return String.valueOf(table.flags(field.name())[row]);
		}
	}
}
