package io.yardstick.eclipse.editor;

import io.yardstick.eclipse.KpiLanguage;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

/** Gives text editors of .kpi files an outline page; every other editor is left alone. */
public class KpiOutlineAdapterFactory implements IAdapterFactory {

	@Override
	public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
		if (adapterType != IContentOutlinePage.class || !(adaptable instanceof ITextEditor editor)) {
			return null;
		}
		IEditorInput input = editor.getEditorInput();
		if (!(input instanceof IFileEditorInput fileInput)) {
			return null;
		}
		IFile file = fileInput.getFile();
		if (!KpiLanguage.FILE_EXTENSION.equals(file.getFileExtension()) || editor.getDocumentProvider() == null) {
			return null;
		}
		IDocument document = editor.getDocumentProvider().getDocument(input);
		return document == null ? null : adapterType.cast(new KpiOutlinePage(editor, document));
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[] { IContentOutlinePage.class };
	}
}
