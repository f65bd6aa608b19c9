package io.yardstick.dsl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.testing.Models;
import java.util.HashMap;
import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.FeatureBasedDiagnostic;
import org.junit.jupiter.api.Test;

/** A check that crashes becomes an internal-error diagnostic on the element; validation goes on. */
class InternalErrorTest {

	/** A check with a bug in it, and a healthy one after it. */
	public static class CrashingCheck extends AbstractKpiCheck {
		boolean healthyCheckRan;

		@Check
		public void crash(Template template) {
			throw new IllegalStateException("simulated bug");
		}

		@Check
		public void healthy(Template template) {
			healthyCheckRan = true;
		}
	}

	@Test
	void aCrashBecomesADiagnostic() {
		Template template = Models.template(Models.parse("package p\ntemplate T {\n}\n"), "T");
		CrashingCheck check = Models.workspace().injector().getInstance(CrashingCheck.class);
		BasicDiagnostic diagnostics = new BasicDiagnostic();
		check.validate(template.eClass(), template, diagnostics, new HashMap<>());
		assertThat(check.healthyCheckRan).isTrue();
		assertThat(diagnostics.getChildren()).hasSize(1);
		Diagnostic diagnostic = diagnostics.getChildren().get(0);
		assertThat(diagnostic.getSeverity()).isEqualTo(Diagnostic.ERROR);
		assertThat(((FeatureBasedDiagnostic) diagnostic).getIssueCode()).isEqualTo(IssueCodes.INTERNAL_ERROR);
		assertThat(diagnostic.getMessage()).isEqualTo("internal error in check crash: IllegalStateException (simulated bug);"
				+ " this element is not fully validated, please report it");
	}
}
