package io.yardstick.dsl.pipeline;

import io.yardstick.dsl.conformance.Conformance;
import io.yardstick.dsl.generator.CalculatorCache;
import io.yardstick.dsl.generator.CalculatorCompiler;
import io.yardstick.dsl.generator.CalculatorGenerator;
import io.yardstick.dsl.generator.CalculatorModel;
import io.yardstick.dsl.generator.CalculatorModelBuilder;
import io.yardstick.dsl.generator.GeneratorException;
import io.yardstick.dsl.generator.ReportGenerator;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.KpiFiles;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.LoadedModel;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.dsl.workspace.Severity;
import io.yardstick.dsl.workspace.ValidationReport;
import io.yardstick.runtime.calc.Calculator;
import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.load.DataLoadException;
import io.yardstick.runtime.load.DataLoader;
import io.yardstick.runtime.load.LoadOptions;
import io.yardstick.runtime.load.LoadResult;
import io.yardstick.runtime.results.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.emf.ecore.resource.Resource;

/** The steps from a template to its results; see the package documentation for who calls them. */
public final class Pipeline {
	private Pipeline() {
	}

	/**
	 * A problem with what was asked for rather than with the template: no such path, no or several templates.
	 * The message is English; {@link #key} and {@link #arguments} let a caller say it in another language
	 * ({@code selection.<key>} of the command line's messages).
	 */
	public static final class BadSelection extends Exception {
		private static final long serialVersionUID = 1L;

		private final String key;
		private final transient Object[] arguments;

		public BadSelection(String message) {
			this(message, (String) null);
		}

		/** @param key what went wrong, such as {@code noSuchPath}; null when only the message says it */
		public BadSelection(String message, String key, Object... arguments) {
			super(message);
			this.key = key;
			this.arguments = arguments.clone();
		}

		public String key() {
			return key;
		}

		public Object[] arguments() {
			return arguments.clone();
		}
	}

	/** The template cannot be computed: its errors, or the construct a generator refused, as findings. */
	public static final class Refused extends Exception {
		private static final long serialVersionUID = 1L;
		private final transient List<Finding> findings;

		public Refused(List<Finding> findings) {
			super(findings.size() + " error(s)");
			this.findings = List.copyOf(findings);
		}

		public List<Finding> findings() {
			return findings;
		}
	}

	/**
	 * Loads and validates the template's files and picks the template.
	 *
	 * @param template a .kpi file or a folder of them
	 * @param templateName the template's simple or qualified name; null when the files hold only one
	 * @throws Refused when the files have errors
	 */
	public static SelectedTemplate select(Path template, String templateName, ProgressListener progress)
			throws IOException, BadSelection, Refused {
		return select(template, templateName, progress, "en");
	}

	/** {@link #select} with the findings' messages in a language: {@code zh} or {@code en}. */
	public static SelectedTemplate select(Path template, String templateName, ProgressListener progress,
			String language) throws IOException, BadSelection, Refused {
		KpiWorkspace.ValidatedModel validated = validate(template, progress, language);
		List<Finding> errors = validated.report().findings().stream()
				.filter(finding -> finding.severity() == Severity.ERROR).toList();
		if (!errors.isEmpty()) {
			throw new Refused(errors);
		}
		return new SelectedTemplate(choose(validated, template, templateName), validated.model(),
				validated.report().findings());
	}

	/**
	 * The validated model of a template file and the files it imports ({@link io.yardstick.dsl.workspace.ImportClosure}),
	 * or of a template folder. When a template in the folder imports or extends one the folder does
	 * not hold, the folder is loaded again with its sibling folders, as a client template is kept beside the
	 * industry templates of a library: errors anywhere then count, other findings only the folder's own.
	 */
	public static KpiWorkspace.ValidatedModel validate(Path template, ProgressListener progress)
			throws IOException, BadSelection {
		return validate(template, progress, "en");
	}

	/** {@link #validate} with the findings' messages in a language: {@code zh} or {@code en}. */
	public static KpiWorkspace.ValidatedModel validate(Path template, ProgressListener progress, String language)
			throws IOException, BadSelection {
		if (!Files.exists(template)) {
			throw new BadSelection("no such file or folder: " + template, "noSuchPath", template);
		}
		if (!Files.isDirectory(template)) {
			return KpiWorkspace.validateWithImports(template, progress, language);
		}
		Path folder = Files.isDirectory(template) ? template : template.toAbsolutePath().getParent();
		Path absolute = folder.toAbsolutePath().normalize();
		List<KpiFiles.InputFile> files = KpiFiles.collect(List.of(folder));
		if (files.isEmpty()) {
			throw new BadSelection("no .kpi files in folder: " + folder, "noKpiFiles", folder);
		}
		KpiWorkspace.ValidatedModel alone = new KpiWorkspace(language).loadAndValidate(files, progress);
		boolean reachesOut = alone.report().findings().stream()
				.anyMatch(finding -> finding.code().equals("unresolved-import")) || extendsElsewhere(alone.model());
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
		return new KpiWorkspace.ValidatedModel(together.model(), new ValidationReport(together.report().files(), kept));
	}

	/** Whether a template of the model extends one the model does not hold (by its qualified name, unimported). */
	private static boolean extendsElsewhere(LoadedModel model) {
		for (String name : model.names()) {
			Resource resource = model.resource(name);
			if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model file)) {
				continue;
			}
			for (org.eclipse.emf.ecore.EObject element : file.getElements()) {
				// Validation has linked the model: a parent still a proxy is one no file of the folder declares.
				if (element instanceof Template template && template.getParent() != null && template.getParent().eIsProxy()) {
					return true;
				}
			}
		}
		return false;
	}

	/** The template of the given path and name among a validated model's templates. */
	public static Template choose(KpiWorkspace.ValidatedModel validated, Path template, String templateName)
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
				if (candidate.getName().equals(templateName)
						|| CalculatorGenerator.qualifiedName(candidate).equals(templateName)) {
					return candidate;
				}
			}
			throw names.isEmpty() ? new BadSelection("no template " + templateName + " in " + template, "noTemplateNamed",
					templateName, template)
					: new BadSelection("no template " + templateName + " in " + template + "; it has " + String.join(", ", names),
							"noTemplateNamedOf", templateName, template, String.join(", ", names));
		}
		if (candidates.size() == 1) {
			return candidates.get(0);
		}
		throw candidates.isEmpty() ? new BadSelection("no template in " + template, "noTemplate", template)
				: new BadSelection("several templates in " + template + ": choose one with --template ("
						+ String.join(", ", names) + ")", "severalTemplates", template, String.join(", ", names));
	}

	/** A template an editor holds already validated, without errors, as the start of a run. */
	public static SelectedTemplate selected(Template template, LoadedModel model, List<Finding> findings) {
		return new SelectedTemplate(template, model, findings);
	}

	/**
	 * Builds the plan once and renders the calculator and the report definitions from it.
	 *
	 * @param packageName the calculator's package; null for the template's own
	 * @throws Refused when the generator cannot translate a construct (the finding gives its position)
	 */
	public static GeneratedTemplate generate(SelectedTemplate selected, String packageName) throws Refused {
		return generate(selected, packageName, "en");
	}

	/** {@link #generate(SelectedTemplate, String)} with the conformance details in a language: zh or en. */
	public static GeneratedTemplate generate(SelectedTemplate selected, String packageName, String language)
			throws Refused {
		Template template = selected.template();
		try {
			CalculatorModel plan = new CalculatorModelBuilder().build(template, packageName);
			return new GeneratedTemplate(selected, plan, new CalculatorGenerator().generate(plan),
					new ReportGenerator().generate(template),
					template.getParent() == null ? null : Conformance.compare(template, template.getParent(), language));
		} catch (GeneratorException e) {
			throw new Refused(List.of(KpiWorkspace.findingAt(selected.model(), e.where(), Severity.ERROR,
					GeneratedTemplate.NOT_GENERATED, e.getMessage())));
		}
	}

	/**
	 * Compiles the calculator in memory, or takes it from the {@linkplain CalculatorCache#standard() cache} of
	 * compiled calculators, and creates it.
	 *
	 * @throws CalculatorCompiler.CompilationFailure when the generated source does not compile: a generator bug
	 */
	public static CompiledTemplate compile(GeneratedTemplate generated) {
		try {
			Calculator calculator = (Calculator) CalculatorCache.standard()
					.compile(generated.source().qualifiedClassName(), generated.source().content())
					.getDeclaredConstructor().newInstance();
			return new CompiledTemplate(generated, calculator);
		} catch (ReflectiveOperationException e) {
			throw new CalculatorCompiler.CompilationFailure("the generated calculator "
					+ generated.source().qualifiedClassName() + " could not be created: " + e);
		}
	}

	/**
	 * Reads each source's file into typed columns.
	 *
	 * @param files per source name its file
	 * @throws DataLoadException with every bad row when the policy is to fail
	 */
	public static LoadResult load(CompiledTemplate compiled, Map<String, Path> files, LoadOptions options) {
		return DataLoader.load(compiled.spec(), files, options);
	}

	/** Computes every metric on the engine; the engine is the caller's to close. */
	public static Results compute(CompiledTemplate compiled, ComputeEngine engine, SourceData data, RunOptions options)
			throws ComputeException {
		return engine.compute(compiled, data, options);
	}
}
