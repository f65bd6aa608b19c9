package io.yardstick.review;

import static io.yardstick.review.ReviewSamples.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.yardstick.review.Review.LinkEvidence;
import io.yardstick.review.Review.LoopEvidence;
import io.yardstick.review.Review.Method;
import io.yardstick.review.Review.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewerTest {
	private static Review review(int periods, int groups, double strength, long seed, String grouping,
			io.yardstick.runtime.spec.LinkSpec... links) {
		return Reviewer.review(ReviewSamples.results(periods, groups, strength, seed, List.of(links)), grouping,
				Method.DEFAULT, List.of());
	}

	private static List<String> verdicts(Review review) {
		return review.links().stream().map(link -> link.from() + " -> " + link.to() + ": " + link.verdict().keyword())
				.toList();
	}

	@Test
	void plantedRelationsComeOutAsPlanted() {
		Review review = review(24, 3, 1.0, 7, "region", link("x", "up", true, 0), link("x", "down", false, 0),
				link("x", "none", true, 0), link("up", "down", false, 0), link("x", "later", true, 1));
		assertThat(verdicts(review)).containsExactly("x -> up: supported", "x -> down: supported",
				"x -> none: inconclusive", "up -> down: supported", "x -> later: supported");
		LinkEvidence up = review.links().get(0);
		assertThat(up.points()).isEqualTo(72);
		assertThat(up.grouping()).isEqualTo("region");
		assertThat(up.pearson().test()).isEqualTo("t");
		assertThat(up.pearson().r()).isGreaterThan(0.5);
		assertThat(up.slope()).isCloseTo(1.0, within(0.3));
		assertThat(up.reason()).startsWith("consistent with the declared positive link: r = +0.")
				.endsWith(", p < 0.001 over 72 region-months");
		assertThat(review.links().get(2).reason()).startsWith("not significant at 0.05: r = ");
		assertThat(review.links().stream().map(LinkEvidence::reasonCode)).containsExactly("supported", "supported",
				"not-significant", "supported", "supported");
		assertThat(review.summary()).isEqualTo(new Review.Summary(4, 0, 1));
	}

	@Test
	void aRelationOppositeToTheDeclaredPolarityIsContradicted() {
		Review review = review(24, 3, 1.0, 7, "region", link("x", "up", false, 0));
		LinkEvidence evidence = review.links().get(0);
		assertThat(evidence.verdict()).isEqualTo(Verdict.CONTRADICTED);
		assertThat(evidence.reason()).startsWith("contradicts the declared negative link: r = +0.");
	}

	@Test
	void aLaggedRelationShowsWithItsLagAndNotWithout() {
		Review review = review(24, 3, 1.0, 7, "region", link("x", "later", true, 1), link("x", "later", true, 0));
		assertThat(verdicts(review)).containsExactly("x -> later: supported", "x -> later: inconclusive");
		LinkEvidence lagged = review.links().get(0);
		assertThat(lagged.shift()).isEqualTo(1);
		assertThat(lagged.points()).isEqualTo(69); // 23 pairs of months in each of 3 regions
		assertThat(lagged.sample().get(0).period()).isEqualTo("2024-01");
		assertThat(lagged.sample().get(0).effectPeriod()).isEqualTo("2024-02");
		assertThat(lagged.reason()).contains("link, lagged 1 month: r = ");
	}

	@Test
	void tooFewPeriodsAreInconclusiveHoweverStrongTheRelation() {
		Review review = review(6, 0, 5.0, 7, "total", link("x", "up", true, 0));
		LinkEvidence evidence = review.links().get(0);
		assertThat(evidence.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
		assertThat(evidence.reason()).isEqualTo("too few points: 6, fewer than the 12 a verdict needs (6 months)");
		assertThat(evidence.reasonCode()).isEqualTo("too-few-points");
		assertThat(evidence.pearson().r()).isGreaterThan(0.9);
	}

	@Test
	void shortSeriesAreJudgedByPermutationAndTheSameSeedGivesTheSamePValues() {
		Review once = review(14, 0, 2.0, 3, "total", link("x", "up", true, 0));
		Review again = review(14, 0, 2.0, 3, "total", link("x", "up", true, 0));
		LinkEvidence evidence = once.links().get(0);
		assertThat(evidence.pearson().test()).isEqualTo("permutation");
		assertThat(evidence.spearman().test()).isEqualTo("permutation");
		assertThat(evidence.verdict()).isEqualTo(Verdict.SUPPORTED);
		assertThat(once.toJson()).isEqualTo(again.toJson());
	}

	@Test
	void pValuesAgreeWithExactAndPublishedValues() {
		Method method = Method.DEFAULT;
		// x = 1..7 against a shuffled 1..7: r = 0.8214; of the 5,040 orderings of y, 172 are as extreme (p = 0.0341).
		double[] x = { 1, 2, 3, 4, 5, 6, 7 };
		double[] y = { 2, 1, 4, 3, 7, 5, 6 };
		Correlations.Result pearson = Correlations.pearson(x, y, method);
		assertThat(pearson.coefficient()).isCloseTo(0.8214285714, within(1e-9));
		assertThat(pearson.p()).isCloseTo(172.0 / 5040, within(0.005));
		// The same data is already ranks, so Spearman's rho is the same.
		assertThat(Correlations.spearman(x, y, method).coefficient()).isCloseTo(0.8214285714, within(1e-9));
		// r = 0.5 over 30 pairs: t = 3.055 with 28 degrees of freedom, two-sided p = 0.00490 (scipy's t.sf).
		double[] a = new double[30];
		double[] b = new double[30];
		fill(a, b, 0.5);
		Correlations.Result large = Correlations.pearson(a, b, method);
		assertThat(large.test()).isEqualTo("t");
		assertThat(large.coefficient()).isCloseTo(0.5, within(1e-9));
		assertThat(large.p()).isCloseTo(0.0048999337, within(1e-7));
		// A constant series has no correlation at all.
		assertThat(Correlations.pearson(x, new double[] { 3, 3, 3, 3, 3, 3, 3 }, method).defined()).isFalse();
	}

	/** Two series of 30 with correlation exactly {@code r}: a, and r a plus (1 - r^2)^0.5 times a series orthogonal to a. */
	private static void fill(double[] a, double[] b, double r) {
		int n = a.length;
		double[] u = new double[n];
		double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			u[i] = i - (n - 1) / 2.0;
			v[i] = (i % 2 == 0 ? 1 : -1) * ((i / 2) % 2 == 0 ? 1 : -1);
		}
		// make v orthogonal to u and centred
		double uu = 0;
		double uv = 0;
		double vMean = 0;
		for (int i = 0; i < n; i++) {
			vMean += v[i] / n;
		}
		for (int i = 0; i < n; i++) {
			v[i] -= vMean;
			uu += u[i] * u[i];
			uv += u[i] * v[i];
		}
		double su = Math.sqrt(uu);
		double vv = 0;
		for (int i = 0; i < n; i++) {
			v[i] -= uv / uu * u[i];
			vv += v[i] * v[i];
		}
		double sv = Math.sqrt(vv);
		for (int i = 0; i < n; i++) {
			a[i] = u[i] / su;
			b[i] = r * u[i] / su + Math.sqrt(1 - r * r) * v[i] / sv;
		}
	}

	@Test
	void aLoopComposesTheSignsOfItsLinksAndNamesTheWeakest() {
		Review review = review(24, 3, 1.0, 7, "region", link("x", "up", true, 0), link("up", "down", false, 0));
		LoopEvidence loop = review.loops().get(0);
		assertThat(loop.declaredSign()).isEqualTo("negative");
		assertThat(loop.observedSign()).isEqualTo("negative");
		assertThat(loop.verdict()).isEqualTo(Verdict.SUPPORTED);
		LinkEvidence first = review.links().get(0);
		LinkEvidence second = review.links().get(1);
		LinkEvidence weakest = Math.max(first.pearson().p(), first.spearman().p()) >= Math.max(second.pearson().p(),
				second.spearman().p()) ? first : second;
		assertThat(loop.weakestLink()).isEqualTo(new Review.LinkRef(weakest.from(), weakest.to()));

		// Unjudged links leave the loop's observed sign open; the first of equally weak links is named.
		LoopEvidence unjudged = review(10, 0, 1.0, 7, "total", link("x", "up", true, 0), link("up", "down", false, 0))
				.loops().get(0);
		assertThat(unjudged.declaredSign()).isEqualTo("negative");
		assertThat(unjudged.observedSign()).isNull();
		assertThat(unjudged.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
		assertThat(unjudged.weakestLink()).isNotNull();
		// A step without a declared link composes nothing.
		Review broken = review(24, 3, 1.0, 7, "region", link("x", "up", true, 0));
		assertThat(broken.loops().get(0).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
		assertThat(broken.loops().get(0).declaredSign()).isNull();
	}

	@Test
	void aMetricNotBrokenDownIsJudgedOnItsTotal() {
		Review review = review(24, 0, 1.0, 7, "total", link("x", "up", true, 0));
		assertThat(review.grouping()).isEqualTo("total");
		assertThat(review.links().get(0).grouping()).isEqualTo("total");
		assertThat(review.links().get(0).points()).isEqualTo(24);
		assertThat(review.links().get(0).reason()).endsWith("over 24 months");
	}
}
