package io.yardstick.cli;

import io.yardstick.dsl.conformance.Conformance;
import io.yardstick.dsl.conformance.Conformance.Change;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.KpiFiles;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.dsl.workspace.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code yardstick diff}: how a template departs from another (a client from its industry template, or a
 * template from its earlier version), classified by meaning.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = YardstickCommand.Version.class,
		sortOptions = false, usageHelpAutoWidth = true,
		description = {
				"Compare a template with another, as each takes effect (inherited members included): metrics and links "
						+ "added and removed, and every change classified by meaning: a target or threshold tightened "
						+ "or loosened for the metric's direction, a numerator or denominator filter, an aggregation, "
						+ "a time window, a kind or unit, a link's polarity or lag.",
				"" },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:compared (whatever the differences)", "1:a template has errors (printed)",
				"2:usage problem", "3:unexpected failure inside Yardstick" })
public final class DiffCommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "TEMPLATE", description = "The template to report on: a .kpi file or a folder.")
	Path template;

	@Option(names = "--against", paramLabel = "OTHER", required = true,
			description = "The template it is compared with (its industry template, or an earlier version).")
	Path against;

	@Option(names = "--template", paramLabel = "NAME", description = "The template in TEMPLATE, when it holds several.")
	String templateName;

	@Option(names = "--against-template", paramLabel = "NAME", description = "The template in OTHER, when it holds several.")
	String againstName;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
			description = "text (default) or json.")
	String format;

	@Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of to standard output.")
	Path out;

	@Override
	public Integer call() throws Exception {
		if (!format.equals("text") && !format.equals("json")) {
			throw usage("--format takes text or json, not " + format);
		}
		PrintWriter stderr = spec.commandLine().getErr();
		List<KpiFiles.InputFile> mine = files(template);
		List<KpiFiles.InputFile> theirs = files(against);
		KpiWorkspace workspace = new KpiWorkspace();
		KpiWorkspace.ValidatedModel ours;
		KpiWorkspace.ValidatedModel other;
		if (folder(template).equals(folder(against))) {
			ours = workspace.loadAndValidate(mine, ProgressListener.NONE);
			other = ours;
		} else {
			// Together, so that a client resolves the industry template it extends; apart, for two versions of one
			// template, whose equal qualified names would clash in one model.
			List<KpiFiles.InputFile> both = new ArrayList<>(mine);
			both.addAll(theirs);
			ours = workspace.loadAndValidate(both, ProgressListener.NONE);
			other = ours;
			if (errors(ours).stream().anyMatch(finding -> finding.code().equals("duplicate-name"))) {
				ours = workspace.loadAndValidate(mine, ProgressListener.NONE);
				other = new KpiWorkspace().loadAndValidate(theirs, ProgressListener.NONE);
			}
		}
		List<Finding> errors = new ArrayList<>(errors(ours));
		if (other != ours) {
			errors.addAll(errors(other));
		}
		if (!errors.isEmpty()) {
			errors.forEach(finding -> stderr.println(finding.toText()));
			stderr.println("not compared: " + errors.size() + " error(s)");
			return Main.EXIT_FINDINGS;
		}
		Template chosen;
		Template base;
		try {
			chosen = CalculatorBuild.choose(ours, template, templateName);
			base = CalculatorBuild.choose(other, against, againstName);
		} catch (CalculatorBuild.BadSelection e) {
			throw usage(e.getMessage());
		}
		Conformance.Report report = Conformance.compare(chosen, base);
		String text = format.equals("json") ? report.toJson() : text(report);
		if (out == null) {
			spec.commandLine().getOut().print(text);
		} else {
			Files.writeString(out, text, StandardCharsets.UTF_8);
			spec.commandLine().getOut().println("wrote " + out);
		}
		return Main.EXIT_OK;
	}

	/** A heading, then the changes grouped by what changed, one line each. */
	static String text(Conformance.Report report) {
		StringBuilder text = new StringBuilder();
		Conformance.Summary summary = report.summary();
		text.append(report.template()).append(" against ").append(report.against()).append(": ")
				.append(summary.added()).append(" added, ").append(summary.removed()).append(" removed, ")
				.append(summary.changed()).append(" changed\n");
		Map<String, List<Change>> bySubject = new LinkedHashMap<>();
		for (Change change : report.changes()) {
			bySubject.computeIfAbsent(change.subject(), key -> new ArrayList<>()).add(change);
		}
		int width = report.changes().stream().mapToInt(change -> change.category().length()).max().orElse(0);
		for (Map.Entry<String, List<Change>> subject : bySubject.entrySet()) {
			text.append('\n').append(subject.getKey()).append('\n');
			for (Change change : subject.getValue()) {
				text.append("  ").append(String.format("%-8s", change.change())).append(' ')
						.append(change.category()).append(" ".repeat(width - change.category().length() + 2))
						.append(change.detail()).append('\n');
			}
		}
		if (report.changes().isEmpty()) {
			text.append("no differences\n");
		}
		return text.toString();
	}

	private List<KpiFiles.InputFile> files(Path path) throws IOException {
		if (!Files.exists(path)) {
			throw usage("no such file or folder: " + path);
		}
		List<KpiFiles.InputFile> files = KpiFiles.collect(List.of(folder(path)));
		if (files.isEmpty()) {
			throw usage("no .kpi files in folder: " + folder(path));
		}
		return files;
	}

	private static Path folder(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		return Files.isDirectory(absolute) ? absolute : absolute.getParent();
	}

	private static List<Finding> errors(KpiWorkspace.ValidatedModel model) {
		return model.report().findings().stream().filter(finding -> finding.severity() == Severity.ERROR).toList();
	}

	private ParameterException usage(String message) {
		return new ParameterException(spec.commandLine(), message);
	}
}
