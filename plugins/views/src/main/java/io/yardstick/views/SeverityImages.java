package io.yardstick.views;

import io.yardstick.dsl.workspace.Severity;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;

/**
 * 16×16 severity icons drawn pixel by pixel with transparency, so that the views need no image files and
 * no workbench shared images: a red disc with a white cross for an error, an amber triangle with a dark bar
 * for a warning, a blue disc with a white bar for an info. Disposed with the control they belong to.
 */
public final class SeverityImages {
	private static final int SIZE = 16;
	private final Map<Severity, Image> images = new EnumMap<>(Severity.class);

	public SeverityImages(Control owner) {
		for (Severity severity : Severity.values()) {
			images.put(severity, new Image(owner.getDisplay(), data(severity)));
		}
		owner.addDisposeListener(event -> images.values().forEach(Image::dispose));
	}

	public Image get(Severity severity) {
		return images.get(severity);
	}

	/** The icon's pixels; pure computation, so its shape can be checked without a display. */
	static ImageData data(Severity severity) {
		ImageData data = new ImageData(SIZE, SIZE, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
		RGB fill = switch (severity) {
			case ERROR -> new RGB(205, 40, 40);
			case WARNING -> new RGB(235, 165, 20);
			case INFO -> new RGB(40, 110, 200);
		};
		RGB mark = severity == Severity.WARNING ? new RGB(60, 40, 0) : new RGB(255, 255, 255);
		for (int y = 0; y < SIZE; y++) {
			for (int x = 0; x < SIZE; x++) {
				double cx = x + 0.5 - SIZE / 2.0;
				double cy = y + 0.5 - SIZE / 2.0;
				boolean inside = severity == Severity.WARNING ? insideTriangle(x + 0.5, y + 0.5)
						: cx * cx + cy * cy <= 7.2 * 7.2;
				boolean marked = switch (severity) {
					case ERROR -> Math.abs(Math.abs(cx) - Math.abs(cy)) < 0.9 && Math.abs(cx) < 3.6;
					case WARNING -> Math.abs(cx) < 1.0 && (y >= 6 && y <= 10 || y == 12);
					case INFO -> Math.abs(cx) < 1.0 && (y >= 7 && y <= 11 || y == 4);
				};
				RGB colour = marked && inside ? mark : fill;
				data.setPixel(x, y, data.palette.getPixel(colour));
				data.setAlpha(x, y, inside ? 255 : 0);
			}
		}
		return data;
	}

	private static boolean insideTriangle(double x, double y) {
		// Apex at the top middle, base along the bottom row.
		double top = 1;
		double bottom = 15;
		if (y < top || y > bottom) {
			return false;
		}
		double halfWidth = (y - top) / (bottom - top) * 7.5;
		return Math.abs(x - 8) <= halfWidth;
	}
}
