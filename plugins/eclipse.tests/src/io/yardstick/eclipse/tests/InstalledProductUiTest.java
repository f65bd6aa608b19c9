package io.yardstick.eclipse.tests;

import static io.yardstick.eclipse.tests.UiSupport.describe;
import static io.yardstick.eclipse.tests.UiSupport.goldenDisplay;
import static io.yardstick.eclipse.tests.UiSupport.metricRow;
import static io.yardstick.eclipse.tests.UiSupport.previewRow;
import static io.yardstick.eclipse.tests.UiSupport.runEventLoop;
import static io.yardstick.eclipse.tests.UiSupport.screenshot;
import static io.yardstick.eclipse.tests.UiSupport.waitUntil;
import static io.yardstick.eclipse.tests.UiSupport.workbenchShell;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yardstick.eclipse.KpiLanguage;
import io.yardstick.eclipse.editor.KpiMarkers;
import io.yardstick.eclipse.studio.WelcomePart;
import io.yardstick.eclipse.views.CausalLinksPart;
import io.yardstick.eclipse.views.MetricLayersPart;
import io.yardstick.eclipse.views.PreviewPart;
import io.yardstick.eclipse.views.ReviewPart;
import io.yardstick.eclipse.views.YardstickPerspective;
import io.yardstick.eclipse.wizard.TemplateLibrary;
import io.yardstick.views.PreviewView;
import io.yardstick.views.ReviewView;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.intro.IIntroPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.Bundle;

/**
 * The plugin as a user gets it, in an installation made by p2, not in the test harness's runtime: either the plain
 * platform into which the build installed the update site's zip with the p2 director ({@code yardstick.installation}
 * = platform), or Yardstick Studio as materialized from its product (studio). The first test is where the two
 * differ; the others open example-templates/after-sales-standard/after-sales.kpi and check markers, completion and
 * the four views in both. Screenshots go to features/target/screenshots/installed-platform and .../studio.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstalledProductUiTest {
	private static final String EXAMPLE = "after-sales-standard";
	private static final String MAIN_FILE = "after-sales.kpi";
	private static final long PREVIEW_TIMEOUT_MILLIS = 180_000;
	private static final String INSTALLATION = System.getProperty("yardstick.installation", "");

	@Test
	@Order(1)
	void startsAsThisInstallationShould() throws Exception {
		Path install = Path.of(Platform.getInstallLocation().getURL().toURI()).toRealPath();
		// The plugin and the Xtext runtime it brings are the installation's own jars, laid out by p2.
		for (String id : List.of("io.yardstick.eclipse", "org.eclipse.xtext", "org.eclipse.xtext.ide", "com.google.inject")) {
			Bundle bundle = Platform.getBundle(id);
			assertNotNull(bundle, id + " is installed");
			assertTrue((bundle.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0, id + " resolves");
			File jar = FileLocator.getBundleFileLocation(bundle).orElseThrow().getCanonicalFile();
			assertEquals(install.resolve("plugins"), jar.toPath().getParent(), id + " comes from " + jar);
		}
		try (var features = Files.list(install.resolve("features"))) {
			assertTrue(features.anyMatch(f -> f.getFileName().toString().startsWith("io.yardstick.feature_")),
					"the feature is installed in " + install);
		}
		assertNotNull(PlatformUI.getWorkbench().getNewWizardRegistry().findWizard("io.yardstick.eclipse.wizard.libraryProject"));
		assertNotNull(PlatformUI.getWorkbench().getNewWizardRegistry().findWizard("io.yardstick.eclipse.wizard.clientTemplate"));

		if (INSTALLATION.equals("platform")) {
			// The plain platform keeps its own ways: no product of Yardstick's, no welcome page, its own perspective.
			assertNull(Platform.getProduct(), "the plain platform runs the IDE application without a product");
			assertFalse(PlatformUI.getWorkbench().getIntroManager().hasIntro(), "no welcome page");
			assertEquals("org.eclipse.ui.resourcePerspective",
					PlatformUI.getWorkbench().getPerspectiveRegistry().getDefaultPerspective());
			assertTrue(Files.notExists(install.resolve("yardstick-studio")), "no Studio start script");
		} else {
			assertEquals("studio", INSTALLATION, "the execution names its installation");
			studioOpensOnItsWelcomePageAndTheLibrary(install);
		}
	}

	private void studioOpensOnItsWelcomePageAndTheLibrary(Path install) throws Exception {
		assertEquals("io.yardstick.eclipse.studio", Platform.getProduct().getId());
		assertEquals("Yardstick Studio", Platform.getProduct().getName());
		assertEquals(YardstickPerspective.ID, PlatformUI.getWorkbench().getPerspectiveRegistry().getDefaultPerspective());
		assertTrue(Files.isRegularFile(install.resolve("yardstick-studio")), "the start script is at the top of the Studio");

		IIntroPart intro = PlatformUI.getWorkbench().getIntroManager().getIntro();
		assertTrue(intro instanceof WelcomePart, "the welcome page is open at the first start, got " + intro);
		WelcomePart welcome = (WelcomePart) intro;
		List<Button> buttons = new ArrayList<>();
		collectButtons(welcome.getControl(), buttons);
		assertEquals(WelcomePart.STEPS.stream().map(WelcomePart.Step::button).toList(),
				buttons.stream().map(Button::getText).toList());
		UiSupport.fixWindow();
		screenshot("01-welcome");

		// Step 1, as a click: the library becomes a project and the industry template opens in the Yardstick layout.
		buttons.get(0).notifyListeners(SWT.Selection, new Event());
		IProject library = ResourcesPlugin.getWorkspace().getRoot().getProject(TemplateLibrary.DEFAULT_PROJECT);
		assertTrue(library.isOpen());
		IFile afterSales = library.getFile(TemplateLibrary.AFTER_SALES);
		Path example = Path.of(System.getProperty("yardstick.examples")).resolve(EXAMPLE);
		assertArrayEquals(Files.readAllBytes(example.resolve(MAIN_FILE)), afterSales.getContents().readAllBytes(),
				"the library's copy is the example template");
		assertTrue(library.getFile("after-sales-standard/data/Ticket.csv").exists(), "with its sample data");
		for (String folder : List.of("customer-management", "heavy-asset-maintenance", "medical-service", "saas-support")) {
			assertTrue(library.getFolder(folder + "/data").exists(), folder);
		}
		assertNull(PlatformUI.getWorkbench().getIntroManager().getIntro(), "the welcome page made way");
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		assertEquals(YardstickPerspective.ID, page.getPerspective().getId());
		assertEquals(afterSales, page.getActiveEditor().getEditorInput().getAdapter(IFile.class));
		List<String> newMenu = Arrays.asList(page.getNewWizardShortcuts());
		assertTrue(newMenu.containsAll(List.of("io.yardstick.eclipse.wizard.libraryProject",
				"io.yardstick.eclipse.wizard.clientTemplate")), "File > New offers them directly: " + newMenu);
		page.closeAllEditors(false);

		// Step 2 from the page shown again (Help > Welcome): the client template wizard opens on the industry
		// templates. It is modal, so a timer looks at it from inside its event loop, then closes it.
		Display display = Display.getCurrent();
		List<String> wizardSeen = new ArrayList<>();
		Runnable closeWizard = new Runnable() {
			private int tries;

			@Override
			public void run() {
				for (Shell shell : display.getShells()) {
					if (shell.isVisible() && shell.getData() instanceof WizardDialog dialog) {
						wizardSeen.add(shell.getText());
						wizardSeen.add(dialog.getCurrentPage().getClass().getSimpleName());
						dialog.close();
						return;
					}
				}
				if (++tries < 300) {
					display.timerExec(100, this);
				}
			}
		};
		display.timerExec(100, closeWizard);
		clickStep(1);
		assertEquals(List.of("New Client Template", "TemplateChoicePage"), wizardSeen);

		// Steps 3 and 4: Preview and Review on the after-sales template, opened for them.
		clickStep(2);
		PreviewView preview = ((PreviewPart) page.findView(PreviewPart.ID)).getView();
		assertTrue(page.isPartVisible(page.findView(PreviewPart.ID)), "Preview is shown");
		assertEquals(afterSales, page.getActiveEditor().getEditorInput().getAdapter(IFile.class));
		waitUntil("the template in Preview", () -> preview.getRunButton().isEnabled());
		clickStep(3);
		ReviewView review = ((ReviewPart) page.findView(ReviewPart.ID)).getView();
		assertTrue(page.isPartVisible(page.findView(ReviewPart.ID)), "Review is shown");
		waitUntil("the review of the template", () -> review.getSummary().matches("\\d+ files?: .*"));
		assertTrue(review.getSummary().contains(" 0 errors"), review.getSummary());
		page.closeAllEditors(false);
	}

	/** Shows the welcome page as Help > Welcome does and clicks the step's button. */
	private static void clickStep(int step) {
		IIntroPart intro = PlatformUI.getWorkbench().getIntroManager()
				.showIntro(PlatformUI.getWorkbench().getActiveWorkbenchWindow(), false);
		List<Button> buttons = new ArrayList<>();
		collectButtons(((WelcomePart) intro).getControl(), buttons);
		buttons.get(step).notifyListeners(SWT.Selection, new Event());
	}

	private static void collectButtons(Control control, List<Button> into) {
		if (control instanceof Button button) {
			into.add(button);
		} else if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				collectButtons(child, into);
			}
		}
	}

	@Test
	@Order(2)
	void markersAndCompletionInTheAfterSalesTemplate() throws Exception {
		UiSupport.fixWindow();
		IProject project = UiSupport.projectFromExample("installed-after-sales", EXAMPLE);
		IFile file = project.getFile(MAIN_FILE);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ITextEditor editor = (ITextEditor) IDE.openEditor(page, file, true);
		assertEquals("org.eclipse.ui.genericeditor.GenericEditor", editor.getSite().getId());
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		waitUntil("the first validation", () -> KpiMarkers.validations(file) >= 1);
		assertEquals(List.of(), UiSupport.markers(file, IMarker.SEVERITY_ERROR), () -> describe(UiSupport.markers(file)));
		assertEquals(1, UiSupport.markers(file, "zero-denominator").size(), () -> describe(UiSupport.markers(file)));

		int offset = UiSupport.misspellDimension(file, document);
		List<IMarker> errors = UiSupport.markers(file, IMarker.SEVERITY_ERROR);
		assertEquals(1, errors.size(), () -> describe(errors));
		assertEquals("unresolved-reference", errors.get(0).getAttribute(KpiLanguage.ISSUE_CODE, ""));
		assertEquals(offset, errors.get(0).getAttribute(IMarker.CHAR_START, -1));
		assertTrue(errors.get(0).getAttribute(IMarker.MESSAGE, "").startsWith("unknown dimension `segmnt`"));
		editor.selectAndReveal(offset + "segmnt".length(), 0);
		runEventLoop(1000);
		screenshot("02-error-marker");

		int typed = KpiMarkers.validations(file);
		document.replace(offset, "segmnt".length(), "");
		waitUntil("re-validation", () -> KpiMarkers.validations(file) > typed);
		List<String> proposals = UiSupport.proposalsAt(editor, offset);
		assertTrue(proposals.stream().anyMatch(p -> p.startsWith("segment")), proposals::toString);
		assertTrue(proposals.stream().anyMatch(p -> p.startsWith("productLine")), proposals::toString);
		screenshot("03-completion");
		page.closeAllEditors(false);
		project.delete(true, true, null);
	}

	@Test
	@Order(3)
	void theFourViewsOnTheAfterSalesTemplate() throws Exception {
		workbenchShell().setMaximized(false);
		workbenchShell().setBounds(0, 0, 1600, 1000);
		IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(YardstickPerspective.ID,
				PlatformUI.getWorkbench().getActiveWorkbenchWindow());
		IProject project = UiSupport.projectFromExample("installed-views", EXAMPLE);
		IFile file = project.getFile(MAIN_FILE);
		ITextEditor editor = (ITextEditor) IDE.openEditor(page, file, true);
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());

		MetricLayersPart layers = (MetricLayersPart) page.showView(MetricLayersPart.ID);
		ReviewView review = ((ReviewPart) page.showView(ReviewPart.ID)).getView();
		CausalLinksPart links = (CausalLinksPart) page.showView(CausalLinksPart.ID);
		PreviewPart preview = (PreviewPart) page.showView(PreviewPart.ID);
		page.bringToTop(layers);

		Tree tree = layers.getView().getViewer().getTree();
		waitUntil("the layers of the template", () -> tree.getItemCount() == 3);
		assertEquals(List.of("strategic", "management", "execution"),
				Arrays.stream(tree.getItems()).map(item -> item.getText(0)).toList());
		waitUntil("the causal graph", () -> links.getView().getGraph().nodes().size() == 10);
		assertFalse(links.getView().getGraph().edges().isEmpty(), "the template declares links");
		waitUntil("the review of the template", () -> review.getSummary().matches("\\d+ files?: .*"));
		assertTrue(review.getSummary().contains(" 0 errors"), review.getSummary());

		// The preview compiles the generated calculator with the JDK inside the installed product.
		PreviewView previewView = preview.getView();
		waitUntil("the template in Preview", () -> previewView.getRunButton().isEnabled());
		preview.start();
		waitUntil("the preview to complete", PREVIEW_TIMEOUT_MILLIS,
				() -> !previewView.isRunning() && previewView.getResults() != null);
		assertEquals(goldenDisplay(EXAMPLE, "firstResponseTime", "2026-06"),
				previewRow(previewView.getViewer().getTable(), "First response time", "2026-06").getText(3),
				previewView.getMessage());
		waitUntil("statuses in Metric Layers", () -> !metricRow(tree, "churnRate").getText(6).isEmpty());
		assertEquals("off target", metricRow(tree, "firstResponseTime").getText(6));

		// A misspelt dimension typed (not saved) beside the views, for the screenshot: its marker in the editor.
		links.getView().setSelectedMetric("firstResponseTime");
		page.activate(editor);
		int offset = UiSupport.misspellDimension(file, document);
		editor.selectAndReveal(offset + "segmnt".length(), 0);
		runEventLoop(1000);
		screenshot("04-editor-and-the-four-views");
		page.closeAllEditors(false);
		project.delete(true, true, null);
	}
}
