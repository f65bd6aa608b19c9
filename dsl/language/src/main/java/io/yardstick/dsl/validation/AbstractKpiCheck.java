package io.yardstick.dsl.validation;

import com.google.inject.Inject;
import io.yardstick.dsl.types.FormulaAnalyzer;
import java.lang.reflect.Method;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import io.yardstick.dsl.kpi.KpiPackage;
import java.util.List;

/**
 * Base of the per-concern validators that {@link KpiValidator} composes. A check that throws does
 * not take validation down with it: the crash becomes an {@link IssueCodes#INTERNAL_ERROR} on the
 * element it was checking, and every other check still runs.
 */
public abstract class AbstractKpiCheck extends AbstractDeclarativeValidator {
	@Inject
	private FormulaAnalyzer analyzer;

	@Inject
	private ValidationSettings injectedSettings;

	@Override
	public void register(EValidatorRegistrar registrar) {
		// Composed into KpiValidator, never registered on its own.
	}

	@Override
	protected List<EPackage> getEPackages() {
		return List.of(KpiPackage.eINSTANCE);
	}

	@Override
	protected void handleExceptionDuringValidation(Throwable exception) {
		EObject element = getCurrentObject();
		Method check = getCurrentMethod();
		String crash = exception.getClass().getSimpleName()
				+ (exception.getMessage() == null ? "" : " (" + exception.getMessage() + ")");
		error(check == null ? message(element, "internal-error.anyCheck", crash)
				: message(element, "internal-error.check", check.getName(), crash), element, null, IssueCodes.INTERNAL_ERROR);
	}

	/** The settings of the injector that made the element's resource ({@link ValidationSettings#of}). */
	protected ValidationSettings settings(EObject element) {
		return ValidationSettings.of(element, injectedSettings);
	}

	/**
	 * A finding's message: the text of {@code key} (an issue code, or a code and a variant such as
	 * {@code zero-denominator.row}) with its arguments, in the language of the element's settings.
	 */
	protected String message(EObject element, String key, Object... arguments) {
		return FindingTexts.of(settings(element).language()).get(key, arguments);
	}

	/** The formula analyses of this validation run, shared by every check of every validator. */
	protected Analyses analyses() {
		return Analyses.of(getContext(), analyzer);
	}

	/** The 1-based line where an element starts, for messages that point to an earlier declaration. */
	protected static int lineOf(EObject element) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		return node == null ? 0 : node.getStartLine();
	}
}
