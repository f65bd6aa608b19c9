package io.yardstick.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvOutputTest {
	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
	private final CsvOutput out = new CsvOutput(bytes);

	private String written() throws IOException {
		out.close();
		return bytes.toString(StandardCharsets.UTF_8);
	}

	@Test
	void quotesOnlyWhereNeeded() {
		assertThat(CsvOutput.quote("华东")).isEqualTo("华东");
		assertThat(CsvOutput.quote("plain text")).isEqualTo("plain text");
		assertThat(CsvOutput.quote("Northwind Trading (上海) Co., Ltd.")).isEqualTo("\"Northwind Trading (上海) Co., Ltd.\"");
		assertThat(CsvOutput.quote("上海\"恒泰\"商行")).isEqualTo("\"上海\"\"恒泰\"\"商行\"");
		assertThat(CsvOutput.quote("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(CsvOutput.quote("cr\r")).isEqualTo("\"cr\r\"");
		assertThat(CsvOutput.quote("")).isEmpty();
	}

	@Test
	void writesRowsWithCommasAndLineFeeds() throws IOException {
		out.header(List.of("a", "b", "c"));
		out.id('T', 42, 7).empty().text("x,y").endRow();
		out.integer(-12).bool(true).bool(false).endRow();
		out.empty().empty().empty().endRow();

		assertThat(written()).isEqualTo("a,b,c\nT0000042,,\"x,y\"\n-12,true,false\n,,\n");
	}

	@Test
	void idsGrowPastTheirWidth() throws IOException {
		out.id('C', 1, 6).id('C', 1234567, 6).id('O', 0, 1).endRow();

		assertThat(written()).isEqualTo("C000001,C1234567,O0\n");
	}

	@Test
	void centsAreTwoDecimals() throws IOException {
		out.cents(0).cents(5).cents(120).cents(123456).cents(-1050).endRow();

		assertThat(written()).isEqualTo("0.00,0.05,1.20,1234.56,-10.50\n");
	}

	@Test
	void timestampsAndDatesAreIsoLocal() throws IOException {
		SplittableRandom random = new SplittableRandom(1);
		StringBuilder expected = new StringBuilder();
		long[] seconds = new long[2000];
		for (int i = 0; i < seconds.length; i++) {
			// 1896 to 2100: before the epoch, leap years, century years
			seconds[i] = random.nextLong(-2_335_000_000L, 4_102_444_800L);
		}
		seconds[0] = 0;
		seconds[1] = -1;
		seconds[2] = LocalDateTime.of(2000, 2, 29, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);
		seconds[3] = LocalDateTime.of(1900, 3, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
		for (long second : seconds) {
			LocalDateTime time = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
			out.timestamp(second).date(time.toLocalDate().toEpochDay()).endRow();
			expected.append(ISO.format(time)).append(',').append(time.toLocalDate()).append('\n');
		}

		assertThat(written()).isEqualTo(expected.toString());
	}

	@Test
	void cellsLongerThanTheBufferAreWrittenWhole() throws IOException {
		String longText = "长".repeat(40_000); // 120,000 bytes
		out.text("a").text(longText).text("b").endRow();
		for (int i = 0; i < 10_000; i++) {
			out.integer(i).endRow();
		}

		String text = written();
		assertThat(text).startsWith("a," + longText + ",b\n0\n1\n").endsWith("\n9999\n");
	}
}
