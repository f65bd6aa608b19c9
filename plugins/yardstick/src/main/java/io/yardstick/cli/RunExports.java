package io.yardstick.cli;

import io.yardstick.notify.Channel;
import io.yardstick.notify.ChannelSpecs;
import io.yardstick.notify.DeliveredState;
import io.yardstick.notify.Notice;
import io.yardstick.notify.Notification;
import io.yardstick.notify.Notifier;
import io.yardstick.notify.Retry;
import io.yardstick.report.Alerts.Alert;
import io.yardstick.report.ReportPdf;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.results.Values;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * What {@code run} does with its results besides writing them: results.xlsx ({@code --xlsx}), report.pdf
 * ({@code --pdf}) and notifications of
 * new alerts ({@code --notify}). Neither can cost the run its results: a failure is reported, the other outputs
 * are written all the same, and the exit code is {@link Main#EXIT_UNDELIVERED} instead of 0.
 */
final class RunExports {
	@Option(names = "--pdf", description = "Also write report.pdf: every page of report.html, printed by headless "
			+ "Chromium (-Dyardstick.chromium, $YARDSTICK_CHROMIUM, or chromium on the PATH).")
	boolean pdf;

	@Option(names = "--xlsx", description = "Also write results.xlsx: a sheet per layer, metric labels in the "
			+ "--language, periods as columns (a partial one marked), breakdown groups as rows (the total first), units "
			+ "in a column.")
	boolean xlsx;

	@Option(names = "--notify", paramLabel = "TYPE[:NAME]",
			description = "Send the run's new critical and warning alerts to wecom, dingtalk, feishu (or lark), slack, "
					+ "json (any URL) or email; repeatable. Each reads its URL, secret or SMTP settings from "
					+ "YARDSTICK_NOTIFY_<NAME>_* environment variables; NAME defaults to TYPE. See docs/notifications.md.")
	List<String> notify = new ArrayList<>();

	@Option(names = "--report-url", paramLabel = "URL",
			description = "Where report.html will be served, for notifications to link to (default: its path).")
	String reportUrl;

	/** Where channel settings come from; tests give their own. */
	Map<String, String> environment = System.getenv();
	LongSupplier clock = System::currentTimeMillis;
	Retry retry = Retry.standard();

	private List<Channel> channels = List.of();
	private boolean undelivered;

	/** Checks the options before anything is computed: a wrong channel is a usage error, in the run's language. */
	void check(CommandLine commandLine, String language) {
		try {
			channels = ChannelSpecs.parse(notify, environment, clock, language);
		} catch (IllegalArgumentException e) {
			throw new ParameterException(commandLine, e.getMessage());
		}
		if (reportUrl != null && !reportUrl.startsWith("https://") && !reportUrl.startsWith("http://")) {
			throw new ParameterException(commandLine, CliTexts.of(language).get("run.reportUrl", reportUrl));
		}
	}

	/**
	 * Prints report.pdf beside {@code html}, when asked to.
	 *
	 * @return the PDF, or null when none was asked for or it could not be made (said on {@code stderr})
	 */
	Path printPdf(Path html, String language, PrintWriter stderr) {
		if (!pdf) {
			return null;
		}
		Path target = html.resolveSibling("report.pdf");
		try {
			ReportPdf.print(ReportPdf.chromium(environment), html, language, target);
			return target;
		} catch (ReportPdf.PdfException e) {
			stderr.println("report.pdf not written: " + e.getMessage() + ". The other outputs are written.");
			undelivered = true;
			return null;
		}
	}

	/** Writes results.xlsx into {@code folder} when asked to; returns it, or null. */
	Path writeXlsx(Path folder, Results results, String language, io.yardstick.runtime.text.Texts texts)
			throws IOException {
		if (!xlsx) {
			return null;
		}
		Path target = folder.resolve("results.xlsx");
		ResultsXlsx.write(results, language, texts, target);
		return target;
	}

	/**
	 * Sends each channel the run's critical and warning alerts that are new to it, and keeps what was sent in
	 * {@code out}/notified.json.
	 */
	void notify(Path out, Path html, Results results, List<Alert> alerts, String language, PrintWriter stdout,
			PrintWriter stderr) {
		if (channels.isEmpty()) {
			return;
		}
		Path stateFile = out.resolve(DeliveredState.FILE);
		DeliveredState previous;
		try {
			previous = DeliveredState.read(stateFile);
		} catch (IOException e) {
			stderr.println("notify: " + stateFile + " is unreadable (" + e.getMessage()
					+ "); every current alert counts as new");
			previous = DeliveredState.empty();
		}
		int periods = results.periods().count();
		String period = periods == 0 ? "" : results.periods().label(periods - 1);
		String template = Values.label(results.template().labels(), language, results.template().qualifiedName());
		String report = reportUrl != null ? reportUrl : html.toAbsolutePath().normalize().toString();
		Notification notification = new Notification(language, template, period, report,
				Notice.of(alerts, results.template(), language));
		Notifier.Outcome outcome = new Notifier(retry, stdout::println, stderr::println).deliver(channels,
				notification, previous);
		try {
			outcome.state().write(stateFile);
		} catch (IOException e) {
			stderr.println("notify: could not write " + stateFile + " (" + e.getMessage()
					+ "); the next run will send these alerts again");
			undelivered = true;
		}
		if (!outcome.failed().isEmpty()) {
			undelivered = true;
		}
	}

	/** {@code computed}, or {@link Main#EXIT_UNDELIVERED} when the PDF or a notification failed. */
	int exitCode(int computed) {
		return computed == Main.EXIT_OK && undelivered ? Main.EXIT_UNDELIVERED : computed;
	}
}
