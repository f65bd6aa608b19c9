package io.yardstick.cli;

import io.yardstick.dsl.conformance.Conformance;
import io.yardstick.report.ConformanceReport;
import io.yardstick.report.ConformanceReport.Change;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.pipeline.Pipeline;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.dsl.workspace.Severity;
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

	@Option(names = "--against", paramLabel = "OTHER",
			description = "The template it is compared with: an earlier version, or another template; "
					+ "default: the template it extends.")
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
		for (Path path : new Path[] { template, against }) {
			if (path != null && !Files.exists(path)) {
				throw usage("no such file or folder: " + path);
			}
		}
		PrintWriter stderr = spec.commandLine().getErr();
		KpiWorkspace.ValidatedModel ours;
		Template chosen;
		Template base;
		try {
			ours = Pipeline.validate(template, ProgressListener.NONE);
			if (refused(ours, stderr)) {
				return Main.EXIT_FINDINGS;
			}
			chosen = Pipeline.choose(ours, template, templateName);
			if (against == null) {
				base = chosen.getParent();
				if (base == null) {
					throw usage("template " + chosen.getName() + " extends none: name the template to compare with, --against OTHER");
				}
			} else if (sameFolder(template, against)) {
				base = Pipeline.choose(ours, against, againstName);
			} else {
				// Apart: two versions of one template would clash in one model.
				KpiWorkspace.ValidatedModel other = Pipeline.validate(against, ProgressListener.NONE);
				if (refused(other, stderr)) {
					return Main.EXIT_FINDINGS;
				}
				base = Pipeline.choose(other, against, againstName);
			}
		} catch (Pipeline.BadSelection e) {
			throw usage(e.getMessage());
		}
		ConformanceReport report = Conformance.compare(chosen, base);
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
	static String text(ConformanceReport report) {
		StringBuilder text = new StringBuilder();
		ConformanceReport.Summary summary = report.summary();
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

	private static boolean refused(KpiWorkspace.ValidatedModel model, PrintWriter stderr) {
		List<Finding> errors = model.report().findings().stream()
				.filter(finding -> finding.severity() == Severity.ERROR).toList();
		errors.forEach(finding -> stderr.println(finding.toText()));
		if (!errors.isEmpty()) {
			stderr.println("not compared: " + errors.size() + " error(s)");
		}
		return !errors.isEmpty();
	}

	private static boolean sameFolder(Path one, Path other) {
		return folder(one).equals(folder(other));
	}

	private static Path folder(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		return Files.isDirectory(absolute) ? absolute : absolute.getParent();
	}

	private ParameterException usage(String message) {
		return new ParameterException(spec.commandLine(), message);
	}
}
