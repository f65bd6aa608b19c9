package io.yardstick.review;

import io.yardstick.review.Review.LinkEvidence;
import io.yardstick.review.Review.LoopEvidence;
import io.yardstick.review.Review.StructuralFinding;
import io.yardstick.runtime.results.ResultsTable;
import io.yardstick.runtime.text.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The review as a person reads it in a terminal: one line per link, then the loops and the findings' counts. */
public final class ReviewText {
	private ReviewText() {
	}

	/** The words: {@code review_en.properties} and {@code review_zh.properties} beside this class. */
	public static final String TEXTS = "io/yardstick/review/review";

	public static String render(Review review) {
		return render(review, "en");
	}

	/**
	 * The review in {@code en} or {@code zh}. Link reasons are the review's own sentences, as in review.json:
	 * in the language the review was made in ({@link Reviewer#review(io.yardstick.runtime.results.Results, String,
	 * Review.Method, List, String)}).
	 */
	public static String render(Review review, String language) {
		Texts texts = Texts.of(TEXTS, language);
		StringBuilder text = new StringBuilder();
		Review.Method method = review.method();
		text.append(texts.get(review.grouping().equals("total") ? "header" : "header.grouped", review.links().size(),
				review.template(), texts.has("noun." + review.grain()) ? texts.get("noun." + review.grain()) : review.grain(),
				review.grouping(), method.minPoints(),
				Reviewer.decimal(method.alpha()))).append('\n');
		text.append(texts.get("caution")).append("\n\n");

		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { texts.get("column.link"), texts.get("column.declared"), texts.get("column.lag"), "n", "r",
				"rho", "p", texts.get("column.verdict") });
		for (LinkEvidence link : review.links()) {
			rows.add(new String[] { link.from() + " -> " + link.to(), texts.get("sign." + link.polarity()),
					link.lag() == null ? "-" : lag(texts, link.lag()), Integer.toString(link.points()),
					signed(link.pearson().r()), signed(link.spearman().rho()), p(link),
					texts.get("verdict." + link.verdict().keyword()) });
		}
		appendTable(text, rows);
		List<LinkEvidence> unsupported = review.links().stream().filter(link -> link.verdict() != Review.Verdict.SUPPORTED)
				.toList();
		if (!unsupported.isEmpty()) {
			text.append('\n').append(texts.get("unsupported")).append('\n');
			for (LinkEvidence link : unsupported) {
				text.append("  ").append(link.from()).append(" -> ").append(link.to()).append(": ").append(link.reason())
						.append('\n');
			}
		}

		if (!review.loops().isEmpty()) {
			text.append('\n').append(texts.get("loops")).append('\n');
			for (LoopEvidence loop : review.loops()) {
				text.append("  ").append(loop.name()).append(" (").append(String.join(" -> ", loop.steps())).append("): ");
				if (loop.declaredSign() == null) {
					text.append(texts.get("loop.broken")).append('\n');
					continue;
				}
				text.append(texts.get("loop.signs", texts.get("sign." + loop.declaredSign()),
						loop.observedSign() == null ? texts.get("sign.unknown") : texts.get("sign." + loop.observedSign()),
						texts.get("verdict." + loop.verdict().keyword())));
				if (loop.weakestLink() != null) {
					text.append(texts.get("loop.weakest", loop.weakestLink().from(), loop.weakestLink().to()));
				}
				text.append('\n');
			}
		}
		text.append('\n');
		text.append(texts.get("findings", count(review, "error"), count(review, "warning"), count(review, "info")))
				.append('\n');
		Review.Summary summary = review.summary();
		text.append(texts.get("summary", summary.supported(), summary.contradicted(), summary.inconclusive()))
				.append('\n');
		return text.toString();
	}

	private static void appendTable(StringBuilder text, List<String[]> rows) {
		int[] widths = new int[rows.get(0).length];
		for (String[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], ResultsTable.width(row[i]));
			}
		}
		for (String[] row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.length; i++) {
				boolean number = i >= 3 && i <= 6;
				// Padded by terminal columns: a Chinese heading or verdict takes two per character.
				String padding = " ".repeat(widths[i] - ResultsTable.width(row[i]));
				String cell = number ? padding + row[i] : row[i] + padding;
				line.append(i == 0 ? "" : "  ").append(cell);
			}
			text.append(line.toString().stripTrailing()).append('\n');
		}
	}

	private static String lag(Texts texts, Review.Lag lag) {
		String key = "unit." + lag.grain();
		return texts.has(key + ".one") ? texts.plural(key, lag.count()) : lag.count() + " " + lag.grain();
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
