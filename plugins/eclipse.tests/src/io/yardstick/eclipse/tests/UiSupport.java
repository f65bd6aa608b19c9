package io.yardstick.eclipse.tests;

import static org.junit.jupiter.api.Assertions.fail;

import io.yardstick.eclipse.KpiLanguage;
import io.yardstick.eclipse.editor.KpiMarkers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * What the workbench UI tests share: projects made from example templates, markers, waiting on the UI thread
 * without blocking it, popups, and screenshots.
 */
final class UiSupport {
	static final long TIMEOUT_MILLIS = 30_000;

	private UiSupport() {
	}

	/** A fresh project holding a copy of an example template folder: .kpi files, data/, expected/. */
	static IProject projectFromExample(String projectName, String example) throws CoreException, IOException {
		IProject project = newProject(projectName);
		copy(Path.of(System.getProperty("yardstick.examples")).resolve(example), project);
		return project;
	}

	private static void copy(Path folder, IContainer into) throws CoreException, IOException {
		List<Path> children;
		try (Stream<Path> list = Files.list(folder)) {
			children = list.sorted().toList();
		}
		for (Path child : children) {
			String name = child.getFileName().toString();
			if (Files.isDirectory(child)) {
				IFolder sub = into.getFolder(org.eclipse.core.runtime.IPath.fromOSString(name));
				sub.create(true, true, null);
				copy(child, sub);
			} else {
				try (InputStream in = Files.newInputStream(child)) {
					into.getFile(org.eclipse.core.runtime.IPath.fromOSString(name)).create(in, true, null);
				}
			}
		}
	}

	/** The same fixed window as the editor test: comparable screenshots. */
	static void fixWindow() {
		Shell shell = workbenchShell();
		shell.setMaximized(false);
		shell.setBounds(0, 0, 1500, 950);
	}

	static IProject newProject(String name) throws CoreException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (project.exists()) {
			project.delete(true, true, null);
		}
		project.create(null);
		project.open(null);
		return project;
	}

	/** Copies an example template's .kpi files into the project, each through the edit. */
	static void copyExample(IProject project, String example, UnaryOperator<String> edit) throws IOException, CoreException {
		Path folder = Path.of(System.getProperty("yardstick.examples")).resolve(example);
		try (DirectoryStream<Path> templates = Files.newDirectoryStream(folder, "*.kpi")) {
			for (Path template : templates) {
				String text = edit.apply(Files.readString(template, StandardCharsets.UTF_8));
				project.getFile(template.getFileName().toString())
						.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
			}
		}
	}

	static List<IMarker> markers(IFile file) {
		try {
			return List.of(file.findMarkers(KpiLanguage.PROBLEM_MARKER, true, IResource.DEPTH_ZERO));
		} catch (CoreException e) {
			throw new IllegalStateException(e);
		}
	}

	static List<IMarker> markers(IFile file, int severity) {
		return markers(file).stream().filter(marker -> marker.getAttribute(IMarker.SEVERITY, -1) == severity).toList();
	}

	static List<IMarker> markers(IFile file, String code) {
		return markers(file).stream().filter(marker -> code.equals(marker.getAttribute(KpiLanguage.ISSUE_CODE, "")))
				.toList();
	}

	/**
	 * Types the after-sales example's dimension {@code segment} (after "by region, ") as {@code segmnt} and waits for
	 * the error marker that the validation while typing puts there.
	 *
	 * @return the offset of the misspelt word
	 */
	static int misspellDimension(IFile file, IDocument document) throws BadLocationException {
		int offset = document.get().indexOf("by region, segment") + "by region, ".length();
		int before = KpiMarkers.validations(file);
		document.replace(offset, "segment".length(), "segmnt");
		waitUntil("an error marker after typing", () -> KpiMarkers.validations(file) > before
				&& !markers(file, IMarker.SEVERITY_ERROR).isEmpty());
		return offset;
	}

	static String describe(List<IMarker> markers) {
		return markers.stream().map(m -> m.getAttribute(IMarker.LINE_NUMBER, -1) + ": "
				+ m.getAttribute(KpiLanguage.ISSUE_CODE, "") + " " + m.getAttribute(IMarker.MESSAGE, ""))
				.collect(Collectors.joining("\n"));
	}

	static Shell workbenchShell() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
	}

	/** Runs the UI event loop until the condition holds; the tests run on the UI thread, so they must not block. */
	static void waitUntil(String what, BooleanSupplier condition) {
		waitUntil(what, TIMEOUT_MILLIS, condition);
	}

	static void waitUntil(String what, long timeoutMillis, BooleanSupplier condition) {
		Display display = Display.getCurrent();
		long deadline = System.currentTimeMillis() + timeoutMillis;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				fail("timed out waiting for " + what);
			}
			if (!display.readAndDispatch()) {
				sleep(20);
			}
		}
	}

	static void runEventLoop(long millis) {
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + millis;
		while (System.currentTimeMillis() < end) {
			if (!display.readAndDispatch()) {
				sleep(20);
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Opens content assist at the offset as Ctrl+Space does and returns the popup's proposals. The generic editor
	 * computes them off the UI thread: its popup says "Computing proposals" until they come.
	 */
	static List<String> proposalsAt(ITextEditor editor, int offset) {
		editor.selectAndReveal(offset, 0);
		((ITextOperationTarget) editor.getAdapter(ITextOperationTarget.class))
				.doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
		List<String> proposals = new ArrayList<>();
		waitUntil("the completion popup", () -> {
			proposals.clear();
			proposals.addAll(popupTexts());
			return !proposals.isEmpty() && proposals.stream().noneMatch(p -> p.startsWith("Computing proposals"));
		});
		return proposals;
	}

	/** The texts of the table items of every visible shell but the workbench window: popups' proposals. */
	static List<String> popupTexts() {
		List<String> texts = new ArrayList<>();
		for (Shell shell : Display.getCurrent().getShells()) {
			if (shell.isVisible() && shell != workbenchShell()) {
				collectTableItems(shell, texts);
			}
		}
		return texts;
	}

	private static void collectTableItems(Control control, List<String> into) {
		if (control instanceof Table table) {
			for (TableItem item : table.getItems()) {
				into.add(item.getText());
			}
		} else if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				collectTableItems(child, into);
			}
		}
	}

	/** Expands the top-level tree items starting with the text, such as the Problems view's "Errors (1 item)". */
	static void expandTrees(Control control, String prefix) {
		if (control instanceof Tree tree) {
			for (TreeItem item : tree.getItems()) {
				if (item.getText().startsWith(prefix)) {
					item.setExpanded(true);
				}
			}
		} else if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				expandTrees(child, prefix);
			}
		}
	}

	/** A shell (the workbench window or a dialog) as it is on screen. */
	static void screenshot(Shell shell, String name) throws IOException {
		runEventLoop(400);
		screenshot(name, shell.getBounds());
	}

	/** The whole workbench window as it is on screen. */
	static void screenshot(String name) throws IOException {
		runEventLoop(300);
		screenshot(name, workbenchShell().getBounds());
	}

	/** One control (a view) as it is on screen. */
	static void screenshot(String name, Control control) throws IOException {
		runEventLoop(300);
		Rectangle bounds = control.getDisplay().map(control.getParent(), null, control.getBounds());
		screenshot(name, bounds);
	}

	/** A region of the screen as PNG, in the test's folder and in the stable copy folder. */
	private static void screenshot(String name, Rectangle bounds) throws IOException {
		Display display = Display.getCurrent();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, bounds.x, bounds.y);
		} finally {
			gc.dispose();
		}
		try {
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			Path folder = Path.of(System.getProperty("yardstick.screenshots"));
			Files.createDirectories(folder);
			Path png = folder.resolve(name + ".png");
			loader.save(png.toString(), SWT.IMAGE_PNG);
			String copy = System.getProperty("yardstick.screenshots.copy");
			if (copy != null) {
				Path copyFolder = Path.of(copy);
				Files.createDirectories(copyFolder);
				Files.copy(png, copyFolder.resolve(png.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			image.dispose();
		}
	}

	/** A metric's row in Metric Layers' tree, under its layer. */
	static TreeItem metricRow(Tree tree, String metric) {
		return Arrays.stream(tree.getItems()).flatMap(layer -> Arrays.stream(layer.getItems()))
				.filter(item -> item.getText(0).equals(metric)).findFirst()
				.orElseThrow(() -> new AssertionError("no row " + metric + " in " + Arrays.stream(tree.getItems())
						.flatMap(layer -> Arrays.stream(layer.getItems())).map(item -> item.getText(0))
						.collect(Collectors.joining(", "))));
	}

	/** Preview's row of a metric (by label) in a period. */
	static TableItem previewRow(Table table, String label, String period) {
		return Arrays.stream(table.getItems()).filter(item -> item.getText(0).equals(label) && item.getText(1).equals(period))
				.findFirst().orElseThrow(() -> new AssertionError("no row " + label + " " + period));
	}

	/** The displayed value of a metric's total in a period, from the example's golden expected/results.csv. */
	static String goldenDisplay(String example, String metric, String period) throws IOException {
		Path results = Path.of(System.getProperty("yardstick.examples")).resolve(example).resolve("expected/results.csv");
		List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
		List<String> header = List.of(lines.get(0).split(","));
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",", -1);
			if (cells[header.indexOf("metric")].equals(metric) && cells[header.indexOf("grouping")].equals("total")
					&& cells[header.indexOf("period")].equals(period)) {
				return cells[header.indexOf("display")];
			}
		}
		throw new AssertionError("no total of " + metric + " in " + period + " in " + results);
	}
}
