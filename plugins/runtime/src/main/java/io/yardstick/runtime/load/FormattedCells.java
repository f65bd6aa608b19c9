package io.yardstick.runtime.load;

import io.yardstick.runtime.spec.SourceFormat;
import io.yardstick.runtime.text.Texts;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Cells of a source whose {@code data} block declares another number or time format: numbers are rewritten
 * into the plain format (the declared currency symbol and thousands separators out, the decimal separator
 * made a point) and then parsed as usual; times are parsed with the declared pattern. Only sources with
 * such a block come here, so the plain format's speed is untouched. One instance per parsing thread.
 */
final class FormattedCells {
	private final byte decimal;
	private final byte thousands;
	private final byte[] symbol;
	private final DateTimeFormatter timestamps;
	private final DateTimeFormatter dates;
	private final String timestampPattern;
	private final String datePattern;
	private final ZoneTimes zone;
	private final Texts texts;
	private byte[] rewritten = new byte[64];
	/** The message of the last time that failed to parse. */
	String error;

	FormattedCells(SourceFormat format, ZoneTimes zone) {
		this(format, zone, LoadTexts.of("en"));
	}

	FormattedCells(SourceFormat format, ZoneTimes zone, Texts texts) {
		this.zone = zone;
		this.texts = texts;
		this.decimal = (byte) format.decimalSeparator();
		this.thousands = (byte) format.thousandsSeparator();
		this.symbol = format.currencySymbol() == null ? null
				: format.currencySymbol().getBytes(StandardCharsets.UTF_8);
		this.timestampPattern = format.settings().get(SourceFormat.TIMESTAMP);
		this.datePattern = format.settings().get(SourceFormat.DATE);
		this.timestamps = strict(timestampPattern);
		this.dates = strict(datePattern);
	}

	/**
	 * A pattern as written ({@code yyyy/M/d}) that refuses impossible dates (February 30) instead of moving
	 * them: strict resolving, with the proleptic year {@code u} for {@code y}, which strict resolving needs.
	 */
	private static DateTimeFormatter strict(String pattern) {
		if (pattern == null) {
			return null;
		}
		StringBuilder proleptic = new StringBuilder();
		boolean quoted = false;
		for (char c : pattern.toCharArray()) {
			if (c == '\'') {
				quoted = !quoted;
			}
			proleptic.append(!quoted && c == 'y' ? 'u' : c);
		}
		return DateTimeFormatter.ofPattern(proleptic.toString(), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
	}

	boolean hasTimestampPattern() {
		return timestamps != null;
	}

	boolean hasDatePattern() {
		return dates != null;
	}

	/** The rewritten cell (in {@link #rewritten()}, from 0): its length. */
	int rewrite(byte[] a, int s, int e) {
		if (rewritten.length < e - s) {
			rewritten = new byte[Math.max(e - s, rewritten.length * 2)];
		}
		if (symbol != null) {
			int sign = s < e && (a[s] == '-' || a[s] == '+') ? 1 : 0;
			if (startsWith(a, s + sign, e, symbol)) {
				// -¥12 is -12: keep the sign, drop the symbol and the spaces after it
				int from = s + sign + symbol.length;
				while (from < e && a[from] == ' ') {
					from++;
				}
				if (sign == 1) {
					a = shifted(a, s, from, e);
					e = e - from + 1;
					s = 0;
				} else {
					s = from;
				}
			} else if (e - s >= symbol.length && startsWith(a, e - symbol.length, e, symbol)) {
				e -= symbol.length;
				while (e > s && a[e - 1] == ' ') {
					e--;
				}
			}
		}
		int n = 0;
		byte[] out = rewritten;
		for (int i = s; i < e; i++) {
			byte b = a[i];
			if (b == thousands && thousands != 0 && i > s && i + 1 < e && isDigit(a[i - 1]) && isDigit(a[i + 1])) {
				continue;
			}
			out[n++] = b == decimal ? (byte) '.' : b;
		}
		return n;
	}

	private byte[] shifted(byte[] a, int s, int from, int e) {
		byte[] copy = new byte[e - from + 1];
		copy[0] = a[s];
		System.arraycopy(a, from, copy, 1, e - from);
		return copy;
	}

	byte[] rewritten() {
		return rewritten;
	}

	/**
	 * The parser's message about the rewritten cell, told about the cell as it was written: {@code "¥1.2x"
	 * is not an amount in CNY …} rather than {@code "1.2x"}.
	 */
	static String asWritten(String message, byte[] a, int s, int e, int rewrittenLength, byte[] rewritten) {
		String shownRewritten = CellParser.found(rewritten, 0, rewrittenLength);
		if (message != null && message.startsWith(shownRewritten)) {
			return CellParser.found(a, s, e) + message.substring(shownRewritten.length());
		}
		return message;
	}

	/** Epoch milliseconds of a timestamp cell in the declared pattern, or {@link CellParser#FAIL_TIME}. */
	long timestamp(byte[] a, int s, int e) {
		String text = CellParser.text(a, s, e);
		try {
			TemporalAccessor parsed = timestamps.parseBest(text, LocalDateTime::from, LocalDate::from);
			if (parsed instanceof LocalDateTime local) {
				long second = zone.toEpochSecond(local.toLocalDate().toEpochDay(), local.toLocalTime().toSecondOfDay());
				return second * 1000 + local.getNano() / 1_000_000;
			}
			return zone.startOfDay(((LocalDate) parsed).toEpochDay()) * 1000;
		} catch (DateTimeParseException e2) {
			error = texts.get("cell.notTimestampInPattern", CellParser.found(a, s, e), timestampPattern,
					example(timestamps));
		} catch (DateTimeException e2) {
			error = texts.get("cell.impossibleTimestampInPattern", CellParser.found(a, s, e), timestampPattern,
					e2.getMessage());
		}
		return CellParser.FAIL_TIME;
	}

	/** Epoch milliseconds of the first instant of a date cell in the declared pattern, or FAIL_TIME. */
	long date(byte[] a, int s, int e) {
		String text = CellParser.text(a, s, e);
		try {
			LocalDate day = LocalDate.from(dates.parse(text));
			return zone.startOfDay(day.toEpochDay()) * 1000;
		} catch (DateTimeException e2) {
			error = texts.get("cell.notDateInPattern", CellParser.found(a, s, e), datePattern, example(dates));
		}
		return CellParser.FAIL_TIME;
	}

	private static String example(DateTimeFormatter formatter) {
		try {
			return formatter.format(LocalDateTime.of(2025, 1, 9, 12, 57, 30));
		} catch (DateTimeException e) {
			return formatter.format(LocalDate.of(2025, 1, 9));
		}
	}

	private static boolean isDigit(byte b) {
		return b >= '0' && b <= '9';
	}

	private static boolean startsWith(byte[] a, int s, int e, byte[] prefix) {
		if (e - s < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (a[s + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
