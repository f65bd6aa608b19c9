package io.yardstick.eclipse.views;

import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.workspace.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * From what a view shows to the text it came from: a metric's name where it is declared (in another file
 * for an inherited metric), a finding's file, line and column. The views' model is read from the files as
 * saved, so positions are checked against the editor's text before they are used.
 */
final class EditorLinks {
	private EditorLinks() {
	}

	/**
	 * Opens the file declaring the metric and selects its name.
	 *
	 * @param activate true to give the editor the focus (double-click), false to keep it in the view
	 * @return the editor, or null when the metric's file cannot be opened
	 */
	static ITextEditor revealMetric(IWorkbenchPage page, Metric metric, boolean activate) {
		if (metric == null || metric.eResource() == null || !metric.eResource().getURI().isFile()) {
			return null;
		}
		ITextEditor editor = open(page, Path.of(metric.eResource().getURI().toFileString()), activate);
		if (editor == null) {
			return null;
		}
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		String name = metric.getName();
		int offset = -1;
		List<INode> nodes = NodeModelUtils.findNodesForFeature(metric, metric.eClass().getEStructuralFeature("name"));
		if (!nodes.isEmpty() && matches(document, nodes.get(0).getOffset(), name)) {
			offset = nodes.get(0).getOffset();
		} else {
			// The editor holds unsaved changes that moved the declaration: find it in the text as it is now.
			Matcher declaration = Pattern.compile("\\bmetric\\s+(" + Pattern.quote(name) + ")\\b").matcher(document.get());
			if (declaration.find()) {
				offset = declaration.start(1);
			}
		}
		if (offset >= 0) {
			editor.selectAndReveal(offset, name.length());
		}
		return editor;
	}

	/** Opens the finding's file (named relative to the template folder) and selects the finding's range. */
	static ITextEditor revealFinding(IWorkbenchPage page, Path folder, Finding finding) {
		if (folder == null || finding == null) {
			return null;
		}
		ITextEditor editor = open(page, folder.resolve(finding.file()), true);
		if (editor == null) {
			return null;
		}
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		try {
			int start = offset(document, finding.line(), finding.column());
			int end = Math.max(start, offset(document, finding.endLine(), finding.endColumn()));
			editor.selectAndReveal(start, end - start);
		} catch (BadLocationException e) {
			// The text changed since it was saved and the line is gone: the editor is open at least.
		}
		return editor;
	}

	/** A 1-based line and column as a document offset, clamped to the line. */
	private static int offset(IDocument document, int line, int column) throws BadLocationException {
		int lineIndex = Math.max(0, Math.min(line - 1, document.getNumberOfLines() - 1));
		int lineOffset = document.getLineOffset(lineIndex);
		return lineOffset + Math.max(0, Math.min(column - 1, document.getLineLength(lineIndex)));
	}

	private static boolean matches(IDocument document, int offset, String text) {
		try {
			return offset >= 0 && offset + text.length() <= document.getLength()
					&& document.get(offset, text.length()).equals(text);
		} catch (BadLocationException e) {
			return false;
		}
	}

	/** The file's editor, from the workspace when the file is in it, else from the file system. */
	private static ITextEditor open(IWorkbenchPage page, Path path, boolean activate) {
		try {
			IFile[] files = ResourcesPlugin.getWorkspace().getRoot()
					.findFilesForLocationURI(path.toAbsolutePath().normalize().toUri());
			IEditorPart part = null;
			for (IFile file : files) {
				if (file.isAccessible()) {
					part = IDE.openEditor(page, file, activate);
					break;
				}
			}
			if (part == null) {
				part = IDE.openEditorOnFileStore(page, EFS.getLocalFileSystem().getStore(path.toUri()));
			}
			return part instanceof ITextEditor text ? text : part == null ? null : part.getAdapter(ITextEditor.class);
		} catch (PartInitException | RuntimeException e) {
			// A file that went away or cannot be opened: the view keeps its selection, nothing else happens.
			return null;
		}
	}
}
