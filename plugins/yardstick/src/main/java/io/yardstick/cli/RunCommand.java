package io.yardstick.cli;

import io.yardstick.dsl.generator.ReportGenerator.GeneratedReport;
import io.yardstick.dsl.pipeline.CompiledTemplate;
import io.yardstick.dsl.pipeline.ComputeEngine;
import io.yardstick.dsl.pipeline.ComputeException;
import io.yardstick.dsl.pipeline.GeneratedTemplate;
import io.yardstick.dsl.pipeline.JavaEngine;
import io.yardstick.dsl.pipeline.Pipeline;
import io.yardstick.dsl.pipeline.SourceData;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.engines.Engines;
import io.yardstick.report.Alerts;
import io.yardstick.report.Alerts.Alert;
import io.yardstick.report.Breaches;
import io.yardstick.report.ReportDefinition;
import io.yardstick.report.ReportHtml;
import io.yardstick.review.Review;
import io.yardstick.review.ReviewText;
import io.yardstick.review.Reviewer;
import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.load.BadRowLimit;
import io.yardstick.runtime.load.BadRowPolicy;
import io.yardstick.runtime.load.Bindings;
import io.yardstick.runtime.load.DataError;
import io.yardstick.runtime.load.DataLoadException;
import io.yardstick.runtime.load.LoadOptions;
import io.yardstick.runtime.load.LoadResult;
import io.yardstick.runtime.results.JsonDocuments;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.results.ResultsCsv;
import io.yardstick.runtime.results.ResultsJson;
import io.yardstick.runtime.results.ResultsTable;
import io.yardstick.runtime.results.Values;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.text.Texts;
import io.yardstick.runtime.time.Grain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code yardstick run}: validates a template, generates its calculator, compiles it in memory, loads the
 * data, computes every metric and writes results.json and results.csv.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = YardstickCommand.Version.class,
		sortOptions = false, usageHelpAutoWidth = true,
		description = {
				"Compute a template's metrics on data: validate, generate the calculator, compile it in memory, "
						+ "load each source from <data>/<Source>.csv (or --bind), run, and write results.json, "
						+ "results.csv, alerts.json, report.json and report.html (a dashboard that opens offline) to "
						+ "--out. Prints a table per layer for the latest period and the path of report.html.",
				"" },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:computed", "1:the template or the data has errors (printed)", "2:usage problem",
				"3:unexpected failure inside Yardstick",
				"4:computed and written, but report.pdf or a notification failed (printed)" })
public final class RunCommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	@ParentCommand
	YardstickCommand parent;

	@Mixin
	RunInputs input = new RunInputs();

	@Mixin
	RunExports exports = new RunExports();

	@Option(names = "--by", paramLabel = "BREAKDOWNS",
			description = "Breakdowns besides the total, comma-separated; a*b crosses two (region,productLine,region*segment). "
					+ "Default: those the report shows.")
	String by;

	@Option(names = "--report", paramLabel = "NAME",
			description = "The report to render into report.html when the template declares several (default: the first).")
	String reportName;

	/** Set by {@code yardstick review}: the run then also weighs each declared link against the data. */
	ReviewCommand.Settings review;

	@Override
	public Integer call() throws Exception {
		return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
	}

	/** Where this run writes; see {@link OutputFolder} for why a failed run leaves no results in --out. */
	private OutputFolder outputs;

	/** The words of this run's messages, in the language of --language or the locale. */
	private Texts texts;

	Integer execute(PrintWriter stdout, PrintWriter stderr) throws Exception {
		input.language = Texts.labelLanguage(input.language);
		texts = CliTexts.of(input.language);
		outputs = OutputFolder.open(input.out);
		try {
			return compute(stdout, stderr);
		} finally {
			List<String> removed = outputs.discard();
			if (!removed.isEmpty()) {
				stderr.println(texts.get("run.removedStale", String.join(", ", removed), input.out));
			}
		}
	}

	private Integer compute(PrintWriter stdout, PrintWriter stderr) throws Exception {
		exports.check(spec.commandLine(), input.language);
		Grain parsedGrain = grain();
		if (RunInputs.scanThreads(input.threads) == null) {
			throw usage(texts.get("usage.threads", input.threads));
		}
		BadRowPolicy policy = switch (input.onBadRow) {
			case "fail" -> BadRowPolicy.FAIL;
			case "skip" -> BadRowPolicy.SKIP;
			default -> throw usage(texts.get("usage.onBadRow", input.onBadRow));
		};
		BadRowLimit badRowLimit;
		try {
			badRowLimit = BadRowLimit.parse(input.maxBadRows, input.language);
		} catch (IllegalArgumentException e) {
			throw usage("--max-bad-rows: " + e.getMessage());
		}
		if (input.data == null && input.bindings.isEmpty()) {
			throw usage(texts.get("usage.noData"));
		}
		boolean sqlEngine = !JavaEngine.NAME.equals(input.engine);
		if (sqlEngine && !Engines.SQL_ENGINES.contains(input.engine)) {
			throw usage(texts.get("usage.unknownEngine", input.engine, String.join(", ", Engines.SQL_ENGINES)));
		}
		if (input.spark != null && !"spark".equals(input.engine)) {
			throw usage(texts.get("usage.sparkNeedsEngine"));
		}
		if (!sqlEngine && input.jdbc != null) {
			throw usage(texts.get("usage.jdbcNeedsEngine", engines()));
		}
		Map<String, String> tableBindings = new LinkedHashMap<>();
		List<String> fileBindings = new ArrayList<>();
		for (String binding : input.bindings) {
			int equals = binding.indexOf('=');
			if (equals > 0 && binding.startsWith("table:", equals + 1)) {
				if (!sqlEngine) {
					throw usage(texts.get("usage.bindTableNeedsEngine", binding, engines()));
				}
				tableBindings.put(binding.substring(0, equals).trim(), binding.substring(equals + 1 + "table:".length()).trim());
			} else {
				fileBindings.add(binding);
			}
		}
		GeneratedTemplate built;
		try {
			built = Pipeline.generate(Pipeline.select(input.template, input.templateName, ProgressListener.NONE,
					input.language), null, input.language);
		} catch (Pipeline.BadSelection e) {
			throw usage(CliTexts.selection(e, texts));
		} catch (Pipeline.Refused refused) {
			refused.findings().forEach(finding -> stderr.println(CliTexts.finding(finding, texts)));
			stderr.println(texts.get("run.notRun.template", refused.findings().size()));
			return Main.EXIT_FINDINGS;
		}
		for (Finding finding : built.selected().findings()) {
			stderr.println(CliTexts.finding(finding, texts));
		}
		ReportDefinition report = chooseReport(built.reports());
		RunOptions options = options(parsedGrain, report);
		CompiledTemplate compiled = Pipeline.compile(built);
		TemplateSpec templateSpec = compiled.spec();
		for (String source : tableBindings.keySet()) {
			if (templateSpec.source(source).isEmpty()) {
				throw usage(texts.get("usage.bindUnknownSource", source, templateSpec.simpleName()));
			}
		}
		for (Grouping grouping : options.groupings()) {
			for (String dimension : grouping.dimensions()) {
				if (templateSpec.dimension(dimension).isEmpty()) {
					throw usage(texts.get("usage.unknownBreakdown", dimension, String.join(", ",
							templateSpec.dimensions().stream().map(io.yardstick.runtime.spec.DimensionSpec::name).toList())));
				}
			}
		}
		boolean allTables = !tableBindings.isEmpty() && tableBindings.size() == templateSpec.sources().size();
		if (!tableBindings.isEmpty() && !allTables) {
			throw usage(texts.get("usage.bindAllOrNone", String.join(", ", tableBindings.keySet())));
		}
		Map<String, Path> files;
		try {
			files = allTables ? Map.of() : Bindings.resolve(templateSpec, input.data, fileBindings, input.language);
		} catch (IllegalArgumentException e) {
			throw usage(e.getMessage());
		}
		LoadOptions loadOptions = LoadOptions.defaults().inLanguage(input.language).withMaxBadRows(badRowLimit);
		if (policy == BadRowPolicy.SKIP) {
			loadOptions = loadOptions.skipBadRows(outputs.staging().resolve(OutputFolder.QUARANTINE));
		}
		LoadBar bar = !input.quiet && parent != null && parent.interactive() ? new LoadBar(stderr, texts) : null;
		if (bar != null) {
			loadOptions = loadOptions.withProgress(bar);
		}
		LoadResult loaded;
		try {
			loaded = allTables ? null : Pipeline.load(compiled, files, loadOptions);
		} catch (DataLoadException e) {
			if (bar != null) {
				bar.clear();
			}
			LoadFailures.print(e, stderr, texts);
			return Main.EXIT_FINDINGS;
		}
		if (bar != null) {
			bar.clear();
		}
		Results results;
		try (ComputeEngine engine = Engines.open(input.engine, input.jdbc, input.spark, System.getenv())) {
			if (sqlEngine && !input.quiet) {
				stderr.println(texts.get("run.engine", engine.describe()));
			}
			results = Pipeline.compute(compiled, engine,
					new SourceData(loaded == null ? null : loaded.dataset(), tableBindings), options);
		} catch (ComputeException e) {
			printNotComputed(e, stderr);
			return Main.EXIT_FINDINGS;
		} catch (IllegalArgumentException e) {
			throw usage(e.getMessage());
		}
		Written written = write(results, report, built, stderr);
		stdout.print(written.review() != null ? ReviewText.render(written.review(), input.language)
				: ResultsTable.render(results, input.language));
		stdout.println();
		if (loaded != null) {
			printLoad(stdout, loaded, results);
		} else {
			printZeroDenominators(stdout, results);
		}
		stdout.println(alertSummary(written.alerts(), results, input.language, texts));
		for (Path file : written.files()) {
			stdout.println(texts.get("run.wrote", file));
		}
		exports.notify(input.out, written.html(), results, written.alerts(), input.language, stdout, stderr);
		stdout.println(texts.get("run.report", written.html().toAbsolutePath().normalize()));
		return exports.exitCode(Main.EXIT_OK);
	}

	/** Why the engine computed nothing, in the words of whose problem it is. */
	private void printNotComputed(ComputeException e, PrintWriter stderr) {
		switch (e.kind()) {
			case UNUSABLE -> stderr.println(texts.get("error.general", e.problems(input.language).get(0)));
			case BAD_DATA -> {
				e.problems(input.language).forEach(problem -> stderr.println(texts.get("severity.error") + " "
						+ DataError.CODE + ": " + problem));
				stderr.println(texts.get("run.notRun.engineData"));
			}
			case REFUSED -> {
				stderr.println(CliTexts.finding(e.refusal(), texts));
				stderr.println(texts.get("run.notRun.engineExact", input.engine));
			}
		}
	}

	/** What a run wrote besides report.html, the page itself, its alerts and, for a review, the evidence. */
	private record Written(List<Path> files, Path html, List<Alert> alerts, Review review) {
	}

	private Written write(Results results, ReportDefinition report, GeneratedTemplate built, PrintWriter stderr)
			throws IOException {
		Path json = outputs.staging().resolve("results.json");
		Path csv = outputs.staging().resolve("results.csv");
		try (Writer writer = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
			ResultsJson.write(results, writer);
		}
		try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
			writer.write(ResultsCsv.BYTE_ORDER_MARK); // so that Excel reads the file as UTF-8, Chinese labels included
			ResultsCsv.write(results, writer);
		}
		Alerts.AlertsDocument alertsDocument = Alerts.document(results, report.alertRules());
		List<Alert> alerts = alertsDocument.alerts();
		Path alertsJson = outputs.staging().resolve("alerts.json");
		try (Writer writer = Files.newBufferedWriter(alertsJson, StandardCharsets.UTF_8)) {
			JsonDocuments.write(alertsDocument, writer);
		}
		Path reportJson = outputs.staging().resolve("report.json");
		Files.writeString(reportJson, report.toJson(), StandardCharsets.UTF_8);
		List<Path> files = new ArrayList<>(List.of(json, csv, alertsJson, reportJson));
		if (!results.template().cohorts().isEmpty()) {
			Path cohortsCsv = outputs.staging().resolve("cohorts.csv");
			try (Writer writer = Files.newBufferedWriter(cohortsCsv, StandardCharsets.UTF_8)) {
				writer.write(ResultsCsv.BYTE_ORDER_MARK);
				ResultsCsv.writeCohorts(results, writer);
			}
			files.add(cohortsCsv);
		}
		Review evidence = null;
		if (review != null) {
			evidence = Reviewer.review(results, review.grouping(), review.method(),
					ReviewCommand.structural(built.selected().findings()), input.language);
			Path reviewJson = outputs.staging().resolve("review.json");
			Files.writeString(reviewJson, evidence.toJson(), StandardCharsets.UTF_8);
			files.add(reviewJson);
		}
		Path html = outputs.staging().resolve("report.html");
		try (Writer writer = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
			ReportHtml.write(report, results, alerts, evidence, built.conformance(), input.language, writer);
		}
		Path xlsx = exports.writeXlsx(outputs.staging(), results, input.language, texts);
		if (xlsx != null) {
			files.add(xlsx);
		}
		Path pdf = exports.printPdf(html, input.language, stderr);
		if (pdf != null) {
			files.add(pdf);
		}
		outputs.commit();
		return new Written(files.stream().map(outputs::published).toList(), outputs.published(html), alerts, evidence);
	}

	/** What was loaded and set aside, and the values a zero denominator left null. */
	private void printLoad(PrintWriter stdout, LoadResult loaded, Results results) {
		stdout.println(loaded.report().withQuarantineIn(input.out.resolve(OutputFolder.QUARANTINE)).summary(input.language)
				.strip());
		long rejected = loaded.report().rowsRejected();
		if (rejected > 0) {
			stdout.println(texts.get("run.badRows", rejected, input.out.resolve("quarantine")));
		}
		printZeroDenominators(stdout, results);
	}

	private void printZeroDenominators(PrintWriter stdout, Results results) {
		for (int m = 0; m < results.template().metrics().size(); m++) {
			long zero = results.diagnostics().zeroDenominators(m);
			if (zero > 0) {
				stdout.println(texts.get("run.zeroDenominators", results.template().metrics().get(m).id(), zero));
			}
		}
	}

	private ReportDefinition chooseReport(List<GeneratedReport> reports) {
		if (reportName == null) {
			return reports.get(0).definition();
		}
		return reports.stream().map(GeneratedReport::definition).filter(r -> r.name().equals(reportName)).findFirst()
				.orElseThrow(() -> usage(texts.get("usage.noReport", reportName,
						String.join(", ", reports.stream().map(r -> r.definition().name()).toList()))));
	}

	/**
	 * The alerts at a glance: critical and warning breaches with the breakdown value most of them share, and the
	 * anomalies with how many fall in the recent periods.
	 */
	static String alertSummary(List<Alert> alerts, Results results, String language, Texts texts) {
		if (alerts.isEmpty()) {
			return texts.get("alerts.none");
		}
		List<String> parts = new ArrayList<>();
		for (String kind : List.of("critical", "warning")) {
			Breaches.Breach breach = Breaches.of(kind, alerts);
			if (breach.count() > 0) {
				parts.add(texts.plural("alerts." + kind, breach.count()) + (breach.topValue() == null ? ""
						: texts.get("alerts.top", breach.topCount(), Values.valueLabel(
								results.template().dimension(breach.topDimension()).orElse(null), breach.topValue(),
								language))));
			}
		}
		long anomalies = alerts.stream().filter(alert -> alert.kind().equals("anomaly")).count();
		if (anomalies > 0) {
			List<String> periods = new ArrayList<>();
			for (int p = 0; p < results.periods().count(); p++) {
				periods.add(results.periods().label(p));
			}
			parts.add(texts.plural("alerts.anomaly", anomalies) + texts.get("alerts.recent",
					Breaches.recentAnomalies(alerts, periods).size(), Breaches.RECENT_PERIODS));
		}
		return texts.get("alerts.summary", String.join(texts.get("alerts.separator"), parts));
	}

	/** The SQL engines as choices: {@code duckdb or --engine postgres ...}. */
	private String engines() {
		return String.join(" " + texts.get("usage.or").strip() + " --engine ", Engines.SQL_ENGINES);
	}

	private Grain grain() {
		try {
			return CliTexts.grain(input.grain, texts);
		} catch (IllegalArgumentException e) {
			throw usage(e.getMessage());
		}
	}

	/** Without --by, the breakdowns the report shows, so that none of its charts is left empty. */
	private RunOptions options(Grain parsedGrain, ReportDefinition report) {
		String breakdowns = by != null ? by : String.join(",", reportBreakdowns(report));
		List<Grouping> groupings;
		try {
			groupings = CliTexts.groupings(breakdowns, texts);
		} catch (IllegalArgumentException e) {
			throw usage(e.getMessage());
		}
		return new RunOptions(parsedGrain, groupings, date("--from", input.from), date("--to", input.to),
				input.partialHeadline, RunInputs.scanThreads(input.threads));
	}

	static List<String> reportBreakdowns(ReportDefinition report) {
		Set<String> names = new LinkedHashSet<>();
		for (ReportDefinition.Page page : report.pages()) {
			for (ReportDefinition.Tile tile : page.tiles()) {
				names.addAll(tile.breakdowns());
			}
		}
		return List.copyOf(names);
	}

	private LocalDate date(String option, String text) {
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		} catch (DateTimeParseException e) {
			throw usage(texts.get("usage.badDate", option, text));
		}
	}

	private ParameterException usage(String message) {
		return new ParameterException(spec.commandLine(), message);
	}

	/** A progress bar on standard error while the data loads, drawn on a {@link ProgressLine}. */
	static final class LoadBar implements io.yardstick.runtime.load.ProgressListener {
		private static final int WIDTH = 30;
		private final ProgressLine line;
		private int lastPercent = -1;
		private String lastSource;

		private final Texts texts;

		LoadBar(PrintWriter err, Texts texts) {
			this.line = new ProgressLine(err);
			this.texts = texts;
		}

		@Override
		public void progress(String source, long bytesDone, long bytesTotal) {
			int percent = bytesTotal <= 0 ? 100 : (int) (bytesDone * 100 / bytesTotal);
			if (percent == lastPercent && source.equals(lastSource)) {
				return;
			}
			lastPercent = percent;
			lastSource = source;
			int filled = percent * WIDTH / 100;
			line.show(texts.get("run.loading", source) + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "%");
		}

		void clear() {
			line.clear();
		}
	}
}
