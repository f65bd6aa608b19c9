package io.yardstick.cli;

import io.yardstick.runtime.load.DataError;
import io.yardstick.runtime.load.DataLoadException;
import io.yardstick.runtime.text.Texts;
import java.io.PrintWriter;

/** What the command line says when the data could not be loaded. */
final class LoadFailures {
	private LoadFailures() {
	}

	/**
	 * The errors, then why nothing was run. The {@code --on-bad-row skip} hint only follows a bad row that
	 * skipping would set aside: not a missing file or column, another encoding, or too many bad rows.
	 */
	static void print(DataLoadException failure, PrintWriter stderr, Texts texts) {
		for (DataError error : failure.errors()) {
			stderr.println(error.toText(texts.language()));
		}
		stderr.println(texts.get(failure.isBadRow() ? "run.notRun.data" : "run.notRun.dataNoSkip"));
	}
}
