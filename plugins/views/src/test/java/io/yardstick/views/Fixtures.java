package io.yardstick.views;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.core.runtime.NullProgressMonitor;

/**
 * The templates the tests show, loaded once per test run: loading and compiling take seconds, and every
 * view test reads the same after-sales template.
 */
final class Fixtures {
	static final Path BASE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
	static final Path AFTER_SALES = BASE.resolve("../../example-templates/after-sales-standard").normalize();
	static final Path WRONG = BASE.resolve("../../dsl/language/src/test/resources/wrong-templates").normalize();

	private static TemplateInput afterSales;
	private static PreviewRunner.Outcome preview;

	private Fixtures() {
	}

	static synchronized TemplateInput afterSales() {
		if (afterSales == null) {
			afterSales = TemplateInput.load(AFTER_SALES);
		}
		return afterSales;
	}

	/** The after-sales template's preview on its sample data. */
	static synchronized PreviewRunner.Outcome afterSalesPreview() {
		if (preview == null) {
			preview = PreviewRunner.run(afterSales(), AFTER_SALES.resolve("data"), new NullProgressMonitor());
		}
		return preview;
	}

	/** A wrong-templates case folder: {@code model/} holds its files, {@code expected/findings.txt} its findings. */
	static Path wrongCase(String name) {
		return WRONG.resolve(name);
	}

	static TemplateInput wrong(String name) {
		return TemplateInput.load(wrongCase(name).resolve("model"));
	}

	static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
