package io.yardstick.eclipse.tests;

import static io.yardstick.eclipse.tests.UiSupport.goldenDisplay;
import static io.yardstick.eclipse.tests.UiSupport.metricRow;
import static io.yardstick.eclipse.tests.UiSupport.previewRow;
import static io.yardstick.eclipse.tests.UiSupport.runEventLoop;
import static io.yardstick.eclipse.tests.UiSupport.screenshot;
import static io.yardstick.eclipse.tests.UiSupport.waitUntil;
import static io.yardstick.eclipse.tests.UiSupport.workbenchShell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yardstick.eclipse.editor.KpiContentAssistProcessor;
import io.yardstick.eclipse.views.CausalLinksPart;
import io.yardstick.eclipse.views.MetricLayersPart;
import io.yardstick.eclipse.views.PreviewPart;
import io.yardstick.eclipse.views.ReviewPart;
import io.yardstick.eclipse.views.TemplateViewPart;
import io.yardstick.eclipse.views.YardstickPerspective;
import io.yardstick.views.CausalLayout;
import io.yardstick.views.CausalLinksView;
import io.yardstick.views.MetricLayersView;
import io.yardstick.views.PreviewView;
import io.yardstick.views.ReviewView;
import java.util.Arrays;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The four Yardstick views inside the IDE workbench, on the after-sales example (its .kpi files, data/ and
 * expected/ copied into a project) open in the editor, arranged by the Yardstick perspective.
 */
class YardstickViewsUiTest {
	private static final String EXAMPLE = "after-sales-standard";
	private static final String MAIN_FILE = "after-sales.kpi";
	/** Generating, compiling and loading 13,000 rows on a busy 2-core machine. */
	private static final long PREVIEW_TIMEOUT_MILLIS = 180_000;

	private IProject project;
	private IFile file;
	private ITextEditor editor;
	private IDocument document;
	private IWorkbenchPage page;
	/** The perspective before the test's, restored after it so other test classes see the workbench as they left it. */
	private String previousPerspective;

	@BeforeEach
	void openExampleInTheYardstickLayout() throws Exception {
		workbenchShell().setMaximized(false);
		workbenchShell().setBounds(0, 0, 1600, 1000);
		previousPerspective = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().getPerspective().getId();
		PlatformUI.getWorkbench().showPerspective(YardstickPerspective.ID,
				PlatformUI.getWorkbench().getActiveWorkbenchWindow());
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		project = UiSupport.projectFromExample("after-sales-views", EXAMPLE);
		file = project.getFile(MAIN_FILE);
		IEditorPart part = IDE.openEditor(page, file, true);
		editor = (ITextEditor) part;
		document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
	}

	@AfterEach
	void closeAndDelete() throws Exception {
		page.closeAllEditors(false);
		project.delete(true, true, null);
		if (previousPerspective != null && !previousPerspective.equals(YardstickPerspective.ID)) {
			PlatformUI.getWorkbench().showPerspective(previousPerspective, PlatformUI.getWorkbench().getActiveWorkbenchWindow());
		}
	}

	@Test
	void theViewsAreRegisteredUnderYardstick() {
		for (String id : List.of(MetricLayersPart.ID, CausalLinksPart.ID, PreviewPart.ID, ReviewPart.ID)) {
			var descriptor = PlatformUI.getWorkbench().getViewRegistry().find(id);
			assertNotNull(descriptor, id);
			assertEquals(List.of("Yardstick"), Arrays.asList(descriptor.getCategoryPath()), id);
		}
		assertEquals("en", TemplateViewPart.language(), "the test platform runs in English");
	}

	@Test
	void metricLayersShowsTheLayersAndDoubleClickSelectsTheMetricInTheEditor() throws Exception {
		MetricLayersView view = ((MetricLayersPart) page.showView(MetricLayersPart.ID)).getView();
		Tree tree = view.getViewer().getTree();
		waitUntil("the layers of the template", () -> tree.getItemCount() == 3);
		assertEquals(List.of("strategic", "management", "execution"),
				Arrays.stream(tree.getItems()).map(item -> item.getText(0)).toList());
		TreeItem row = metricRow(tree, "firstResponseTime");
		assertEquals(List.of("firstResponseTime", "First response time", "duration", "h", "lower is better", "<= 2h", ""),
				cells(row, 7), "no status before a preview");
		assertTrue(view.getMessage().startsWith("Status: run a preview"), view.getMessage());
		screenshot("10-metric-layers", view);

		// A double-click from the view moves the editor to the metric's declaration, with its name selected.
		editor.selectAndReveal(0, 0);
		doubleClick(tree, row);
		assertEquals("firstResponseTime", selectedText());
		int declaration = document.get().indexOf("metric firstResponseTime") + "metric ".length();
		assertEquals(declaration, ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset());
		assertEquals(editor, page.getActiveEditor());
	}

	@Test
	void causalLinksDrawsTheMetricsAndClickingANodeSelectsItInTheEditor() throws Exception {
		CausalLinksView view = ((CausalLinksPart) page.showView(CausalLinksPart.ID)).getView();
		waitUntil("the causal graph", () -> view.getGraph().nodes().size() > 0);
		List<String> metrics = view.getGraph().nodes().stream().map(node -> node.metric()).sorted().toList();
		assertEquals(List.of("afterSalesCostRate", "backlogRate", "churnRate", "complaintHandlingTime", "csat",
				"firstContactResolution", "firstResponseTime", "followUps", "nps", "ticketCloseRate"), metrics);
		assertEquals(List.of("strategic", "management", "execution"),
				view.getCausalLayout().bands().stream().map(band -> band.band().layer()).toList());
		assertTrue(view.getGraph().edges().size() > 0, "the template declares links");
		// Every node lies within the canvas it is painted on, inside its layer's band.
		for (CausalLayout.NodeBox node : view.getCausalLayout().nodes()) {
			CausalLayout.Box band = view.getCausalLayout().bands().stream()
					.filter(b -> b.band().layer().equals(node.node().layer())).findFirst().orElseThrow().box();
			assertTrue(node.box().y() >= band.y() && node.box().y() + node.box().height() <= band.y() + band.height(),
					node.node().metric());
		}

		// A click on the csat box selects csat's name in the editor; the focus stays in the view.
		CausalLayout.Box csat = view.getCausalLayout().node("csat").box();
		Event click = new Event();
		click.button = 1;
		click.x = csat.centreX();
		click.y = csat.centreY();
		view.getCanvas().notifyListeners(SWT.MouseDown, click);
		runEventLoop(200);
		assertEquals("csat", view.getSelectedMetric());
		assertEquals("csat", selectedText());
		assertEquals(document.get().indexOf("metric csat") + "metric ".length(),
				((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset());
		assertEquals(CausalLinksPart.ID, page.getActivePart().getSite().getId(), "a single click keeps the view active");
		screenshot("11-causal-links", view);
	}

	@Test
	void previewGivesTheGoldenTotalAndMetricLayersTakesItsStatuses() throws Exception {
		MetricLayersView layers = ((MetricLayersPart) page.showView(MetricLayersPart.ID)).getView();
		PreviewView preview = ((PreviewPart) page.showView(PreviewPart.ID)).getView();
		waitUntil("the template in Preview", () -> preview.getRunButton().isEnabled());
		preview.getRunButton().notifyListeners(SWT.Selection, new Event());
		waitUntil("the preview to complete", PREVIEW_TIMEOUT_MILLIS,
				() -> !preview.isRunning() && preview.getResults() != null);
		assertEquals("total", preview.getBreakdown());

		String expected = goldenDisplay(EXAMPLE, "firstResponseTime", "2026-06");
		assertEquals("2.24 h", expected, "the golden file's value");
		TableItem row = previewRow(preview.getViewer().getTable(), "First response time", "2026-06");
		assertEquals(expected, row.getText(3), preview.getMessage());
		assertEquals(goldenDisplay(EXAMPLE, "churnRate", "2026-06"),
				previewRow(preview.getViewer().getTable(), "Churn rate", "2026-06").getText(3));
		screenshot("12-preview", preview);

		// The breakdown choice still works inside the workbench.
		preview.setBreakdown("region");
		waitUntil("rows by region", () -> Arrays.stream(preview.getViewer().getTable().getItems())
				.anyMatch(item -> !item.getText(2).equals("total")));

		Tree tree = layers.getViewer().getTree();
		waitUntil("statuses in Metric Layers", () -> !metricRow(tree, "churnRate").getText(6).isEmpty());
		assertEquals("off target", metricRow(tree, "firstResponseTime").getText(6));
		assertEquals("on target", metricRow(tree, "churnRate").getText(6));
		assertEquals("warning", metricRow(tree, "ticketCloseRate").getText(6));
		assertTrue(layers.getMessage().contains("2026-06"), layers.getMessage());
		screenshot("13-metric-layers-with-statuses", layers);
	}

	@Test
	void reviewFollowsASaveWithTheNewFindingAndDoubleClickGoesToIt() throws Exception {
		ReviewView review = ((ReviewPart) page.showView(ReviewPart.ID)).getView();
		waitUntil("the review of the template", () -> review.getSummary().matches("\\d+ files?: .*"));
		String before = review.getSummary();
		assertTrue(before.contains(" 0 errors"), before);

		int offset = document.get().indexOf("by region, segment") + "by region, ".length();
		int line = document.getLineOfOffset(offset) + 1;
		int column = offset - document.getLineOffset(line - 1) + 1;
		document.replace(offset, "segment".length(), "segmnt");
		editor.doSave(null);
		Tree tree = review.getViewer().getTree();
		// Not necessarily the first rule: the template's tests that group by segment are now wrong too.
		waitUntil("the finding of the saved file", () -> Arrays.stream(tree.getItems())
				.anyMatch(item -> item.getText(0).equals("unresolved-reference")));
		TreeItem group = Arrays.stream(tree.getItems()).filter(item -> item.getText(0).equals("unresolved-reference"))
				.findFirst().orElseThrow();
		assertEquals(List.of("unresolved-reference", "error", "1 error"), cells(group, 3));
		assertTrue(review.getSummary().contains(" error"), review.getSummary());
		review.getViewer().expandAll();
		TreeItem finding = group.getItem(0);
		assertEquals(MAIN_FILE + ":" + line + ":" + column, finding.getText(0));
		assertTrue(finding.getText(2).startsWith("unknown dimension `segmnt`"), finding.getText(2));
		tree.setSelection(finding);
		tree.notifyListeners(SWT.Selection, selectionEvent(finding));
		screenshot("14-review", review);

		editor.selectAndReveal(0, 0);
		doubleClick(tree, finding);
		assertEquals("segmnt", selectedText());
		assertEquals(editor, page.getActiveEditor());
	}

	@Test
	void withoutAKpiEditorTheViewsSayWhatToOpen() throws Exception {
		MetricLayersView layers = ((MetricLayersPart) page.showView(MetricLayersPart.ID)).getView();
		ReviewView review = ((ReviewPart) page.showView(ReviewPart.ID)).getView();
		waitUntil("the template", () -> layers.getViewer().getTree().getItemCount() == 3);
		page.closeAllEditors(false);
		waitUntil("the hint", () -> layers.getMessage().startsWith("Open a .kpi template in the editor"));
		assertEquals(0, layers.getViewer().getTree().getItemCount());
		assertTrue(review.getSummary().startsWith("Open a .kpi template in the editor"), review.getSummary());

		editor = (ITextEditor) IDE.openEditor(page, file, true);
		waitUntil("the template again", () -> layers.getViewer().getTree().getItemCount() == 3);
	}

	/**
	 * The views load templates with the language's standalone setup, which registers its own .kpi factory in
	 * EMF's global registry. An editor opened after that must still get proposals from its own services.
	 */
	@Test
	void contentAssistStillWorksInAnEditorOpenedAfterTheViewsLoaded() throws Exception {
		ReviewView review = ((ReviewPart) page.showView(ReviewPart.ID)).getView();
		waitUntil("the review of the template", () -> review.getSummary().matches("\\d+ files?: .*"));
		page.closeAllEditors(false);
		waitUntil("the hint", () -> review.getSummary().startsWith("Open a .kpi template"));
		editor = (ITextEditor) IDE.openEditor(page, project.getFile("customers.kpi"), true);
		waitUntil("the review again", () -> review.getSummary().matches("\\d+ files?: .*"));
		editor = (ITextEditor) IDE.openEditor(page, file, true);
		document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		int offset = document.get().indexOf("by region, segment") + "by region, ".length();
		document.replace(offset, "segment".length(), "");
		ITextViewer viewer = (ITextViewer) editor.getAdapter(ITextOperationTarget.class);
		List<String> proposals = Arrays.stream(new KpiContentAssistProcessor().computeCompletionProposals(viewer, offset))
				.map(proposal -> proposal.getDisplayString()).toList();
		assertTrue(proposals.stream().anyMatch(p -> p.startsWith("segment")), proposals::toString);
	}

	@Test
	void allFourViewsBesideTheEditor() throws Exception {
		MetricLayersPart layers = (MetricLayersPart) page.showView(MetricLayersPart.ID);
		page.showView(ReviewPart.ID, null, IWorkbenchPage.VIEW_VISIBLE);
		CausalLinksPart links = (CausalLinksPart) page.showView(CausalLinksPart.ID);
		PreviewPart preview = (PreviewPart) page.showView(PreviewPart.ID);
		page.bringToTop(layers);
		waitUntil("the template in Preview", () -> preview.getView().getRunButton().isEnabled());
		preview.start();
		waitUntil("the preview to complete", PREVIEW_TIMEOUT_MILLIS,
				() -> !preview.getView().isRunning() && preview.getView().getResults() != null);
		Tree tree = layers.getView().getViewer().getTree();
		waitUntil("statuses in Metric Layers", () -> !metricRow(tree, "churnRate").getText(6).isEmpty());
		links.getView().setSelectedMetric("firstResponseTime");
		page.activate(editor);
		int declaration = document.get().indexOf("metric firstResponseTime") + "metric ".length();
		editor.selectAndReveal(declaration, "firstResponseTime".length());
		screenshot("20-workbench-editor-and-views");
	}

	private String selectedText() {
		return ((ITextSelection) editor.getSelectionProvider().getSelection()).getText();
	}

	private static Event selectionEvent(TreeItem item) {
		Event event = new Event();
		event.item = item;
		return event;
	}

	/** What a double-click on a row does: the viewer's open/double-click listeners run on the default selection. */
	private static void doubleClick(Tree tree, TreeItem item) {
		tree.setSelection(item);
		tree.notifyListeners(SWT.Selection, selectionEvent(item));
		tree.notifyListeners(SWT.DefaultSelection, selectionEvent(item));
		runEventLoop(200);
	}

	private static List<String> cells(TreeItem item, int columns) {
		return java.util.stream.IntStream.range(0, columns).mapToObj(item::getText).toList();
	}
}
