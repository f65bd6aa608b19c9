package io.yardstick.eclipse.editor;

import io.yardstick.eclipse.KpiLanguage;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.reconciler.MonoReconciler;

/**
 * Re-validates a .kpi document shortly after each pause in typing and refreshes its problem
 * markers. The generic editor creates one per editor from the reconcilers extension point. It also
 * re-validates when another .kpi file of the project changes on disk, since the document imports
 * names from those files.
 */
public class KpiReconciler extends MonoReconciler {
	/** Long enough not to re-parse while a word is being typed, short enough to feel live. */
	static final int DELAY_MILLIS = 400;

	private final IResourceChangeListener neighbours = this::resourcesChanged;
	private ITextViewer viewer;

	public KpiReconciler() {
		// Not incremental: the language is validated file by file, so every change re-checks the whole text.
		super(new KpiReconcilingStrategy(), false);
		setDelay(DELAY_MILLIS);
	}

	@Override
	public void install(ITextViewer textViewer) {
		super.install(textViewer);
		viewer = textViewer;
		ResourcesPlugin.getWorkspace().addResourceChangeListener(neighbours, IResourceChangeEvent.POST_CHANGE);
	}

	@Override
	public void uninstall() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(neighbours);
		viewer = null;
		super.uninstall();
	}

	private void resourcesChanged(IResourceChangeEvent event) {
		ITextViewer current = viewer;
		IDocument document = current == null ? null : current.getDocument();
		IFile edited = document == null ? null : KpiDocumentModel.fileOf(document);
		if (edited == null || event.getDelta() == null) {
			return;
		}
		boolean[] relevant = { false };
		try {
			event.getDelta().accept(delta -> {
				IResource resource = delta.getResource();
				if (resource.getType() == IResource.PROJECT && !resource.equals(edited.getProject())) {
					return false;
				}
				if (resource instanceof IFile file && !file.equals(edited)
						&& KpiLanguage.FILE_EXTENSION.equals(file.getFileExtension())
						// Only text changes, additions and removals: marker changes (ours included) would loop.
						&& (delta.getKind() != IResourceDelta.CHANGED || (delta.getFlags() & IResourceDelta.CONTENT) != 0)) {
					relevant[0] = true;
				}
				return !relevant[0];
			});
		} catch (CoreException e) {
			return;
		}
		if (relevant[0]) {
			forceReconciling();
		}
	}
}
