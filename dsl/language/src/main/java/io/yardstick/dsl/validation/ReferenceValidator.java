package io.yardstick.dsl.validation;

import static io.yardstick.dsl.validation.IssueCodes.DUPLICATE_LABEL;
import static io.yardstick.dsl.validation.IssueCodes.DUPLICATE_NAME;
import static io.yardstick.dsl.validation.IssueCodes.EXTENDS_CYCLE;
import static io.yardstick.dsl.validation.IssueCodes.METRIC_CYCLE;
import static io.yardstick.dsl.validation.IssueCodes.UNRESOLVED_IMPORT;

import com.google.inject.Inject;
import io.yardstick.dsl.kpi.Dimension;
import io.yardstick.dsl.kpi.EnumKind;
import io.yardstick.dsl.kpi.EnumValue;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.Import;
import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.Label;
import io.yardstick.dsl.kpi.Layer;
import io.yardstick.dsl.kpi.Loop;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Page;
import io.yardstick.dsl.kpi.Report;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Symbol;
import io.yardstick.dsl.kpi.SymbolReference;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.model.TemplateHierarchy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.validation.Check;

/**
 * Rule 1 (names and imports, beyond what the linker reports) and rule 2 (cycles among derived
 * metrics), plus extends cycles and labels.
 */
public class ReferenceValidator extends AbstractKpiCheck {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;

	@Inject
	private ResourceDescriptionsProvider indexProvider;

	@Inject
	private IQualifiedNameProvider names;

	@Inject
	private IQualifiedNameConverter nameConverter;

	// ------------------------------------------------------------------ duplicates

	@Check
	public void checkTopLevelNames(Model model) {
		reportDuplicates(EcoreUtil2.typeSelect(model.getElements(), Template.class), Template::getName, "template");
		reportDuplicates(TemplateHierarchy.topLevelSources(model), Source::getName, "source");
		IResourceDescriptions index = indexProvider.getResourceDescriptions(model.eResource());
		for (EObject element : model.getElements()) {
			reportDeclaredElsewhere(element, index);
		}
	}

	/** The same qualified name in two files makes every reference to it ambiguous. */
	private void reportDeclaredElsewhere(EObject element, IResourceDescriptions index) {
		QualifiedName name = names.getFullyQualifiedName(element);
		if (name == null) {
			return;
		}
		Resource here = element.eResource();
		for (IEObjectDescription other : index.getExportedObjects(element.eClass(), name, false)) {
			if (!other.getEObjectURI().trimFragment().equals(here.getURI())) {
				String kind = message(element, element instanceof Template ? "element.template" : "element.source");
				error(message(element, "duplicate-name.elsewhere", kind, name,
						other.getEObjectURI().trimFragment().lastSegment()), element, nameFeature(element), DUPLICATE_NAME);
				return;
			}
		}
	}

	@Check
	public void checkMemberNames(Template template) {
		reportDuplicates(TemplateHierarchy.members(template, Source.class), Source::getName, "source");
		reportDuplicates(TemplateHierarchy.members(template, Dimension.class), Dimension::getName, "dimension");
		reportDuplicates(TemplateHierarchy.members(template, Layer.class), Layer::getName, "layer");
		reportDuplicates(TemplateHierarchy.members(template, Loop.class), Loop::getName, "loop");
		reportDuplicates(TemplateHierarchy.ownMetrics(template), Metric::getName, "metric");
		reportDuplicates(TemplateHierarchy.members(template, Report.class), Report::getName, "report");
	}

	@Check
	public void checkPageNames(Report report) {
		reportDuplicates(report.getPages(), Page::getName, "page");
	}

	@Check
	public void checkFieldNames(Source source) {
		reportDuplicates(source.getFields(), Field::getName, "field");
	}

	@Check
	public void checkEnumValues(EnumKind kind) {
		reportDuplicates(kind.getValues(), EnumValue::getName, "enumValue");
	}

	private <T extends EObject> void reportDuplicates(List<T> elements, Function<T, String> name, String kind) {
		Map<String, T> first = new HashMap<>();
		Set<String> taken = elements.stream().map(name).filter(Objects::nonNull).collect(Collectors.toSet());
		for (T element : elements) {
			String key = name.apply(element);
			if (key == null) {
				continue;
			}
			T earlier = first.putIfAbsent(key, element);
			if (earlier != null) {
				error(message(element, "duplicate-name", message(element, "element." + kind), key,
						lineOf(earlier)), element,
						nameFeature(element), DUPLICATE_NAME, QuickFixData.freeName(key, taken));
			}
		}
	}

	private static org.eclipse.emf.ecore.EStructuralFeature nameFeature(EObject element) {
		return element.eClass().getEStructuralFeature("name");
	}

	// ------------------------------------------------------------------ imports

	@Check
	public void checkImport(Import imported) {
		String text = imported.getImportedNamespace();
		if (text == null) {
			return;
		}
		boolean wildcard = text.endsWith(".*");
		String qualified = wildcard ? text.substring(0, text.length() - 2) : text;
		if (qualified.isBlank() || java.util.Arrays.stream(qualified.split("\\.", -1)).anyMatch(String::isBlank)) {
			// Only text the parser recovered from gets here: its syntax error is reported too.
			error(message(imported, "empty-import", text),
					imported, KPI.getImport_ImportedNamespace(), IssueCodes.EMPTY_IMPORT);
			return;
		}
		QualifiedName name = nameConverter.toQualifiedName(qualified);
		IResourceDescriptions index = indexProvider.getResourceDescriptions(imported.eResource());
		boolean found = wildcard ? anyInside(index, name)
				: index.getExportedObjects(EcorePackage.Literals.EOBJECT, name, false).iterator().hasNext();
		if (!found) {
			error(message(imported, wildcard ? "unresolved-import.package" : "unresolved-import.name", text, name),
					imported, KPI.getImport_ImportedNamespace(),
					UNRESOLVED_IMPORT);
		}
	}

	private static boolean anyInside(IResourceDescriptions index, QualifiedName namespace) {
		for (IEObjectDescription description : index.getExportedObjects()) {
			QualifiedName candidate = description.getQualifiedName();
			if (candidate.getSegmentCount() > namespace.getSegmentCount() && candidate.startsWith(namespace)) {
				return true;
			}
		}
		return false;
	}

	// ------------------------------------------------------------------ cycles

	@Check
	public void checkExtendsCycle(Template template) {
		List<Template> cycle = TemplateHierarchy.extendsCycle(template);
		if (!cycle.isEmpty()) {
			error(message(template, "extends-cycle", template.getName(), TemplateHierarchy.describeCycle(cycle)),
					template, KPI.getTemplate_Parent(), EXTENDS_CYCLE);
		}
	}

	/**
	 * Rule 2. One pass over the template's derived-metric graph (Tarjan's strongly connected
	 * components, linear in metrics plus references); each metric on a cycle is told the shortest
	 * cycle through it.
	 */
	@Check
	public void checkMetricCycles(Template template) {
		List<Metric> metrics = TemplateHierarchy.metrics(template);
		Map<Metric, List<Metric>> edges = new IdentityHashMap<>();
		TemplateHierarchy.Resolver resolver = TemplateHierarchy.resolver(template);
		for (Metric metric : metrics) {
			List<Metric> references = new ArrayList<>();
			for (Metric referenced : analyses().of(metric).referencedMetrics()) {
				// An inherited formula names the ancestor's metric; this template computes its override.
				Metric effective = resolver.resolve(referenced);
				if (effective != null) {
					references.add(effective);
				}
			}
			edges.put(metric, references);
		}
		Map<Metric, Set<Metric>> componentOf = new IdentityHashMap<>();
		for (Set<Metric> component : StronglyConnected.components(metrics, edges)) {
			component.forEach(member -> componentOf.put(member, component));
		}
		for (Metric metric : metrics) {
			Set<Metric> component = componentOf.get(metric);
			if (component == null || TemplateHierarchy.templateOf(metric) != template) {
				continue;
			}
			List<Metric> cycle = shortestCycle(metric, edges, component);
			if (!cycle.isEmpty()) {
				String path = cycle.stream().map(Metric::getName).collect(Collectors.joining(" -> "));
				error(message(metric, "metric-cycle", path),
						referenceTo(metric, cycle.get(1)), null, METRIC_CYCLE);
			}
		}
	}

	private static List<Metric> shortestCycle(Metric start, Map<Metric, List<Metric>> edges, Set<Metric> within) {
		Map<Metric, Metric> previous = new IdentityHashMap<>();
		Deque<Metric> queue = new ArrayDeque<>();
		queue.add(start);
		while (!queue.isEmpty()) {
			Metric current = queue.poll();
			for (Metric next : edges.getOrDefault(current, List.of())) {
				if (!within.contains(next)) {
					continue;
				}
				if (next == start) {
					List<Metric> path = new ArrayList<>();
					for (Metric step = current; step != start; step = previous.get(step)) {
						path.add(step);
					}
					path.add(start);
					Collections.reverse(path);
					path.add(start);
					return path;
				}
				if (!previous.containsKey(next)) {
					previous.put(next, current);
					queue.add(next);
				}
			}
		}
		return List.of();
	}

	/** Where the error goes: the formula's reference to the next metric on the cycle, else the metric. */
	private static EObject referenceTo(Metric metric, Metric next) {
		if (metric.getFormula() != null) {
			List<SymbolReference> references = new ArrayList<>();
			if (metric.getFormula() instanceof SymbolReference root) {
				references.add(root);
			}
			references.addAll(EcoreUtil2.getAllContentsOfType(metric.getFormula(), SymbolReference.class));
			for (SymbolReference reference : references) {
				Symbol symbol = reference.getSymbol();
				if (symbol == next) {
					return reference;
				}
			}
		}
		return metric;
	}

	// ------------------------------------------------------------------ labels

	@Check
	public void checkLabelLanguage(Label label) {
		EObject owner = label.eContainer();
		if (owner == null) {
			return;
		}
		Object labels = owner.eGet(label.eContainmentFeature());
		if (!(labels instanceof List<?> siblings)) {
			return;
		}
		for (Object sibling : siblings) {
			if (sibling == label) {
				return;
			}
			if (sibling instanceof Label earlier && Objects.equals(earlier.getLanguage(), label.getLanguage())) {
				error(label.getLanguage() == null ? message(label, "duplicate-label.untagged")
						: message(label, "duplicate-label", label.getLanguage()), label, null, DUPLICATE_LABEL);
				return;
			}
		}
	}
}
