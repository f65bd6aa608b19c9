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
import io.yardstick.runtime.text.Texts;
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

	@Option(names = "--language", paramLabel = "LANG", description = "Language of the messages, findings and the text "
			+ "report's words: zh or en (default: the locale's language). Names, codes and --format json stay as they are.")
	String language;

	@Override
	public Integer call() throws Exception {
		Texts texts = CliTexts.of(language);
		if (!format.equals("text") && !format.equals("json")) {
			throw usage(texts.get("diff.format", format));
		}
		for (Path path : new Path[] { template, against }) {
			if (path != null && !Files.exists(path)) {
				throw usage(texts.get("selection.noSuchPath", path));
			}
		}
		PrintWriter stderr = spec.commandLine().getErr();
		KpiWorkspace.ValidatedModel ours;
		Template chosen;
		Template base;
		try {
			ours = Pipeline.validate(template, ProgressListener.NONE, texts.language());
			if (refused(ours, stderr, texts)) {
				return Main.EXIT_FINDINGS;
			}
			chosen = Pipeline.choose(ours, template, templateName);
			if (against == null) {
				base = chosen.getParent();
				if (base == null) {
					throw usage(texts.get("diff.extendsNone", chosen.getName()));
				}
			} else if (sameFolder(template, against)) {
				base = Pipeline.choose(ours, against, againstName);
			} else {
				// Apart: two versions of one template would clash in one model.
				KpiWorkspace.ValidatedModel other = Pipeline.validate(against, ProgressListener.NONE, texts.language());
				if (refused(other, stderr, texts)) {
					return Main.EXIT_FINDINGS;
				}
				base = Pipeline.choose(other, against, againstName);
			}
		} catch (Pipeline.BadSelection e) {
			throw usage(CliTexts.selection(e, texts));
		}
		ConformanceReport report = Conformance.compare(chosen, base, texts.language());
		String text = format.equals("json") ? report.toJson() : text(report, texts);
		if (out == null) {
			spec.commandLine().getOut().print(text);
		} else {
			Files.writeString(out, text, StandardCharsets.UTF_8);
			spec.commandLine().getOut().println(texts.get("run.wrote", out));
		}
		return Main.EXIT_OK;
	}

	/**
	 * A heading, then the changes grouped by what changed, one line each, in the language of the texts: the change
	 * words and the kind of subject are told, the names and category codes stay as --format json writes them.
	 */
	static String text(ConformanceReport report, Texts texts) {
		StringBuilder text = new StringBuilder();
		ConformanceReport.Summary summary = report.summary();
		text.append(texts.get("diff.heading", report.template(), report.against(), summary.added(), summary.removed(),
				summary.changed())).append('\n');
		Map<String, List<Change>> bySubject = new LinkedHashMap<>();
		for (Change change : report.changes()) {
			bySubject.computeIfAbsent(change.subject(), key -> new ArrayList<>()).add(change);
		}
		int width = report.changes().stream().mapToInt(change -> change.category().length()).max().orElse(0);
		int changeWidth = java.util.stream.Stream.of("added", "removed", "changed")
				.mapToInt(word -> texts.get("diff.change." + word).length()).max().orElse(0) + 1;
		for (Map.Entry<String, List<Change>> subject : bySubject.entrySet()) {
			text.append('\n').append(subject(subject.getKey(), texts)).append('\n');
			for (Change change : subject.getValue()) {
				String word = texts.get("diff.change." + change.change());
				text.append("  ").append(word).append(" ".repeat(changeWidth - word.length() + 1))
						.append(change.category()).append(" ".repeat(width - change.category().length() + 2))
						.append(change.detail()).append('\n');
			}
		}
		if (report.changes().isEmpty()) {
			text.append(texts.get("diff.none")).append('\n');
		}
		return text.toString();
	}

	/** {@code metric csat}, {@code link a -> b}, {@code loop x}: the kind in the language of the texts, the name as is. */
	static String subject(String subject, Texts texts) {
		int space = subject.indexOf(' ');
		String kind = space < 0 ? null : "diff.subject." + subject.substring(0, space);
		return kind != null && texts.has(kind) ? texts.get(kind, subject.substring(space + 1)) : subject;
	}

	private static boolean refused(KpiWorkspace.ValidatedModel model, PrintWriter stderr, Texts texts) {
		List<Finding> errors = model.report().findings().stream()
				.filter(finding -> finding.severity() == Severity.ERROR).toList();
		errors.forEach(finding -> stderr.println(CliTexts.finding(finding, texts)));
		if (!errors.isEmpty()) {
			stderr.println(texts.get("diff.refused", errors.size()));
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
