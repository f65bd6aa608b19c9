package io.yardstick.bench.calc;

import io.yardstick.dsl.pipeline.CompiledTemplate;
import io.yardstick.dsl.pipeline.Pipeline;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.runtime.calc.Calculator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The calculator under test, built by the {@link Pipeline} that {@code yardstick run} calls: the template folder
 * loaded and validated as one model, the template's calculator generated and compiled in memory against the
 * runtime on the class path.
 */
final class AfterSalesCalculator {
	/** The template, relative to the repository's root. */
	static final String TEMPLATE_DIR = "example-templates/after-sales-standard";
	static final String TEMPLATE = "StandardAfterSales";

	private AfterSalesCalculator() {
	}

	static Calculator build(Path templateDir) throws IOException {
		return compile(templateDir).calculator();
	}

	/** The template through the pipeline {@code yardstick run} uses, up to its compiled calculator. */
	static CompiledTemplate compile(Path templateDir) throws IOException {
		return compile(templateDir, TEMPLATE);
	}

	/** Another template of a folder, by name, through the same pipeline. */
	static CompiledTemplate compile(Path templateDir, String template) throws IOException {
		try {
			return Pipeline.compile(Pipeline.generate(Pipeline.select(templateDir, template, ProgressListener.NONE), null));
		} catch (Pipeline.BadSelection | Pipeline.Refused e) {
			throw new IllegalStateException("the template does not validate: " + e.getMessage()
					+ (e instanceof Pipeline.Refused refused ? " " + refused.findings() : ""), e);
		}
	}

	/** The template folder: the given one, or the one of the repository that holds the working directory. */
	static Path locate(Path given) {
		if (given != null) {
			return given;
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve(TEMPLATE_DIR);
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		throw new IllegalArgumentException("cannot find " + TEMPLATE_DIR
				+ " above the working directory: run from the repository, or give --template DIR");
	}
}
