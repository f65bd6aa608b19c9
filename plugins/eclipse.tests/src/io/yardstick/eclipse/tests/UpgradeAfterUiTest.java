package io.yardstick.eclipse.tests;

import static io.yardstick.eclipse.tests.UiSupport.describe;
import static io.yardstick.eclipse.tests.UiSupport.markers;
import static io.yardstick.eclipse.tests.UiSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yardstick.eclipse.editor.KpiMarkers;
import io.yardstick.eclipse.preferences.YardstickPreferences;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * The second half of the upgrade test (see {@link UpgradeBeforeUiTest}): the same installation after the current
 * build of the site was installed over the previous one, on the same workspace. The new plugin runs, alone, and the
 * user's severities and core-limit still apply.
 */
class UpgradeAfterUiTest {

	@Test
	void theNewBuildRunsWithTheUsersPreferences() throws Exception {
		Bundle[] installed = Platform.getBundles("io.yardstick.eclipse", null);
		assertEquals(1, installed.length, "one version of the plugin after the update");
		String qualifier = installed[0].getVersion().getQualifier();
		assertEquals(System.getProperty("yardstick.newQualifier"), qualifier, "the new build runs");
		assertNotEquals(System.getProperty("yardstick.previousQualifier"), qualifier);

		assertEquals(YardstickPreferences.ERROR, YardstickPreferences.severity(UpgradeBeforeUiTest.ZERO_DENOMINATOR));
		assertEquals(UpgradeBeforeUiTest.CORE_LIMIT, YardstickPreferences.defaultCoreLimit());

		// And they act on the markers: the division's zero-denominator is an error, and the management layer's four
		// core metrics exceed the default core-limit of 3 in a copy of the example that sets none of its own.
		UiSupport.fixWindow();
		IProject project = UiSupport.newProject("upgraded");
		UiSupport.copyExample(project, "after-sales-standard", text -> text.replace("\tcore-limit 5\n", ""));
		IFile file = project.getFile("after-sales.kpi");
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IDE.openEditor(page, file, true);
		waitUntil("the first validation", () -> KpiMarkers.validations(file) >= 1);
		List<IMarker> zero = markers(file, UpgradeBeforeUiTest.ZERO_DENOMINATOR);
		assertEquals(1, zero.size(), () -> describe(markers(file)));
		assertEquals(IMarker.SEVERITY_ERROR, zero.get(0).getAttribute(IMarker.SEVERITY, -1));
		List<IMarker> limits = markers(file, "core-limit-exceeded");
		assertEquals(1, limits.size(), () -> describe(markers(file)));
		String message = limits.get(0).getAttribute(IMarker.MESSAGE, "");
		assertTrue(message.startsWith("layer `management` has 4 core metrics, more than the core-limit of 3"), message);
		UiSupport.screenshot("02-markers-after-the-update");
		page.closeAllEditors(false);
		project.delete(true, true, null);
	}
}
