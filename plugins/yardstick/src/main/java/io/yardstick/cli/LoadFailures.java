package io.yardstick.cli;

import io.yardstick.runtime.load.DataError;
import io.yardstick.runtime.load.DataLoadException;
import java.io.PrintWriter;

/** What the command line says when the data could not be loaded. */
final class LoadFailures {
	private LoadFailures() {
	}

	/**
	 * The errors, then why nothing was run. The {@code --on-bad-row skip} hint only follows a bad row that
	 * skipping would set aside: not a missing file or column, another encoding, or too many bad rows.
	 */
	static void print(DataLoadException failure, PrintWriter stderr) {
		for (DataError error : failure.errors()) {
			stderr.println(error.toText());
		}
		stderr.println(failure.isBadRow()
				? "not run: the data has errors (--on-bad-row skip sets bad rows aside and goes on)"
				: "not run: the data has errors");
	}
}
