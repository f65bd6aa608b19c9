package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.field;
import static io.yardstick.runtime.load.Fixtures.key;
import static io.yardstick.runtime.load.Fixtures.source;
import static io.yardstick.runtime.load.Fixtures.template;

import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.TemplateSpec;
import java.nio.file.Path;

/** Loads {@code <dir>/T.csv} (id, note) and prints what ran out; run in a JVM of its own with a small heap. */
public final class OutOfMemoryProbe {
	private OutOfMemoryProbe() {
	}

	public static void main(String[] args) {
		TemplateSpec template = template("UTC", source("T", key("id", FieldType.TEXT), field("note", FieldType.TEXT)));
		try {
			DataLoader.load(template, Path.of(args[0]));
			System.out.println("loaded");
		} catch (LoadOutOfMemoryError e) {
			System.out.println(e.getMessage());
			System.out.println("cause: " + e.getCause());
		}
	}
}
