package io.yardstick.runtime.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The fast paths against java.lang and java.time, on many values. */
class ParsingPropertiesTest {

	@ParameterizedTest
	@ValueSource(strings = {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Shanghai",
			"America/Santiago", "America/Sao_Paulo", "Pacific/Apia", "Africa/Casablanca", "Asia/Kolkata", "UTC"})
	void localTimesMatchJavaTime(String zoneId) {
		ZoneId zone = ZoneId.of(zoneId);
		CellParser parser = new CellParser(new ZoneTimes(zone));
		// every 37 minutes through years with transitions of many kinds, and some old and far days
		List<LocalDateTime[]> ranges = List.of(
				new LocalDateTime[] {LocalDateTime.of(1985, 1, 1, 0, 0), LocalDateTime.of(1992, 1, 1, 0, 0)},
				new LocalDateTime[] {LocalDateTime.of(2010, 6, 1, 0, 0), LocalDateTime.of(2013, 1, 1, 0, 0)},
				new LocalDateTime[] {LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2026, 1, 1, 0, 0)},
				new LocalDateTime[] {LocalDateTime.of(1899, 12, 1, 0, 0), LocalDateTime.of(1900, 2, 1, 0, 0)},
				new LocalDateTime[] {LocalDateTime.of(2199, 12, 1, 0, 0), LocalDateTime.of(2200, 2, 1, 0, 0)});
		for (LocalDateTime[] range : ranges) {
			for (LocalDateTime t = range[0]; t.isBefore(range[1]); t = t.plusMinutes(37)) {
				byte[] cell = t.toString().getBytes(StandardCharsets.US_ASCII);
				long expected = ZonedDateTime.ofLocal(t, zone, null).toInstant().toEpochMilli();
				long actual = parser.timestamp(cell, 0, cell.length);
				if (actual != expected) {
					assertThat(actual).as("%s in %s", t, zoneId).isEqualTo(expected);
				}
			}
			for (LocalDate d = range[0].toLocalDate(); d.isBefore(range[1].toLocalDate()); d = d.plusDays(1)) {
				byte[] cell = d.toString().getBytes(StandardCharsets.US_ASCII);
				long expected = d.atStartOfDay(zone).toInstant().toEpochMilli();
				if (parser.date(cell, 0, cell.length) != expected || parser.timestamp(cell, 0, cell.length) != expected) {
					assertThat(parser.date(cell, 0, cell.length)).as("%s in %s", d, zoneId).isEqualTo(expected);
					assertThat(parser.timestamp(cell, 0, cell.length)).as("%s in %s", d, zoneId).isEqualTo(expected);
				}
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "America/Santiago",
			"America/Sao_Paulo", "Pacific/Apia", "Africa/Casablanca", "Europe/Dublin", "Antarctica/Troll",
			"America/St_Johns", "Asia/Gaza", "Pacific/Kiritimati"})
	void everyTransitionsDayMatchesJavaTime(String zoneId) {
		ZoneId zone = ZoneId.of(zoneId);
		ZoneTimes times = new ZoneTimes(zone);
		java.time.zone.ZoneRules rules = zone.getRules();
		int checked = 0;
		// every transition of the table's range: every 7 minutes of the days around it, each second near its switch
		for (java.time.zone.ZoneOffsetTransition transition = rules.nextTransition(
				java.time.Instant.parse("1899-12-30T00:00:00Z")); transition != null && transition.getInstant()
						.isBefore(java.time.Instant.parse("2200-01-02T00:00:00Z")); transition = rules.nextTransition(
								transition.getInstant())) {
			LocalDate first = transition.getDateTimeBefore().toLocalDate().minusDays(1);
			for (int minute = 0; minute < 3 * 1440; minute += 7) {
				checked += matches(times, zone, first.atStartOfDay().plusMinutes(minute)) ? 1 : 0;
			}
			for (LocalDateTime near : List.of(transition.getDateTimeBefore(), transition.getDateTimeAfter())) {
				for (int second = -90; second <= 90; second++) {
					checked += matches(times, zone, near.plusSeconds(second)) ? 1 : 0;
				}
			}
			for (LocalDate day = first; day.isBefore(first.plusDays(3)); day = day.plusDays(1)) {
				assertThat(times.startOfDay(day.toEpochDay())).as("start of %s in %s", day, zoneId)
						.isEqualTo(day.atStartOfDay(zone).toEpochSecond());
			}
		}
		assertThat(checked).isPositive();
	}

	private static boolean matches(ZoneTimes times, ZoneId zone, LocalDateTime local) {
		long actual = times.toEpochSecond(local.toLocalDate().toEpochDay(), local.toLocalTime().toSecondOfDay());
		long expected = ZonedDateTime.ofLocal(local, zone, null).toEpochSecond();
		if (actual != expected) {
			assertThat(actual).as("%s in %s", local, zone).isEqualTo(expected);
		}
		return true;
	}

	@Test
	void decimalsAreCorrectlyRounded() {
		Random random = new Random(42);
		List<String> texts = new ArrayList<>(List.of("0", "-0", "0.1", "0.2", "0.3", "1.7976931348623157e308",
				"4.9e-324", "2.2250738585072014E-308", "123456789012345678901234567890", "9007199254740993",
				"0.000000000000000000000000001", "1e22", "1e23", "1.5e-22", "8.41e21", "99999999999999999999.5",
				"3.14159265358979323846264338327950288", "+12.5", ".5", "5.", "1E5", "1e+5", "1e-5"));
		for (int i = 0; i < 200_000; i++) {
			StringBuilder text = new StringBuilder();
			if (random.nextBoolean()) {
				text.append('-');
			}
			int digits = 1 + random.nextInt(random.nextBoolean() ? 6 : 20);
			for (int d = 0; d < digits; d++) {
				text.append((char) ('0' + random.nextInt(10)));
			}
			if (random.nextBoolean()) {
				text.append('.');
				int fraction = 1 + random.nextInt(random.nextBoolean() ? 4 : 20);
				for (int d = 0; d < fraction; d++) {
					text.append((char) ('0' + random.nextInt(10)));
				}
			}
			if (random.nextInt(4) == 0) {
				text.append('e').append(random.nextInt(80) - 40);
			}
			texts.add(text.toString());
		}
		for (String text : texts) {
			byte[] cell = text.getBytes(StandardCharsets.US_ASCII);
			double actual = CellParser.decimal(cell, 0, cell.length, 0);
			if (Double.doubleToLongBits(actual) != Double.doubleToLongBits(Double.parseDouble(text))) {
				assertThat(actual).as(text).isEqualTo(Double.parseDouble(text));
			}
		}
	}

	/**
	 * Decimals longer than the 800 digits kept: the exact midpoints between neighbouring doubles (up to 767
	 * significant digits) followed by long runs of zeros and then a 1 or nothing, which must round up or to
	 * even; and random long texts. Against BigDecimal, which reads every digit.
	 */
	@Test
	void longDecimalsAreCorrectlyRounded() {
		Random random = new Random(7);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			double low = i % 3 == 0 ? Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL)
					: i % 3 == 1 ? Double.MIN_VALUE * (1 + random.nextInt(1000)) : random.nextDouble() * 1e6;
			java.math.BigDecimal midpoint = new java.math.BigDecimal(low)
					.add(new java.math.BigDecimal(Math.nextUp(low))).divide(java.math.BigDecimal.valueOf(2));
			String plain = midpoint.toPlainString();
			texts.add(plain);
			String zeros = (plain.contains(".") ? "" : ".") + "0".repeat(900 + random.nextInt(200));
			texts.add(plain + zeros + "1");
			texts.add(plain + zeros);
			texts.add("-" + plain + zeros + "1e" + (random.nextInt(20) - 10));
		}
		for (int i = 0; i < 200; i++) {
			StringBuilder text = new StringBuilder(random.nextBoolean() ? "" : "-");
			int digits = 19 + random.nextInt(3000);
			for (int d = 0; d < digits; d++) {
				text.append((char) ('0' + random.nextInt(10)));
			}
			text.insert(text.length() - random.nextInt(digits), '.');
			texts.add(text.append('e').append(random.nextInt(700) - 350).toString());
		}
		for (String text : texts) {
			byte[] cell = text.getBytes(StandardCharsets.US_ASCII);
			double expected = new java.math.BigDecimal(text).doubleValue();
			if (Double.isInfinite(expected)) {
				assertThat(CellParser.decimal(cell, 0, cell.length, 0)).as(text).isNaN();
			} else {
				assertThat(CellParser.decimal(cell, 0, cell.length, 0)).as(text).isEqualTo(expected);
				assertThat(CellParser.decimal(cell, 0, cell.length, -2)).as(text)
						.isEqualTo(new java.math.BigDecimal(text).movePointLeft(2).doubleValue());
			}
		}
	}

	@Test
	void percentsAreCorrectlyRounded() {
		for (int i = 0; i <= 10_000; i++) {
			String text = i / 100 + "." + String.format("%02d", i % 100);
			byte[] cell = (text + "%").getBytes(StandardCharsets.US_ASCII);
			assertThat(CellParser.decimal(cell, 0, cell.length - 1, -2)).as(text)
					.isEqualTo(new java.math.BigDecimal(text).movePointLeft(2).doubleValue());
		}
	}

	@Test
	void notNumbers() {
		for (String text : List.of("", "-", "+", ".", "e5", "1e", "1e+", "1..2", "1.2.3", "NaN", "Infinity", "0x10",
				"1,5", "1 5", "--1", "1-", "１", "1e99999999999", "1e400", "-1e400")) {
			byte[] cell = text.getBytes(StandardCharsets.UTF_8);
			assertThat(CellParser.decimal(cell, 0, cell.length, 0)).as(text).isNaN();
		}
	}

	@Test
	void keySetKeepsEntriesThatShareAFingerprint() {
		KeySet keys = new KeySet(4);
		for (int row = 0; row < 10_000; row++) {
			keys.add(row % 3 == 0 ? 77L : row * 31L, row);
		}
		Set<Integer> rows = new HashSet<>();
		for (int slot = keys.first(77L); slot >= 0; slot = keys.next(77L, slot)) {
			rows.add(keys.row(slot));
		}
		assertThat(rows).hasSize(3334).allMatch(row -> row % 3 == 0);
		assertThat(keys.row(keys.first(31L * 4))).isEqualTo(4);
		assertThat(keys.first(31L * 3)).isNegative();
	}

	@Test
	void byteMapGivesCodesInOrderOfFirstAddition() {
		ByteMap map = new ByteMap();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 50_000; i++) {
				byte[] value = ("value-" + i).getBytes(StandardCharsets.UTF_8);
				assertThat(map.intern(value, 0, value.length)).isEqualTo(i);
			}
		}
		assertThat(map.size()).isEqualTo(50_000);
		assertThat(map.value(12345)).isEqualTo("value-12345");
		byte[] absent = "value-50000".getBytes(StandardCharsets.UTF_8);
		assertThat(map.find(absent, 0, absent.length, Hashing.hash(absent, 0, absent.length))).isEqualTo(-1);
	}

	/**
	 * The usual form with seconds, {@code yyyy-MM-ddTHH:mm:ss} (read a word at a time), against java.time:
	 * every 7,919 seconds through three years, with T, t or a space between date and time.
	 */
	@ParameterizedTest
	@ValueSource(strings = {"Europe/Berlin", "Asia/Shanghai", "America/Santiago", "UTC"})
	void timestampsWithSecondsMatchJavaTime(String zoneId) {
		ZoneId zone = ZoneId.of(zoneId);
		CellParser parser = new CellParser(new ZoneTimes(zone));
		java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
		String[] separators = {"T", "t", " "};
		int i = 0;
		for (LocalDateTime t = LocalDateTime.of(2024, 1, 1, 0, 0, 1); t.getYear() < 2027; t = t.plusSeconds(7919)) {
			String text = t.format(format).replace(" ", separators[i++ % 3]);
			byte[] cell = text.getBytes(StandardCharsets.US_ASCII);
			long expected = ZonedDateTime.ofLocal(t, zone, null).toInstant().toEpochMilli();
			long actual = parser.timestamp(cell, 0, cell.length);
			if (actual != expected) {
				assertThat(actual).as("%s in %s", text, zoneId).isEqualTo(expected);
			}
		}
	}

	/**
	 * One byte of a timestamp changed, at every place, into digits, separators, letters and a byte of a
	 * multi-byte character: read as java.time reads what it then says (another real time, a time with an
	 * offset), refused otherwise, with the message of the kind of fault.
	 */
	@Test
	void aTimestampWithOneByteChangedAnywhere() {
		ZoneId zone = ZoneId.of("Europe/Berlin");
		CellParser parser = new CellParser(new ZoneTimes(zone));
		java.util.regex.Pattern usual = java.util.regex.Pattern.compile(
				"(\\d{4})-(\\d\\d)-(\\d\\d)[Tt ](\\d\\d):(\\d\\d):(\\d\\d)");
		java.util.regex.Pattern withOffset = java.util.regex.Pattern.compile(
				"(\\d{4})-(\\d\\d)-(\\d\\d)[Tt ](\\d\\d):(\\d\\d)([+-]\\d\\d)");
		byte[] replacements = {'0', '1', '2', '3', '4', '5', '6', '9', '-', ':', '/', '+', 'T', 't', ' ', 'x', 'Z',
				(byte) 0xC3, 0};
		for (String base : List.of("2025-03-01T08:30:05", "2024-02-29 23:59:59", "1999-12-31T00:00:00")) {
			for (int at = 0; at < base.length(); at++) {
				for (byte replacement : replacements) {
					byte[] cell = base.getBytes(StandardCharsets.US_ASCII);
					cell[at] = replacement;
					String text = new String(cell, StandardCharsets.ISO_8859_1);
					long expected = CellParser.FAIL_TIME;
					java.util.regex.Matcher m = usual.matcher(text);
					java.util.regex.Matcher o = withOffset.matcher(text);
					try {
						if (m.matches()) {
							LocalDateTime local = LocalDateTime.of(number(m, 1), number(m, 2), number(m, 3), number(m, 4),
									number(m, 5), number(m, 6));
							expected = ZonedDateTime.ofLocal(local, zone, null).toInstant().toEpochMilli();
						} else if (o.matches()) {
							LocalDateTime local = LocalDateTime.of(number(o, 1), number(o, 2), number(o, 3), number(o, 4),
									number(o, 5));
							expected = local.toEpochSecond(java.time.ZoneOffset.ofHours(Integer.parseInt(o.group(6)))) * 1000;
						}
					} catch (java.time.DateTimeException notReal) {
						expected = CellParser.FAIL_TIME;
					}
					parser.error = null;
					long actual = parser.timestamp(cell, 0, cell.length);
					assertThat(actual).as("%s", text).isEqualTo(expected);
					if (expected == CellParser.FAIL_TIME) {
						java.util.regex.Matcher g = m.matches() ? m : o.matches() ? o : null;
						String kind = "is not a timestamp"; // also for an offset beyond 18 hours
						if (g != null && !realDate(g)) {
							kind = "is not a real date";
						} else if (g != null && (number(g, 4) > 23 || number(g, 5) > 59 || g == m && number(g, 6) > 59)) {
							kind = "is not a real time";
						}
						assertThat(parser.error).as("%s", text).contains(kind);
					}
				}
			}
		}
	}

	private static boolean realDate(java.util.regex.Matcher matcher) {
		try {
			LocalDate.of(number(matcher, 1), number(matcher, 2), number(matcher, 3));
			return true;
		} catch (java.time.DateTimeException notReal) {
			return false;
		}
	}

	private static int number(java.util.regex.Matcher matcher, int group) {
		return Integer.parseInt(matcher.group(group));
	}

	/** A value of 9 to 17 bytes is told from every other that differs from it in one byte, wherever. */
	@Test
	void byteMapTellsValuesApartByAnyByte() {
		for (int length = 9; length <= 17; length++) {
			ByteMap map = new ByteMap();
			byte[] base = "C0123456789ABCDEFG".substring(0, length).getBytes(StandardCharsets.UTF_8);
			assertThat(map.intern(base, 0, length)).isZero();
			for (int at = 0; at < length; at++) {
				byte[] other = base.clone();
				other[at] = (byte) (other[at] + 1);
				assertThat(map.find(other, 0, length, Hashing.hash(other, 0, length))).as("byte %d of %d", at, length)
						.isEqualTo(-1);
				assertThat(map.intern(other, 0, length)).isEqualTo(1 + at);
			}
			for (int at = 0; at < length; at++) {
				byte[] other = base.clone();
				other[at] = (byte) (other[at] + 1);
				assertThat(map.intern(other, 0, length)).isEqualTo(1 + at);
			}
			assertThat(map.intern(base, 0, length)).isZero();
		}
	}
}
