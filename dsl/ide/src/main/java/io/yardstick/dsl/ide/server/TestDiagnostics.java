package io.yardstick.dsl.ide.server;

import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.kpi.TemplateTest;
import io.yardstick.dsl.templatetest.TemplateTests;
import io.yardstick.dsl.templatetest.TestFailure;
import io.yardstick.dsl.templatetest.TestResult;
import io.yardstick.dsl.templatetest.TestRunner;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.LoadedModel;
import io.yardstick.dsl.workspace.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.resource.XtextResource;

/**
 * The template tests of a saved file, run on the Java calculator, as diagnostics: each failure an error on its
 * expectation (or cell, or test) with the code {@link #CODE}. Runs on a copy of the editor's files, so that the
 * editor's model is never touched by the run.
 */
public final class TestDiagnostics {
	/** The code of a failing test's diagnostic. */
	public static final String CODE = "test-failed";
	/** Where the diagnostics come from, as the client shows it. */
	public static final String SOURCE = "yardstick test";

	private TestDiagnostics() {
	}

	/**
	 * Runs the tests of the saved file's templates: the tests it holds, and those of the templates it declares.
	 *
	 * @return per file URI (as the resource set has it), the failures there; empty when the file has no tests or
	 *     the files have errors (the validator's diagnostics say what to fix first)
	 */
	public static Map<String, List<Diagnostic>> of(ResourceSet resources, URI saved, KpiWorkspace workspace) {
		Map<String, String> texts = new LinkedHashMap<>();
		Map<String, URI> uris = new LinkedHashMap<>();
		for (Resource resource : List.copyOf(resources.getResources())) {
			if (resource instanceof XtextResource xtext && xtext.getParseResult() != null
					&& resource.getURI().toString().endsWith(".kpi")) {
				String name = resource.getURI().toString();
				texts.put(name, xtext.getParseResult().getRootNode().getText());
				uris.put(name, resource.getURI());
			}
		}
		Map<String, List<Diagnostic>> diagnostics = new LinkedHashMap<>();
		if (!texts.containsKey(saved.toString())) {
			return diagnostics;
		}
		LoadedModel model = workspace.load(texts, uris);
		List<Finding> findings = workspace.validate(model, io.yardstick.dsl.workspace.ProgressListener.NONE);
		if (findings.stream().anyMatch(finding -> finding.severity() == Severity.ERROR)) {
			return diagnostics;
		}
		Set<Template> templates = new LinkedHashSet<>();
		Resource file = model.resource(saved.toString());
		file.getAllContents().forEachRemaining(object -> {
			if (object instanceof TemplateTest test && TemplateTests.declaredFor(test) != null) {
				templates.add(TemplateTests.declaredFor(test));
			}
		});
		if (!file.getContents().isEmpty() && file.getContents().get(0) instanceof Model declared) {
			for (EObject element : declared.getElements()) {
				if (element instanceof Template template && !TemplateTests.of(template, model).isEmpty()) {
					templates.add(template);
				}
			}
		}
		TestRunner runner = new TestRunner(List.of(), null);
		for (Template template : templates) {
			for (TestResult result : runner.run(template, model, findings)) {
				for (TestFailure failure : result.failures()) {
					Diagnostic diagnostic = new Diagnostic(range(failure), failure.message(), DiagnosticSeverity.Error, SOURCE,
							CODE);
					diagnostics.computeIfAbsent(failure.position().file(), key -> new ArrayList<>()).add(diagnostic);
				}
			}
		}
		return diagnostics;
	}

	private static Range range(TestFailure failure) {
		var position = failure.position();
		Position start = new Position(position.line() - 1, position.column() - 1);
		Position end = new Position(position.endLine() - 1, position.endColumn() - 1);
		if (end.getLine() < start.getLine() || end.getLine() == start.getLine() && end.getCharacter() <= start.getCharacter()) {
			end = new Position(start.getLine(), start.getCharacter() + 1);
		}
		return new Range(start, end);
	}
}
