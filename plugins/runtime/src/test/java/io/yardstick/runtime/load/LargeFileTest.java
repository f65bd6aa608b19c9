package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.field;
import static io.yardstick.runtime.load.Fixtures.instant;
import static io.yardstick.runtime.load.Fixtures.key;
import static io.yardstick.runtime.load.Fixtures.optional;
import static io.yardstick.runtime.load.Fixtures.read;
import static io.yardstick.runtime.load.Fixtures.reference;
import static io.yardstick.runtime.load.Fixtures.source;
import static io.yardstick.runtime.load.Fixtures.template;
import static io.yardstick.runtime.load.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Thousands of rows through small read buffers: values land in the right rows, and duplicate keys far apart
 * are found (through the checkpoints, past rejected rows) with both lines.
 */
class LargeFileTest {
	private static final int ROWS = 5000;

	@TempDir
	Path dir;

	@AfterEach
	void restoreBuffer() {
		SourceLoader.readBufferSize = CsvReader.DEFAULT_BUFFER;
	}

	private static final SourceSpec CUSTOMER = source("Customer", key("id", FieldType.TEXT));
	private static final SourceSpec TICKET = source("Ticket", key("id", FieldType.TEXT),
			reference("customer", "Customer", false), field("createdAt", FieldType.TIMESTAMP),
			optional("contacts", FieldType.COUNT), optional("title", FieldType.TEXT));
	private static final TemplateSpec TEMPLATE = template("Europe/Berlin", CUSTOMER, TICKET);

	/** Ticket i: key "T<i>", customer C<i % 50>, created i minutes after 2025-03-29T00:00 local, i % 9 contacts. */
	private static String tickets(int rows) {
		StringBuilder csv = new StringBuilder("id,customer,createdAt,contacts,title\n");
		for (int i = 0; i < rows; i++) {
			csv.append("TICKET-").append(i).append(",C").append(i % 50).append(',')
					.append(java.time.LocalDateTime.of(2025, 3, 29, 0, 0).plusMinutes(i * 7L)).append(',')
					.append(i % 10 == 0 ? "" : String.valueOf(i % 9)).append(',')
					.append(i % 3 == 0 ? "\"title, " + (i % 11) + "\"" : "plain " + (i % 5)).append('\n');
		}
		return csv.toString();
	}

	private void customers() {
		StringBuilder csv = new StringBuilder("id\n");
		for (int i = 0; i < 50; i++) {
			csv.append('C').append(i).append('\n');
		}
		write(dir, "Customer.csv", csv.toString());
	}

	@ParameterizedTest
	@ValueSource(ints = {64, 1000, 1 << 22})
	void valuesLandInTheirRows(int bufferSize) {
		SourceLoader.readBufferSize = bufferSize;
		customers();
		write(dir, "Ticket.csv", tickets(ROWS));
		Table table = DataLoader.load(TEMPLATE, dir).dataset().table("Ticket");
		assertThat(table.rows()).isEqualTo(ROWS);
		java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
		for (int i = 0; i < ROWS; i++) {
			assertThat(table.rowRefs("customer")[i]).isEqualTo(i % 50);
			assertThat(table.times("createdAt")[i]).isEqualTo(
					java.time.LocalDateTime.of(2025, 3, 29, 0, 0).plusMinutes(i * 7L).atZone(berlin).toInstant().toEpochMilli());
			assertThat(Double.compare(table.numbers("contacts")[i], i % 10 == 0 ? Double.NaN : i % 9)).as("row %d", i)
					.isZero();
			String title = i % 3 == 0 ? "title, " + (i % 11) : "plain " + (i % 5);
			assertThat(table.dictionary("title").value(table.codes("title")[i])).isEqualTo(title);
		}
		assertThat(table.times("createdAt")[0]).isEqualTo(instant("2025-03-28T23:00:00Z"));
	}

	@ParameterizedTest
	@ValueSource(ints = {64, 1 << 22})
	void aDuplicateFarFromItsFirstIsFoundWithBothLines(int bufferSize) {
		SourceLoader.readBufferSize = bufferSize;
		customers();
		write(dir, "Ticket.csv", tickets(ROWS) + "TICKET-1234,C1,2025-04-01T00:00,1,again\n");
		assertThatThrownBy(() -> DataLoader.load(TEMPLATE, dir)).isInstanceOf(DataLoadException.class)
				.hasMessage(dir.resolve("Ticket.csv") + ":" + (ROWS + 2)
						+ ":1: error bad-data: Ticket.id: duplicate key \"TICKET-1234\" (first on line 1236)");
	}

	@Test
	void duplicatesAfterRejectedRowsNameTheRightFirstLine() {
		SourceLoader.readBufferSize = 100;
		customers();
		StringBuilder csv = new StringBuilder(tickets(ROWS));
		// reject every 100th row (TICKET-0, TICKET-100, ...) by an unknown customer
		String[] lines = csv.toString().split("\n", -1);
		for (int i = 1; i < lines.length - 1; i += 100) {
			lines[i] = lines[i].replaceFirst(",C\\d+,", ",C99,");
		}
		String text = String.join("\n", lines) + "TICKET-3001,C1,2025-04-01T00:00,1,again\n"
				+ "TICKET-5,C1,2025-04-01T00:00,1,again\n" + "TICKET-100,C1,2025-04-01T00:00,1,rejected first\n";
		write(dir, "Ticket.csv", text);
		Path quarantine = dir.resolve("q");
		LoadResult result = DataLoader.load(TEMPLATE, Bindings.byConvention(dir, TEMPLATE),
				LoadOptions.defaults().skipBadRows(quarantine));
		assertThat(result.report().source("Ticket").rowsRejected()).isEqualTo(ROWS / 100 + 2);
		assertThat(result.report().source("Ticket").rowsLoaded()).isEqualTo(ROWS - ROWS / 100 + 1);
		String rejected = read(quarantine.resolve("Ticket.rejected.csv"));
		assertThat(rejected).contains("\n" + (ROWS + 2) + "," + (ROWS + 2) + ",\"Ticket.id: duplicate key \"\"TICKET-3001\"\" (first on line 3003)\"");
		assertThat(rejected).contains("\n" + (ROWS + 3) + "," + (ROWS + 3) + ",\"Ticket.id: duplicate key \"\"TICKET-5\"\" (first on line 7)\"");
		// TICKET-100 was rejected the first time, so its second row is loaded
		assertThat(rejected).doesNotContain("TICKET-100\"\"");
		assertThat(rejected.lines().filter(line -> line.contains("is not a key of Customer")).count())
				.isEqualTo(ROWS / 100);
	}
}
