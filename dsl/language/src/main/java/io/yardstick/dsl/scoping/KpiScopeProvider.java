package io.yardstick.dsl.scoping;

import com.google.inject.Inject;
import io.yardstick.dsl.kpi.EnumKind;
import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.FieldPath;
import io.yardstick.dsl.kpi.FieldStep;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.MemberAccess;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Symbol;
import io.yardstick.dsl.kpi.SymbolReference;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.types.Functions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.impl.MultimapBasedScope;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;

/**
 * Scoping of the .kpi language. Inside an aggregate, a bare name is first a field (or enum value)
 * of the source the aggregate reads, so {@code count(Ticket where nps >= 9)} means the field nps
 * even when a metric is called nps too. Outside aggregates a bare name is first a metric, then a
 * source. Inherited members are visible by their simple names, nearer declarations first.
 * docs/language.md#names-and-scopes describes the same rules for authors.
 */
public class KpiScopeProvider extends AbstractKpiScopeProvider {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;

	@Inject
	private IResourceScopeCache cache;

	@Override
	public IScope getScope(EObject context, EReference reference) {
		if (reference == KPI.getSymbolReference_Symbol()) {
			return symbolScope(context);
		}
		if (reference == KPI.getMemberAccess_Member()) {
			return context instanceof MemberAccess access ? fieldsOf(targetSource(access.getReceiver())) : IScope.NULLSCOPE;
		}
		if (reference == KPI.getFieldStep_Field()) {
			return fieldsOf(sourceBefore(context));
		}
		if (reference == KPI.getFieldPath_Source() || reference == KPI.getField_Reference()) {
			return sourceScope(context);
		}
		if (reference == KPI.getMetric_Breakdowns()) {
			return breakdownScope(context);
		}
		if (reference == KPI.getLink_Source() || reference == KPI.getLink_Target() || reference == KPI.getLoop_Steps()) {
			return metricScope(context, reference);
		}
		return super.getScope(context, reference);
	}

	// ------------------------------------------------------------------ formulas

	private IScope symbolScope(EObject context) {
		Template template = TemplateHierarchy.templateOf(context);
		FunctionCall aggregate = enclosingAggregate(context);
		if (aggregate == null) {
			IScope lastResort = template == null ? IScope.NULLSCOPE : allFieldsScope(template);
			return scoped(template, "metricsThenSources", () -> {
				List<EObject> elements = new ArrayList<>(TemplateHierarchy.metrics(template));
				elements.addAll(TemplateHierarchy.sources(template));
				return elements;
			}, withParent(sourceScope(context), lastResort));
		}
		// Sources before metrics here: count(Ticket) must mean the source even beside a metric called Ticket.
		IScope sources = sourceScope(context);
		IScope outer = template == null ? sources : withParent(sources,
				scoped(template, "metrics", () -> new ArrayList<>(TemplateHierarchy.metrics(template)), IScope.NULLSCOPE));
		Source rows = rowSourceByName(aggregate, sources);
		if (rows == null) {
			return outer;
		}
		List<EObject> inner = new ArrayList<>(rows.getFields());
		for (Source source : TemplateHierarchy.sources(template)) {
			for (Field field : source.getFields()) {
				if (field.getKind() instanceof EnumKind values) {
					inner.addAll(values.getValues());
				}
			}
		}
		return scopeFor(inner, outer);
	}

	/**
	 * The source whose fields bare names inside the enclosing aggregate refer to; null outside
	 * aggregates and in an aggregate that names no source. Used by error messages too.
	 */
	public Source rowSourceAt(EObject context) {
		FunctionCall aggregate = enclosingAggregate(context);
		return aggregate == null ? null : rowSourceByName(aggregate, sourceScope(context));
	}

	/** The source whose fields may follow {@code receiver.}, or null when nothing may. */
	public static Source sourceAfter(Expression receiver) {
		return targetSource(receiver);
	}

	/**
	 * The nearest enclosing call that reads rows: a known aggregate, or a call of an unknown
	 * function (most likely a misspelt aggregate), so that its fields still resolve.
	 */
	public static FunctionCall enclosingAggregate(EObject context) {
		for (EObject current = context; current != null && !(current instanceof Template); current = current.eContainer()) {
			if (current instanceof FunctionCall call
					&& (Functions.isAggregate(call.getFunction()) || Functions.lookup(call.getFunction()).isEmpty())) {
				return call;
			}
		}
		return null;
	}

	/**
	 * The source an aggregate reads, found before linking: the first name in it that is a visible
	 * source. FormulaAnalyzer.rowSourceOf applies the same rule to the linked model.
	 */
	private static Source rowSourceByName(FunctionCall aggregate, IScope sources) {
		for (SymbolReference reference : EcoreUtil2.getAllContentsOfType(aggregate, SymbolReference.class)) {
			List<INode> nodes = NodeModelUtils.findNodesForFeature(reference, KPI.getSymbolReference_Symbol());
			if (nodes.isEmpty()) {
				continue;
			}
			String name = NodeModelUtils.getTokenText(nodes.get(0)).trim();
			if (name.startsWith("^")) {
				name = name.substring(1);
			}
			if (name.isEmpty()) {
				continue;
			}
			IEObjectDescription found = sources.getSingleElement(QualifiedName.create(name));
			if (found != null) {
				EObject source = EcoreUtil.resolve(found.getEObjectOrProxy(), aggregate);
				if (source instanceof Source resolved && !resolved.eIsProxy()) {
					return resolved;
				}
			}
		}
		return null;
	}

	/** Fields of every source of the template: only so that a field misused outside an aggregate gets a precise error. */
	private IScope allFieldsScope(Template template) {
		return scoped(template, "allFields", () -> {
			List<EObject> fields = new ArrayList<>();
			for (Source source : TemplateHierarchy.sources(template)) {
				fields.addAll(source.getFields());
			}
			return fields;
		}, IScope.NULLSCOPE);
	}

	/** The source whose fields follow a navigation step: a source itself, or what a reference field points to. */
	private static Source targetSource(Expression receiver) {
		EObject target = null;
		if (receiver instanceof SymbolReference reference) {
			target = reference.getSymbol();
		} else if (receiver instanceof MemberAccess access) {
			target = access.getMember();
		}
		if (target instanceof Source source) {
			return source;
		}
		if (target instanceof Field field && field.getReference() != null && !field.getReference().eIsProxy()) {
			return field.getReference();
		}
		return null;
	}

	public static Source sourceBefore(EObject context) {
		if (context instanceof FieldStep step) {
			EObject container = step.eContainer();
			if (container instanceof FieldPath path) {
				return path.getSource() == null || path.getSource().eIsProxy() ? null : path.getSource();
			}
			if (container instanceof FieldStep previous) {
				Field field = previous.getField();
				return field == null || field.eIsProxy() ? null : field.getReference();
			}
		}
		if (context instanceof FieldPath path) {
			return path.getSource();
		}
		return null;
	}

	private static IScope fieldsOf(Source source) {
		return source == null || source.eIsProxy() ? IScope.NULLSCOPE : scopeFor(source.getFields(), IScope.NULLSCOPE);
	}

	// ------------------------------------------------------------------ declarations

	/** The template's own and inherited sources, then sources visible by package and import. */
	private IScope sourceScope(EObject context) {
		IScope visible = super.getScope(context, KPI.getField_Reference());
		Template template = TemplateHierarchy.templateOf(context);
		if (template == null) {
			return visible;
		}
		return scoped(template, "sources", () -> new ArrayList<>(TemplateHierarchy.sources(template)), visible);
	}

	private IScope metricScope(EObject context, EReference reference) {
		IScope qualified = super.getScope(context, reference);
		Template template = TemplateHierarchy.templateOf(context);
		if (template == null) {
			return qualified;
		}
		return scoped(template, "linkMetrics", () -> new ArrayList<>(TemplateHierarchy.metrics(template)), qualified);
	}

	/** Template dimensions first, then fields marked {@code dimension} (by name, the first source's wins). */
	private IScope breakdownScope(EObject context) {
		Template template = TemplateHierarchy.templateOf(context);
		if (template == null) {
			return IScope.NULLSCOPE;
		}
		return scoped(template, "breakdowns", () -> {
			Map<String, EObject> byName = new LinkedHashMap<>();
			TemplateHierarchy.dimensions(template).forEach(d -> byName.putIfAbsent(d.getName(), d));
			for (Source source : TemplateHierarchy.sources(template)) {
				source.getFields().stream().filter(Field::isDimension).forEach(f -> byName.putIfAbsent(f.getName(), f));
			}
			return new ArrayList<>(byName.values());
		}, IScope.NULLSCOPE);
	}

	// ------------------------------------------------------------------ helpers

	/**
	 * A scope over the template's members, built once per template and resource state. The parent is
	 * not cached: it depends on the context's imports.
	 */
	private IScope scoped(Template template, String key, java.util.function.Supplier<List<EObject>> elements,
			IScope parent) {
		List<IEObjectDescription> descriptions = cache.get(Tuples.create(key, template), template.eResource(),
				() -> describe(elements.get()));
		return MultimapBasedScope.createScope(parent, descriptions, false);
	}

	private static IScope scopeFor(List<? extends EObject> elements, IScope parent) {
		return MultimapBasedScope.createScope(parent, describe(elements), false);
	}

	private static IScope withParent(IScope scope, IScope parent) {
		if (parent == IScope.NULLSCOPE) {
			return scope;
		}
		return new DelegatingParentScope(scope, parent);
	}

	/** Local names first, in order; a later element of the same name is hidden by the scope's lookup order. */
	private static List<IEObjectDescription> describe(List<? extends EObject> elements) {
		List<IEObjectDescription> descriptions = new ArrayList<>(elements.size());
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (EObject element : elements) {
			String name = element instanceof Symbol symbol ? symbol.getName()
					: element instanceof Template template ? template.getName() : null;
			if (name != null && seen.add(name)) {
				descriptions.add(EObjectDescription.create(QualifiedName.create(name), element));
			}
		}
		return descriptions;
	}
}
