package io.yardstick.cli;

import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.ImportClosure;
import io.yardstick.dsl.workspace.KpiFiles;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.dsl.workspace.Severity;
import io.yardstick.dsl.workspace.ValidationReport;
import io.yardstick.runtime.text.Texts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code yardstick validate}: every finding of the named files, validated as one model. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = YardstickCommand.Version.class,
		sortOptions = false, usageHelpAutoWidth = true,
		description = {
				"Validate .kpi templates. Files and folders (searched recursively for .kpi files) are loaded "
						+ "into one model, so that imports and 'extends' resolve across them. Prints one line per "
						+ "finding, 'path:line:column: severity code: message', then a summary line.",
				"" },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = {
				"0:no errors (warnings and infos allowed)",
				"1:at least one error was found",
				"2:usage problem: no path, a path that does not exist, a folder without .kpi files, a bad option",
				"3:unexpected failure inside Yardstick (a bug; --debug shows the stack trace)" })
public final class ValidateCommand implements Callable<Integer> {
	/** More files than this, and a person watching, and validation draws a progress line on standard error. */
	static final int PROGRESS_THRESHOLD = 20;

	public enum Format {
		text, json
	}

	@Spec
	CommandSpec spec;

	@ParentCommand
	YardstickCommand parent;

	@Parameters(paramLabel = "FILE|DIR", arity = "0..*",
			description = ".kpi files, and folders to search recursively for .kpi files.")
	List<Path> paths = new ArrayList<>();

	@Option(names = { "-f", "--format" }, paramLabel = "FORMAT", defaultValue = "text",
			description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
	Format format;

	@Option(names = { "-q", "--quiet" }, description = "Never draw the progress line on standard error.")
	boolean quiet;

	@Option(names = "--language", paramLabel = "LANG",
			description = "Language of the findings' messages and the summary: zh or en (default: the locale's language).")
	String language;

	@Override
	public Integer call() throws IOException {
		Texts texts = CliTexts.of(language);
		List<KpiFiles.InputFile> named = collect(texts);
		// a file is validated with what it imports; those files' errors count, their other findings do not
		List<KpiFiles.InputFile> files = ImportClosure.withImports(paths, named);
		ProgressLine progressLine = showProgress(files.size()) ? new ProgressLine(spec.commandLine().getErr()) : null;
		ProgressListener progress = progressLine == null ? ProgressListener.NONE : progressLine;
		ValidationReport report;
		try {
			report = new KpiWorkspace(texts.language()).validateFiles(files, progress).restrictedTo(named);
		} finally {
			if (progressLine != null) {
				progressLine.clear();
			}
		}
		PrintWriter out = spec.commandLine().getOut();
		if (format == Format.json) {
			out.print(JsonReport.of(report).toJson());
		} else {
			StringBuilder text = new StringBuilder();
			for (Finding finding : report.findings()) {
				text.append(CliTexts.finding(finding, texts)).append('\n');
			}
			text.append(summary(report, texts)).append('\n');
			out.print(text);
		}
		out.flush();
		return report.hasErrors() ? Main.EXIT_FINDINGS : Main.EXIT_OK;
	}

	/** The .kpi files to validate; anything wrong with the paths themselves is a usage problem. */
	private List<KpiFiles.InputFile> collect(Texts texts) throws IOException {
		if (paths.isEmpty()) {
			throw usage(texts.get("usage.noFiles"));
		}
		for (Path path : paths) {
			if (!Files.exists(path)) {
				throw usage(texts.get("usage.noSuchPath", path));
			}
			if (Files.isDirectory(path) && KpiFiles.collect(List.of(path)).isEmpty()) {
				throw usage(texts.get("usage.noKpiFiles", path));
			}
		}
		try {
			return KpiFiles.collect(paths);
		} catch (NoSuchFileException gone) {
			// Removed between the check above and the walk.
			throw usage(texts.get("usage.noSuchPath", gone.getFile()));
		}
	}

	/** {@link ValidationReport#summary()} in the language of the texts. */
	static String summary(ValidationReport report, Texts texts) {
		return texts.get("validate.summary", texts.plural("validate.files", report.files().size()),
				texts.plural("validate.errors", report.count(Severity.ERROR)),
				texts.plural("validate.warnings", report.count(Severity.WARNING)),
				texts.plural("validate.infos", report.count(Severity.INFO)));
	}

	private boolean showProgress(int fileCount) {
		return !quiet && parent != null && parent.interactive() && fileCount > PROGRESS_THRESHOLD;
	}

	private ParameterException usage(String message) {
		return new ParameterException(spec.commandLine(), message);
	}
}
