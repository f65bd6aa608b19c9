package io.yardstick.eclipse.tests;

import static io.yardstick.eclipse.tests.UiSupport.describe;
import static io.yardstick.eclipse.tests.UiSupport.markers;
import static io.yardstick.eclipse.tests.UiSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yardstick.eclipse.editor.KpiMarkers;
import io.yardstick.eclipse.preferences.Rules;
import io.yardstick.eclipse.preferences.YardstickPreferencePage;
import io.yardstick.eclipse.preferences.YardstickPreferences;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Window > Preferences > Yardstick changes the open editor's markers: a severity raised, a code
 * ignored, the default core-limit lowered for a template that sets none.
 */
class PreferencesUiTest {
	private static final String ZERO_DENOMINATOR = "zero-denominator";
	private static final String CORE_LIMIT = "core-limit-exceeded";

	private IProject project;
	private IFile file;
	private PreferenceDialog dialog;

	@BeforeEach
	void openAfterSalesWithoutItsCoreLimit() throws Exception {
		UiSupport.fixWindow();
		project = UiSupport.newProject("preferences");
		// The example sets core-limit 5 itself, which a default never overrides: this copy sets none.
		UiSupport.copyExample(project, "after-sales-standard", text -> text.replace("\tcore-limit 5\n", ""));
		file = project.getFile("after-sales.kpi");
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IDE.openEditor(page, file, true);
		waitUntil("the first validation", () -> KpiMarkers.validations(file) >= 1);
	}

	@AfterEach
	void restoreDefaults() throws CoreException {
		if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
			dialog.close();
		}
		IPreferenceStore store = YardstickPreferences.store();
		store.setToDefault(YardstickPreferences.DEFAULT_CORE_LIMIT);
		Rules.all().forEach(rule -> store.setToDefault(YardstickPreferences.severityKey(rule.code())));
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
		project.delete(true, true, null);
	}

	@Test
	void severitiesAndTheCoreLimitChangeTheOpenEditorsMarkers() throws Exception {
		// By default: the division's zero-denominator is an info, and no layer has more than 5 core metrics.
		assertEquals(1, markers(file, ZERO_DENOMINATOR).size(), () -> describe(markers(file)));
		assertEquals(IMarker.SEVERITY_INFO, markers(file, ZERO_DENOMINATOR).get(0).getAttribute(IMarker.SEVERITY, -1));
		assertEquals(List.of(), markers(file, CORE_LIMIT));
		assertEquals("error", YardstickPreferences.severity("unknown-function"));

		YardstickPreferencePage page = openPage();
		page.setSeverity(ZERO_DENOMINATOR, YardstickPreferences.ERROR);
		page.setDefaultCoreLimit(3);
		page.reveal(ZERO_DENOMINATOR);
		UiSupport.screenshot(dialog.getShell(), "08-preferences");
		int before = KpiMarkers.validations(file);
		assertTrue(page.performOk());
		dialog.close();

		// Re-validated without typing: the info is now an error, and the management layer's four core
		// metrics exceed the new default of 3.
		waitUntil("re-validation with the raised severity", () -> KpiMarkers.validations(file) > before
				&& !markers(file, CORE_LIMIT).isEmpty());
		assertEquals(IMarker.SEVERITY_ERROR, markers(file, ZERO_DENOMINATOR).get(0).getAttribute(IMarker.SEVERITY, -1));
		List<IMarker> limits = markers(file, CORE_LIMIT);
		assertEquals(1, limits.size(), () -> describe(limits));
		String message = limits.get(0).getAttribute(IMarker.MESSAGE, "");
		assertTrue(message.startsWith("layer `management` has 4 core metrics, more than the core-limit of 3"), message);

		// Ignore: no marker at all.
		page = openPage();
		page.setSeverity(ZERO_DENOMINATOR, YardstickPreferences.IGNORE);
		int again = KpiMarkers.validations(file);
		assertTrue(page.performOk());
		dialog.close();
		waitUntil("re-validation with the code ignored", () -> KpiMarkers.validations(file) > again);
		assertEquals(List.of(), markers(file, ZERO_DENOMINATOR), () -> describe(markers(file)));
		assertEquals(1, markers(file, CORE_LIMIT).size(), "the other preference still holds");
	}

	@Test
	void thePageListsEveryCodeWithItsMeaning() {
		assertEquals(io.yardstick.dsl.validation.IssueCodes.all().size(), Rules.all().size());
		assertTrue(Rules.all().stream().allMatch(rule -> !rule.meaning().isEmpty() && !rule.severity().isEmpty()),
				"docs/validation.md describes every code, and the build bundles it");
		assertEquals("more core metrics in a layer than the core-limit", Rules.of(CORE_LIMIT).meaning());
		assertEquals("8", Rules.of(CORE_LIMIT).rule());
		assertEquals("warning", Rules.of(CORE_LIMIT).severity());
	}

	private YardstickPreferencePage openPage() {
		dialog = PreferencesUtil.createPreferenceDialogOn(UiSupport.workbenchShell(), "io.yardstick",
				new String[] { "io.yardstick" }, null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		return (YardstickPreferencePage) dialog.getSelectedPage();
	}
}
