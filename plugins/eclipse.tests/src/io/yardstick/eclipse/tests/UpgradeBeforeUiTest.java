package io.yardstick.eclipse.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yardstick.eclipse.preferences.YardstickPreferencePage;
import io.yardstick.eclipse.preferences.YardstickPreferences;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.Test;

/**
 * The first half of the upgrade test: the plain platform with the previous build of the update site installed by the
 * p2 director. A user changes Yardstick's preferences there; the build then installs the current site over it (p2
 * director, uninstall and install in one plan, as an update does) and {@link UpgradeAfterUiTest} starts the same
 * installation on the same workspace.
 */
class UpgradeBeforeUiTest {
	static final String ZERO_DENOMINATOR = "zero-denominator";
	static final int CORE_LIMIT = 3;

	@Test
	void theUserChangesSeveritiesAndTheCoreLimitInThePreviousBuild() throws Exception {
		assertEquals(System.getProperty("yardstick.previousQualifier"),
				Platform.getBundle("io.yardstick.eclipse").getVersion().getQualifier(), "the previous build runs");

		PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(UiSupport.workbenchShell(), "io.yardstick",
				new String[] { "io.yardstick" }, null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		YardstickPreferencePage page = (YardstickPreferencePage) dialog.getSelectedPage();
		page.setSeverity(ZERO_DENOMINATOR, YardstickPreferences.ERROR);
		page.setDefaultCoreLimit(CORE_LIMIT);
		page.reveal(ZERO_DENOMINATOR);
		UiSupport.screenshot(dialog.getShell(), "01-preferences-in-the-previous-build");
		assertTrue(page.performOk());
		dialog.close();

		// Where Eclipse keeps them: the workspace, not the installation that the update replaces.
		Path prefs = Path.of(Platform.getInstanceLocation().getURL().toURI())
				.resolve(".metadata/.plugins/org.eclipse.core.runtime/.settings/io.yardstick.eclipse.prefs");
		String saved = Files.readString(prefs, StandardCharsets.UTF_8);
		assertTrue(saved.contains("severity." + ZERO_DENOMINATOR + "=error"), saved);
		assertTrue(saved.contains(YardstickPreferences.DEFAULT_CORE_LIMIT + "=" + CORE_LIMIT), saved);
	}
}
