package io.yardstick.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * SWT for tests: one Display for the whole run (SWT allows one per thread, and tests run on one thread),
 * shells that each test disposes, an event pump, and screenshots of a shell saved as PNG.
 */
final class Swt {
	static final Path SCREENSHOTS = Path.of(System.getProperty("yardstick.screenshots", "target/screenshots"));

	private Swt() {
	}

	static Display display() {
		return Display.getDefault();
	}

	static Shell shell(String title, int width, int height) {
		Shell shell = new Shell(display(), SWT.SHELL_TRIM);
		shell.setText(title);
		shell.setLayout(new FillLayout());
		shell.setSize(width, height);
		return shell;
	}

	/** Dispatches every pending event, several rounds, so that layouts and paints settle. */
	static void pump() {
		Display display = display();
		for (int round = 0; round < 5; round++) {
			while (display.readAndDispatch()) {
				// keep dispatching
			}
			sleep(10);
		}
	}

	/** Dispatches events until the condition holds; fails after the timeout. */
	static void pumpUntil(BooleanSupplier condition, Duration timeout, String what) {
		Display display = display();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			if (!display.readAndDispatch()) {
				sleep(5);
			}
		}
		pump();
	}

	/**
	 * Opens the shell if needed, lets it paint, copies its client area into an image and saves it as
	 * {@code target/screenshots/<name>.png}. Fails when the picture is blank, which is what a copy of an
	 * unmapped window gives.
	 */
	static Path screenshot(Shell shell, String name) {
		if (!shell.isVisible()) {
			shell.open();
		}
		shell.layout(true, true);
		pump();
		shell.redraw();
		shell.update();
		pump();
		Rectangle area = shell.getClientArea();
		Image image = new Image(display(), area.width, area.height);
		GC gc = new GC(shell);
		try {
			gc.copyArea(image, 0, 0);
		} finally {
			gc.dispose();
		}
		try {
			ImageData data = image.getImageData();
			assertThat(colours(data)).as("distinct colours in screenshot %s", name).isGreaterThan(8);
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { data };
			loader.save(file.toString(), SWT.IMAGE_PNG);
			return file;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} finally {
			image.dispose();
		}
	}

	private static int colours(ImageData data) {
		Set<Integer> seen = new HashSet<>();
		for (int y = 0; y < data.height; y += 3) {
			for (int x = 0; x < data.width; x += 3) {
				seen.add(data.getPixel(x, y));
				if (seen.size() > 64) {
					return seen.size();
				}
			}
		}
		return seen.size();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
