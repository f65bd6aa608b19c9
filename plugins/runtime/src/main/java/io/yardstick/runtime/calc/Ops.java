package io.yardstick.runtime.calc;

/**
 * Row arithmetic that plain Java operators do not already get right: time differences, following
 * references, coalesce. Numbers need nothing here: NaN (null) propagates through + - * by itself, and
 * division goes through {@link Run#div} so that zero denominators are counted.
 */
public final class Ops {
	/** The null of a point in time. */
	public static final long NO_TIME = Long.MIN_VALUE;
	/** The null of a dictionary code and of a row reference. */
	public static final int NO_CODE = -1;

	private Ops() {
	}

	/** {@code a - b} for points in time: a duration in seconds. */
	public static double seconds(long a, long b) {
		return a == NO_TIME || b == NO_TIME ? Double.NaN : (a - b) / 1000.0;
	}

	/** A point in time moved by a duration in seconds. */
	public static long plus(long t, double seconds) {
		return t == NO_TIME || Double.isNaN(seconds) ? NO_TIME : t + Math.round(seconds * 1000.0);
	}

	/** A point in time as a metric value (epoch milliseconds), NaN for null. */
	public static double instant(long t) {
		return t == NO_TIME ? Double.NaN : t;
	}

	/** A point in time held as a metric value (epoch milliseconds, NaN for null) back as a row time. */
	public static long time(double millis) {
		return Double.isNaN(millis) ? NO_TIME : (long) millis;
	}

	// following a reference: the row of the referenced source, or NO_CODE when the reference is null

	public static int row(int[] references, int row) {
		return row < 0 ? NO_CODE : references[row];
	}

	public static double number(double[] column, int row) {
		return row < 0 ? Double.NaN : column[row];
	}

	public static long time(long[] column, int row) {
		return row < 0 ? NO_TIME : column[row];
	}

	public static int code(int[] column, int row) {
		return row < 0 ? NO_CODE : column[row];
	}

	public static byte flag(byte[] column, int row) {
		return row < 0 ? Logic.NULL : column[row];
	}

	// coalesce: the first value that is not null

	public static double coalesce(double... values) {
		for (double value : values) {
			if (!Double.isNaN(value)) {
				return value;
			}
		}
		return Double.NaN;
	}

	public static long coalesce(long... values) {
		for (long value : values) {
			if (value != NO_TIME) {
				return value;
			}
		}
		return NO_TIME;
	}

	public static int coalesce(int... codes) {
		for (int code : codes) {
			if (code != NO_CODE) {
				return code;
			}
		}
		return NO_CODE;
	}

	public static String coalesce(String... texts) {
		for (String text : texts) {
			if (text != null) {
				return text;
			}
		}
		return null;
	}

	public static byte coalesce(byte... flags) {
		for (byte flag : flags) {
			if (flag != Logic.NULL) {
				return flag;
			}
		}
		return Logic.NULL;
	}
}
