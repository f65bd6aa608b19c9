package io.yardstick.review;

import io.yardstick.review.Review.LinkEvidence;
import io.yardstick.review.Review.LoopEvidence;
import io.yardstick.review.Review.StructuralFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The review as a person reads it in a terminal: one line per link, then the loops and the findings' counts. */
public final class ReviewText {
	private ReviewText() {
	}

	public static String render(Review review) {
		StringBuilder text = new StringBuilder();
		Review.Method method = review.method();
		text.append("Evidence on ").append(review.links().size()).append(" declared link(s) of ").append(review.template())
				.append(", by ").append(review.grain())
				.append(review.grouping().equals("total") ? "" : " and " + review.grouping()).append(": a verdict needs ")
				.append(method.minPoints()).append(" points and both p-values below ").append(Reviewer.decimal(method.alpha()))
				.append(".\n");
		text.append("A correlation is consistent with a declared link or contradicts it; it does not prove the link.\n\n");

		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "link", "declared", "lag", "n", "r", "rho", "p", "verdict" });
		for (LinkEvidence link : review.links()) {
			rows.add(new String[] { link.from() + " -> " + link.to(), link.polarity(),
					link.lag() == null ? "-" : link.lag().count() + " " + link.lag().grain(), Integer.toString(link.points()),
					signed(link.pearson().r()), signed(link.spearman().rho()), p(link), link.verdict().keyword() });
		}
		appendTable(text, rows);
		List<LinkEvidence> unsupported = review.links().stream().filter(link -> link.verdict() != Review.Verdict.SUPPORTED)
				.toList();
		if (!unsupported.isEmpty()) {
			text.append("\nNot supported, and why\n");
			for (LinkEvidence link : unsupported) {
				text.append("  ").append(link.from()).append(" -> ").append(link.to()).append(": ").append(link.reason())
						.append('\n');
			}
		}

		if (!review.loops().isEmpty()) {
			text.append("\nLoops\n");
			for (LoopEvidence loop : review.loops()) {
				text.append("  ").append(loop.name()).append(" (").append(String.join(" -> ", loop.steps())).append("): ");
				if (loop.declaredSign() == null) {
					text.append("a step has no declared link\n");
					continue;
				}
				text.append("declared ").append(loop.declaredSign()).append(", observed ")
						.append(loop.observedSign() == null ? "not known" : loop.observedSign()).append(": ")
						.append(loop.verdict().keyword());
				if (loop.weakestLink() != null) {
					text.append("; weakest link ").append(loop.weakestLink().from()).append(" -> ")
							.append(loop.weakestLink().to());
				}
				text.append('\n');
			}
		}
		text.append('\n');
		text.append("Structural findings: ").append(count(review, "error")).append(" error(s), ")
				.append(count(review, "warning")).append(" warning(s), ").append(count(review, "info"))
				.append(" info(s)\n");
		Review.Summary summary = review.summary();
		text.append("Links: ").append(summary.supported()).append(" supported, ").append(summary.contradicted())
				.append(" contradicted, ").append(summary.inconclusive()).append(" inconclusive\n");
		return text.toString();
	}

	private static void appendTable(StringBuilder text, List<String[]> rows) {
		int[] widths = new int[rows.get(0).length];
		for (String[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		for (String[] row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.length; i++) {
				boolean number = i >= 3 && i <= 6;
				String cell = number ? " ".repeat(widths[i] - row[i].length()) + row[i]
						: row[i] + " ".repeat(widths[i] - row[i].length());
				line.append(i == 0 ? "" : "  ").append(cell);
			}
			text.append(line.toString().stripTrailing()).append('\n');
		}
	}

	private static String p(LinkEvidence link) {
		if (link.pearson().p() == null || link.spearman().p() == null) {
			return "-";
		}
		double p = Math.max(link.pearson().p(), link.spearman().p());
		return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
	}

	private static String signed(Double value) {
		return value == null ? "-" : String.format(Locale.ROOT, "%+.2f", value);
	}

	private static long count(Review review, String severity) {
		return review.findings().stream().map(StructuralFinding::severity).filter(severity::equals).count();
	}
}
