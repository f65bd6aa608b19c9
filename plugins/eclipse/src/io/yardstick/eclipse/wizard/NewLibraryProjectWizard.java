package io.yardstick.eclipse.wizard;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;
import org.eclipse.ui.ide.IDE;

/**
 * File > New > Yardstick > Template library with sample data: a project holding every industry template of the
 * library with its data/, then the after-sales template open in the editor, ready for Preview and Review.
 */
public class NewLibraryProjectWizard extends Wizard implements INewWizard {
	private WizardNewProjectCreationPage page;
	private IProject created;

	public NewLibraryProjectWizard() {
		setWindowTitle("New Template Library Project");
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		// The project goes to the workspace root whatever is selected.
	}

	@Override
	public void addPages() {
		page = new WizardNewProjectCreationPage("library");
		page.setTitle("Template library with sample data");
		page.setDescription("Yardstick's industry templates (after-sales, customer management, heavy-asset maintenance, "
				+ "medical service, SaaS support) with their sample data, in one project.");
		page.setInitialProjectName(TemplateLibrary.DEFAULT_PROJECT);
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		try {
			created = TemplateLibrary.createProject(page.getProjectName(), page.useDefaults() ? null : page.getLocationURI());
		} catch (CoreException e) {
			MessageDialog.openError(getShell(), "New Template Library Project",
					"The template library could not be copied: " + e.getStatus().getMessage());
			return false;
		}
		IFile afterSales = created.getFile(TemplateLibrary.AFTER_SALES);
		if (afterSales.exists()) {
			try {
				IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), afterSales, true);
			} catch (PartInitException e) {
				// The project is there; the file can be opened from the explorer.
			}
		}
		return true;
	}

	/** The project made by the last Finish, or null. */
	public IProject created() {
		return created;
	}

	public WizardNewProjectCreationPage page() {
		return page;
	}
}
