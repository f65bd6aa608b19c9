package io.yardstick.eclipse.wizard;

import io.yardstick.dsl.clienttemplate.ClientTemplateWriter;
import io.yardstick.dsl.clienttemplate.TemplateChoice;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;

/**
 * File > New > Yardstick > Client template from an industry template: writes a client template that
 * extends the chosen industry template, copies the industry template's files into the project when
 * it is not there yet (so that {@code extends} resolves), and opens the new file.
 */
public class NewClientTemplateWizard extends Wizard implements INewWizard {
	private IContainer initial;
	private TemplateChoicePage choicePage;
	private ClientTemplatePage clientPage;
	private IFile created;

	public NewClientTemplateWizard() {
		setWindowTitle("New Client Template");
		setNeedsProgressMonitor(false);
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		Object first = selection == null ? null : selection.getFirstElement();
		IResource resource = first instanceof IAdaptable adaptable ? adaptable.getAdapter(IResource.class) : null;
		if (resource instanceof IFile file) {
			resource = file.getParent();
		}
		initial = resource instanceof IContainer container && container.getType() != IResource.ROOT ? container : null;
	}

	@Override
	public void addPages() {
		List<TemplateChoice> choices = new ArrayList<>(TemplateCatalog.library());
		choices.addAll(TemplateCatalog.workspace());
		choicePage = new TemplateChoicePage(choices);
		clientPage = new ClientTemplatePage(choicePage, initial);
		addPage(choicePage);
		addPage(clientPage);
	}

	@Override
	public boolean canFinish() {
		return choicePage.isPageComplete() && clientPage.isPageComplete();
	}

	@Override
	public boolean performFinish() {
		TemplateChoice choice = choicePage.selected();
		IContainer container = clientPage.container();
		String text = ClientTemplateWriter.write(clientPage.client(choice));
		try {
			created = create(container, clientPage.fileName(), text, choice);
		} catch (CoreException e) {
			MessageDialog.openError(getShell(), "New Client Template", "The client template could not be written: "
					+ e.getStatus().getMessage());
			return false;
		}
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		try {
			IDE.openEditor(page, created, true);
		} catch (PartInitException e) {
			// The file is written; only the editor failed to open, which the user can retry from the explorer.
		}
		return true;
	}

	/** The file written by the last Finish, or null. */
	public IFile created() {
		return created;
	}

	public TemplateChoicePage choicePage() {
		return choicePage;
	}

	public ClientTemplatePage clientPage() {
		return clientPage;
	}

	/**
	 * Writes the client file and, unless the project declares the parent already, the parent's files in
	 * a folder named as in the library. One workspace operation, so the editor sees both at once.
	 */
	static IFile create(IContainer container, String fileName, String text, TemplateChoice choice)
			throws CoreException {
		IFile file = container.getFile(IPath.fromOSString(fileName));
		IWorkspaceRunnable write = monitor -> {
			boolean inProject = container.getProject().getName().equals(choice.project());
			boolean needsCopy = !inProject && !TemplateCatalog.declares(container.getProject(), choice.qualifiedName());
			if (needsCopy) {
				IFolder folder = container.getFolder(IPath.fromOSString(choice.folder()));
				if (!folder.exists()) {
					folder.create(true, true, monitor);
				}
				for (Map.Entry<String, byte[]> entry : choice.files().entrySet()) {
					IFile copy = folder.getFile(entry.getKey());
					if (!copy.exists()) {
						copy.create(new ByteArrayInputStream(entry.getValue()), true, monitor);
					}
				}
			}
			file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, monitor);
			file.setCharset(StandardCharsets.UTF_8.name(), monitor);
		};
		ResourcesPlugin.getWorkspace().run(write, container.getProject(), IResource.NONE, null);
		return file;
	}
}
