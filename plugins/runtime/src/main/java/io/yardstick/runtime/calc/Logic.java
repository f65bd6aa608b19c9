package io.yardstick.runtime.calc;

/**
 * Three-valued logic over {@code byte}: 1 true, 0 false, -1 null. Comparisons with a null operand are null;
 * {@code false and null} is false and {@code true or null} is true; anything else with a null is null.
 */
public final class Logic {
	public static final byte TRUE = 1;
	public static final byte FALSE = 0;
	public static final byte NULL = -1;

	private Logic() {
	}

	public static byte of(boolean value) {
		return value ? TRUE : FALSE;
	}

	/** What a {@code where} filter, a share's condition and an if's condition act on: null counts as false. */
	public static boolean isTrue(byte value) {
		return value == TRUE;
	}

	public static byte and(byte a, byte b) {
		if (a == FALSE || b == FALSE) {
			return FALSE;
		}
		return a == NULL || b == NULL ? NULL : TRUE;
	}

	public static byte or(byte a, byte b) {
		if (a == TRUE || b == TRUE) {
			return TRUE;
		}
		return a == NULL || b == NULL ? NULL : FALSE;
	}

	public static byte not(byte a) {
		return a == NULL ? NULL : (byte) (1 - a);
	}

	// numbers: null is NaN

	public static byte eq(double a, double b) {
		return Double.isNaN(a) || Double.isNaN(b) ? NULL : of(a == b);
	}

	public static byte ne(double a, double b) {
		return Double.isNaN(a) || Double.isNaN(b) ? NULL : of(a != b);
	}

	public static byte lt(double a, double b) {
		return Double.isNaN(a) || Double.isNaN(b) ? NULL : of(a < b);
	}

	public static byte le(double a, double b) {
		return Double.isNaN(a) || Double.isNaN(b) ? NULL : of(a <= b);
	}

	public static byte gt(double a, double b) {
		return Double.isNaN(a) || Double.isNaN(b) ? NULL : of(a > b);
	}

	public static byte ge(double a, double b) {
		return Double.isNaN(a) || Double.isNaN(b) ? NULL : of(a >= b);
	}

	// points in time: null is Long.MIN_VALUE

	public static byte eq(long a, long b) {
		return a == Ops.NO_TIME || b == Ops.NO_TIME ? NULL : of(a == b);
	}

	public static byte ne(long a, long b) {
		return a == Ops.NO_TIME || b == Ops.NO_TIME ? NULL : of(a != b);
	}

	public static byte lt(long a, long b) {
		return a == Ops.NO_TIME || b == Ops.NO_TIME ? NULL : of(a < b);
	}

	public static byte le(long a, long b) {
		return a == Ops.NO_TIME || b == Ops.NO_TIME ? NULL : of(a <= b);
	}

	public static byte gt(long a, long b) {
		return a == Ops.NO_TIME || b == Ops.NO_TIME ? NULL : of(a > b);
	}

	public static byte ge(long a, long b) {
		return a == Ops.NO_TIME || b == Ops.NO_TIME ? NULL : of(a >= b);
	}

	/** {@code t in period}: start <= t < end. */
	public static byte within(long t, long start, long end) {
		return t == Ops.NO_TIME ? NULL : of(start <= t && t < end);
	}

	// dictionary codes of one dictionary (text, enum): null is -1; Dictionary.NO_MATCH is a value no row has

	public static byte eq(int a, int b) {
		return a == Ops.NO_CODE || b == Ops.NO_CODE ? NULL : of(a == b);
	}

	public static byte ne(int a, int b) {
		return a == Ops.NO_CODE || b == Ops.NO_CODE ? NULL : of(a != b);
	}

	// flags

	public static byte eq(byte a, byte b) {
		return a == NULL || b == NULL ? NULL : of(a == b);
	}

	public static byte ne(byte a, byte b) {
		return a == NULL || b == NULL ? NULL : of(a != b);
	}

	/** Text from two different dictionaries, compared by value; null is null. */
	public static byte eq(String a, String b) {
		return a == null || b == null ? NULL : of(a.equals(b));
	}

	public static byte ne(String a, String b) {
		return a == null || b == null ? NULL : of(!a.equals(b));
	}

	// null tests, never null themselves

	public static byte isNull(double value) {
		return of(Double.isNaN(value));
	}

	public static byte isNull(long value) {
		return of(value == Ops.NO_TIME);
	}

	public static byte isNull(int code) {
		return of(code == Ops.NO_CODE);
	}

	public static byte isNull(byte flag) {
		return of(flag == NULL);
	}

	public static byte isNull(String text) {
		return of(text == null);
	}
}
