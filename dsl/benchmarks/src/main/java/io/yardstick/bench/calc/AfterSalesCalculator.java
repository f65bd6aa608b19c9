package io.yardstick.bench.calc;

import io.yardstick.dsl.generator.CalculatorCompiler;
import io.yardstick.dsl.generator.CalculatorGenerator;
import io.yardstick.dsl.generator.CalculatorGenerator.GeneratedSource;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.KpiFiles;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.dsl.workspace.Severity;
import io.yardstick.runtime.calc.Calculator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * The calculator under test, built the way {@code yardstick run} builds it: the template folder loaded and
 * validated as one model, the template's calculator generated and compiled in memory against the runtime on
 * the class path.
 */
final class AfterSalesCalculator {
	/** The template, relative to the repository's root. */
	static final String TEMPLATE_DIR = "example-templates/after-sales-standard";
	static final String TEMPLATE = "StandardAfterSales";

	private AfterSalesCalculator() {
	}

	static Calculator build(Path templateDir) throws IOException, ReflectiveOperationException {
		List<KpiFiles.InputFile> files = KpiFiles.collect(List.of(templateDir));
		KpiWorkspace.ValidatedModel validated = new KpiWorkspace().loadAndValidate(files, ProgressListener.NONE);
		List<Finding> errors = validated.report().findings().stream()
				.filter(finding -> finding.severity() == Severity.ERROR).toList();
		if (!errors.isEmpty()) {
			throw new IllegalStateException("the template does not validate: " + errors);
		}
		Template template = null;
		for (String name : validated.model().names()) {
			Resource resource = validated.model().resource(name);
			for (EObject root : resource.getContents()) {
				if (root instanceof Model model) {
					for (EObject element : model.getElements()) {
						if (element instanceof Template candidate && TEMPLATE.equals(candidate.getName())) {
							template = candidate;
						}
					}
				}
			}
		}
		if (template == null) {
			throw new IllegalStateException("no template " + TEMPLATE + " in " + templateDir);
		}
		GeneratedSource source = new CalculatorGenerator().generate(template, null);
		Class<?> type = CalculatorCompiler.compile(source.qualifiedClassName(), source.content());
		return (Calculator) type.getDeclaredConstructor().newInstance();
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
