package io.yardstick.runtime.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Expected output kept in {@code src/test/resources/results/} (and the examples in {@code docs/results.md}).
 * Running the tests with {@code -Dyardstick.golden.update=true} rewrites them from what the code produces
 * now; {@link GoldenSwitchTest} fails while the switch is on, so a rewrite is always reviewed in the diff.
 */
final class Golden {
	static final String UPDATE_PROPERTY = "yardstick.golden.update";
	static final Path FOLDER = Path.of("src/test/resources/results");

	private Golden() {
	}

	static boolean updating() {
		return Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY, "false"));
	}

	/** Compares {@code actual} with the golden file of that name, or rewrites the file when updating. */
	static void assertMatches(String name, String actual) {
		Path golden = FOLDER.resolve(name);
		try {
			if (updating()) {
				Files.createDirectories(golden.getParent());
				Files.writeString(golden, actual, StandardCharsets.UTF_8);
				return;
			}
			String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8)
					: "<missing " + golden + ">";
			assertEquals(expected, actual, () -> "differs from golden file " + golden + " (rerun with -D"
					+ UPDATE_PROPERTY + "=true to rewrite it, then review the diff)");
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String read(String name) {
		try {
			return Files.readString(FOLDER.resolve(name), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
