package io.yardstick.dsl.ide.contentassist;

import io.yardstick.dsl.ide.ModelDescriptions;
import io.yardstick.dsl.kpi.KpiPackage;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeCrossrefProposalProvider;
import org.eclipse.xtext.resource.IEObjectDescription;

/**
 * Names a reference can take, each with what it is: a metric shows its kind and layer, a field
 * its kind, so that the list says which name is meant without opening the declaration.
 */
public class KpiCrossrefProposalProvider extends IdeCrossrefProposalProvider {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;

	@Override
	protected ContentAssistEntry createProposal(IEObjectDescription candidate, CrossReference crossRef,
			ContentAssistContext context) {
		ContentAssistEntry entry = super.createProposal(candidate, crossRef, context);
		if (entry == null) {
			return null;
		}
		entry.setKind(kindOf(candidate.getEClass()));
		EObject target = candidate.getEObjectOrProxy();
		if (target.eIsProxy() && context.getResource() != null) {
			target = EcoreUtil.resolve(target, context.getResource());
		}
		if (!target.eIsProxy()) {
			entry.setDescription(ModelDescriptions.summary(target));
		}
		return entry;
	}

	private static String kindOf(EClass type) {
		if (type == KPI.getMetric()) {
			return ContentAssistEntry.KIND_VARIABLE;
		}
		if (type == KPI.getSource() || type == KPI.getTemplate()) {
			return ContentAssistEntry.KIND_CLASS;
		}
		if (type == KPI.getField()) {
			return ContentAssistEntry.KIND_FIELD;
		}
		if (type == KPI.getDimension()) {
			return ContentAssistEntry.KIND_ENUM;
		}
		if (type == KPI.getEnumValue()) {
			return ContentAssistEntry.KIND_VALUE;
		}
		return ContentAssistEntry.KIND_REFERENCE;
	}
}
