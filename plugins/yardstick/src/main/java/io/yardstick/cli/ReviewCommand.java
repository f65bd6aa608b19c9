package io.yardstick.cli;

import io.yardstick.dsl.workspace.Finding;
import io.yardstick.review.Review;
import io.yardstick.review.Review.StructuralFinding;
import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.text.Texts;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code yardstick review}: a run, plus the evidence on every declared link (does the data move the way the
 * link says?) and the validator's structural findings, in review.json, on the terminal and in report.html.
 */
@Command(name = "review", mixinStandardHelpOptions = true, versionProvider = YardstickCommand.Version.class,
		sortOptions = false, usageHelpAutoWidth = true,
		description = {
				"Weigh each declared causal link against the data: run the template, pair each link's cause with its "
						+ "effect (lagged as declared) over the periods and, with --by, over the groups of one "
						+ "breakdown; compute Pearson's r and Spearman's rho with p-values and the regression slope; "
						+ "call each link supported, contradicted or inconclusive. Writes review.json, the run's "
						+ "files, and report.html with a Review page. A correlation is consistent with a link or "
						+ "contradicts it; it does not prove it.",
				"" },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:reviewed (whatever the verdicts)", "1:the template or the data has errors (printed)",
				"2:usage problem", "3:unexpected failure inside Yardstick" })
public final class ReviewCommand implements Callable<Integer> {
	/** How the review is done: the grouping points are taken over, and the statistical settings. */
	record Settings(String grouping, Review.Method method) {
	}

	@Spec
	CommandSpec spec;

	@ParentCommand
	YardstickCommand parent;

	@Mixin
	RunInputs input = new RunInputs();

	@Option(names = "--by", paramLabel = "BREAKDOWN",
			description = "Take points over period x group of this breakdown (region, or region*segment); "
					+ "default: over the periods of the total.")
	String by;

	@Option(names = "--alpha", paramLabel = "LEVEL", defaultValue = "0.05",
			description = "Significance level both p-values must be below (default: ${DEFAULT-VALUE}).")
	double alpha;

	@Option(names = "--min-points", paramLabel = "N", defaultValue = "12",
			description = "Fewest paired points a verdict is given on (default: ${DEFAULT-VALUE}).")
	int minPoints;

	@Override
	public Integer call() throws Exception {
		Texts texts = CliTexts.of(input.language);
		if (!(alpha > 0 && alpha < 1)) {
			throw usage(texts.get("usage.reviewAlpha", alpha));
		}
		if (minPoints < 3) {
			throw usage(texts.get("usage.reviewMinPoints"));
		}
		String grouping = "total";
		if (by != null) {
			List<Grouping> groupings;
			try {
				groupings = CliTexts.groupings(by, texts);
			} catch (IllegalArgumentException e) {
				throw usage(e.getMessage());
			}
			if (groupings.size() != 1) {
				throw usage(texts.get("usage.reviewBy", by));
			}
			grouping = groupings.get(0).name();
		}
		Review.Method defaults = Review.Method.DEFAULT;
		RunCommand run = new RunCommand();
		run.spec = spec;
		run.parent = parent;
		run.input = input;
		run.by = by == null ? "" : by;
		run.review = new Settings(grouping, new Review.Method(alpha, minPoints, defaults.permutationBelow(),
				defaults.permutations(), defaults.seed()));
		return run.execute(spec.commandLine().getOut(), spec.commandLine().getErr());
	}

	static List<StructuralFinding> structural(List<Finding> findings) {
		return findings.stream().map(finding -> new StructuralFinding(finding.severity().word(), finding.code(),
				finding.message(), finding.file(), finding.line(), finding.column())).toList();
	}

	private ParameterException usage(String message) {
		return new ParameterException(spec.commandLine(), message);
	}
}
