package io.yardstick.eclipse.editor;

import java.util.List;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

/** The Outline view's page for a .kpi editor: templates, layers and metrics; selecting one reveals it. */
final class KpiOutlinePage extends ContentOutlinePage {
	/** Rebuild the tree only once typing pauses, like the reconciler. */
	private static final int REFRESH_DELAY_MILLIS = 500;

	private final ITextEditor editor;
	private final IDocument document;
	private final Runnable refresh = this::refresh;
	private final IDocumentListener listener = new IDocumentListener() {
		@Override
		public void documentAboutToBeChanged(DocumentEvent event) {
		}

		@Override
		public void documentChanged(DocumentEvent event) {
			Display display = Display.getCurrent();
			if (display != null) {
				display.timerExec(REFRESH_DELAY_MILLIS, refresh);
			}
		}
	};

	KpiOutlinePage(ITextEditor editor, IDocument document) {
		this.editor = editor;
		this.document = document;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return ((List<?>) input).toArray();
			}

			@Override
			public Object[] getChildren(Object parent) {
				return ((KpiOutline.Node) parent).children().toArray();
			}

			@Override
			public Object getParent(Object element) {
				return null;
			}

			@Override
			public boolean hasChildren(Object element) {
				return !((KpiOutline.Node) element).children().isEmpty();
			}
		});
		viewer.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				return ((KpiOutline.Node) element).label();
			}
		});
		viewer.addSelectionChangedListener(event -> {
			if (event.getSelection() instanceof IStructuredSelection selection
					&& selection.getFirstElement() instanceof KpiOutline.Node node) {
				editor.selectAndReveal(node.offset(), 0);
			}
		});
		document.addDocumentListener(listener);
		refresh();
	}

	private void refresh() {
		TreeViewer viewer = getTreeViewer();
		if (viewer == null || viewer.getControl().isDisposed()) {
			return;
		}
		viewer.setInput(KpiOutline.of(document));
		// Layers and their metrics are what the outline is for: show them without clicking.
		viewer.expandToLevel(3);
	}

	@Override
	public void dispose() {
		document.removeDocumentListener(listener);
		super.dispose();
	}
}
