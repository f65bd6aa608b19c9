package io.yardstick.dsl.templatetest;

import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.SymbolReference;
import org.eclipse.xtext.EcoreUtil2;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.kpi.TemplateTest;
import io.yardstick.dsl.kpi.TestSuite;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.workspace.LoadedModel;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;

/** Which tests a template runs: its own, then those of the templates it extends, nearest first. */
public final class TemplateTests {
	private TemplateTests() {
	}

	/**
	 * A test as one template runs it.
	 *
	 * @param declaredFor the template the test was written for: the one run, or an ancestor of it
	 */
	public record Case(TemplateTest test, Template declaredFor) {
		public boolean inherited(Template run) {
			return declaredFor != run;
		}
	}

	/** The template a test was written for: its enclosing template, or the one its {@code tests for} names. */
	public static Template declaredFor(TemplateTest test) {
		EObject container = test.eContainer();
		if (container instanceof TestSuite suite) {
			Template template = suite.getTemplate();
			return template == null || template.eIsProxy() ? null : template;
		}
		return container instanceof Template template ? template : null;
	}

	/** Every test of the model's files, in file and declaration order. */
	public static List<TemplateTest> all(LoadedModel model) {
		List<TemplateTest> tests = new ArrayList<>();
		for (String name : model.names()) {
			Resource resource = model.resource(name);
			if (resource == null || resource.getContents().isEmpty()) {
				continue;
			}
			resource.getAllContents().forEachRemaining(object -> {
				if (object instanceof TemplateTest test) {
					tests.add(test);
				}
			});
		}
		return tests;
	}

	/** The tests the template runs, among those of the model: its own first, then its ancestors'. */
	public static List<Case> of(Template template, LoadedModel model) {
		List<TemplateTest> all = all(model);
		List<Case> cases = new ArrayList<>();
		for (Template declaring : TemplateHierarchy.lineage(template)) {
			for (TemplateTest test : all) {
				if (declaredFor(test) == declaring) {
					cases.add(new Case(test, declaring));
				}
			}
		}
		return cases;
	}

	/** The templates of the model that have tests of their own or inherit some, in file and declaration order. */
	public static List<Template> tested(LoadedModel model) {
		List<Template> templates = new ArrayList<>();
		List<TemplateTest> all = all(model);
		for (String name : model.names()) {
			Resource resource = model.resource(name);
			if (resource == null || resource.getContents().isEmpty()
					|| !(resource.getContents().get(0) instanceof Model file)) {
				continue;
			}
			for (EObject element : file.getElements()) {
				if (element instanceof Template template && TemplateHierarchy.lineage(template).stream()
						.anyMatch(ancestor -> all.stream().anyMatch(test -> declaredFor(test) == ancestor))) {
					templates.add(template);
				}
			}
		}
		return templates;
	}

	/**
	 * The sources a run of the template reads, as the calculator's plan finds them: its own and inherited ones, those
	 * its formulas aggregate and its dimensions map, and those their references reach.
	 */
	public static List<Source> sources(Template template) {
		java.util.Set<Source> found = new java.util.LinkedHashSet<>(TemplateHierarchy.sources(template));
		for (io.yardstick.dsl.kpi.Metric metric : TemplateHierarchy.metrics(template)) {
			io.yardstick.dsl.kpi.Expression formula = io.yardstick.dsl.model.Overrides.formula(metric);
			if (formula != null) {
				for (SymbolReference reference : EcoreUtil2.getAllContentsOfType(formula, SymbolReference.class)) {
					if (reference.getSymbol() instanceof Source source && !source.eIsProxy()) {
						found.add(source);
					}
				}
			}
		}
		for (io.yardstick.dsl.kpi.Dimension dimension : TemplateHierarchy.dimensions(template)) {
			dimension.getMappings().stream().map(mapping -> mapping.getSource())
					.filter(source -> source != null && !source.eIsProxy()).forEach(found::add);
		}
		List<Source> ordered = new ArrayList<>(found);
		for (int i = 0; i < ordered.size(); i++) {
			for (io.yardstick.dsl.kpi.Field field : ordered.get(i).getFields()) {
				Source target = field.getReference();
				if (target != null && !target.eIsProxy() && !ordered.contains(target)) {
					ordered.add(target);
				}
			}
		}
		return ordered;
	}
}
