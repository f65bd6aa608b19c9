package io.yardstick.dsl.scoping;

import com.google.inject.Inject;
import io.yardstick.dsl.kpi.DataFormat;
import io.yardstick.dsl.kpi.EnumKind;
import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.FieldPath;
import io.yardstick.dsl.kpi.FieldStep;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.Loop;
import io.yardstick.dsl.kpi.MemberAccess;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Symbol;
import io.yardstick.dsl.kpi.SymbolReference;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.model.Sources;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.types.FormulaAnalyzer;
import io.yardstick.dsl.types.Functions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
		Template template = TemplateHierarchy.templateOf(context);
		if (reference == KPI.getMemberAccess_Member()) {
			if (!(context instanceof MemberAccess access)) {
				return IScope.NULLSCOPE;
			}
			resolveStepsBefore(access);
			return fieldsOf(targetSource(access.getReceiver()), template);
		}
		if (reference == KPI.getFieldStep_Field()) {
			resolveStepsBefore(context);
			return fieldsOf(sourceBefore(context), template);
		}
		if (template == null) {
			return super.getScope(context, reference);
		}
		if (reference == KPI.getSymbolReference_Symbol()) {
			return symbolScope(template, context);
		}
		if (reference == KPI.getFieldPath_Source() || reference == KPI.getField_Reference()
				|| reference == KPI.getSourceExtension_Source() || reference == KPI.getFunctionCall_Per()
				|| reference == KPI.getDataFormat_Source()) {
			return sourceScope(template);
		}
		if (reference == KPI.getColumnMapping_Field()) {
			DataFormat format = EcoreUtil2.getContainerOfType(context, DataFormat.class);
			return format == null ? IScope.NULLSCOPE : fieldsOf(format.getSource(), template);
		}
		if (reference == KPI.getMetric_Breakdowns() || reference == KPI.getTile_Breakdowns()) {
			return breakdownScope(template);
		}
		if (reference == KPI.getExclusion_Metric() || reference == KPI.getExclusion_Loop()) {
			return exclusionScope(template, reference);
		}
		if (reference == KPI.getLink_Source() || reference == KPI.getLink_Target() || reference == KPI.getLoop_Steps()
				|| reference == KPI.getTile_Metric()) {
			return cached(template, "linkMetrics", () -> scopeFor(TemplateHierarchy.metrics(template),
					super.getScope(template, KPI.getLink_Source())));
		}
		return super.getScope(context, reference);
	}

	/**
	 * Only what the parent has can be excluded. On an extends cycle nothing is in scope: the parent's
	 * metrics would depend on this very exclusion.
	 */
	private IScope exclusionScope(Template template, EReference reference) {
		Template parent = template.getParent();
		if (parent == null || parent.eIsProxy() || !TemplateHierarchy.extendsCycle(template).isEmpty()) {
			return IScope.NULLSCOPE;
		}
		return reference == KPI.getExclusion_Metric()
				? cached(template, "excludableMetrics", () -> scopeFor(TemplateHierarchy.metrics(parent), IScope.NULLSCOPE))
				: cached(template, "excludableLoops", () -> scopeFor(TemplateHierarchy.loops(parent), IScope.NULLSCOPE));
	}

	// ------------------------------------------------------------------ formulas

	private IScope symbolScope(Template template, EObject context) {
		FunctionCall aggregate = enclosingAggregate(context);
		if (aggregate == null) {
			return cached(template, "formulaNames", () -> {
				List<EObject> elements = new ArrayList<>(TemplateHierarchy.metrics(template));
				elements.addAll(TemplateHierarchy.sources(template));
				return scopeFor(elements, withParent(sourceScope(template), allFieldsScope(template)));
			});
		}
		Source rows = rowSourceByName(aggregate, template);
		// Sources before metrics here: count(Ticket) must mean the source even beside a metric called Ticket.
		IScope outer = cached(template, "aggregateNames", () -> withParent(sourceScope(template),
				scopeFor(TemplateHierarchy.metrics(template), IScope.NULLSCOPE)));
		if (rows == null) {
			return outer;
		}
		return cache.get(Tuples.create("rowNames", template, rows), template.eResource(), () -> {
			List<EObject> inner = new ArrayList<>(Sources.fields(rows, template));
			// Enum values by nearness, since the first of equal names wins: the row source's own, then those of
			// sources its references reach (an imported Customer's segment), then the rest of the template's.
			List<Source> order = new ArrayList<>(List.of(rows));
			for (int i = 0; i < order.size(); i++) {
				for (Field field : Sources.fields(order.get(i), template)) {
					Source target = field.getReference();
					if (target != null && !target.eIsProxy() && !order.contains(target)) {
						order.add(target);
					}
				}
			}
			for (Source source : TemplateHierarchy.sources(template)) {
				if (!order.contains(source)) {
					order.add(source);
				}
			}
			for (Source source : order) {
				for (Field field : Sources.fields(source, template)) {
					if (field.getKind() instanceof EnumKind values) {
						inner.addAll(values.getValues());
					}
				}
			}
			return scopeFor(inner, outer);
		});
	}

	/**
	 * The source whose fields bare names inside the enclosing aggregate refer to; null outside
	 * aggregates and in an aggregate that names no source. Used by error messages too.
	 */
	public Source rowSourceAt(EObject context) {
		FunctionCall aggregate = enclosingAggregate(context);
		Template template = TemplateHierarchy.templateOf(context);
		return aggregate == null || template == null ? null : rowSourceByName(aggregate, template);
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
	 * source. FormulaAnalyzer.rowSourceOf applies the same rule to the linked model. Worked out
	 * once per aggregate, not once per name in it.
	 */
	private Source rowSourceByName(FunctionCall aggregate, Template template) {
		return cache.get(Tuples.create("rowSource", aggregate), aggregate.eResource(), () -> {
			IScope sources = sourceScope(template);
			List<EObject> named = new ArrayList<>();
			if (!NodeModelUtils.findNodesForFeature(aggregate, KPI.getFunctionCall_Per()).isEmpty()) {
				named.add(aggregate);
			}
			named.addAll(FormulaAnalyzer.ownReferences(aggregate));
			for (EObject reference : named) {
				List<INode> nodes = NodeModelUtils.findNodesForFeature(reference, reference instanceof FunctionCall
						? KPI.getFunctionCall_Per() : KPI.getSymbolReference_Symbol());
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
						return Optional.of(resolved);
					}
				}
			}
			return Optional.<Source>empty();
		}).orElse(null);
	}

	/** Fields of every source of the template: only so that a field misused outside an aggregate gets a precise error. */
	private IScope allFieldsScope(Template template) {
		return cached(template, "allFields", () -> {
			List<EObject> fields = new ArrayList<>();
			for (Source source : TemplateHierarchy.sources(template)) {
				fields.addAll(Sources.fields(source, template));
			}
			return scopeFor(fields, IScope.NULLSCOPE);
		});
	}

	/**
	 * Links the earlier steps of a reference path first to last, so that linking each step finds the step
	 * before it already linked: resolving the last step first would recurse once per step, and a long path
	 * would overflow the stack. Each step is tried once per version of the file, so a long path of
	 * unknown fields costs linear time too.
	 */
	private void resolveStepsBefore(EObject step) {
		List<EObject> earlier = new ArrayList<>();
		if (step instanceof MemberAccess access) {
			for (Expression receiver = access.getReceiver(); receiver instanceof MemberAccess previous
					&& !tried(previous); receiver = previous.getReceiver()) {
				earlier.add(previous);
			}
		} else {
			for (EObject container = step.eContainer(); container instanceof FieldStep previous
					&& !tried(previous); container = previous.eContainer()) {
				earlier.add(previous);
			}
		}
		for (int i = earlier.size() - 1; i >= 0; i--) {
			EObject previous = earlier.get(i);
			triedSteps(previous).add(previous);
			if (previous instanceof MemberAccess access) {
				access.getMember();
			} else {
				((FieldStep) previous).getField();
			}
		}
	}

	private boolean tried(EObject step) {
		EReference feature = step instanceof MemberAccess ? KPI.getMemberAccess_Member() : KPI.getFieldStep_Field();
		EObject target = (EObject) step.eGet(feature, false);
		return target == null || !target.eIsProxy() || triedSteps(step).contains(step);
	}

	/** The path steps linked so far in this version of the step's file. */
	private Set<EObject> triedSteps(EObject step) {
		return cache.get("linked path steps", step.eResource(), () -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
	}

	/** The source whose fields follow a navigation step: a source itself, or what a reference field points to. */
	private static Source targetSource(Expression receiver) {
		EObject target = null;
		if (receiver instanceof SymbolReference reference) {
			target = reference.getSymbol();
		} else if (receiver instanceof MemberAccess access) {
			// Already tried by resolveStepsBefore: resolving again would only fail again.
			target = (EObject) access.eGet(KPI.getMemberAccess_Member(), false);
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
				Field field = (Field) previous.eGet(KPI.getFieldStep_Field(), false);
				return field == null || field.eIsProxy() ? null : field.getReference();
			}
		}
		if (context instanceof FieldPath path) {
			return path.getSource();
		}
		return null;
	}

	/** The source's fields, with those the template's {@code extend source} declarations add. */
	private IScope fieldsOf(Source source, Template template) {
		if (source == null || source.eIsProxy()) {
			return IScope.NULLSCOPE;
		}
		if (template == null) {
			return cache.get(Tuples.create("fields", source), source.eResource(),
					() -> scopeFor(source.getFields(), IScope.NULLSCOPE));
		}
		return cache.get(Tuples.create("fields", source, template), template.eResource(),
				() -> scopeFor(Sources.fields(source, template), IScope.NULLSCOPE));
	}

	// ------------------------------------------------------------------ declarations

	/** The template's own and inherited sources, then sources visible by package and import. */
	private IScope sourceScope(Template template) {
		return cached(template, "sources", () -> scopeFor(TemplateHierarchy.sources(template),
				super.getScope(template, KPI.getField_Reference())));
	}

	/** Template dimensions first, then fields marked {@code dimension} (by name, the first source's wins). */
	private IScope breakdownScope(Template template) {
		return cached(template, "breakdowns", () -> {
			Map<String, EObject> byName = new LinkedHashMap<>();
			TemplateHierarchy.dimensions(template).forEach(d -> byName.putIfAbsent(d.getName(), d));
			for (Source source : TemplateHierarchy.sources(template)) {
				Sources.fields(source, template).stream().filter(Field::isDimension)
						.forEach(f -> byName.putIfAbsent(f.getName(), f));
			}
			return scopeFor(new ArrayList<>(byName.values()), IScope.NULLSCOPE);
		});
	}

	// ------------------------------------------------------------------ helpers

	/**
	 * A scope of the template's, built once per template and state of its file. Its parents are
	 * cached with it: a template's imports, and so what its names resolve to, are the same for
	 * every reference in it. Linking does not clear the cache; any edit of the file does.
	 */
	private IScope cached(Template template, String key, Supplier<IScope> scope) {
		return cache.get(Tuples.create(key, template), template.eResource(), scope::get);
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
					: element instanceof Template template ? template.getName()
					: element instanceof Loop loop ? loop.getName() : null;
			if (name != null && seen.add(name)) {
				descriptions.add(EObjectDescription.create(QualifiedName.create(name), element));
			}
		}
		return descriptions;
	}
}
