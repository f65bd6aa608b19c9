package io.yardstick.runtime.load;

import io.yardstick.runtime.text.Texts;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Typed values from the bytes of one cell, without a String on the normal path. Each method returns a
 * failure sentinel (NaN, {@link #FAIL_TIME}, -2) on a bad cell and leaves the message in {@link #error},
 * which is built only then. Cells come trimmed of spaces and tabs, and non-empty.
 */
final class CellParser {
	static final long FAIL_TIME = Long.MIN_VALUE;
	static final int FAIL_CODE = -2;
	static final byte FAIL_FLAG = -2;

	private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
			1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
	private static final long MAX_EXACT = 1L << 53;
	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
	/*
	 * Dates and times are read a word of eight bytes at a time (little-endian: the first byte lowest). Per
	 * word, the bytes that must be digits, and those that must be a given separator.
	 */
	private static final long ZEROS = 0x3030303030303030L;
	private static final long HIGHS = 0x8080808080808080L;
	/** {@code yyyy-MM-} */
	private static final long YEAR_MONTH_DIGITS = 0x00FFFF00FFFFFFFFL;
	private static final long YEAR_MONTH_DASHES_MASK = 0xFF0000FF00000000L;
	private static final long YEAR_MONTH_DASHES = 0x2D00002D00000000L;
	/** {@code yy-MM-dd}, read from the third byte: only the day is new */
	private static final long DAY_DIGITS = 0xFFFF000000000000L;
	/** {@code HH:mm:ss} */
	private static final long TIME_DIGITS = 0xFFFF00FFFF00FFFFL;
	private static final long TIME_COLONS_MASK = 0x0000FF0000FF0000L;
	private static final long TIME_COLONS = 0x00003A00003A0000L;

	private final ZoneTimes zone;
	/** The words of the messages. */
	private final Texts texts;
	/** The message of the last failure. */
	String error;

	CellParser(ZoneTimes zone) {
		this(zone, LoadTexts.of("en"));
	}

	CellParser(ZoneTimes zone, Texts texts) {
		this.zone = zone;
		this.texts = texts;
	}

	// ------------------------------------------------------------------ numbers

	/**
	 * A decimal number: {@code [+-]digits[.digits][e[+-]digits]} (also {@code .5} and {@code 5.}), times
	 * 10^extraExponent; NaN when the text is not one or the value is not finite. Correctly rounded: exact
	 * arithmetic for up to 15 significant digits and small exponents (Clinger's fast path),
	 * {@link #longDecimal} otherwise.
	 */
	static double decimal(byte[] a, int s, int e, int extraExponent) {
		int i = s;
		boolean negative = false;
		if (i < e && (a[i] == '-' || a[i] == '+')) {
			negative = a[i] == '-';
			i++;
		}
		long mantissa = 0;
		int significant = 0;
		int exponent = 0;
		boolean digits = false;
		boolean inexact = false;
		while (i < e) {
			int d = a[i] - '0';
			if (d < 0 || d > 9) {
				break;
			}
			digits = true;
			if (significant < 18) {
				mantissa = mantissa * 10 + d;
				if (mantissa != 0) {
					significant++;
				}
			} else {
				exponent++;
				inexact |= d != 0;
			}
			i++;
		}
		if (i < e && a[i] == '.') {
			i++;
			while (i < e) {
				int d = a[i] - '0';
				if (d < 0 || d > 9) {
					break;
				}
				digits = true;
				if (significant < 18) {
					mantissa = mantissa * 10 + d;
					exponent--;
					if (mantissa != 0) {
						significant++;
					}
				} else {
					inexact |= d != 0;
				}
				i++;
			}
		}
		if (!digits) {
			return Double.NaN;
		}
		if (i < e && (a[i] == 'e' || a[i] == 'E')) {
			i++;
			boolean negativeExponent = false;
			if (i < e && (a[i] == '-' || a[i] == '+')) {
				negativeExponent = a[i] == '-';
				i++;
			}
			int start = i;
			int value = 0;
			while (i < e && a[i] >= '0' && a[i] <= '9') {
				if (value < 100_000) {
					value = value * 10 + a[i] - '0';
				}
				i++;
			}
			if (i == start) {
				return Double.NaN;
			}
			exponent += negativeExponent ? -value : value;
		}
		if (i != e) {
			return Double.NaN;
		}
		exponent += extraExponent;
		double value;
		if (!inexact && mantissa < MAX_EXACT && exponent >= -22 && exponent <= 22) {
			value = exponent >= 0 ? mantissa * POW10[exponent] : mantissa / POW10[-exponent];
			if (Double.isInfinite(value)) {
				return Double.NaN;
			}
		} else if (mantissa == 0 && !inexact) {
			value = 0;
		} else {
			value = longDecimal(a, s, e, extraExponent);
			if (Double.isInfinite(value)) {
				return Double.NaN;
			}
			return value;
		}
		return negative ? -value : value;
	}

	/** Significant digits kept by {@link #longDecimal}: more than the 767 that can decide a double's rounding. */
	private static final int KEPT_DIGITS = 800;

	/**
	 * The double nearest to a well-formed decimal of any length, in time linear in its length. Digits past the
	 * 800th significant one cannot change the rounding except by being non-zero, so they are replaced by one
	 * sticky digit 1 before {@link Double#parseDouble} (correctly rounded) sees the number: a million-digit
	 * cell costs a scan, not the quadratic conversion of a million-digit BigDecimal.
	 */
	private static double longDecimal(byte[] a, int s, int e, int extraExponent) {
		StringBuilder digits = new StringBuilder(Math.min(e - s, KEPT_DIGITS) + 24);
		int i = s;
		if (a[i] == '-' || a[i] == '+') {
			if (a[i] == '-') {
				digits.append('-');
			}
			i++;
		}
		int signLength = digits.length();
		long exponent = 0;
		boolean sticky = false;
		boolean fraction = false;
		for (; i < e && a[i] != 'e' && a[i] != 'E'; i++) {
			if (a[i] == '.') {
				fraction = true;
				continue;
			}
			boolean leadingZero = a[i] == '0' && digits.length() == signLength;
			if (!leadingZero && digits.length() - signLength < KEPT_DIGITS) {
				digits.append((char) a[i]);
				if (fraction) {
					exponent--;
				}
			} else if (leadingZero) {
				if (fraction) {
					exponent--;
				}
			} else {
				sticky |= a[i] != '0';
				if (!fraction) {
					exponent++;
				}
			}
		}
		if (i < e) {
			i++;
			boolean negativeExponent = a[i] == '-';
			if (a[i] == '-' || a[i] == '+') {
				i++;
			}
			long written = 0;
			for (; i < e && written < 1_000_000_000L; i++) {
				written = written * 10 + a[i] - '0';
			}
			exponent += negativeExponent ? -written : written;
		}
		if (digits.length() == signLength) {
			return 0;
		}
		if (sticky) {
			digits.append('1');
			exponent--;
		}
		exponent += extraExponent;
		return Double.parseDouble(digits.append('E').append(exponent).toString());
	}

	double number(byte[] a, int s, int e) {
		double v = decimal(a, s, e, 0);
		if (v != v) {
			error = notNumber(a, s, e, "cell.notNumber");
		}
		return v;
	}

	double ratio(byte[] a, int s, int e) {
		double v = decimal(a, s, e, 0);
		if (v != v) {
			error = notNumber(a, s, e, "cell.notRatio");
		}
		return v;
	}

	double count(byte[] a, int s, int e) {
		double v = decimal(a, s, e, 0);
		if (v != v || v < 0 || v != Math.rint(v)) {
			error = v != v && isDecimal(a, s, e) ? tooLarge(a, s, e)
					: texts.get("cell.notCount", found(a, s, e));
			return Double.NaN;
		}
		return v == 0 ? 0.0 : v;
	}

	double percent(byte[] a, int s, int e) {
		boolean sign = a[e - 1] == '%';
		double v;
		if (sign) {
			int end = e - 1;
			while (end > s && a[end - 1] == ' ') {
				end--;
			}
			v = decimal(a, s, end, -2);
		} else {
			v = decimal(a, s, e, 0);
		}
		if (v != v) {
			error = texts.get("cell.notPercent", found(a, s, e));
			return Double.NaN;
		}
		if (v < 0 || v > 1) {
			error = texts.get("cell.outsidePercent", found(a, s, e));
			if (!sign && v > 1 && v <= 100) {
				error += texts.get("cell.percentHint", text(a, s, e));
			}
			return Double.NaN;
		}
		return v;
	}

	double score(byte[] a, int s, int e, Double min, Double max) {
		double v = decimal(a, s, e, 0);
		if (v != v) {
			error = notNumber(a, s, e, "cell.notScore");
			return Double.NaN;
		}
		if ((min != null && v < min) || (max != null && v > max)) {
			error = texts.get("cell.outsideScore", found(a, s, e), min == null ? "" : plain(min),
					max == null ? "" : plain(max));
			return Double.NaN;
		}
		return v;
	}

	/** An amount, optionally followed by spaces and the currency code, which must be {@code code}. */
	double currency(byte[] a, int s, int e, String code) {
		int space = -1;
		for (int i = e - 1; i > s; i--) {
			if (a[i] == ' ') {
				space = i;
				break;
			}
		}
		int end = e;
		if (space > 0) {
			String written = text(a, space + 1, e);
			end = space;
			while (end > s && a[end - 1] == ' ') {
				end--;
			}
			double v = decimal(a, s, end, 0);
			if (v != v || !written.matches("[A-Za-z]{3}")) {
				error = texts.get("cell.notAmount", found(a, s, e), inCode(code));
				return Double.NaN;
			}
			if (code != null && !written.equals(code)) {
				error = texts.get("cell.wrongCurrency", found(a, s, e), written, code);
				return Double.NaN;
			}
			return v;
		}
		double v = decimal(a, s, e, 0);
		if (v != v) {
			error = isDecimal(a, s, e) ? tooLarge(a, s, e) : texts.get("cell.notAmount", found(a, s, e), inCode(code));
		}
		return v;
	}

	/** Why a cell is no number: too large when it is a well-formed decimal, else not what the key expects. */
	private String notNumber(byte[] a, int s, int e, String expected) {
		return isDecimal(a, s, e) ? tooLarge(a, s, e) : texts.get(expected, found(a, s, e));
	}

	private String tooLarge(byte[] a, int s, int e) {
		return texts.get("cell.tooLarge", found(a, s, e));
	}

	/** Whether the text is {@code [+-]digits[.digits][e[+-]digits]}, as {@link #decimal} reads it. */
	static boolean isDecimal(byte[] a, int s, int e) {
		int i = s;
		if (i < e && (a[i] == '-' || a[i] == '+')) {
			i++;
		}
		int digits = 0;
		for (; i < e && a[i] >= '0' && a[i] <= '9'; i++) {
			digits++;
		}
		if (i < e && a[i] == '.') {
			for (i++; i < e && a[i] >= '0' && a[i] <= '9'; i++) {
				digits++;
			}
		}
		if (digits == 0) {
			return false;
		}
		if (i < e && (a[i] == 'e' || a[i] == 'E')) {
			i++;
			if (i < e && (a[i] == '-' || a[i] == '+')) {
				i++;
			}
			int start = i;
			for (; i < e && a[i] >= '0' && a[i] <= '9'; i++) {
			}
			if (i == start) {
				return false;
			}
		}
		return i == e;
	}

	private String inCode(String code) {
		return code == null ? texts.get("cell.amountPlain") : texts.get("cell.amountIn", code);
	}

	/** Seconds per unit of a duration field's unit; 1 when null. */
	static double unitSeconds(String unit) {
		if (unit == null) {
			return 1;
		}
		switch (unit) {
		case "s":
			return 1;
		case "min":
			return 60;
		case "h":
			return 3600;
		case "d":
			return 86400;
		case "w":
			return 604800;
		default:
			throw new IllegalArgumentException("unknown duration unit " + unit);
		}
	}

	private String unitWord(String unit) {
		switch (unit == null ? "s" : unit) {
		case "min":
			return texts.get("unit.min");
		case "h":
			return texts.get("unit.h");
		case "d":
			return texts.get("unit.d");
		case "w":
			return texts.get("unit.w");
		default:
			return texts.get("unit.s");
		}
	}

	/**
	 * Seconds, from a number in the field's unit, a number with a unit suffix ({@code 90min}, {@code 2h},
	 * {@code 1.5 d}), or ISO 8601 ({@code PT2H30M}, {@code P1DT2H}, {@code P2W}, {@code -PT30S}).
	 */
	double duration(byte[] a, int s, int e, String unit, double unitSeconds) {
		double v = decimal(a, s, e, 0);
		if (v == v) {
			return v * unitSeconds;
		}
		int i = s;
		if (i < e && (a[i] == '-' || a[i] == '+')) {
			i++;
		}
		if (i < e && (a[i] == 'P' || a[i] == 'p')) {
			v = isoDuration(a, s, e);
			if (v == v) {
				return v;
			}
			if (error == null) {
				error = texts.get("cell.notIsoDuration", found(a, s, e));
			}
			return Double.NaN;
		}
		// a number with a unit
		int end = e;
		while (end > s && (a[end - 1] | 0x20) >= 'a' && (a[end - 1] | 0x20) <= 'z') {
			end--;
		}
		if (end < e) {
			double factor;
			switch (text(a, end, e)) {
			case "s":
				factor = 1;
				break;
			case "min":
				factor = 60;
				break;
			case "h":
				factor = 3600;
				break;
			case "d":
				factor = 86400;
				break;
			case "w":
				factor = 604800;
				break;
			default:
				factor = Double.NaN;
			}
			int numberEnd = end;
			while (numberEnd > s && a[numberEnd - 1] == ' ') {
				numberEnd--;
			}
			v = decimal(a, s, numberEnd, 0);
			if (v == v && factor == factor) {
				return v * factor;
			}
		}
		error = texts.get("cell.notDuration", found(a, s, e), unitWord(unit));
		return Double.NaN;
	}

	/** Seconds of an ISO 8601 duration, NaN when malformed (with {@link #error} set for months and years). */
	private double isoDuration(byte[] a, int s, int e) {
		error = null;
		int i = s;
		double sign = 1;
		if (a[i] == '-' || a[i] == '+') {
			sign = a[i] == '-' ? -1 : 1;
			i++;
		}
		i++; // P
		boolean time = false;
		boolean any = false;
		boolean anyTime = false;
		int order = -1;
		double total = 0;
		while (i < e) {
			if (a[i] == 'T' || a[i] == 't') {
				if (time) {
					return Double.NaN;
				}
				time = true;
				i++;
				continue;
			}
			int start = i;
			while (i < e && ((a[i] >= '0' && a[i] <= '9') || a[i] == '.' || a[i] == ',')) {
				i++;
			}
			if (i == start || i >= e) {
				return Double.NaN;
			}
			byte[] number = java.util.Arrays.copyOfRange(a, start, i);
			for (int k = 0; k < number.length; k++) {
				if (number[k] == ',') {
					number[k] = '.';
				}
			}
			double value = decimal(number, 0, number.length, 0);
			if (value != value) {
				return Double.NaN;
			}
			char designator = Character.toUpperCase((char) a[i]);
			i++;
			int rank;
			double factor;
			if (!time) {
				if (designator == 'Y' || designator == 'M') {
					error = texts.get("cell.durationInMonths", found(a, s, e));
					return Double.NaN;
				}
				if (designator == 'W') {
					rank = 0;
					factor = 604800;
				} else if (designator == 'D') {
					rank = 1;
					factor = 86400;
				} else {
					return Double.NaN;
				}
			} else if (designator == 'H') {
				rank = 2;
				factor = 3600;
			} else if (designator == 'M') {
				rank = 3;
				factor = 60;
			} else if (designator == 'S') {
				rank = 4;
				factor = 1;
			} else {
				return Double.NaN;
			}
			if (rank <= order) {
				return Double.NaN;
			}
			order = rank;
			total += value * factor;
			any = true;
			anyTime |= time;
		}
		if (!any || (time && !anyTime)) {
			return Double.NaN;
		}
		return sign * total;
	}

	// ------------------------------------------------------------------ times

	/**
	 * Epoch milliseconds of {@code 2025-03-01T08:30:00[.fff][offset]}, with {@code T} or a space, seconds
	 * optional, offset {@code Z}, {@code +08:00}, {@code +0800} or {@code +08}; local values in the zone; a
	 * bare date is its first instant.
	 */
	long timestamp(byte[] a, int s, int e) {
		int len = e - s;
		if (len < 10) {
			return badTimestamp(a, s, e);
		}
		long day = epochDay(a, s);
		if (day == Long.MIN_VALUE) {
			return badTimestamp(a, s, e);
		}
		if (day == Long.MAX_VALUE) {
			return notReal(a, s, e, "cell.notRealDate");
		}
		if (len == 10) {
			return zone.startOfDay(day) * 1000;
		}
		byte sep = a[s + 10];
		if ((sep != 'T' && sep != 't' && sep != ' ') || len < 16 || a[s + 13] != ':') {
			return badTimestamp(a, s, e);
		}
		if (len == 19) {
			// yyyy-MM-ddTHH:mm:ss, the usual form: its time in one word; anything else the general path below
			long time = (long) LONGS.get(a, s + 11);
			if ((time & TIME_COLONS_MASK) == TIME_COLONS && digits(time, TIME_DIGITS)) {
				long x = time ^ ZEROS;
				int hour = digit(x, 0) * 10 + digit(x, 1);
				int minute = digit(x, 3) * 10 + digit(x, 4);
				int second = digit(x, 6) * 10 + digit(x, 7);
				if (hour <= 23 && minute <= 59 && second <= 59) {
					return zone.toEpochSecond(day, hour * 3600 + minute * 60 + second) * 1000;
				}
			}
		}
		int hour = two(a, s + 11);
		int minute = two(a, s + 14);
		if (hour < 0 || minute < 0) {
			return badTimestamp(a, s, e);
		}
		int second = 0;
		int millis = 0;
		int p = s + 16;
		if (p < e && a[p] == ':') {
			if (p + 3 > e || (second = two(a, p + 1)) < 0) {
				return badTimestamp(a, s, e);
			}
			p += 3;
			if (p < e && (a[p] == '.' || a[p] == ',')) {
				p++;
				int start = p;
				int scale = 100;
				while (p < e && a[p] >= '0' && a[p] <= '9') {
					millis += (a[p] - '0') * scale;
					scale /= 10;
					p++;
				}
				if (p == start || p - start > 9) {
					return badTimestamp(a, s, e);
				}
			}
		}
		if (hour > 23 || minute > 59 || second > 59) {
			return notReal(a, s, e, "cell.notRealTime");
		}
		int secondOfDay = hour * 3600 + minute * 60 + second;
		long epochSecond;
		if (p == e) {
			epochSecond = zone.toEpochSecond(day, secondOfDay);
		} else {
			int offset = offset(a, p, e);
			if (offset == Integer.MIN_VALUE) {
				return badTimestamp(a, s, e);
			}
			epochSecond = day * 86400 + secondOfDay - offset;
		}
		return epochSecond * 1000 + millis;
	}

	/** Epoch milliseconds of the first instant of {@code 2025-03-01} in the zone. */
	long date(byte[] a, int s, int e) {
		long day = e - s == 10 ? epochDay(a, s) : Long.MIN_VALUE;
		if (day == Long.MIN_VALUE) {
			error = texts.get("cell.notDate", found(a, s, e));
			return FAIL_TIME;
		}
		if (day == Long.MAX_VALUE) {
			return notReal(a, s, e, "cell.notRealDate");
		}
		return zone.startOfDay(day) * 1000;
	}

	private long badTimestamp(byte[] a, int s, int e) {
		error = texts.get("cell.notTimestamp", found(a, s, e));
		return FAIL_TIME;
	}

	private long notReal(byte[] a, int s, int e, String key) {
		error = texts.get(key, found(a, s, e));
		return FAIL_TIME;
	}

	/**
	 * The epoch day of {@code yyyy-mm-dd} at {@code s}; Long.MIN_VALUE when not of that form, Long.MAX_VALUE
	 * when of that form but no real day (month 13, February 30).
	 */
	static long epochDay(byte[] a, int s) {
		// two words, bytes 0-7 and 2-9: the ten bytes are there, since a date is what the cell starts with
		long yearMonth = (long) LONGS.get(a, s);
		long dayWord = (long) LONGS.get(a, s + 2);
		if ((yearMonth & YEAR_MONTH_DASHES_MASK) != YEAR_MONTH_DASHES || !digits(yearMonth, YEAR_MONTH_DIGITS)
				|| !digits(dayWord, DAY_DIGITS)) {
			return Long.MIN_VALUE;
		}
		long x = yearMonth ^ ZEROS;
		int year = digit(x, 0) * 1000 + digit(x, 1) * 100 + digit(x, 2) * 10 + digit(x, 3);
		int month = digit(x, 5) * 10 + digit(x, 6);
		long y2 = dayWord ^ ZEROS;
		int day = digit(y2, 6) * 10 + digit(y2, 7);
		if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
			return Long.MAX_VALUE;
		}
		// days from civil (H. Hinnant)
		long y = month <= 2 ? year - 1 : year;
		long era = Math.floorDiv(y, 400);
		long yearOfEra = y - era * 400;
		int m = month;
		long dayOfYear = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1;
		long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
		return era * 146097 + dayOfEra - 719468;
	}

	private static int monthLength(int year, int month) {
		switch (month) {
		case 2:
			return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
		case 4:
		case 6:
		case 9:
		case 11:
			return 30;
		default:
			return 31;
		}
	}

	/**
	 * Whether the bytes of a word that the mask selects are all decimal digits. A byte XOR '0' is 0-9 for a
	 * digit and 10 or more for any other byte; adding 0x76 sets the high bit of such a value, and one that
	 * carries into the next byte had its high bit set already.
	 */
	private static boolean digits(long word, long mask) {
		long x = (word ^ ZEROS) & mask;
		return ((x | (x + 0x7676767676767676L)) & HIGHS & mask) == 0;
	}

	/** The value of byte {@code i} of a word from which '0' was taken out of every byte. */
	private static int digit(long x, int i) {
		return (int) (x >>> (8 * i)) & 0xFF;
	}

	/** Two decimal digits at i as a number, or -1. */
	private static int two(byte[] a, int i) {
		int d1 = a[i] - '0';
		int d2 = a[i + 1] - '0';
		if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) {
			return -1;
		}
		return d1 * 10 + d2;
	}

	/** Seconds of {@code Z}, {@code ±hh:mm}, {@code ±hhmm} or {@code ±hh} filling [p, e); MIN_VALUE if not. */
	private static int offset(byte[] a, int p, int e) {
		int len = e - p;
		if (len == 1 && (a[p] == 'Z' || a[p] == 'z')) {
			return 0;
		}
		if (a[p] != '+' && a[p] != '-' || (len != 3 && len != 5 && len != 6)) {
			return Integer.MIN_VALUE;
		}
		int hours = two(a, p + 1);
		int minutes = 0;
		if (len == 6) {
			if (a[p + 3] != ':') {
				return Integer.MIN_VALUE;
			}
			minutes = two(a, p + 4);
		} else if (len == 5) {
			minutes = two(a, p + 3);
		}
		if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59 || hours * 60 + minutes > 18 * 60) {
			return Integer.MIN_VALUE;
		}
		int seconds = hours * 3600 + minutes * 60;
		return a[p] == '-' ? -seconds : seconds;
	}

	// ------------------------------------------------------------------ flags and values

	byte bool(byte[] a, int s, int e) {
		int len = e - s;
		if (len == 1) {
			if (a[s] == '1') {
				return 1;
			}
			if (a[s] == '0') {
				return 0;
			}
		} else if (len == 4 && lower(a, s, "true")) {
			return 1;
		} else if (len == 5 && lower(a, s, "false")) {
			return 0;
		}
		error = texts.get("cell.notBool", found(a, s, e));
		return FAIL_FLAG;
	}

	private static boolean lower(byte[] a, int s, String word) {
		for (int i = 0; i < word.length(); i++) {
			if ((a[s + i] | 0x20) != word.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/** The index of the value among the enum's values (encoded as UTF-8), or FAIL_CODE. */
	int enumCode(byte[] a, int s, int e, byte[][] values, List<String> names) {
		int length = e - s;
		// byte by byte: the values are a few short words, too short for a vectorized comparison to pay its call
		values: for (int i = 0; i < values.length; i++) {
			byte[] v = values[i];
			if (v.length != length) {
				continue;
			}
			for (int j = 0; j < length; j++) {
				if (v[j] != a[s + j]) {
					continue values;
				}
			}
			return i;
		}
		error = texts.get("cell.notEnum", found(a, s, e), String.join(", ", names));
		return FAIL_CODE;
	}

	// ------------------------------------------------------------------ messages

	/** The cell as found, quoted, shortened when long. */
	static String found(byte[] a, int s, int e) {
		// at most 4 bytes a code point: a prefix of 62 code points is enough, whatever the cell's length
		int end = Math.min(e, s + 62 * 4);
		while (end < e && end > s && (a[end] & 0xC0) == 0x80) {
			end--;
		}
		String text = text(a, s, end);
		if (text.codePointCount(0, text.length()) > 60) {
			text = text.substring(0, text.offsetByCodePoints(0, 57)) + "...";
		}
		return "\"" + text + "\"";
	}

	static String text(byte[] a, int s, int e) {
		return new String(a, s, e - s, StandardCharsets.UTF_8);
	}

	/** A bound as written in a template: 1, -100, 2.5. */
	static String plain(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}
}
