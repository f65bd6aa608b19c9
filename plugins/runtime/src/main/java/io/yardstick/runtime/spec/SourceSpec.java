package io.yardstick.runtime.spec;

import java.util.List;
import java.util.Optional;

/** A source (a table of rows) as the template declares it; its fields in declaration order. */
public record SourceSpec(String name, List<FieldSpec> fields) {

	public SourceSpec {
		fields = List.copyOf(fields);
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
