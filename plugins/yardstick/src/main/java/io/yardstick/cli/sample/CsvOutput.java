package io.yardstick.cli.sample;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A fast CSV writer for the sample data: UTF-8 without BOM, {@code \n} after every row, RFC 4180 quoting only
 * where a cell needs it (a comma, a double quote or a line break in it). Values are formatted straight into a
 * byte buffer, without {@code String.format} or intermediate strings, so that millions of rows are cheap.
 *
 * <p>Times are <em>local epoch seconds</em>: seconds since 1970-01-01T00:00 on the local clock (the template's
 * zone), written as {@code 2025-03-01T08:30:00}; dates are epoch days, written as {@code 2025-03-01}. Years
 * must have four digits.
 */
final class CsvOutput implements Closeable {
	private static final int BUFFER = 1 << 16;

	private final OutputStream out;
	private final byte[] buffer = new byte[BUFFER];
	private int position;
	private boolean rowStart = true;

	CsvOutput(OutputStream out) {
		this.out = out;
	}

	/** The cell as written: quoted when it holds a comma, a double quote, CR or LF, doubled quotes inside. */
	static String quote(String text) {
		boolean needsQuotes = false;
		for (int i = 0; i < text.length() && !needsQuotes; i++) {
			char c = text.charAt(i);
			needsQuotes = c == ',' || c == '"' || c == '\n' || c == '\r';
		}
		return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

	/** The UTF-8 bytes of a cell, quoted as needed: for values written over and over (regions, statuses). */
	static byte[] encode(String text) {
		return quote(text).getBytes(StandardCharsets.UTF_8);
	}

	CsvOutput header(List<String> names) throws IOException {
		for (String name : names) {
			text(name);
		}
		return endRow();
	}

	/** A cell already encoded by {@link #encode(String)}. */
	CsvOutput encoded(byte[] cell) throws IOException {
		separator(cell.length);
		if (cell.length > BUFFER) {
			flushBuffer();
			out.write(cell);
		} else {
			System.arraycopy(cell, 0, buffer, position, cell.length);
			position += cell.length;
		}
		return this;
	}

	CsvOutput text(String text) throws IOException {
		return encoded(encode(text));
	}

	/** An empty cell: null. */
	CsvOutput empty() throws IOException {
		separator(0);
		return this;
	}

	CsvOutput bool(boolean value) throws IOException {
		return encoded(value ? TRUE : FALSE);
	}

	private static final byte[] TRUE = encode("true");
	private static final byte[] FALSE = encode("false");

	/** {@code prefix} followed by {@code number} padded with zeros to at least {@code width} digits: {@code T0000042}. */
	CsvOutput id(char prefix, long number, int width) throws IOException {
		separator(1 + Math.max(width, 19));
		buffer[position++] = (byte) prefix;
		int digits = digits(number);
		for (int i = digits; i < width; i++) {
			buffer[position++] = '0';
		}
		writeDigits(number, digits);
		return this;
	}

	CsvOutput integer(long value) throws IOException {
		separator(20);
		long magnitude = value;
		if (value < 0) {
			buffer[position++] = '-';
			magnitude = -value;
		}
		writeDigits(magnitude, digits(magnitude));
		return this;
	}

	/** An amount given in hundredths, written as a plain decimal with two digits: 1234 is {@code 12.34}. */
	CsvOutput cents(long cents) throws IOException {
		separator(24);
		long magnitude = cents;
		if (cents < 0) {
			buffer[position++] = '-';
			magnitude = -cents;
		}
		long whole = magnitude / 100;
		int fraction = (int) (magnitude % 100);
		writeDigits(whole, digits(whole));
		buffer[position++] = '.';
		buffer[position++] = (byte) ('0' + fraction / 10);
		buffer[position++] = (byte) ('0' + fraction % 10);
		return this;
	}

	/** A local date-time given in local epoch seconds: {@code 2025-03-01T08:30:00}. */
	CsvOutput timestamp(long localEpochSecond) throws IOException {
		separator(19);
		long day = Math.floorDiv(localEpochSecond, 86_400L);
		int secondOfDay = (int) Math.floorMod(localEpochSecond, 86_400L);
		writeDate(day);
		buffer[position++] = 'T';
		two(secondOfDay / 3600);
		buffer[position++] = ':';
		two(secondOfDay / 60 % 60);
		buffer[position++] = ':';
		two(secondOfDay % 60);
		return this;
	}

	/** A date given in epoch days: {@code 2025-03-01}. */
	CsvOutput date(long epochDay) throws IOException {
		separator(10);
		writeDate(epochDay);
		return this;
	}

	CsvOutput endRow() throws IOException {
		if (position + 1 > BUFFER) {
			flushBuffer();
		}
		buffer[position++] = '\n';
		rowStart = true;
		return this;
	}

	@Override
	public void close() throws IOException {
		flushBuffer();
		out.flush();
	}

	/** Writes the comma before every cell but a row's first, with room for {@code length} more bytes. */
	private void separator(int length) throws IOException {
		if (position + length + 1 > BUFFER) {
			flushBuffer();
		}
		if (!rowStart) {
			buffer[position++] = ',';
		}
		rowStart = false;
	}

	private void flushBuffer() throws IOException {
		if (position > 0) {
			out.write(buffer, 0, position);
			position = 0;
		}
	}

	private static int digits(long nonNegative) {
		int digits = 1;
		for (long rest = nonNegative; rest >= 10; rest /= 10) {
			digits++;
		}
		return digits;
	}

	private void writeDigits(long nonNegative, int digits) {
		long rest = nonNegative;
		for (int i = position + digits - 1; i >= position; i--) {
			buffer[i] = (byte) ('0' + rest % 10);
			rest /= 10;
		}
		position += digits;
	}

	private void two(int value) {
		buffer[position++] = (byte) ('0' + value / 10);
		buffer[position++] = (byte) ('0' + value % 10);
	}

	/** The proleptic Gregorian date of an epoch day (H. Hinnant's civil_from_days), as {@code yyyy-MM-dd}. */
	private void writeDate(long epochDay) {
		long z = epochDay + 719_468;
		long era = Math.floorDiv(z, 146_097);
		long dayOfEra = z - era * 146_097;
		long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
		long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
		long shiftedMonth = (5 * dayOfYear + 2) / 153;
		int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
		int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
		int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
		two(year / 100);
		two(year % 100);
		buffer[position++] = '-';
		two(month);
		buffer[position++] = '-';
		two(day);
	}
}
