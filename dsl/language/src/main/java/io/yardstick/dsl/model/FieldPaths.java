package io.yardstick.dsl.model;

import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.FieldPath;
import io.yardstick.dsl.kpi.FieldStep;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reads a {@code Source.reference.field} path. */
public final class FieldPaths {
	private FieldPaths() {
	}

	public static List<Field> fields(FieldPath path) {
		List<Field> fields = new ArrayList<>();
		for (FieldStep step = path.getStep(); step != null; step = step.getNext()) {
			fields.add(step.getField());
		}
		return fields;
	}

	public static Field lastField(FieldPath path) {
		List<Field> fields = fields(path);
		return fields.isEmpty() ? null : fields.get(fields.size() - 1);
	}

	public static String describe(FieldPath path) {
		String source = path.getSource() == null ? "?" : path.getSource().getName();
		return source + "." + fields(path).stream().map(f -> f == null ? "?" : f.getName()).collect(Collectors.joining("."));
	}
}
