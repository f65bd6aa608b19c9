package io.yardstick.eclipse.tests;

import static io.yardstick.eclipse.tests.UiSupport.describe;
import static io.yardstick.eclipse.tests.UiSupport.markers;
import static io.yardstick.eclipse.tests.UiSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yardstick.eclipse.KpiLanguage;
import io.yardstick.eclipse.editor.KpiMarkers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A misspelt function gets the fix the validator suggests, titled as in the language server, in the editor. */
class QuickFixUiTest {
	private IProject project;
	private IFile file;
	private ITextEditor editor;
	private IDocument document;

	@BeforeEach
	void openAfterSales() throws Exception {
		UiSupport.fixWindow();
		project = UiSupport.newProject("quickfix");
		UiSupport.copyExample(project, "after-sales-standard", text -> text);
		file = project.getFile("after-sales.kpi");
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		editor = (ITextEditor) IDE.openEditor(page, file, true);
		document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		waitUntil("the first validation", () -> KpiMarkers.validations(file) >= 1);
	}

	@AfterEach
	void closeAndDelete() throws CoreException {
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
		project.delete(true, true, null);
	}

	@Test
	void aMisspeltFunctionIsFixedFromItsMarker() throws Exception {
		int offset = document.get().indexOf("= avg(Ticket.csat)") + 2;
		int before = KpiMarkers.validations(file);
		document.replace(offset, "avg".length(), "averge");
		waitUntil("the unknown-function marker", () -> KpiMarkers.validations(file) > before
				&& !markers(file, "unknown-function").isEmpty());
		IMarker marker = markers(file, "unknown-function").get(0);
		assertEquals(offset, marker.getAttribute(IMarker.CHAR_START, -1));
		assertTrue(IDE.getMarkerHelpRegistry().hasResolutions(marker), "the marker offers a fix");
		IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(marker);
		assertEquals(List.of("Call `avg`"), Arrays.stream(resolutions).map(IMarkerResolution::getLabel).toList());

		// Ctrl+1 in the editor, with the caret in the misspelt name, offers the same fix.
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().showView(IPageLayout.ID_PROBLEM_VIEW);
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().activate(editor);
		editor.selectAndReveal(offset + 3, 0);
		// The Problems view lists markers after a delay of its own; the screenshot should show the error there.
		UiSupport.runEventLoop(1500);
		UiSupport.expandTrees(UiSupport.workbenchShell(), "Errors (");
		((ITextOperationTarget) editor.getAdapter(ITextOperationTarget.class)).doOperation(ISourceViewer.QUICK_ASSIST);
		List<String> proposals = new ArrayList<>();
		waitUntil("the quick fix popup", () -> {
			proposals.clear();
			proposals.addAll(UiSupport.popupTexts());
			return proposals.stream().anyMatch(text -> text.contains("Call `avg`"));
		});
		UiSupport.screenshot(UiSupport.workbenchShell(), "09-quick-fix");
		UiSupport.runEventLoop(100);
		// Close the popup as Esc would: the fix is applied below through the marker's resolution.
		editor.selectAndReveal(offset, 0);

		int fixed = KpiMarkers.validations(file);
		resolutions[0].run(marker);
		assertEquals("= avg(Ticket.csat)", document.get().substring(offset - 2, offset - 2 + "= avg(Ticket.csat)".length()));
		assertFalse(document.get().contains("averge"));
		waitUntil("re-validation after the fix", () -> KpiMarkers.validations(file) > fixed);
		List<IMarker> errors = markers(file, IMarker.SEVERITY_ERROR);
		assertEquals(List.of(), errors, () -> describe(errors));
		assertFalse(marker.exists(), "the fixed marker is gone");
	}

	@Test
	void markersWithoutAReplacementOfferNoFix() throws Exception {
		// A layer without a level is an error the validator cannot fix: no data, no resolution.
		int offset = document.get().indexOf("layer execution");
		int before = KpiMarkers.validations(file);
		document.replace(offset, "layer execution".length(), "layer operations");
		waitUntil("the unknown-layer-level marker", () -> KpiMarkers.validations(file) > before
				&& !markers(file, "unknown-layer-level").isEmpty());
		IMarker marker = markers(file, "unknown-layer-level").get(0);
		assertEquals("", marker.getAttribute(KpiLanguage.ISSUE_DATA, ""));
		assertFalse(IDE.getMarkerHelpRegistry().hasResolutions(marker));
	}
}
