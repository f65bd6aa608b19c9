package io.yardstick.dsl.workspace;

import com.google.inject.Injector;
import io.yardstick.dsl.KpiStandaloneSetup;
import io.yardstick.dsl.validation.FindingTexts;
import io.yardstick.dsl.validation.IssueCodes;
import io.yardstick.dsl.validation.ValidationSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

/**
 * Several .kpi files loaded into one model, so that templates, sources and imports resolve across
 * files, and validated into {@link Finding}s. The CLI, the golden tests and the benchmark all go
 * through here, so they see exactly the same diagnostics. Nothing thrown while loading or
 * validating one file stops the others: it becomes an internal-error finding on that file.
 */
public final class KpiWorkspace {
	private final Injector injector;

	public KpiWorkspace() {
		this(new KpiStandaloneSetup().createInjectorAndDoEMFRegistration());
	}

	public KpiWorkspace(Injector injector) {
		this.injector = injector;
	}

	/** A workspace whose findings' messages are in the language: {@code zh} or {@code en}. */
	public KpiWorkspace(String language) {
		this();
		injector.getInstance(ValidationSettings.class).setLanguage(language);
	}

	public Injector injector() {
		return injector;
	}

	/** Files and folders in, every finding out, sorted. */
	public ValidationReport validateFiles(List<KpiFiles.InputFile> inputs, ProgressListener progress) {
		return loadAndValidate(inputs, progress).report();
	}

	/**
	 * A .kpi file validated with the files it imports ({@link ImportClosure}), not with every file beside it:
	 * the report lists the file alone, with all its own findings and the errors of the files it needs.
	 */
	public static ValidatedModel validateWithImports(Path file, ProgressListener progress) throws IOException {
		return validateWithImports(file, progress, "en");
	}

	/** {@link #validateWithImports(Path, ProgressListener)} with the findings' messages in {@code zh} or {@code en}. */
	public static ValidatedModel validateWithImports(Path file, ProgressListener progress, String language)
			throws IOException {
		List<KpiFiles.InputFile> files = ImportClosure.of(file);
		ValidatedModel all = new KpiWorkspace(language).loadAndValidate(files, progress);
		return new ValidatedModel(all.model(), all.report().restrictedTo(files.subList(0, 1)));
	}

	/** A model loaded from files, with its validation report: what generating from files starts with. */
	public record ValidatedModel(LoadedModel model, ValidationReport report) {
	}

	/** Loads the files into one model and validates it; the model stays loaded for the generator. */
	public ValidatedModel loadAndValidate(List<KpiFiles.InputFile> inputs, ProgressListener progress) {
		Map<String, String> texts = new LinkedHashMap<>();
		List<Finding> findings = new ArrayList<>();
		List<String> files = new ArrayList<>();
		for (KpiFiles.InputFile input : inputs) {
			KpiFiles.ReadResult read = KpiFiles.read(input, language());
			files.add(input.displayPath());
			if (read.problem() != null) {
				findings.add(read.problem());
			} else {
				texts.put(input.displayPath(), read.text());
			}
		}
		LoadedModel model = load(texts, uriFor(inputs), progress);
		findings.addAll(model.loadFindings());
		findings.addAll(validate(model, progress));
		findings.sort(Finding.ORDER);
		return new ValidatedModel(model, new ValidationReport(files, findings));
	}

	/** A finding at a model element, for problems found after validation (such as by the generator). */
	public static Finding findingAt(LoadedModel model, org.eclipse.emf.ecore.EObject element, Severity severity,
			String code, String message) {
		String file = model.nameOf(element == null ? null : element.eResource());
		org.eclipse.xtext.nodemodel.ICompositeNode node = element == null ? null
				: org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualNodeFor(element);
		if (node == null) {
			return new Finding(file, 1, 1, 1, 1, severity, code, message);
		}
		org.eclipse.xtext.util.LineAndColumn start = org.eclipse.xtext.nodemodel.util.NodeModelUtils
				.getLineAndColumn(node, node.getOffset());
		org.eclipse.xtext.util.LineAndColumn end = org.eclipse.xtext.nodemodel.util.NodeModelUtils
				.getLineAndColumn(node, node.getEndOffset());
		return new Finding(file, start.getLine(), start.getColumn(), end.getLine(), end.getColumn(), severity, code,
				message);
	}

	private static Map<String, URI> uriFor(List<KpiFiles.InputFile> inputs) {
		Map<String, URI> uris = new LinkedHashMap<>();
		for (KpiFiles.InputFile input : inputs) {
			uris.put(input.displayPath(), URI.createFileURI(input.path().toAbsolutePath().normalize().toString()));
		}
		return uris;
	}

	/** Loads texts held in memory, named by display path; each gets an in-memory URI. */
	public LoadedModel load(Map<String, String> texts) {
		Map<String, URI> uris = new LinkedHashMap<>();
		for (String name : texts.keySet()) {
			uris.put(name, URI.createURI("memory:/" + name.replace('\\', '/')));
		}
		return load(texts, uris, ProgressListener.NONE);
	}

	/** Loads texts held in memory under the URIs they have elsewhere (an editor's), named by display path. */
	public LoadedModel load(Map<String, String> texts, Map<String, URI> uris) {
		return load(texts, uris, ProgressListener.NONE);
	}

	private LoadedModel load(Map<String, String> texts, Map<String, URI> uris, ProgressListener progress) {
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		resourceSet.addLoadOption(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name());
		// This workspace's own factory, not the global registry's (the last injector made in the JVM): resources then
		// carry this injector's services, and validation reads this workspace's settings, such as its language.
		resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put("kpi",
				injector.getInstance(IResourceFactory.class));
		LoadedModel model = new LoadedModel(resourceSet);
		int done = 0;
		for (Map.Entry<String, String> entry : texts.entrySet()) {
			String name = entry.getKey();
			try {
				Resource resource = resourceSet.createResource(uris.get(name));
				resource.load(new ByteArrayInputStream(entry.getValue().getBytes(StandardCharsets.UTF_8)),
						resourceSet.getLoadOptions());
				model.add(name, resource);
			} catch (IOException | RuntimeException e) {
				model.loadFindings().add(internalError(name, "load", e));
			}
			progress.progress("loading", ++done, texts.size());
		}
		return model;
	}

	/** Replaces one file's text, as an editor does, leaving the rest of the model loaded. */
	public void replace(LoadedModel model, String name, String text) throws IOException {
		Resource resource = model.resource(name);
		resource.unload();
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
				model.resourceSet().getLoadOptions());
	}

	/** Validates every file of the model. */
	public List<Finding> validate(LoadedModel model, ProgressListener progress) {
		List<Finding> findings = new ArrayList<>();
		int done = 0;
		for (String name : model.names()) {
			findings.addAll(validate(model, name));
			progress.progress("validating", ++done, model.names().size());
		}
		findings.sort(Finding.ORDER);
		return findings;
	}

	/** Validates one file of the model: what an editor does after a keystroke. */
	public List<Finding> validate(LoadedModel model, String name) {
		Resource resource = model.resource(name);
		try {
			IResourceValidator validator = ((XtextResource) resource).getResourceServiceProvider().getResourceValidator();
			List<Finding> findings = new ArrayList<>();
			for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
				Finding finding = toFinding(name, issue);
				if (finding != null) {
					findings.add(finding);
				}
			}
			return findings;
		} catch (RuntimeException e) {
			return List.of(internalError(name, "validation", e));
		}
	}

	private static Finding toFinding(String file, Issue issue) {
		Severity severity = switch (issue.getSeverity()) {
			case ERROR -> Severity.ERROR;
			case WARNING -> Severity.WARNING;
			case INFO -> Severity.INFO;
			default -> null;
		};
		if (severity == null) {
			return null;
		}
		int line = positive(issue.getLineNumber());
		int column = positive(issue.getColumn());
		int endLine = Math.max(line, positive(issue.getLineNumberEnd()));
		int endColumn = Math.max(positive(issue.getColumnEnd()), endLine == line ? column : 1);
		return new Finding(file, line, column, endLine, endColumn, severity, codeOf(issue), issue.getMessage());
	}

	/** Yardstick's providers give every parser and linker diagnostic its own code; Xtext's are the fallback. */
	private static String codeOf(Issue issue) {
		String code = issue.getCode();
		if (code == null || code.startsWith(Diagnostic.SYNTAX_DIAGNOSTIC)) {
			return IssueCodes.SYNTAX_ERROR;
		}
		if (code.equals(Diagnostic.LINKING_DIAGNOSTIC)) {
			return IssueCodes.UNRESOLVED_REFERENCE;
		}
		return code;
	}

	private static int positive(Integer value) {
		return value == null || value < 1 ? 1 : value;
	}

	/** The language of this workspace's findings: {@code en} or {@code zh}. */
	private String language() {
		return injector.getInstance(ValidationSettings.class).language();
	}

	/** A crash as a finding; {@code what} is the variant of {@code internal-error} that says what stopped. */
	private Finding internalError(String file, String what, Exception e) {
		String message = FindingTexts.of(language()).get(IssueCodes.INTERNAL_ERROR + "." + what,
				e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
		return new Finding(file, 1, 1, 1, 1, Severity.ERROR, IssueCodes.INTERNAL_ERROR, message);
	}
}
