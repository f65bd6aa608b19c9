package io.yardstick.runtime.load;

import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Specs and files for the loader tests, built with the records' constructors. */
final class Fixtures {
	private Fixtures() {
	}

	static FieldSpec field(String name, FieldType type) {
		return new FieldSpec(name, type, false, false, false, false, null, null, null, List.of(), null);
	}

	static FieldSpec optional(String name, FieldType type) {
		return new FieldSpec(name, type, true, false, false, false, null, null, null, List.of(), null);
	}

	static FieldSpec key(String name, FieldType type) {
		return new FieldSpec(name, type, false, true, false, false, null, null, null, List.of(), null);
	}

	static FieldSpec time(String name, FieldType type) {
		return new FieldSpec(name, type, false, false, false, true, null, null, null, List.of(), null);
	}

	static FieldSpec score(String name, boolean optional, Double min, Double max) {
		return new FieldSpec(name, FieldType.SCORE, optional, false, false, false, null, min, max, List.of(), null);
	}

	static FieldSpec currency(String name, String code) {
		return new FieldSpec(name, FieldType.CURRENCY, false, false, false, false, code, null, null, List.of(), null);
	}

	static FieldSpec duration(String name, String unit, boolean optional) {
		return new FieldSpec(name, FieldType.DURATION, optional, false, false, false, unit, null, null, List.of(), null);
	}

	static FieldSpec enumeration(String name, boolean optional, String... values) {
		return new FieldSpec(name, FieldType.ENUM, optional, false, false, false, null, null, null,
				Arrays.asList(values), null);
	}

	static FieldSpec reference(String name, String source, boolean optional) {
		return new FieldSpec(name, FieldType.REFERENCE, optional, false, false, false, null, null, null, List.of(),
				source);
	}

	static SourceSpec source(String name, FieldSpec... fields) {
		return new SourceSpec(name, List.of(fields));
	}

	static TemplateSpec template(String zone, SourceSpec... sources) {
		return new TemplateSpec("demo.Support", Map.of(), ZoneId.of(zone), List.of(sources), List.of(), List.of(),
				List.of(), List.of(), List.of());
	}

	/** Writes the text as UTF-8, exactly (no newline added). */
	static Path write(Path dir, String name, String text) {
		return writeBytes(dir, name, text.getBytes(StandardCharsets.UTF_8));
	}

	static Path writeBytes(Path dir, String name, byte[] bytes) {
		try {
			Path file = dir.resolve(name);
			Files.createDirectories(file.getParent());
			Files.write(file, bytes);
			return file;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Epoch millis of an ISO instant. */
	static long instant(String iso) {
		return java.time.Instant.parse(iso).toEpochMilli();
	}
}
