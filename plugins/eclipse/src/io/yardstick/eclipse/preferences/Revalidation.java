package io.yardstick.eclipse.preferences;

import io.yardstick.eclipse.KpiLanguage;
import io.yardstick.eclipse.editor.KpiDocumentModel;
import io.yardstick.eclipse.editor.KpiMarkers;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;

/**
 * Re-validates the .kpi documents open in editors, after a preference changed: the reconciler only
 * runs when the text changes, and the markers must show the new severities and core-limit at once.
 */
final class Revalidation {
	private Revalidation() {
	}

	/** One job for every change: OK on the page sets many preferences at once, and they need one re-validation. */
	private static final Job JOB = Job.create("Re-validating Yardstick templates", Revalidation::run);

	static {
		JOB.setSystem(true);
	}

	/** Re-validates the open .kpi documents soon, once for a burst of changes. */
	static void openEditors() {
		if (PlatformUI.isWorkbenchRunning()) {
			JOB.schedule(100);
		}
	}

	private static IStatus run(IProgressMonitor monitor) {
		List<IDocument> documents = new ArrayList<>();
		Display display = PlatformUI.getWorkbench().getDisplay();
		if (!display.isDisposed()) {
			display.syncExec(() -> documents.addAll(openDocuments()));
		}
		return validate(documents, monitor);
	}

	/** The documents of the open .kpi editors; on the UI thread. */
	private static List<IDocument> openDocuments() {
		List<IDocument> documents = new ArrayList<>();
		for (IWorkbenchWindow window : PlatformUI.getWorkbench().getWorkbenchWindows()) {
			for (IWorkbenchPage page : window.getPages()) {
				for (IEditorReference reference : page.getEditorReferences()) {
					// Editors not restored yet have no document; they validate when they open.
					IEditorPart editor = reference.getEditor(false);
					if (editor instanceof ITextEditor text && text.getEditorInput() instanceof IFileEditorInput input
							&& KpiLanguage.FILE_EXTENSION.equals(input.getFile().getFileExtension())) {
						IDocument document = text.getDocumentProvider().getDocument(input);
						if (document != null) {
							documents.add(document);
						}
					}
				}
			}
		}
		return documents;
	}

	private static IStatus validate(List<IDocument> documents, IProgressMonitor monitor) {
		for (IDocument document : documents) {
			if (monitor.isCanceled()) {
				return Status.CANCEL_STATUS;
			}
			KpiDocumentModel model = KpiDocumentModel.of(document);
			IFile file = model.file();
			if (file == null) {
				continue;
			}
			try {
				List<Issue> issues = model.read(resource -> resource.getResourceServiceProvider().getResourceValidator()
						.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl));
				KpiMarkers.replace(file, issues);
			} catch (IllegalStateException closed) {
				// The editor closed meanwhile; its markers went with it.
			}
		}
		return Status.OK_STATUS;
	}
}
