package io.yardstick.review;

import io.yardstick.review.Review.Lag;
import io.yardstick.review.Review.LinkEvidence;
import io.yardstick.review.Review.LinkRef;
import io.yardstick.review.Review.LoopEvidence;
import io.yardstick.review.Review.Method;
import io.yardstick.review.Review.Pearson;
import io.yardstick.review.Review.Point;
import io.yardstick.review.Review.Spearman;
import io.yardstick.review.Review.StructuralFinding;
import io.yardstick.review.Review.Summary;
import io.yardstick.review.Review.Verdict;
import io.yardstick.runtime.results.GroupingResult;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.results.Values;
import io.yardstick.runtime.spec.LinkSpec;
import io.yardstick.runtime.spec.LoopSpec;
import io.yardstick.runtime.spec.MetricSpec;
import io.yardstick.runtime.time.Grain;
import io.yardstick.runtime.time.Periods;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Builds a {@link Review} from a run's results: for every declared link A → B the pairs (A in a period, B
 * {@code lag} later) over the periods, and over the groups of one breakdown when the run has it; then the
 * correlations, the regression slope of B on A and a verdict; then the loops.
 */
public final class Reviewer {
	/** Average lengths in days, to turn a lag in one grain into periods of another. */
	private static final Map<String, Double> DAYS = Map.of("day", 1.0, "week", 7.0, "month", 30.436875, "quarter",
			91.310625, "year", 365.2425);

	private final Results results;
	private final GroupingResult grouping;
	private final Method method;

	private Reviewer(Results results, GroupingResult grouping, Method method) {
		this.results = results;
		this.grouping = grouping;
		this.method = method;
	}

	/**
	 * @param groupingName the grouping to take points over ({@code total}, or one the run computed, such as
	 *     {@code region})
	 * @param findings the validator's findings on the template
	 */
	public static Review review(Results results, String groupingName, Method method, List<StructuralFinding> findings) {
		GroupingResult grouping = results.grouping(groupingName);
		Reviewer reviewer = new Reviewer(results, grouping, method);
		List<LinkEvidence> links = new ArrayList<>();
		for (LinkSpec link : results.template().links()) {
			links.add(reviewer.link(link));
		}
		List<LoopEvidence> loops = new ArrayList<>();
		for (LoopSpec loop : results.template().loops()) {
			loops.add(loop(loop, results.template().links(), links));
		}
		int supported = count(links, Verdict.SUPPORTED);
		int contradicted = count(links, Verdict.CONTRADICTED);
		return new Review(Review.SCHEMA, results.template().qualifiedName(), results.periods().grain().keyword(),
				grouping.grouping().name(), method, new Summary(supported, contradicted, links.size() - supported - contradicted),
				links, loops, findings);
	}

	// ------------------------------------------------------------------ links

	private LinkEvidence link(LinkSpec link) {
		int from = results.index(link.from());
		int to = results.index(link.to());
		MetricSpec cause = results.metric(from);
		MetricSpec effect = results.metric(to);
		Grain grain = results.periods().grain();
		int shift = shift(link, grain);
		// A metric not broken down by the review's grouping still has its total: judge the link on that.
		GroupingResult over = grouping.computed(from) && grouping.computed(to) ? grouping : results.total();
		Periods periods = results.periods();
		List<Point> points = new ArrayList<>();
		for (int g = 0; g < over.groups().size(); g++) {
			for (int p = 0; p + shift < periods.count(); p++) {
				double x = over.value(from, p, g);
				double y = over.value(to, p + shift, g);
				if (!Double.isNaN(x) && !Double.isNaN(y)) {
					points.add(new Point(periods.label(p), periods.label(p + shift), over.groups().get(g), x, y,
							Values.display(cause, x, results.template().zone()),
							Values.display(effect, y, results.template().zone())));
				}
			}
		}
		double[] xs = points.stream().mapToDouble(Point::x).toArray();
		double[] ys = points.stream().mapToDouble(Point::y).toArray();
		Correlations.Result pearson = Correlations.pearson(xs, ys, method);
		Correlations.Result spearman = Correlations.spearman(xs, ys, method);
		Double slope = null;
		Double intercept = null;
		if (pearson.defined()) {
			SimpleRegression regression = new SimpleRegression();
			for (int i = 0; i < xs.length; i++) {
				regression.addData(xs[i], ys[i]);
			}
			slope = regression.getSlope();
			intercept = regression.getIntercept();
		}
		String overWhat = over.grouping().isTotal() ? plural(points.size(), grain.keyword())
				: points.size() + " " + over.grouping().name() + "-" + grain.keyword() + (points.size() == 1 ? "" : "s");
		String lagText = link.lag() == 0 ? "" : ", lagged " + plural(link.lag(), link.lagGrain())
				+ (lagIsExact(link, grain) ? "" : " (taken as " + plural(shift, grain.keyword()) + ")");
		String polarity = link.positive() ? "positive" : "negative";
		Judgement judgement = judge(link.positive(), points.size(), pearson, spearman);
		String reason = switch (judgement.verdict()) {
			case SUPPORTED -> "consistent with the declared " + polarity + " link" + lagText + ": " + numbers(pearson,
					spearman) + " over " + overWhat;
			case CONTRADICTED -> "contradicts the declared " + polarity + " link" + lagText + ": " + numbers(pearson,
					spearman) + " over " + overWhat;
			case INCONCLUSIVE -> judgement.why() + " (" + overWhat + lagText.replace(", lagged", "; lagged") + ")";
		};
		return new LinkEvidence(link.from(), link.to(), polarity,
				link.lag() == 0 ? null : new Lag(link.lag(), link.lagGrain()), shift, over.grouping().name(), points.size(),
				new Pearson(pearson.coefficient(), pearson.p(), pearson.test()),
				new Spearman(spearman.coefficient(), spearman.p(), spearman.test()), slope, intercept,
				judgement.verdict(), judgement.code(), reason, points);
	}

	/** A verdict, the code of its reason (for tools and translations), and the reason when inconclusive. */
	private record Judgement(Verdict verdict, String code, String why) {
	}

	private Judgement judge(boolean positive, int points, Correlations.Result pearson, Correlations.Result spearman) {
		if (points < method.minPoints()) {
			return new Judgement(Verdict.INCONCLUSIVE, "too-few-points", "too few points: " + points + ", fewer than the "
					+ method.minPoints() + " a verdict needs");
		}
		if (!pearson.defined() || !spearman.defined()) {
			return new Judgement(Verdict.INCONCLUSIVE, "no-variation", "one of the two series does not vary, so it cannot go with the other");
		}
		double r = pearson.coefficient();
		double rho = spearman.coefficient();
		if (Math.max(pearson.p(), spearman.p()) >= method.alpha()) {
			return new Judgement(Verdict.INCONCLUSIVE, "not-significant", "not significant at " + decimal(method.alpha()) + ": "
					+ numbers(pearson, spearman));
		}
		// Both significant yet of opposite signs: a few extreme points pull Pearson's r against the ranks.
		if (Math.signum(r) != Math.signum(rho)) {
			return new Judgement(Verdict.INCONCLUSIVE, "coefficients-disagree", "Pearson and Spearman disagree in sign: " + numbers(pearson, spearman));
		}
		Verdict verdict = (r > 0) == positive ? Verdict.SUPPORTED : Verdict.CONTRADICTED;
		return new Judgement(verdict, verdict.keyword(), null);
	}

	/** The lag in periods of the run's grain, rounded when the grains do not divide (a month in weeks). */
	static int shift(LinkSpec link, Grain grain) {
		if (link.lag() == 0 || link.lagGrain() == null) {
			return 0;
		}
		return (int) Math.round(link.lag() * DAYS.get(link.lagGrain()) / DAYS.get(grain.keyword()));
	}

	private static boolean lagIsExact(LinkSpec link, Grain grain) {
		if (link.lag() == 0 || link.lagGrain() == null || link.lagGrain().equals(grain.keyword())) {
			return true;
		}
		double periods = link.lag() * DAYS.get(link.lagGrain()) / DAYS.get(grain.keyword());
		return Math.abs(periods - Math.rint(periods)) < 1e-9;
	}

	// ------------------------------------------------------------------ loops

	private static LoopEvidence loop(LoopSpec loop, List<LinkSpec> declared, List<LinkEvidence> evidence) {
		boolean declaredPositive = true;
		boolean observedPositive = true;
		boolean allJudged = true;
		boolean anyContradicted = false;
		boolean allSupported = true;
		LinkEvidence weakest = null;
		for (int i = 0; i + 1 < loop.steps().size(); i++) {
			LinkEvidence link = find(evidence, loop.steps().get(i), loop.steps().get(i + 1));
			if (link == null) {
				// The validator reports a loop step without a link (loop-broken); without it nothing composes.
				return new LoopEvidence(loop.name(), loop.labels(), loop.steps(), null, null, Verdict.INCONCLUSIVE, null);
			}
			declaredPositive ^= link.polarity().equals("negative");
			if (link.verdict() == Verdict.INCONCLUSIVE) {
				allJudged = false;
			} else {
				observedPositive ^= link.pearson().r() < 0;
			}
			anyContradicted |= link.verdict() == Verdict.CONTRADICTED;
			allSupported &= link.verdict() == Verdict.SUPPORTED;
			if (weakest == null || weakness(link) > weakness(weakest)) {
				weakest = link;
			}
		}
		Verdict verdict = anyContradicted ? Verdict.CONTRADICTED : allSupported ? Verdict.SUPPORTED : Verdict.INCONCLUSIVE;
		return new LoopEvidence(loop.name(), loop.labels(), loop.steps(), sign(declaredPositive),
				allJudged ? sign(observedPositive) : null, verdict,
				weakest == null ? null : new LinkRef(weakest.from(), weakest.to()));
	}

	/** An unjudged link is weaker than any judged one; among equals, the larger p-value. */
	private static double weakness(LinkEvidence link) {
		double p = link.pearson().p() == null ? 1 : Math.max(link.pearson().p(), link.spearman().p());
		return (link.verdict() == Verdict.INCONCLUSIVE ? 2 : 0) + p;
	}

	private static LinkEvidence find(List<LinkEvidence> links, String from, String to) {
		return links.stream().filter(link -> link.from().equals(from) && link.to().equals(to)).findFirst().orElse(null);
	}

	// ------------------------------------------------------------------ text

	private static String numbers(Correlations.Result pearson, Correlations.Result spearman) {
		return "r = " + signed(pearson.coefficient()) + ", rho = " + signed(spearman.coefficient()) + ", "
				+ pValue(Math.max(pearson.p(), spearman.p()));
	}

	static String pValue(double p) {
		return p < 0.001 ? "p < 0.001" : "p = " + String.format(Locale.ROOT, "%.3f", p);
	}

	private static String signed(double value) {
		return String.format(Locale.ROOT, "%+.2f", value);
	}

	static String decimal(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	private static String plural(int count, String unit) {
		return count + " " + unit + (count == 1 ? "" : "s");
	}

	private static String sign(boolean positive) {
		return positive ? "positive" : "negative";
	}

	private static int count(List<LinkEvidence> links, Verdict verdict) {
		return (int) links.stream().filter(link -> link.verdict() == verdict).count();
	}
}
