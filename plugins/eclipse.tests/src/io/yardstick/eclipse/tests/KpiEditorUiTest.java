package io.yardstick.eclipse.tests;

import static io.yardstick.eclipse.tests.UiSupport.describe;
import static io.yardstick.eclipse.tests.UiSupport.runEventLoop;
import static io.yardstick.eclipse.tests.UiSupport.screenshot;
import static io.yardstick.eclipse.tests.UiSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yardstick.eclipse.KpiLanguage;
import io.yardstick.eclipse.editor.KpiMarkers;
import io.yardstick.eclipse.editor.KpiTextHover;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The .kpi editor inside a real IDE workbench: a project holding the after-sales example template,
 * the main file opened the way a user opens it, then typed into through its document.
 */
class KpiEditorUiTest {
	private static final String EXAMPLE = "after-sales-standard";
	private static final String MAIN_FILE = "after-sales.kpi";

	private IProject project;
	private IFile file;
	private ITextEditor editor;
	private IDocument document;

	@BeforeEach
	void openExampleInEditor() throws Exception {
		UiSupport.fixWindow();
		project = UiSupport.newProject("after-sales");
		UiSupport.copyExample(project, EXAMPLE, text -> text);
		file = project.getFile(MAIN_FILE);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IEditorPart part = IDE.openEditor(page, file, true);
		assertTrue(part instanceof ITextEditor, "a text editor opens .kpi files, got " + part);
		editor = (ITextEditor) part;
		document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		waitUntil("the first validation", () -> KpiMarkers.validations(file) >= 1);
	}

	@AfterEach
	void closeAndDelete() throws CoreException {
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
		project.delete(true, true, null);
	}

	@Test
	void opensInTheGenericEditorColouredAndWithoutErrors() throws Exception {
		assertEquals("org.eclipse.ui.genericeditor.GenericEditor", editor.getSite().getId());
		assertEquals(List.of(), UiSupport.markers(file, IMarker.SEVERITY_ERROR), "the example template has no errors");

		// Keywords come out in the keyword colour, strings in the string colour, comments in the comment colour.
		StyledText text = viewer().getTextWidget();
		String content = document.get();
		StyleRange keyword = text.getStyleRangeAtOffset(content.indexOf("metric churnRate"));
		assertNotNull(keyword, "'metric' is styled");
		assertEquals(new RGB(127, 0, 85), keyword.foreground.getRGB());
		assertTrue((keyword.fontStyle & SWT.BOLD) != 0, "keywords are bold");
		StyleRange string = text.getStyleRangeAtOffset(content.indexOf("\"客户流失率\"") + 1);
		assertEquals(new RGB(42, 0, 255), string.foreground.getRGB());
		StyleRange comment = text.getStyleRangeAtOffset(content.indexOf("// The general") + 3);
		assertEquals(new RGB(63, 127, 95), comment.foreground.getRGB());
		StyleRange name = text.getStyleRangeAtOffset(content.indexOf("churnRate"));
		assertTrue(name == null || name.foreground == null || !name.foreground.getRGB().equals(new RGB(127, 0, 85)),
				"a metric's name is not a keyword");

		showOutline();
		screenshot("01-editor-coloured-with-outline");
	}

	/** The linked model, not the lexer, tells a metric from a source, a field or a dimension. */
	@Test
	void semanticColouringTellsMetricsSourcesFieldsAndDimensionsApart() throws Exception {
		StyledText text = viewer().getTextWidget();
		String content = document.get();
		int metricReference = content.indexOf("link csat -> churnRate") + "link ".length();
		waitUntil("the semantic colouring", () -> {
			StyleRange style = text.getStyleRangeAtOffset(metricReference);
			return style != null && style.foreground != null && style.foreground.getRGB().equals(new RGB(0, 90, 170));
		});
		int source = content.indexOf("= avg(Ticket.csat)") + "= avg(".length();
		StyleRange sourceStyle = text.getStyleRangeAtOffset(source);
		assertEquals(new RGB(130, 65, 0), sourceStyle.foreground.getRGB(), "a source");
		StyleRange field = text.getStyleRangeAtOffset(source + "Ticket.".length());
		assertEquals(new RGB(85, 85, 85), field.foreground.getRGB(), "a field");
		assertTrue((field.fontStyle & SWT.ITALIC) != 0, "fields are italic");
		int dimension = content.indexOf("by region, segment") + "by ".length();
		assertEquals(new RGB(200, 95, 0), text.getStyleRangeAtOffset(dimension).foreground.getRGB(), "a dimension");
		StyleRange declaration = text.getStyleRangeAtOffset(content.indexOf("metric churnRate") + "metric ".length());
		assertEquals(new RGB(0, 90, 170), declaration.foreground.getRGB(), "a metric's declaration");
		assertTrue((declaration.fontStyle & SWT.BOLD) != 0, "declarations are bold");
		assertEquals(new RGB(127, 0, 85), text.getStyleRangeAtOffset(content.indexOf("metric churnRate")).foreground.getRGB(),
				"keywords keep the lexer's colour");

		editor.selectAndReveal(content.indexOf("metric csat"), 0);
		runEventLoop(300);
		screenshot("04-semantic-colouring");
	}

	@Test
	void typingAnUnknownDimensionMarksTheLineAsAnError() throws Exception {
		int offset = UiSupport.misspellDimension(file, document);
		int line = document.getLineOfOffset(offset) + 1;
		List<IMarker> errors = UiSupport.markers(file, IMarker.SEVERITY_ERROR);
		assertEquals(1, errors.size(), () -> describe(errors));
		IMarker error = errors.get(0);
		String message = error.getAttribute(IMarker.MESSAGE, "");
		assertTrue(message.startsWith("unknown dimension `segmnt`"), message);
		assertTrue(message.contains("did you mean `segment`?"), message);
		assertEquals(line, error.getAttribute(IMarker.LINE_NUMBER, -1));
		assertEquals(offset, error.getAttribute(IMarker.CHAR_START, -1));
		assertEquals(offset + "segmnt".length(), error.getAttribute(IMarker.CHAR_END, -1));
		assertEquals("unresolved-reference", error.getAttribute(KpiLanguage.ISSUE_CODE, ""));
		// The caret after the word, not a selection over it, so the squiggle shows; the Problems view lists the marker.
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().showView(IPageLayout.ID_PROBLEM_VIEW);
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().activate(editor);
		editor.selectAndReveal(offset + "segmnt".length(), 0);
		// Let the annotation model and the Problems view pick the marker up before the screenshot.
		runEventLoop(1500);
		screenshot("02-error-marker-while-typing");

		// Putting it right removes the marker again.
		int fixed = KpiMarkers.validations(file);
		document.replace(offset, "segmnt".length(), "segment");
		waitUntil("the error marker to go", () -> KpiMarkers.validations(file) > fixed
				&& UiSupport.markers(file, IMarker.SEVERITY_ERROR).isEmpty());
	}

	@Test
	void changingAnImportedFileRevalidatesTheOpenEditor() throws Exception {
		// after-sales.kpi imports aftersales.common.Customer from customers.kpi; renaming that source on
		// disk must show up in the open editor without typing in it.
		IFile customers = project.getFile("customers.kpi");
		String text = new String(customers.getContents().readAllBytes(), StandardCharsets.UTF_8);
		int before = KpiMarkers.validations(file);
		customers.setContents(new ByteArrayInputStream(text.replace("source Customer ", "source Client ")
				.getBytes(StandardCharsets.UTF_8)), true, false, null);
		waitUntil("re-validation after the imported file changed", () -> KpiMarkers.validations(file) > before
				&& !UiSupport.markers(file, IMarker.SEVERITY_ERROR).isEmpty());
		List<String> messages = UiSupport.markers(file, IMarker.SEVERITY_ERROR).stream()
				.map(marker -> marker.getAttribute(IMarker.MESSAGE, "")).toList();
		assertTrue(messages.stream().anyMatch(message -> message.contains("aftersales.common.Customer")),
				messages::toString);
	}

	@Test
	void contentAssistProposesTheTemplatesDimensions() throws Exception {
		int offset = document.get().indexOf("by region, segment") + "by region, ".length();
		document.replace(offset, "segment".length(), "");
		List<String> proposals = UiSupport.proposalsAt(editor, offset);
		assertTrue(proposals.stream().anyMatch(p -> p.startsWith("segment")), proposals::toString);
		assertTrue(proposals.stream().anyMatch(p -> p.startsWith("productLine")), proposals::toString);
		runEventLoop(300);
		screenshot("03-content-assist");
	}

	@Test
	void hoverDescribesAMetricFromAReference() throws Exception {
		// A use of the metric inside a causal link, not its declaration: the hover follows the reference.
		String content = document.get();
		int declaration = content.indexOf("metric churnRate");
		int use = content.indexOf("churnRate", declaration + "metric churnRate".length());
		assertTrue(use > 0, "the template uses churnRate after declaring it");
		String hover = new KpiTextHover().hoverAt(document, use + 2);
		assertNotNull(hover);
		assertTrue(hover.startsWith("metric churnRate"), hover);
		assertTrue(hover.contains("Churn rate (en)"), hover);
		assertTrue(hover.contains("kind: percent, lower-is-better"), hover);
		assertTrue(hover.contains("layer: strategic"), hover);
		assertTrue(hover.contains("target: <= 5%"), hover);
		assertTrue(hover.contains("formula: = share("), hover);
	}

	@Test
	void outlineShowsLayersWithTheirMetrics() throws Exception {
		Tree tree = showOutline();
		TreeItem template = tree.getItem(0);
		assertTrue(template.getText().startsWith("StandardAfterSales"), template.getText());
		TreeItem strategic = Arrays.stream(template.getItems()).filter(item -> item.getText().startsWith("strategic"))
				.findFirst().orElseThrow(() -> new AssertionError("no strategic layer in " + texts(template.getItems())));
		assertTrue(strategic.getItems().length > 0, "the strategic layer lists its metrics");
		assertTrue(strategic.getItem(0).getText().startsWith("churnRate : percent"), strategic.getItem(0).getText());

		// Selecting a metric in the outline reveals it in the editor.
		tree.setSelection(strategic.getItem(0));
		tree.notifyListeners(SWT.Selection, null);
		runEventLoop(200);
	}

	private Tree showOutline() throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ContentOutline outline = (ContentOutline) page.showView(IPageLayout.ID_OUTLINE);
		page.activate(editor);
		List<Tree> found = new ArrayList<>();
		waitUntil("the outline of the editor", () -> {
			Control control = outline.getCurrentPage() == null ? null : outline.getCurrentPage().getControl();
			if (control instanceof Tree tree && tree.getItemCount() > 0) {
				found.add(tree);
				return true;
			}
			return false;
		});
		return found.get(0);
	}

	private static String texts(TreeItem[] items) {
		return Arrays.stream(items).map(TreeItem::getText).collect(Collectors.joining(", "));
	}

	private ITextViewer viewer() {
		return (ITextViewer) editor.getAdapter(ITextOperationTarget.class);
	}
}
