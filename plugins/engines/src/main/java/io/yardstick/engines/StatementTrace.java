package io.yardstick.engines;

import java.util.Locale;

/**
 * With {@code -Dyardstick.engine.trace=true}, each statement an SQL engine runs is timed on standard error:
 * its wall time, the rows read and its first comment line, to see which statements a run's time goes to; with
 * {@code =sql}, each statement's text follows its line.
 */
final class StatementTrace {
	private static final String MODE = System.getProperty("yardstick.engine.trace", "false");
	private static final boolean ON = MODE.equals("true") || MODE.equals("sql");

	private StatementTrace() {
	}

	static void record(String sql, int rows, long startNanos) {
		if (!ON) {
			return;
		}
		System.err.printf(Locale.ROOT, "[engine] %8.1f ms %6s rows  %s%n", (System.nanoTime() - startNanos) / 1e6,
				rows < 0 ? "-" : Integer.toString(rows), title(sql));
		if (MODE.equals("sql")) {
			System.err.println(sql + ";");
		}
	}

	/** The statement's first comment, or its first line. */
	private static String title(String sql) {
		for (String line : sql.split("\\n")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("--")) {
				return trimmed.substring(2).strip();
			}
			if (!trimmed.isEmpty()) {
				return trimmed.length() > 80 ? trimmed.substring(0, 80) + "..." : trimmed;
			}
		}
		return "";
	}
}
