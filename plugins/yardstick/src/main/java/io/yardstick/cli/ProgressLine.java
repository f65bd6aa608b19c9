package io.yardstick.cli;

import io.yardstick.dsl.workspace.ProgressListener;
import java.io.PrintWriter;

/**
 * One line on standard error, redrawn in place with a carriage return: {@code yardstick: validating 120/400
 * files (30%)}. It is redrawn only when the phase or the whole percentage changes, and erased at the end, so
 * that standard output and a terminal's scrollback keep only the findings.
 */
public final class ProgressLine implements ProgressListener {
	private final PrintWriter err;
	private String lastPhase;
	private int lastPercent = -1;
	private int width;

	public ProgressLine(PrintWriter err) {
		this.err = err;
	}

	@Override
	public void progress(String phase, int done, int total) {
		int percent = total == 0 ? 100 : (int) (100L * done / total);
		if (phase.equals(lastPhase) && percent == lastPercent) {
			return;
		}
		lastPhase = phase;
		lastPercent = percent;
		show("yardstick: " + phase + " " + done + "/" + total + " files (" + percent + "%)");
	}

	/** Redraws the line with the text, blanking what a longer earlier text left behind. */
	public void show(String text) {
		err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
		width = Math.max(width, text.length());
		err.flush();
	}

	/** Erases the line, if one was drawn. */
	public void clear() {
		if (width > 0) {
			err.print("\r" + " ".repeat(width) + "\r");
			err.flush();
			width = 0;
		}
	}
}
