package io.yardstick.cli.sample;

import java.util.SplittableRandom;

/**
 * Random draws for the sample data, the same on every JVM and platform: a seeded {@link SplittableRandom}
 * (whose algorithm is specified), and {@link StrictMath} for every logarithm and exponential ({@code Math.log}
 * may differ in the last bit between platforms, which would change rounded values and so the files).
 */
final class Draw {
	private final SplittableRandom random;
	private double spareGaussian;
	private boolean hasSpareGaussian;

	Draw(long seed) {
		this(new SplittableRandom(seed));
	}

	private Draw(SplittableRandom random) {
		this.random = random;
	}

	/** An independent stream, split off this one: what it draws does not shift this one's later draws. */
	Draw split() {
		return new Draw(random.split());
	}

	/** Uniform in [0, 1). */
	double uniform() {
		return random.nextDouble();
	}

	/** Uniform in [0, bound). */
	int below(int bound) {
		return random.nextInt(bound);
	}

	boolean chance(double probability) {
		return random.nextDouble() < probability;
	}

	/** Standard normal, by Marsaglia's polar method (deterministic, unlike {@code nextGaussian}'s algorithm choice). */
	double gaussian() {
		if (hasSpareGaussian) {
			hasSpareGaussian = false;
			return spareGaussian;
		}
		double u;
		double v;
		double s;
		do {
			u = 2 * random.nextDouble() - 1;
			v = 2 * random.nextDouble() - 1;
			s = u * u + v * v;
		} while (s >= 1 || s == 0);
		double factor = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
		spareGaussian = v * factor;
		hasSpareGaussian = true;
		return u * factor;
	}

	/** Gamma with shape 2 and mean 1: a waiting time that is rarely near zero, with a long right tail. */
	double gamma2() {
		// the sum of two exponentials, -ln(u1) - ln(u2), with one logarithm
		return -StrictMath.log((1 - random.nextDouble()) * (1 - random.nextDouble())) / 2;
	}

	/** Log-normal with median 1 and the given spread of its logarithm. */
	double logNormal(double sigma) {
		return StrictMath.exp(sigma * gaussian());
	}

	/** Poisson with the given (small) mean, by inversion. */
	int poisson(double mean) {
		double limit = StrictMath.exp(-mean);
		double product = random.nextDouble();
		int count = 0;
		while (product > limit && count < 1000) {
			product *= random.nextDouble();
			count++;
		}
		return count;
	}

	/** Number of failures before the first success, each try succeeding with {@code probability}. */
	int geometric(double probability) {
		int count = 0;
		while (!chance(probability) && count < 1000) {
			count++;
		}
		return count;
	}

	/**
	 * An index drawn with probability proportional to its weight, given the running totals of the weights
	 * ({@code cumulative[i]} = weight 0 + ... + weight i): the first index whose total exceeds a uniform point
	 * below the last total, so an index of weight zero is never drawn.
	 */
	int pick(double[] cumulative) {
		double point = random.nextDouble() * cumulative[cumulative.length - 1];
		int index = 0;
		while (index < cumulative.length - 1 && cumulative[index] <= point) {
			index++;
		}
		return index;
	}

	/**
	 * {@link #pick(double[])} over the first {@code length} running totals of a long table, in a few steps
	 * instead of a binary search's many cache misses: {@code guide} is the {@link #guide} of the table.
	 */
	int pick(double[] cumulative, int[] guide, int length, double total) {
		double u = random.nextDouble();
		double point = u * total;
		int index = guide[Math.min(length - 1, (int) (u * length))];
		while (index > 0 && cumulative[index - 1] > point) {
			index--;
		}
		while (index < length - 1 && cumulative[index] <= point) {
			index++;
		}
		return index;
	}

	/**
	 * The guide table of running totals for {@link #pick(double[], int[], int, double)}: entry j is the first
	 * index whose total exceeds j / length of the whole, where the search for a point in that slice starts.
	 */
	static void guide(double[] cumulative, int[] guide, int length, double total) {
		int index = 0;
		for (int j = 0; j < length; j++) {
			double point = j * total / length;
			while (index < length - 1 && cumulative[index] <= point) {
				index++;
			}
			guide[j] = index;
		}
	}

	/** The running totals of weights, for {@link #pick(double[])}. */
	static double[] cumulative(double... weights) {
		double[] totals = new double[weights.length];
		double sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += weights[i];
			totals[i] = sum;
		}
		return totals;
	}
}
