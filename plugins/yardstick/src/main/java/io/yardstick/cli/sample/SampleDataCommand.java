package io.yardstick.cli.sample;

import io.yardstick.cli.CliTexts;
import io.yardstick.cli.Main;
import io.yardstick.cli.ProgressLine;
import io.yardstick.cli.YardstickCommand;
import io.yardstick.dsl.pipeline.CompiledTemplate;
import io.yardstick.dsl.pipeline.Pipeline;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.text.Texts;
import java.io.IOException;
import java.io.PrintWriter;
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
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code yardstick sample-data}: deterministic sample data for a template's sources. Without a template, or for
 * the standard after-sales template itself, the after-sales simulation with its planted relations
 * ({@link SampleDataGenerator}); for any other template, data drawn from its declared fields
 * ({@link TemplateSampleData}).
 */
@Command(name = "sample-data", mixinStandardHelpOptions = true, versionProvider = YardstickCommand.Version.class,
		sortOptions = false, usageHelpAutoWidth = true,
		description = {
				"Write sample data for a template's sources into the output folder (created when needed; files of "
						+ "the same names are replaced), so that a template can be previewed before a client sends "
						+ "data. The same options always give byte-identical files. Prints one line per file written.",
				"Any template: one file per source, <Source>.csv, or as the template's data block says (encoding, "
						+ "delimiter, column names, number and time patterns). Values are drawn from the declared "
						+ "fields: kinds, score ranges, enum and breakdown values, unique keys, references to keys of "
						+ "the referenced source (which gets one row for every 5 of its largest referrer, at least 10), "
						+ "the time axis spread over the months, and times in the order the formulas subtract them.",
				"Without a template, or for the standard after-sales template itself: Customer.csv, Ticket.csv and "
						+ "Sale.csv simulated with the relations the template declares (docs/sample-data.md); "
						+ "--generic draws them from the fields instead.",
				"" },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = {
				"0:the files were written",
				"1:the template has errors (printed)",
				"2:usage problem: a bad option value, a template that cannot be found or sampled (a bool key, a text "
						+ "its data block's encoding cannot write), or an output folder that cannot be created or written",
				"3:unexpected failure inside Yardstick (a bug; --debug shows the stack trace)" })
public final class SampleDataCommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	@ParentCommand
	YardstickCommand parent;

	@Parameters(index = "0", arity = "0..1", paramLabel = "TEMPLATE",
			description = "A .kpi file or a folder of them; without it, the standard after-sales template's data.")
	Path template;

	@Option(names = "--template", paramLabel = "NAME", description = "The template, when the files hold several.")
	String templateName;

	@Option(names = { "--rows", "--tickets" }, paramLabel = "N", defaultValue = "" + SampleDataSettings.DEFAULT_TICKETS,
			description = "Rows of each source no other source refers to (the after-sales data: tickets), 1 to "
					+ SampleDataSettings.MAX_TICKETS + " (default: ${DEFAULT-VALUE}).")
	long rows;

	@Option(names = "--seed", paramLabel = "S", defaultValue = "" + SampleDataSettings.DEFAULT_SEED,
			description = "Seed of the random draws (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--from", paramLabel = "DATE", defaultValue = "2025-01-01",
			description = "First day of the first month, yyyy-MM-dd (default: ${DEFAULT-VALUE}).")
	LocalDate from;

	@Option(names = "--months", paramLabel = "N", defaultValue = "" + SampleDataSettings.DEFAULT_MONTHS,
			description = "Number of months covered, 1 to 1200 (default: ${DEFAULT-VALUE}).")
	int months;

	@Option(names = "--generic",
			description = "Draw the standard after-sales template's data from its fields too, without the simulation.")
	boolean generic;

	@Option(names = { "-o", "--out" }, paramLabel = "DIR", required = true,
			description = "Folder to write the files to.")
	Path out;

	@Option(names = "--language", paramLabel = "LANG",
			description = "Language of the messages and findings: zh or en (default: the locale's language).")
	String language;

	/** The words of the messages, in the language of --language or the locale. */
	private Texts texts;

	@Override
	public Integer call() throws IOException {
		texts = CliTexts.of(language);
		if (Files.exists(out) && !Files.isDirectory(out)) {
			throw usage(texts.get("sample.notFolder", out));
		}
		checkRanges();
		if (template == null) {
			return afterSales();
		}
		TemplateSampleData.Settings settings;
		try {
			settings = new TemplateSampleData.Settings(rows, seed, from, months);
		} catch (IllegalArgumentException bad) {
			throw usage(bad.getMessage());
		}
		CompiledTemplate compiled;
		try {
			compiled = Pipeline.compile(Pipeline.generate(Pipeline.select(template, templateName, ProgressListener.NONE,
					Texts.labelLanguage(language)), null));
		} catch (Pipeline.BadSelection bad) {
			throw usage(CliTexts.selection(bad, texts));
		} catch (Pipeline.Refused refused) {
			PrintWriter err = spec.commandLine().getErr();
			refused.findings().forEach(finding -> err.println(CliTexts.finding(finding, texts)));
			err.flush();
			return Main.EXIT_FINDINGS;
		}
		TemplateSpec templateSpec = compiled.spec();
		if (!generic && isAfterSales(templateSpec)) {
			return afterSales();
		}
		TemplateSampleData generator;
		try {
			generator = TemplateSampleData.of(compiled.generated().selected().template(), templateSpec, settings);
		} catch (SampleRefusal cannot) {
			throw usage(texts.get("sample.refused." + cannot.key(), cannot.arguments()));
		}
		ProgressLine line = parent != null && parent.interactive() ? new ProgressLine(spec.commandLine().getErr()) : null;
		List<TemplateSampleData.Written> written;
		try {
			written = generator.write(out, line == null ? TemplateSampleData.Progress.NONE
					: (source, done, total) -> line.show("yardstick: writing " + source + " " + done + "/" + total
							+ " rows (" + done * 100 / total + "%)"));
		} catch (IOException failed) {
			throw usage(texts.get("sample.cannotWrite", out, describe(failed)));
		} finally {
			if (line != null) {
				line.clear();
			}
		}
		PrintWriter printed = spec.commandLine().getOut();
		for (TemplateSampleData.Written file : written) {
			printed.print(texts.get("sample.rows", file.file(), file.rows()) + "\n");
		}
		printed.flush();
		return Main.EXIT_OK;
	}

	/**
	 * Whether the template's sources are exactly those the after-sales simulation writes, field for field, in the
	 * plain format: the standard after-sales template, or a copy of it.
	 */
	static boolean isAfterSales(TemplateSpec template) {
		Map<String, List<String>> expected = Map.of("Customer", SampleDataGenerator.CUSTOMER_COLUMNS, "Ticket",
				SampleDataGenerator.TICKET_COLUMNS, "Sale", SampleDataGenerator.SALE_COLUMNS);
		if (template.sources().size() != expected.size()) {
			return false;
		}
		for (SourceSpec source : template.sources()) {
			List<String> fields = source.fields().stream().map(FieldSpec::name).toList();
			if (!fields.equals(expected.get(source.name())) || !source.format().isPlain()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The settings' ranges, checked here to be told in the language of --language; the settings' records check them
	 * again for their other callers.
	 */
	private void checkRanges() {
		if (rows < 1 || rows > TemplateSampleData.MAX_ROWS) {
			throw usage(texts.get(template == null ? "sample.ticketsRange" : "sample.rowsRange", TemplateSampleData.MAX_ROWS,
					rows));
		}
		if (months < 1 || months > 1200) {
			throw usage(texts.get("sample.monthsRange", months));
		}
		if (from != null && from.getDayOfMonth() != 1) {
			throw usage(texts.get("sample.fromFirstDay", from));
		}
		if (from != null && (from.getYear() < 1900 || from.getYear() > 9000)) {
			throw usage(texts.get("sample.fromYears", from));
		}
	}

	private Integer afterSales() {
		SampleDataSettings settings;
		try {
			settings = new SampleDataSettings(rows, seed, from, months);
		} catch (IllegalArgumentException bad) {
			throw usage(bad.getMessage());
		}
		SampleDataGenerator.Summary summary;
		try {
			summary = new SampleDataGenerator(settings).write(out);
		} catch (IOException failed) {
			throw usage(texts.get("sample.cannotWrite", out, describe(failed)));
		}
		PrintWriter printed = spec.commandLine().getOut();
		printed.print(texts.get("sample.customers", out.resolve(SampleDataGenerator.CUSTOMER_FILE), summary.customers(),
				summary.churned()) + "\n" + texts.get("sample.tickets", out.resolve(SampleDataGenerator.TICKET_FILE),
						summary.tickets()) + "\n"
				+ texts.get("sample.orders", out.resolve(SampleDataGenerator.SALE_FILE), summary.sales()) + "\n");
		printed.flush();
		return Main.EXIT_OK;
	}

	private static String describe(IOException failed) {
		String message = failed.getMessage();
		return failed.getClass().getSimpleName() + (message == null ? "" : " " + message);
	}

	private ParameterException usage(String message) {
		return new ParameterException(spec.commandLine(), message);
	}
}
