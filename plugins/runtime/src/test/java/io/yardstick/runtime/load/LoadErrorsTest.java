package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.currency;
import static io.yardstick.runtime.load.Fixtures.duration;
import static io.yardstick.runtime.load.Fixtures.enumeration;
import static io.yardstick.runtime.load.Fixtures.field;
import static io.yardstick.runtime.load.Fixtures.key;
import static io.yardstick.runtime.load.Fixtures.optional;
import static io.yardstick.runtime.load.Fixtures.reference;
import static io.yardstick.runtime.load.Fixtures.score;
import static io.yardstick.runtime.load.Fixtures.source;
import static io.yardstick.runtime.load.Fixtures.template;
import static io.yardstick.runtime.load.Fixtures.write;
import static io.yardstick.runtime.load.Fixtures.writeBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every data error, with its full text: file, line, column, source and field, message. */
class LoadErrorsTest {
	private static final String HEADER = "id,customer,createdAt,status,contacts,csat,cost,reopened\n";
	private static final String GOOD = "T1,C1,2025-03-01T08:30,open,1,5,12.50,false\n";

	static final SourceSpec CUSTOMER = source("Customer", key("id", FieldType.TEXT), field("region", FieldType.TEXT),
			field("signedAt", FieldType.DATE));
	static final SourceSpec TICKET = source("Ticket", key("id", FieldType.TEXT), reference("customer", "Customer", false),
			field("createdAt", FieldType.TIMESTAMP), enumeration("status", false, "open", "resolved", "closed"),
			field("contacts", FieldType.COUNT), score("csat", true, 1.0, 5.0), currency("cost", "CNY"),
			field("reopened", FieldType.BOOL));
	static final TemplateSpec TEMPLATE = template("Asia/Shanghai", CUSTOMER, TICKET);

	@TempDir
	Path dir;
	Path tickets;
	Path customers;

	@BeforeEach
	void customers() {
		customers = write(dir, "Customer.csv", "id,region,signedAt\nC1,North,2024-01-15\nC2,South,2024-02-01\n");
		tickets = dir.resolve("Ticket.csv");
	}

	/** The error texts of loading the tickets (after the good customers). */
	private List<String> errors(String ticketCsv) {
		write(dir, "Ticket.csv", ticketCsv);
		return errorsOfLoad();
	}

	private List<String> errorsOfLoad() {
		DataLoadException failure = catchThrowableOfType(DataLoadException.class, () -> DataLoader.load(TEMPLATE, dir));
		assertThat(failure).as("loading should fail").isNotNull();
		assertThat(failure.getMessage())
				.isEqualTo(failure.errors().stream().map(DataError::toText).collect(Collectors.joining("\n")));
		return failure.errors().stream().map(DataError::toText).collect(Collectors.toList());
	}

	private String at(long line, int column) {
		return tickets + ":" + line + ":" + column + ": error bad-data: ";
	}

	@Test
	void tooFewCells() {
		assertThat(errors(HEADER + GOOD + "T2,C1,2025-03-01T09:00,open,1,5,12.50\n"))
				.containsExactly(at(3, 38) + "Ticket: 7 cells, but the header has 8");
	}

	/** A million digits cost a scan (they once took a quadratic BigDecimal conversion, 17 s). */
	@Test
	void aMillionDigitNumberIsAPositionedBadValue() {
		String digits = "1" + "7".repeat(999_999);
		assertThat(errors(HEADER + GOOD + "T2,C1,2025-03-01T09:00,open," + digits + ",5,12.50,false\n"))
				.containsExactly(at(3, 29) + "Ticket.contacts: \"" + digits.substring(0, 57)
						+ "...\" is out of range: a number's magnitude must stay below 1.8E308");
	}

	@Test
	void aLongNumberWithinRangeIsRead() {
		String digits = "0." + "0".repeat(500_000) + "1e500003";
		write(dir, "Ticket.csv", HEADER + "T1,C1,2025-03-01T08:30,open," + digits + ",5,12.50,false\n");
		assertThat(DataLoader.load(TEMPLATE, dir).dataset().table("Ticket").numbers("contacts")).containsExactly(100);
	}

	@Test
	void tooManyCells() {
		assertThat(errors(HEADER + GOOD + "T2,C1,2025-03-01T09:00,open,1,5,12.50,false,extra\n"))
				.containsExactly(at(3, 45) + "Ticket: 9 cells, but the header has 8");
	}

	@Test
	void unterminatedQuote() {
		assertThat(errors(HEADER + GOOD + "T2,C1,2025-03-01T09:00,\"open,1,5,12.50,false\nT3,C1\n"))
				.containsExactly(at(3, 24) + "Ticket: unterminated quoted cell: no closing quote before the end of the file"
						+ " (the record spans lines 3-4: 2 lines)");
	}

	@Test
	void textAfterAClosingQuote() {
		assertThat(errors(HEADER + GOOD + "T2,C1,2025-03-01T09:00,\"open\"x,1,5,12.50,false\n"))
				.containsExactly(at(3, 24) + "Ticket: unexpected \"x\" after the closing quote of a quoted cell");
	}

	@Test
	void quoteInsideAnUnquotedCell() {
		assertThat(errors(HEADER + GOOD + "T2,C1,2025-03-01T09:00,op\"en,1,5,12.50,false\n")).containsExactly(at(3, 24)
				+ "Ticket: a quote inside an unquoted cell: quote the whole cell and double the quote (\"\")");
	}

	@Test
	void unparsableNumber() {
		assertThat(errors(HEADER + GOOD + "T2,C1,2025-03-01T09:00,open,x1,5,12.50,false\n"))
				.containsExactly(at(3, 29) + "Ticket.contacts: \"x1\" is not a count (a whole number >= 0)");
	}

	@Test
	void negativeCount() {
		assertThat(errors(HEADER + GOOD + "T2,C1,2025-03-01T09:00,open,-1,5,12.50,false\n"))
				.containsExactly(at(3, 29) + "Ticket.contacts: \"-1\" is not a count (a whole number >= 0)");
	}

	@Test
	void fractionalCount() {
		assertThat(errors(HEADER + GOOD + "T2,C1,2025-03-01T09:00,open,1.5,5,12.50,false\n"))
				.containsExactly(at(3, 29) + "Ticket.contacts: \"1.5\" is not a count (a whole number >= 0)");
	}

	@Test
	void unparsableTimestamp() {
		assertThat(errors(HEADER + GOOD + "T2,C1,2025/03/01 09:00,open,1,5,12.50,false\n")).containsExactly(at(3, 7)
				+ "Ticket.createdAt: \"2025/03/01 09:00\" is not a timestamp (such as 2025-03-01T08:30:00,"
				+ " 2025-03-01 08:30 or 2025-03-01, optionally followed by an offset: Z or +08:00)");
	}

	@Test
	void impossibleDateAndTime() {
		assertThat(errors(HEADER + GOOD + "T2,C1,2025-02-29T09:00,open,1,5,12.50,false\n"))
				.containsExactly(at(3, 7) + "Ticket.createdAt: \"2025-02-29T09:00\" is not a real date");
		assertThat(errors(HEADER + GOOD + "T2,C1,2025-02-28T24:00,open,1,5,12.50,false\n"))
				.containsExactly(at(3, 7) + "Ticket.createdAt: \"2025-02-28T24:00\" is not a real time of day");
	}

	@Test
	void scoreOutOfRange() {
		assertThat(errors(HEADER + GOOD + "T2,C1,2025-03-01T09:00,open,1,6,12.50,false\n"))
				.containsExactly(at(3, 31) + "Ticket.csat: \"6\" is outside score(1..5)");
	}

	@Test
	void unknownEnumValue() {
		assertThat(errors(HEADER + GOOD + "T2,C1,2025-03-01T09:00,urgent,1,5,12.50,false\n"))
				.containsExactly(at(3, 24) + "Ticket.status: \"urgent\" is not one of open, resolved, closed");
	}

	@Test
	void currencyCodeMismatch() {
		assertThat(errors(HEADER + GOOD + "T2,C1,2025-03-01T09:00,open,1,5,12.50 USD,false\n"))
				.containsExactly(at(3, 33) + "Ticket.cost: \"12.50 USD\" is in USD, expected CNY");
	}

	@Test
	void unparsableAmount() {
		assertThat(errors(HEADER + GOOD + "T2,C1,2025-03-01T09:00,open,1,5,\"12,50\",false\n")).containsExactly(at(3, 33)
				+ "Ticket.cost: \"12,50\" is not an amount in CNY (a decimal number, optionally followed by \" CNY\")");
	}

	@Test
	void badBool() {
		assertThat(errors(HEADER + GOOD + "T2,C1,2025-03-01T09:00,open,1,5,12.50,yes\n"))
				.containsExactly(at(3, 39) + "Ticket.reopened: \"yes\" is not a bool (true, false, 1 or 0)");
	}

	@Test
	void emptyRequiredCell() {
		assertThat(errors(HEADER + GOOD + "T2,C1,2025-03-01T09:00,open,,5,12.50,false\n"))
				.containsExactly(at(3, 29) + "Ticket.contacts: empty, but the field is not optional");
		assertThat(errors(HEADER + GOOD + "T2,C1,2025-03-01T09:00,open,  ,5,12.50,false\n"))
				.containsExactly(at(3, 29) + "Ticket.contacts: empty, but the field is not optional");
	}

	@Test
	void emptyKey() {
		assertThat(errors(HEADER + GOOD + ",C1,2025-03-01T09:00,open,1,5,12.50,false\n"))
				.containsExactly(at(3, 1) + "Ticket.id: empty key");
	}

	@Test
	void duplicateKey() {
		assertThat(errors(HEADER + GOOD + "T2,C1,2025-03-01T09:00,open,1,5,12.50,false\n"
				+ "T1,C2,2025-03-01T10:00,open,1,5,12.50,false\n"))
				.containsExactly(at(4, 1) + "Ticket.id: duplicate key \"T1\" (first on line 2)");
	}

	@Test
	void unknownReferenceKey() {
		assertThat(errors(HEADER + GOOD + "T2,C9,2025-03-01T09:00,open,1,5,12.50,false\n"))
				.containsExactly(at(3, 4) + "Ticket.customer: \"C9\" is not a key of Customer");
	}

	@Test
	void missingColumns() {
		assertThat(errors("id,customer,createdAt,status,contacts,cost\n" + GOOD)).containsExactly(
				at(1, 1) + "Ticket.csat: missing column \"csat\" in " + tickets + "; its columns are id, customer,"
						+ " createdAt, status, contacts, cost; map the field to its column in the template: data Ticket"
						+ " { csat = \"…\" }",
				at(1, 1) + "Ticket.reopened: missing column \"reopened\" in " + tickets + "; its columns are id,"
						+ " customer, createdAt, status, contacts, cost; map the field to its column in the template:"
						+ " data Ticket { reopened = \"…\" }");
	}

	@Test
	void duplicateColumn() {
		assertThat(errors("id,customer,createdAt,status,contacts,csat,cost,reopened,status\n" + GOOD))
				.containsExactly(at(1, 58) + "Ticket: duplicate column \"status\" (first at column 23)");
	}

	@Test
	void missingFile() {
		assertThat(errorsOfLoad())
				.containsExactly(tickets + ": error bad-data: Ticket: data file not found: " + tickets + "; " + dir
						+ " holds Customer.csv; bind the source to its file: --bind Ticket=<file>");
	}

	@Test
	void noBinding() {
		DataLoadException failure = catchThrowableOfType(DataLoadException.class, () -> DataLoader.load(TEMPLATE,
				Map.of("Customer", customers), LoadOptions.defaults()));
		assertThat(failure.errors()).extracting(DataError::toText)
				.containsExactly("error bad-data: Ticket: no data file is bound to the source");
	}

	@Test
	void emptyFile() {
		assertThat(errors("")).containsExactly(at(1, 1) + "Ticket: empty file: no header row");
		writeBytes(dir, "Ticket.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n', '\n'});
		assertThat(errorsOfLoad()).containsExactly(at(1, 1) + "Ticket: empty file: no header row");
	}

	@Test
	void malformedUtf8InARow() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes((HEADER + GOOD + "T2,C1,2025-03-01T09:00,op").getBytes(StandardCharsets.UTF_8));
		bytes.write(0xFF);
		bytes.writeBytes("en,1,5,12.50,false\n".getBytes(StandardCharsets.UTF_8));
		writeBytes(dir, "Ticket.csv", bytes.toByteArray());
		assertThat(errorsOfLoad()).containsExactly(at(3, 24) + "Ticket.status: malformed UTF-8: byte 0xff");
	}

	@Test
	void malformedUtf8InTheHeaderStopsEvenWhenSkipping() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("id,customer,createdAt,sta".getBytes(StandardCharsets.UTF_8));
		bytes.write(0xC3); // a lead byte followed by no continuation
		bytes.writeBytes(("tus,contacts,csat,cost,reopened\n" + GOOD).getBytes(StandardCharsets.UTF_8));
		writeBytes(dir, "Ticket.csv", bytes.toByteArray());
		DataLoadException failure = catchThrowableOfType(DataLoadException.class, () -> DataLoader.load(TEMPLATE,
				Bindings.byConvention(dir, TEMPLATE), LoadOptions.defaults().skipBadRows(dir.resolve("rejected"))));
		assertThat(failure.errors()).extracting(DataError::toText)
				.containsExactly(at(1, 23) + "Ticket: header: malformed UTF-8: byte 0xc3");
	}

	@Test
	void truncatedUtf8AtTheEndOfTheFile() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes((HEADER + GOOD + "T2,C1,2025-03-01T09:00,open,1,5,12.50,fals").getBytes(StandardCharsets.UTF_8));
		bytes.write(0xE4);
		bytes.write(0xB8);
		writeBytes(dir, "Ticket.csv", bytes.toByteArray());
		assertThat(errorsOfLoad()).containsExactly(at(3, 39) + "Ticket.reopened: malformed UTF-8: byte 0xe4");
	}

	@Test
	void columnsCountCharactersNotBytes() {
		write(dir, "Customer.csv", "id,region,signedAt\nC1,华北,2024-01-15\nC3,华北地区,2024-13-01\n");
		write(dir, "Ticket.csv", HEADER + GOOD);
		assertThat(errorsOfLoad()).containsExactly(
				customers + ":3:9: error bad-data: Customer.signedAt: \"2024-13-01\" is not a real date");
	}

	@Test
	void aCellAfterALineBreakInQuotesCountsColumnsOnItsOwnLine() {
		write(dir, "Customer.csv", "id,region,signedAt\nC1,\"North\nEast\",2024-01-15x\n");
		write(dir, "Ticket.csv", HEADER + GOOD);
		assertThat(errorsOfLoad()).containsExactly(
				customers + ":2:7: error bad-data: Customer.signedAt: \"2024-01-15x\" is not a date (such as 2025-03-01)");
	}

	@Test
	void otherKindsMessages() {
		SourceSpec event = source("Event", key("id", FieldType.TEXT), optional("share", FieldType.PERCENT),
				duration("wait", "h", true), optional("ratio", FieldType.RATIO), optional("value", FieldType.NUMBER));
		TemplateSpec template = template("UTC", event);
		Path events = dir.resolve("Event.csv");
		String header = "id,share,wait,ratio,value\n";
		String prefix = events + ":2:";
		assertThat(loadFailure(template, header + "E1,95,,,\n")).isEqualTo(prefix
				+ "4: error bad-data: Event.share: \"95\" is outside percent (0%..100%): for 95 percent write 95%");
		assertThat(loadFailure(template, header + "E1,120%,,,\n"))
				.isEqualTo(prefix + "4: error bad-data: Event.share: \"120%\" is outside percent (0%..100%)");
		assertThat(loadFailure(template, header + "E1,half,,,\n"))
				.isEqualTo(prefix + "4: error bad-data: Event.share: \"half\" is not a percent (such as 95% or 0.95)");
		assertThat(loadFailure(template, header + "E1,,2 hours,,\n")).isEqualTo(prefix
				+ "5: error bad-data: Event.wait: \"2 hours\" is not a duration (a number of hours, a number with a unit"
				+ " such as 90min or 2h, or ISO 8601 such as PT2H30M)");
		assertThat(loadFailure(template, header + "E1,,P1M,,\n")).isEqualTo(prefix
				+ "5: error bad-data: Event.wait: \"P1M\" is not a duration: months and years vary in length"
				+ " (use days or weeks)");
		assertThat(loadFailure(template, header + "E1,,PT,,\n")).isEqualTo(prefix
				+ "5: error bad-data: Event.wait: \"PT\" is not an ISO 8601 duration (such as PT2H30M, P1DT4H or P2W)");
		assertThat(loadFailure(template, header + "E1,,,1/2,\n")).isEqualTo(
				prefix + "6: error bad-data: Event.ratio: \"1/2\" is not a ratio (a decimal number such as 1.25)");
		assertThat(loadFailure(template, header + "E1,,,,NaN\n"))
				.isEqualTo(prefix + "7: error bad-data: Event.value: \"NaN\" is not a number");
		assertThat(loadFailure(template, header + "E1,,,,1e400\n"))
				.isEqualTo(prefix + "7: error bad-data: Event.value: \"1e400\" is out of range: a number's magnitude must stay below 1.8E308");
	}

	private String loadFailure(TemplateSpec template, String csv) {
		write(dir, "Event.csv", csv);
		DataLoadException failure = catchThrowableOfType(DataLoadException.class, () -> DataLoader.load(template, dir));
		assertThat(failure).isNotNull();
		assertThat(failure.errors()).hasSize(1);
		return failure.errors().get(0).toText();
	}

	@Test
	void referenceCyclesAreRefused() {
		SourceSpec agent = source("Agent", key("id", FieldType.TEXT), reference("lastTicket", "Job", true));
		SourceSpec job = source("Job", key("id", FieldType.TEXT), reference("agent", "Agent", false));
		TemplateSpec template = template("UTC", agent, job);
		assertThatThrownBy(() -> DataLoader.load(template, dir)).isInstanceOf(DataLoadException.class)
				.hasMessage(dir.resolve("Agent.csv") + ": error bad-data: Agent: sources refer to each other in a cycle"
						+ " (Agent.lastTicket -> Job, Job.agent -> Agent): references in a cycle cannot be loaded yet");
		SourceSpec employee = source("Employee", key("id", FieldType.TEXT), reference("manager", "Employee", true));
		assertThatThrownBy(() -> DataLoader.load(template("UTC", employee), dir)).isInstanceOf(DataLoadException.class)
				.hasMessage(dir.resolve("Employee.csv") + ": error bad-data: Employee: Employee.manager -> Employee"
						+ " refers to its own source: references within one source cannot be loaded yet");
	}

	@Test
	void inconsistentSpecsAreAProgrammingError() {
		SourceSpec ticket = source("Ticket", key("id", FieldType.TEXT), reference("customer", "Nobody", false));
		assertThatThrownBy(() -> DataLoader.load(template("UTC", ticket), dir))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("Ticket.customer refers to Nobody, which is not a source of demo.Support");
	}
}
