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
import io.yardstick.runtime.text.Texts;
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
	/** The words of the reasons, in the run's language: {@code reason.*} and {@code unit.*} of {@link ReviewText#TEXTS}. */
	private final Texts texts;

	private Reviewer(Results results, GroupingResult grouping, Method method, String language) {
		this.results = results;
		this.grouping = grouping;
		this.method = method;
		this.texts = Texts.of(ReviewText.TEXTS, language);
	}

	/**
	 * @param groupingName the grouping to take points over ({@code total}, or one the run computed, such as
	 *     {@code region})
	 * @param findings the validator's findings on the template
	 */
	public static Review review(Results results, String groupingName, Method method, List<StructuralFinding> findings) {
		return review(results, groupingName, method, findings, "en");
	}

	/**
	 * The review with each link's {@code reason} in {@code language} ({@code en} or {@code zh}, as
	 * {@link Texts#textLanguage} chooses); every other field is the same in both.
	 */
	public static Review review(Results results, String groupingName, Method method, List<StructuralFinding> findings,
			String language) {
		GroupingResult grouping = results.grouping(groupingName);
		Reviewer reviewer = new Reviewer(results, grouping, method, language);
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
		String polarity = link.positive() ? "positive" : "negative";
		Judgement judgement = judge(link.positive(), points.size(), pearson, spearman);
		String reason = reason(link, judgement, over, points.size(), shift, pearson, spearman);
		return new LinkEvidence(link.from(), link.to(), polarity,
				link.lag() == 0 ? null : new Lag(link.lag(), link.lagGrain()), shift, over.grouping().name(), points.size(),
				new Pearson(pearson.coefficient(), pearson.p(), pearson.test()),
				new Spearman(spearman.coefficient(), spearman.p(), spearman.test()), slope, intercept,
				judgement.verdict(), judgement.code(), reason, points);
	}

	/** A verdict and the code of its reason (for tools, and the key of its sentence in {@code review_*.properties}). */
	private record Judgement(Verdict verdict, String code) {
	}

	private Judgement judge(boolean positive, int points, Correlations.Result pearson, Correlations.Result spearman) {
		if (points < method.minPoints()) {
			return new Judgement(Verdict.INCONCLUSIVE, "too-few-points");
		}
		if (!pearson.defined() || !spearman.defined()) {
			return new Judgement(Verdict.INCONCLUSIVE, "no-variation");
		}
		double r = pearson.coefficient();
		double rho = spearman.coefficient();
		if (Math.max(pearson.p(), spearman.p()) >= method.alpha()) {
			return new Judgement(Verdict.INCONCLUSIVE, "not-significant");
		}
		// Both significant yet of opposite signs: a few extreme points pull Pearson's r against the ranks.
		if (Math.signum(r) != Math.signum(rho)) {
			return new Judgement(Verdict.INCONCLUSIVE, "coefficients-disagree");
		}
		Verdict verdict = (r > 0) == positive ? Verdict.SUPPORTED : Verdict.CONTRADICTED;
		return new Judgement(verdict, verdict.keyword());
	}

	/**
	 * The reason in a sentence: {@code reason.<code>} with, in this order, the declared polarity, the lag, the
	 * coefficients, the points (how many, of what), the fewest points a verdict needs and alpha. A sentence
	 * uses the arguments it needs; a judged link's lag reads ", lagged ...", an unjudged one's "; lagged ...",
	 * because there the points come first inside the parentheses.
	 */
	private String reason(LinkSpec link, Judgement judgement, GroupingResult over, int points, int shift,
			Correlations.Result pearson, Correlations.Result spearman) {
		Grain grain = results.periods().grain();
		boolean judged = judgement.verdict() != Verdict.INCONCLUSIVE;
		String lag = "";
		if (link.lag() != 0) {
			String declared = unit(link.lag(), link.lagGrain() == null ? grain.keyword() : link.lagGrain());
			lag = lagIsExact(link, grain) ? texts.get(judged ? "reason.lag" : "reason.lag.unjudged", declared)
					: texts.get(judged ? "reason.lag.rounded" : "reason.lag.rounded.unjudged", declared,
							unit(shift, grain.keyword()));
		}
		String numbers = pearson.defined() && spearman.defined() ? numbers(pearson, spearman) : "";
		return texts.get("reason." + judgement.code(), texts.get("sign." + (link.positive() ? "positive" : "negative")),
				lag, numbers, pointsOver(over, points), method.minPoints(), decimal(method.alpha()), points);
	}

	/** {@code 6 months}, {@code 89 region-months}; in Chinese the breakdown's dimension labels, {@code 89 个区域×月}. */
	private String pointsOver(GroupingResult over, int points) {
		String grain = results.periods().grain().keyword();
		if (over.grouping().isTotal()) {
			return unit(points, grain);
		}
		boolean english = texts.language().equals("en");
		List<String> dimensions = over.grouping().dimensions().stream()
				.map(name -> english ? name : results.template().dimension(name)
						.map(dimension -> Values.label(dimension.labels(), texts.language(), name)).orElse(name))
				.toList();
		return texts.plural("unit.grouped", points, String.join(english ? "*" : "×", dimensions),
				texts.get("noun." + grain));
	}

	/** A count of periods of a grain, such as {@code 1 month} or {@code 3 个月}. */
	private String unit(int count, String grain) {
		return texts.plural("unit." + grain, count);
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

	private static String sign(boolean positive) {
		return positive ? "positive" : "negative";
	}

	private static int count(List<LinkEvidence> links, Verdict verdict) {
		return (int) links.stream().filter(link -> link.verdict() == verdict).count();
	}
}
