package io.yardstick.dsl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: expected output kept next to the input that produces it. Running the tests with
 * {@code -Dyardstick.golden.update=true} rewrites every golden file from what the code produces
 * now; {@link GoldenUpdateSwitchTest} fails for as long as the switch is on, so a rewrite is
 * always a deliberate step that is reviewed in the diff before it is committed.
 */
public final class GoldenFiles {
	public static final String UPDATE_PROPERTY = "yardstick.golden.update";

	private GoldenFiles() {
	}

	public static boolean updating() {
		return Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY, "false"));
	}

	/** Compares {@code actual} with the golden file, or rewrites the file when updating. */
	public static void assertMatches(Path golden, String actual) {
		try {
			if (updating()) {
				Files.createDirectories(golden.getParent());
				Files.writeString(golden, actual, StandardCharsets.UTF_8);
				return;
			}
			String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "<missing " + golden + ">";
			assertEquals(expected, actual, () -> "differs from golden file " + golden + " (rerun with -D" + UPDATE_PROPERTY
					+ "=true to rewrite it, then review the diff)");
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
