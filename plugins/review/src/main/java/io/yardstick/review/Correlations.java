package io.yardstick.review;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Pearson's r and Spearman's rho with two-sided p-values. From the t distribution with n - 2 degrees of
 * freedom when there are enough pairs for it to be a good approximation; by permutation below that: the share
 * of random re-pairings of the same values whose coefficient is at least as far from zero, which assumes
 * nothing about how the values are distributed. The permutations come from a seeded generator, so a review
 * gives the same p-values on every run.
 */
final class Correlations {
	/** A coefficient and its p-value; both null when the coefficient is undefined (a constant series). */
	record Result(Double coefficient, Double p, String test) {
		static final Result UNDEFINED = new Result(null, null, null);

		boolean defined() {
			return coefficient != null;
		}
	}

	private Correlations() {
	}

	static Result pearson(double[] x, double[] y, Review.Method method) {
		return correlate(x, y, method);
	}

	static Result spearman(double[] x, double[] y, Review.Method method) {
		NaturalRanking ranking = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
		return correlate(ranking.rank(x), ranking.rank(y), method);
	}

	private static Result correlate(double[] x, double[] y, Review.Method method) {
		int n = x.length;
		if (n < 3) {
			return Result.UNDEFINED;
		}
		double[] cx = centred(x);
		double[] cy = centred(y);
		double denominator = Math.sqrt(sumOfSquares(cx) * sumOfSquares(cy));
		if (!(denominator > 0)) {
			return Result.UNDEFINED;
		}
		double r = clamp(dot(cx, cy, null) / denominator);
		if (n < method.permutationBelow()) {
			return new Result(r, permutationP(cx, cy, denominator, r, method), "permutation");
		}
		return new Result(r, tP(r, n), "t");
	}

	private static double tP(double r, int n) {
		if (Math.abs(r) >= 1) {
			return 0;
		}
		double t = r * Math.sqrt((n - 2) / (1 - r * r));
		return 2 * new TDistribution(null, n - 2).cumulativeProbability(-Math.abs(t));
	}

	/** (k + 1) / (permutations + 1), k being how many re-pairings reach |r|: never 0, as no finite test can say. */
	private static double permutationP(double[] cx, double[] cy, double denominator, double r, Review.Method method) {
		RandomGenerator random = new Well19937c(method.seed());
		int[] order = new int[cy.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		// Rounding in the sums must not make the observed pairing itself count as "less extreme".
		double bar = Math.abs(r) - 1e-12;
		int asExtreme = 0;
		for (int k = 0; k < method.permutations(); k++) {
			for (int i = order.length - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int swap = order[i];
				order[i] = order[j];
				order[j] = swap;
			}
			if (Math.abs(dot(cx, cy, order) / denominator) >= bar) {
				asExtreme++;
			}
		}
		return (asExtreme + 1.0) / (method.permutations() + 1.0);
	}

	private static double[] centred(double[] values) {
		double mean = 0;
		for (double value : values) {
			mean += value;
		}
		mean /= values.length;
		double[] centred = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			centred[i] = values[i] - mean;
		}
		return centred;
	}

	private static double sumOfSquares(double[] values) {
		return dot(values, values, null);
	}

	private static double dot(double[] a, double[] b, int[] order) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[order == null ? i : order[i]];
		}
		return sum;
	}

	private static double clamp(double r) {
		return Math.max(-1, Math.min(1, r));
	}
}
