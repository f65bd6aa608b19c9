package io.yardstick.cli;

import io.yardstick.dsl.generator.GeneratorException;
import io.yardstick.dsl.generator.ReportGenerator.GeneratedReport;
import io.yardstick.dsl.generator.sql.DuckDbDialect;
import io.yardstick.dsl.generator.sql.PostgresDialect;
import io.yardstick.dsl.generator.sql.SparkDialect;
import io.yardstick.dsl.generator.sql.SqlDialect;
import io.yardstick.dsl.generator.sql.SqlScriptGenerator;
import io.yardstick.dsl.generator.sql.SqlScriptGenerator.SqlFile;
import io.yardstick.dsl.pipeline.GeneratedTemplate;
import io.yardstick.dsl.pipeline.Pipeline;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.time.Grain;
import io.yardstick.runtime.time.Periods;
import io.yardstick.runtime.text.Texts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code yardstick generate}: writes the Java source of a template's calculator and its report definitions. */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = YardstickCommand.Version.class,
		sortOptions = false, usageHelpAutoWidth = true,
		description = {
				"Generate the Java calculator of a template: one class that depends only on the yardstick-runtime "
						+ "library. The template's folder is loaded as one model, so imports resolve; a template with "
						+ "errors is refused, with its findings. Each report of the template (or the one derived from its "
						+ "layers) is written as JSON to reports/<template>.<report>.json.",
				"" },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:written", "1:the template has errors (printed), nothing written",
				"2:usage problem", "3:unexpected failure inside Yardstick" })
public final class GenerateCommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "TEMPLATE", description = "A .kpi file, or a folder of .kpi files.")
	Path template;

	@Option(names = "--template", paramLabel = "NAME",
			description = "The template to generate when the files hold several (simple or qualified name).")
	String templateName;

	@Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the sources.")
	Path out;

	@Option(names = "--package", paramLabel = "PACKAGE",
			description = "Java package of the class (default: the template's package).")
	String packageName;

	@Option(names = "--target", paramLabel = "TARGET", defaultValue = "java",
			description = "java: the calculator's source and report definitions (default); sql: the SQL of every "
					+ "source scan for --dialect, to run in a warehouse.")
	String target = "java";

	@Option(names = "--dialect", paramLabel = "DIALECT", description = "With --target sql: duckdb, postgres or spark.")
	String dialect;

	@Option(names = "--grain", paramLabel = "GRAIN", defaultValue = "month",
			description = "With --target sql: the period length (default: ${DEFAULT-VALUE}).")
	String grain = "month";

	@Option(names = "--by", paramLabel = "BREAKDOWNS",
			description = "With --target sql: breakdowns besides the total, as for run (region,region*segment).")
	String by;

	@Option(names = "--from", paramLabel = "DATE", description = "With --target sql: the first day of the reporting window.")
	String from;

	@Option(names = "--to", paramLabel = "DATE", description = "With --target sql: the last day of the reporting window.")
	String to;

	@Option(names = "--language", paramLabel = "LANG",
			description = "Language of the messages and findings: zh or en (default: the locale's language).")
	String language;

	/** The words of the messages, in the language of --language or the locale. */
	private Texts texts;

	@Override
	public Integer call() throws Exception {
		PrintWriter stdout = spec.commandLine().getOut();
		PrintWriter stderr = spec.commandLine().getErr();
		texts = CliTexts.of(language);
		GeneratedTemplate built;
		try {
			built = Pipeline.generate(Pipeline.select(template, templateName, ProgressListener.NONE,
					Texts.labelLanguage(language)), packageName);
		} catch (Pipeline.BadSelection e) {
			throw new ParameterException(spec.commandLine(), CliTexts.selection(e, texts));
		} catch (Pipeline.Refused refused) {
			for (Finding finding : refused.findings()) {
				stderr.println(CliTexts.finding(finding, texts));
			}
			stderr.println(texts.get("generate.refused", refused.findings().size()));
			return Main.EXIT_FINDINGS;
		}
		if ("sql".equals(target)) {
			return sql(built, stdout, stderr);
		}
		if (!"java".equals(target)) {
			throw new ParameterException(spec.commandLine(), texts.get("generate.target", target));
		}
		Path file = out.resolve(built.source().relativePath());
		Files.createDirectories(file.getParent());
		Files.writeString(file, built.source().content(), StandardCharsets.UTF_8);
		stdout.println(texts.get("run.wrote", file));
		for (GeneratedReport report : built.reports()) {
			Path json = out.resolve(report.relativePath());
			Files.createDirectories(json.getParent());
			Files.writeString(json, report.definition().toJson(), StandardCharsets.UTF_8);
			stdout.println(texts.get("run.wrote", json));
		}
		return Main.EXIT_OK;
	}

	private static final Map<String, SqlDialect> DIALECTS = Map.of("duckdb", DuckDbDialect.INSTANCE, "postgres",
			PostgresDialect.INSTANCE, "spark", SparkDialect.INSTANCE);

	/** The SQL files of --target sql: the periods table of the window, one query per source scan. */
	private Integer sql(GeneratedTemplate built, PrintWriter stdout, PrintWriter stderr) throws Exception {
		SqlDialect chosen = DIALECTS.get(dialect == null ? "" : dialect);
		if (chosen == null) {
			throw new ParameterException(spec.commandLine(), texts.get("generate.dialect"));
		}
		if (from == null || to == null) {
			throw new ParameterException(spec.commandLine(), texts.get("generate.window"));
		}
		Grain parsedGrain;
		List<Grouping> groupings;
		LocalDate first;
		LocalDate last;
		try {
			parsedGrain = CliTexts.grain(grain, texts);
			groupings = CliTexts.groupings(by == null ? "" : by, texts);
			first = LocalDate.parse(from);
			last = LocalDate.parse(to);
		} catch (IllegalArgumentException | java.time.DateTimeException e) {
			throw new ParameterException(spec.commandLine(), e.getMessage());
		}
		TemplateSpec template = Pipeline.compile(built).spec();
		for (Grouping grouping : groupings) {
			for (String dimension : grouping.dimensions()) {
				if (template.dimension(dimension).isEmpty()) {
					throw new ParameterException(spec.commandLine(), texts.get("usage.unknownBreakdown", dimension,
							String.join(", ", template.dimensions().stream().map(d -> d.name()).toList())));
				}
			}
		}
		List<SqlFile> files;
		try {
			files = new SqlScriptGenerator().generate(built.selected().template(), template, chosen, parsedGrain,
					Periods.between(parsedGrain, template.zone(), first, last),
					groupings.stream().map(Grouping::dimensions).toList());
		} catch (GeneratorException e) {
			stderr.println(CliTexts.finding(built.refusal(e), texts));
			stderr.println(texts.get("generate.notExact", chosen.name()));
			return Main.EXIT_FINDINGS;
		}
		for (SqlFile sqlFile : files) {
			Path file = out.resolve(sqlFile.relativePath());
			Files.createDirectories(file.getParent());
			Files.writeString(file, sqlFile.content(), StandardCharsets.UTF_8);
			stdout.println(texts.get("run.wrote", file));
		}
		return Main.EXIT_OK;
	}
}
