package io.yardstick.eclipse.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;

/**
 * What the workbench UI tests share: a project made from an example template folder, waiting on the UI thread
 * without blocking it, and screenshots.
 */
final class UiSupport {
	static final long TIMEOUT_MILLIS = 30_000;

	private UiSupport() {
	}

	/** A fresh project holding a copy of an example template folder: .kpi files, data/, expected/. */
	static IProject projectFromExample(String projectName, String example) throws CoreException, IOException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(projectName);
		if (project.exists()) {
			project.delete(true, true, null);
		}
		project.create(null);
		project.open(null);
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
}
