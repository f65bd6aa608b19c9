package io.yardstick.eclipse.tests;

import static io.yardstick.eclipse.tests.UiSupport.describe;
import static io.yardstick.eclipse.tests.UiSupport.markers;
import static io.yardstick.eclipse.tests.UiSupport.screenshot;
import static io.yardstick.eclipse.tests.UiSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yardstick.eclipse.editor.KpiMarkers;
import io.yardstick.eclipse.wizard.ClientTemplatePage;
import io.yardstick.eclipse.wizard.NewClientTemplateWizard;
import io.yardstick.dsl.clienttemplate.TemplateChoice;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.part.ISetSelectionTarget;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** File > New > Yardstick > Client template from an industry template, filled and finished as a user would. */
class ClientTemplateWizardUiTest {
	private static final String AFTER_SALES = "aftersales.standard.StandardAfterSales";

	private IProject project;
	private TestDialog dialog;

	/** Finish as the button does (finishPressed is protected). */
	private static final class TestDialog extends WizardDialog {
		TestDialog(Shell parent, IWizard wizard) {
			super(parent, wizard);
		}

		void finish() {
			finishPressed();
		}
	}

	@BeforeEach
	void emptyProject() throws CoreException {
		UiSupport.fixWindow();
		project = UiSupport.newProject("globex");
	}

	@AfterEach
	void closeAndDelete() throws CoreException {
		if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
			dialog.close();
		}
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
		project.delete(true, true, null);
	}

	@Test
	void theWizardIsUnderYardstickInFileNew() {
		IWizardDescriptor descriptor = PlatformUI.getWorkbench().getNewWizardRegistry()
				.findWizard("io.yardstick.eclipse.wizard.clientTemplate");
		assertNotNull(descriptor, "the new-wizard is registered");
		assertEquals("Client template from an industry template", descriptor.getLabel());
		assertEquals("io.yardstick", descriptor.getCategory().getId());
		assertEquals("Yardstick", descriptor.getCategory().getLabel());
	}

	@Test
	void writesAClientOfTheAfterSalesTemplateThatValidatesAndOpens() throws Exception {
		NewClientTemplateWizard wizard = open();

		// Page 1: the library's industry templates, the after-sales one chosen.
		assertTrue(wizard.choicePage().isPageComplete(), "a template is chosen from the start");
		assertTrue(wizard.choicePage().select(AFTER_SALES), "the library offers " + AFTER_SALES);
		TemplateChoice chosen = wizard.choicePage().selected();
		assertEquals(AFTER_SALES, chosen.qualifiedName());
		assertTrue(chosen.fromLibrary());
		screenshot(dialog.getShell(), "04-wizard-industry-template");

		// Page 2: a name that is not an identifier is refused with a clear message.
		dialog.showPage(wizard.clientPage());
		ClientTemplatePage page = wizard.clientPage();
		page.fill("/globex", "Globex Ltd");
		assertFalse(page.isPageComplete());
		assertTrue(page.getErrorMessage().contains("'Globex Ltd' is not a valid name"), page.getErrorMessage());
		assertFalse(wizard.canFinish());
		screenshot(dialog.getShell(), "05-wizard-invalid-name");

		page.fill("/globex", "Globex");
		assertNull(page.getErrorMessage());
		assertTrue(wizard.canFinish());
		assertEquals("globex.kpi", page.fileName());
		screenshot(dialog.getShell(), "06-wizard-client-template");

		dialog.finish();
		IFile client = project.getFile("globex.kpi");
		assertTrue(client.exists(), "the client file is written");
		assertTrue(project.getFile("after-sales-standard/after-sales.kpi").exists(), "the industry template is copied");
		assertTrue(project.getFile("after-sales-standard/customers.kpi").exists(), "with the file it imports from");
		String text = new String(client.getContents().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(text.contains("package aftersales.globex\n"), text);
		assertTrue(text.contains("template Globex \"Globex 标准售后服务模板\"@zh \"Globex Standard after-sales service\"@en "
				+ "extends aftersales.standard.StandardAfterSales {"), text);
		assertTrue(text.contains("// exclude metric "), text);

		// It opens in the editor, which validates it with the copied template: no errors.
		IEditorPart editor = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().getActiveEditor();
		assertNotNull(editor);
		assertEquals(client, ((IFileEditorInput) editor.getEditorInput()).getFile());
		waitUntil("the client file's first validation", () -> KpiMarkers.validations(client) >= 1);
		List<IMarker> errors = markers(client, IMarker.SEVERITY_ERROR);
		assertEquals(List.of(), errors, () -> describe(errors));
		// What a consultant checks next: the copied industry template beside it, and no problems.
		IWorkbenchPage workbenchPage = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IViewPart explorer = workbenchPage.showView(IPageLayout.ID_PROJECT_EXPLORER);
		((ISetSelectionTarget) explorer).selectReveal(new StructuredSelection(project.getFile("after-sales-standard/after-sales.kpi")));
		workbenchPage.showView(IPageLayout.ID_PROBLEM_VIEW);
		workbenchPage.activate(editor);
		UiSupport.runEventLoop(500);
		screenshot(UiSupport.workbenchShell(), "07-client-template-in-editor");
	}

	@Test
	void anExistingFileIsRefused() throws Exception {
		project.getFile("globex.kpi").create(new java.io.ByteArrayInputStream(new byte[0]), true, null);
		NewClientTemplateWizard wizard = open();
		dialog.showPage(wizard.clientPage());
		wizard.clientPage().fill("/globex", "Globex");
		assertFalse(wizard.canFinish());
		assertEquals("'/globex/globex.kpi' exists already: choose another name or folder.",
				wizard.clientPage().getErrorMessage());
	}

	private NewClientTemplateWizard open() {
		NewClientTemplateWizard wizard = new NewClientTemplateWizard();
		wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
		dialog = new TestDialog(UiSupport.workbenchShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		return wizard;
	}
}
