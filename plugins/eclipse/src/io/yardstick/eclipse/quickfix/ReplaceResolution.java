package io.yardstick.eclipse.quickfix;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.AbstractMarkerAnnotationModel;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * Writes the replacement over the marker's range in the file's editor (opened if needed), so the fix
 * can be undone there and the editor re-validates as after typing. The file is left unsaved, as
 * after any edit.
 */
final class ReplaceResolution implements IMarkerResolution2 {
	private final String title;
	private final String replacement;

	ReplaceResolution(String title, String replacement) {
		this.title = title;
		this.replacement = replacement;
	}

	@Override
	public String getLabel() {
		return title;
	}

	@Override
	public String getDescription() {
		return title + ": replaces the marked text with `" + replacement + "`.";
	}

	@Override
	public Image getImage() {
		return null;
	}

	@Override
	public void run(IMarker marker) {
		if (!(marker.getResource() instanceof IFile file) || !marker.exists()) {
			return;
		}
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IEditorPart part;
		try {
			part = IDE.openEditor(page, file, false);
		} catch (PartInitException e) {
			return;
		}
		if (!(part instanceof ITextEditor editor)) {
			return;
		}
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		Position position = position(editor, marker);
		if (document == null || position == null) {
			return;
		}
		// The annotation model's position is live: read it before the edit moves it.
		int offset = position.getOffset();
		int length = position.getLength();
		try {
			document.replace(offset, length, replacement);
			editor.selectAndReveal(offset + replacement.length(), 0);
			// The finding is fixed: its marker goes now rather than at the next validation.
			marker.delete();
		} catch (BadLocationException | CoreException e) {
			// The text changed under the marker since it was made; the next validation makes a new one.
		}
	}

	/**
	 * Where the marker is now: the editor's annotation model moves marker positions along with edits
	 * made since the validation; the marker's own attributes are the fallback.
	 */
	private static Position position(ITextEditor editor, IMarker marker) {
		IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
		if (model instanceof AbstractMarkerAnnotationModel markers) {
			Position tracked = markers.getMarkerPosition(marker);
			if (tracked != null && !tracked.isDeleted()) {
				return tracked;
			}
		}
		int start = marker.getAttribute(IMarker.CHAR_START, -1);
		int end = marker.getAttribute(IMarker.CHAR_END, -1);
		return start < 0 || end < start ? null : new Position(start, end - start);
	}
}
