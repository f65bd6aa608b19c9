package io.yardstick.dsl.scoping;

import io.yardstick.dsl.validation.FindingTexts;
import io.yardstick.runtime.text.Texts;

import com.google.inject.Inject;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.MemberAccess;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.model.ModelText;
import io.yardstick.dsl.model.Suggestions;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.validation.IssueCodes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.IllegalNodeException;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScopeProvider;

/**
 * Says what kind of thing a name failed to resolve to, where Yardstick looked, and the nearest
 * name that does exist. The suggestion travels as issue data, for the quick fix that replaces it.
 */
public class KpiLinkingDiagnosticMessageProvider extends LinkingDiagnosticMessageProvider {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;
	private static final int MAX_CANDIDATES = 5_000;

	@Inject
	private IScopeProvider scopeProvider;

	@Inject
	private io.yardstick.dsl.validation.ValidationSettings injectedSettings;

	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		if (context.getContext() instanceof MemberAccess access && (access.getReceiver() == null
				|| access.getReceiver() instanceof MemberAccess previous
						&& previous.eGet(KPI.getMemberAccess_Member(),
								false) instanceof EObject before && before.eIsProxy())) {
			// The step before is unknown already and has its error (or was cut off with a too-deep error): one
			// error per path, not one per step after it.
			return null;
		}
		String name;
		try {
			name = context.getLinkText();
		} catch (IllegalNodeException e) {
			name = e.getNode().getText();
		}
		EObject element = context.getContext();
		EReference reference = context.getReference();
		String suggestion = Suggestions.closest(name, candidates(element, reference));
		Texts texts = FindingTexts.of(io.yardstick.dsl.validation.ValidationSettings.of(element, injectedSettings)
				.language());
		String owner = owner(element, reference, texts);
		String message = texts.get("unresolved-reference", what(element, reference, texts), name,
				owner == null ? "" : texts.get("unresolved-reference.in", owner),
				suggestion == null ? "" : texts.get("unresolved-reference.meant", suggestion),
				hint(element, reference, name, texts));
		String[] data = suggestion == null ? new String[0] : new String[] { suggestion };
		return new DiagnosticMessage(message, Severity.ERROR, IssueCodes.UNRESOLVED_REFERENCE, data);
	}

	private String what(EObject element, EReference reference, Texts texts) {
		if (reference == KPI.getSymbolReference_Symbol()) {
			if (rowSource(element) != null) {
				return texts.get("element.fieldOrEnumValue");
			}
			return texts.get(KpiScopeProvider.enclosingAggregate(element) != null ? "element.sourceOrField"
					: "element.metricOrSource");
		}
		if (reference == KPI.getMemberAccess_Member() || reference == KPI.getFieldStep_Field()) {
			return texts.get("element.field");
		}
		if (reference == KPI.getMetric_Breakdowns() || reference == KPI.getTile_Breakdowns()) {
			return texts.get("element.dimension");
		}
		if (reference == KPI.getLink_Source() || reference == KPI.getLink_Target() || reference == KPI.getLoop_Steps()
				|| reference == KPI.getTile_Metric()) {
			return texts.get("element.metric");
		}
		String type = reference.getEReferenceType().getName();
		String key = "element." + type.toLowerCase();
		return texts.has(key) ? texts.get(key) : type.toLowerCase();
	}

	/** The source a field was looked for in, when there is one: "source Ticket"; or the template excluded from. */
	private String owner(EObject element, EReference reference, Texts texts) {
		if (reference == KPI.getExclusion_Metric() || reference == KPI.getExclusion_Loop()) {
			Template template = TemplateHierarchy.templateOf(element);
			Template parent = template == null ? null : template.getParent();
			return parent == null || parent.eIsProxy() ? null : texts.get("unresolved-reference.parent", parent.getName());
		}
		Source source = null;
		if (reference == KPI.getSymbolReference_Symbol()) {
			source = rowSource(element);
		} else if (reference == KPI.getMemberAccess_Member() && element instanceof MemberAccess access) {
			source = KpiScopeProvider.sourceAfter(access.getReceiver());
		} else if (reference == KPI.getFieldStep_Field()) {
			source = KpiScopeProvider.sourceBefore(element);
		}
		return source == null ? null : texts.get("unresolved-reference.source", source.getName());
	}

	private String hint(EObject element, EReference reference, String name, Texts texts) {
		if (reference == KPI.getSymbolReference_Symbol()) {
			FunctionCall aggregate = KpiScopeProvider.enclosingAggregate(element);
			if (aggregate != null && rowSource(element) == null) {
				return texts.get("unresolved-reference.noSource", ModelText.quoted(aggregate), name);
			}
		}
		if (reference == KPI.getMemberAccess_Member() && element instanceof MemberAccess access
				&& KpiScopeProvider.sourceAfter(access.getReceiver()) == null) {
			return texts.get("unresolved-reference.dot");
		}
		if (reference == KPI.getExclusion_Metric() || reference == KPI.getExclusion_Loop()) {
			Template template = TemplateHierarchy.templateOf(element);
			// With a parent, the message already says where the name was looked for.
			return template == null || template.getParent() == null
					? texts.get("unresolved-reference.noParent") : "";
		}
		if (reference == KPI.getMetric_Breakdowns() || reference == KPI.getTile_Breakdowns()) {
			return texts.get("unresolved-reference.dimension", name);
		}
		return "";
	}

	private Source rowSource(EObject element) {
		return scopeProvider instanceof KpiScopeProvider kpi ? kpi.rowSourceAt(element) : null;
	}

	private List<String> candidates(EObject element, EReference reference) {
		List<String> names = new ArrayList<>();
		try {
			for (IEObjectDescription description : scopeProvider.getScope(element, reference).getAllElements()) {
				names.add(description.getName().getLastSegment());
				if (names.size() >= MAX_CANDIDATES) {
					break;
				}
			}
		} catch (RuntimeException brokenScope) {
			// A suggestion is a courtesy: the diagnostic itself must not fail.
		}
		return names;
	}
}
