package io.yardstick.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code run} and {@code review} both take: the template, its data, the periods and where to write. */
final class RunInputs {
	/**
	 * {@link io.yardstick.runtime.calc.RunOptions#threads} for a --threads value: 0 (one per processor) when it is
	 * not given, null when it is not a count of threads.
	 */
	static Integer scanThreads(Integer given) {
		return given == null ? Integer.valueOf(0) : given >= 1 ? given : null;
	}

	@Parameters(paramLabel = "TEMPLATE", description = "A .kpi file, or a folder of .kpi files.")
	Path template;

	@Option(names = "--template", paramLabel = "NAME", description = "The template, when the files hold several.")
	String templateName;

	@Option(names = "--data", paramLabel = "DIR", description = "Folder with one <Source>.csv per source.")
	Path data;

	@Option(names = "--bind", paramLabel = "SOURCE=FILE|table:NAME",
			description = "Read a source from this file instead, or, with an SQL engine, from a table of its "
					+ "database (table:schema.tickets).")
	List<String> bindings = new ArrayList<>();

	@Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "java",
			description = "Where the rows are aggregated: java (the generated calculator, default), duckdb "
					+ "(embedded; in memory, or the database file of --jdbc), postgres (needs --jdbc), spark (needs "
					+ "the engine-spark module on the class path; see --spark). "
					+ "Every engine gives the same numbers.")
	String engine = "java";

	@Option(names = "--jdbc", paramLabel = "URL",
			description = "The database of an SQL engine: jdbc:postgresql://host:5432/db, jdbc:duckdb:/path/file.duckdb. "
					+ "Credentials come from YARDSTICK_JDBC_USER and YARDSTICK_JDBC_PASSWORD, never from the command line.")
	String jdbc;

	@Option(names = "--spark", paramLabel = "MASTER",
			description = "Where --engine spark runs: local[N] in this JVM (default local[2]), a cluster "
					+ "manager's master URL (spark://host:7077) that this JVM can reach as the driver, or a Spark "
					+ "Connect server (sc://host:15002; needs the engine-spark-connect module instead).")
	String spark;

	@Option(names = "--grain", paramLabel = "GRAIN", defaultValue = "month",
			description = "Period length: day, week, month, quarter or year (default: ${DEFAULT-VALUE}).")
	String grain = "month";

	@Option(names = "--from", paramLabel = "DATE", description = "First day to report (ISO date), included.")
	String from;

	@Option(names = "--to", paramLabel = "DATE", description = "Last day to report (ISO date), included.")
	String to;

	@Option(names = "--on-bad-row", paramLabel = "POLICY", defaultValue = "fail",
			description = "fail: stop at the first bad row (default); skip: go on and write rejected rows to "
					+ "<out>/quarantine/<Source>.rejected.csv.")
	String onBadRow = "fail";

	@Option(names = "--max-bad-rows", paramLabel = "N|P%", defaultValue = "5%",
			description = "With --on-bad-row skip: stop when more rows of a source are rejected than this, a number of "
					+ "rows or a percentage of the rows read (default: ${DEFAULT-VALUE}).")
	String maxBadRows = "5%";

	@Option(names = "--partial-headline",
			description = "Head the tables, statuses and threshold alerts with the latest period even when the data "
					+ "does not cover it to its end (by default: the last complete period).")
	boolean partialHeadline;

	/** The help of --threads, the same for every command that computes. */
	static final String THREADS_HELP = "How many threads the Java calculator may scan a large source with: at least 1; "
			+ "1 keeps every scan on one thread (default: one per processor). The results are the same either way.";

	@Option(names = "--threads", paramLabel = "N", description = THREADS_HELP)
	Integer threads;

	@Option(names = "--language", paramLabel = "LANG",
			description = "Language of the messages, the printed table and report.html: zh or en; other tags (fr) choose "
					+ "the template's labels and read English (default: the locale's language).")
	String language;

	@Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the results.")
	Path out;

	@Option(names = { "-q", "--quiet" }, description = "No progress bar.")
	boolean quiet;
}
