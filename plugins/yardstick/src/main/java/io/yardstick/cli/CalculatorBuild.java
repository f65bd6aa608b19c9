package io.yardstick.cli;

import io.yardstick.dsl.conformance.Conformance;
import io.yardstick.dsl.generator.CalculatorGenerator;
import io.yardstick.dsl.generator.CalculatorGenerator.GeneratedSource;
import io.yardstick.dsl.generator.GeneratorException;
import io.yardstick.dsl.generator.ReportGenerator;
import io.yardstick.dsl.generator.ReportGenerator.GeneratedReport;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.KpiFiles;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.dsl.workspace.Severity;
import io.yardstick.dsl.workspace.ValidationReport;
import io.yardstick.report.ConformanceReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * From a template path to the Java source of its calculator and its report definitions: loads the template's folder as one model (so
 * imports resolve), validates it, picks the template, and generates. Errors stop it with their findings.
 */
final class CalculatorBuild {
	/** The code of a finding for a construct the validator accepts but the generator cannot translate. */
	static final String GENERATOR_CODE = "not-generated";

	/**
	 * The calculator's source, the template's reports in declaration order (the derived one when none), and how it
	 * departs from the template it extends (null when it extends none).
	 */
	record Built(GeneratedSource source, List<GeneratedReport> reports, ConformanceReport conformance,
			List<Finding> findings, Template template, io.yardstick.dsl.workspace.LoadedModel model) {

		/** A construct an engine refuses, as a positioned finding. */
		Finding refusal(GeneratorException refused) {
			return KpiWorkspace.findingAt(model, refused.where(), Severity.ERROR, GENERATOR_CODE, refused.getMessage());
		}
	}

	/** Generation refused: the findings say why (errors of the model, or of the generator). */
	static final class Refused extends Exception {
		private static final long serialVersionUID = 1L;
		final transient List<Finding> findings;

		Refused(List<Finding> findings) {
			super(findings.size() + " error(s)");
			this.findings = findings;
		}
	}

	/** A problem with the command line itself: no such path, no or several templates. */
	static final class BadSelection extends Exception {
		private static final long serialVersionUID = 1L;

		BadSelection(String message) {
			super(message);
		}
	}

	private CalculatorBuild() {
	}

	static Built generate(Path template, String templateName, String packageName, ProgressListener progress)
			throws Refused, BadSelection, IOException {
		return generate(template, templateName, packageName, progress, "en");
	}

	/** {@link #generate} with the findings' messages in a language ({@code zh} or {@code en}). */
	static Built generate(Path template, String templateName, String packageName, ProgressListener progress,
			String language) throws Refused, BadSelection, IOException {
		if (!Files.exists(template)) {
			throw new BadSelection("no such file or folder: " + template);
		}
		KpiWorkspace.ValidatedModel validated = load(template, progress, language);
		List<Finding> findings = validated.report().findings();
		if (findings.stream().anyMatch(finding -> finding.severity() == Severity.ERROR)) {
			throw new Refused(findings.stream().filter(finding -> finding.severity() == Severity.ERROR).toList());
		}
		Template chosen = choose(validated, template, templateName);
		try {
			return new Built(new CalculatorGenerator().generate(chosen, packageName),
					new ReportGenerator().generate(chosen),
					chosen.getParent() == null ? null : Conformance.compare(chosen, chosen.getParent()), findings, chosen,
					validated.model());
		} catch (GeneratorException e) {
			throw new Refused(List.of(KpiWorkspace.findingAt(validated.model(), e.where(), Severity.ERROR,
					GENERATOR_CODE, e.getMessage())));
		}
	}

	/**
	 * The model of the template's folder. When a template there imports or extends one the folder does not hold,
	 * the folder is loaded again with its sibling folders, as a client template is kept beside the industry
	 * templates of a library: errors anywhere then count, other findings only the folder's own.
	 */
	static KpiWorkspace.ValidatedModel load(Path template, ProgressListener progress) throws IOException, BadSelection {
		return load(template, progress, "en");
	}

	private static KpiWorkspace.ValidatedModel load(Path template, ProgressListener progress, String language)
			throws IOException, BadSelection {
		if (!Files.exists(template)) {
			throw new BadSelection("no such file or folder: " + template);
		}
		Path folder = Files.isDirectory(template) ? template : template.toAbsolutePath().getParent();
		Path absolute = folder.toAbsolutePath().normalize();
		List<KpiFiles.InputFile> files = KpiFiles.collect(List.of(folder));
		if (files.isEmpty()) {
			throw new BadSelection("no .kpi files in folder: " + folder);
		}
		KpiWorkspace.ValidatedModel alone = new KpiWorkspace(language).loadAndValidate(files, progress);
		boolean reachesOut = alone.report().findings().stream().anyMatch(finding -> finding.code().equals("unresolved-import"));
		Path library = absolute.getParent();
		if (!reachesOut || library == null) {
			return alone;
		}
		List<Path> folders = new ArrayList<>(List.of(folder));
		try (Stream<Path> siblings = Files.list(library)) {
			siblings.filter(Files::isDirectory).filter(sibling -> !sibling.toAbsolutePath().normalize().equals(absolute))
					.sorted().forEach(folders::add);
		}
		KpiWorkspace.ValidatedModel together = new KpiWorkspace(language).loadAndValidate(KpiFiles.collect(folders),
				progress);
		Set<String> own = new HashSet<>();
		files.forEach(file -> own.add(file.displayPath()));
		List<Finding> kept = together.report().findings().stream()
				.filter(finding -> finding.severity() == Severity.ERROR || own.contains(finding.file())).toList();
		return new KpiWorkspace.ValidatedModel(together.model(),
				new ValidationReport(together.report().files(), kept));
	}

	static Template choose(KpiWorkspace.ValidatedModel validated, Path template, String templateName)
			throws BadSelection {
		List<Template> candidates = new ArrayList<>();
		Path wanted = template.toAbsolutePath().normalize();
		for (String name : validated.model().names()) {
			Resource resource = validated.model().resource(name);
			Path file = Path.of(resource.getURI().toFileString()).toAbsolutePath().normalize();
			if (!file.startsWith(wanted) || resource.getContents().isEmpty()) {
				continue;
			}
			Model model = (Model) resource.getContents().get(0);
			model.getElements().stream().filter(Template.class::isInstance).map(Template.class::cast)
					.forEach(candidates::add);
		}
		List<String> names = candidates.stream().map(CalculatorGenerator::qualifiedName).toList();
		if (templateName != null) {
			for (Template candidate : candidates) {
				if (candidate.getName().equals(templateName) || CalculatorGenerator.qualifiedName(candidate).equals(templateName)) {
					return candidate;
				}
			}
			throw new BadSelection("no template " + templateName + " in " + template
					+ (names.isEmpty() ? "" : "; it has " + String.join(", ", names)));
		}
		if (candidates.size() == 1) {
			return candidates.get(0);
		}
		throw new BadSelection(candidates.isEmpty() ? "no template in " + template
				: "several templates in " + template + ": choose one with --template (" + String.join(", ", names) + ")");
	}
}
