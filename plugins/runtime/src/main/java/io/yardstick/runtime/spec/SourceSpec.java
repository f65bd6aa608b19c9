package io.yardstick.runtime.spec;

import java.util.List;
import java.util.Optional;

/**
 * A source (a table of rows) as the template declares it; its fields in declaration order.
 *
 * @param format how its file is written, when the template's {@code data} block says ({@link SourceFormat#PLAIN}
 *     otherwise)
 */
public record SourceSpec(String name, List<FieldSpec> fields, SourceFormat format) {

	/** A source whose file is in the plain format. */
	public SourceSpec(String name, List<FieldSpec> fields) {
		this(name, fields, SourceFormat.PLAIN);
	}

	public SourceSpec {
		fields = List.copyOf(fields);
		format = format == null ? SourceFormat.PLAIN : format;
	}

	public Optional<FieldSpec> field(String fieldName) {
		return fields.stream().filter(field -> field.name().equals(fieldName)).findFirst();
	}

	public Optional<FieldSpec> key() {
		return fields.stream().filter(FieldSpec::key).findFirst();
	}

	public Optional<FieldSpec> timeAxis() {
		return fields.stream().filter(FieldSpec::timeAxis).findFirst();
	}
}
