package io.yardstick.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.cli.sample.SampleFacts.Customer;
import io.yardstick.cli.sample.SampleFacts.Sale;
import io.yardstick.cli.sample.SampleFacts.Ticket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files' format and integrity, determinism, and the committed sample data. */
class SampleDataGeneratorTest {
	@TempDir
	static Path dir;

	static SampleFacts facts;
	static SampleDataGenerator.Summary summary;

	@BeforeAll
	static void generateDefaults() throws IOException {
		summary = new SampleDataGenerator(SampleDataSettings.DEFAULTS).write(dir.resolve("default"));
		facts = SampleFacts.read(dir.resolve("default"), SampleDataSettings.DEFAULTS);
	}

	/** The repository's after-sales template folder. */
	static Path templateFolder() {
		Path moduleDir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
		return moduleDir.resolve("../../example-templates/after-sales-standard").normalize();
	}

	record Files3(byte[] customers, byte[] tickets, byte[] sales) {
	}

	static Files3 generate(SampleDataSettings settings) throws IOException {
		ByteArrayOutputStream customers = new ByteArrayOutputStream();
		ByteArrayOutputStream tickets = new ByteArrayOutputStream();
		ByteArrayOutputStream sales = new ByteArrayOutputStream();
		new SampleDataGenerator(settings).write(customers, tickets, sales);
		return new Files3(customers.toByteArray(), tickets.toByteArray(), sales.toByteArray());
	}

	@Test
	void theSameSettingsGiveByteIdenticalFiles() throws IOException {
		Files3 first = generate(SampleDataSettings.DEFAULTS);
		Files3 second = generate(SampleDataSettings.DEFAULTS);

		assertThat(second.customers()).isEqualTo(first.customers());
		assertThat(second.tickets()).isEqualTo(first.tickets());
		assertThat(second.sales()).isEqualTo(first.sales());
		assertThat(first.tickets()).isEqualTo(Files.readAllBytes(dir.resolve("default").resolve("Ticket.csv")));
	}

	@Test
	void anotherSeedGivesOtherData() throws IOException {
		Files3 defaults = generate(SampleDataSettings.DEFAULTS);
		Files3 other = generate(new SampleDataSettings(9_000, 7, LocalDate.of(2025, 1, 1), 18));

		assertThat(other.customers()).isNotEqualTo(defaults.customers());
		assertThat(other.tickets()).isNotEqualTo(defaults.tickets());
		assertThat(other.sales()).isNotEqualTo(defaults.sales());
	}

	@Test
	void theCommittedSampleDataIsWhatTheGeneratorWrites() throws IOException {
		Path committed = templateFolder().resolve("data");
		String hint = "the bundled sample data is out of date: regenerate it with "
				+ "'./yardstick sample-data --out example-templates/after-sales-standard/data'";
		for (String file : List.of("Customer.csv", "Ticket.csv", "Sale.csv")) {
			assertThat(committed.resolve(file)).as(hint).exists();
			assertThat(Files.readAllBytes(committed.resolve(file))).as(file + ": " + hint)
					.isEqualTo(Files.readAllBytes(dir.resolve("default").resolve(file)));
		}
		try (var listing = Files.list(committed)) {
			assertThat(listing.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".csv")).sorted()
					.toList()).containsExactly("Customer.csv", "Sale.csv", "Ticket.csv");
		}
	}

	@Test
	void defaultSizes() throws IOException {
		assertThat(summary).isEqualTo(new SampleDataGenerator.Summary(1_200, 9_000, 3_000, summary.churned()));
		assertThat(facts.customers).hasSize(1_200);
		assertThat(facts.tickets).hasSize(9_000);
		assertThat(facts.sales).hasSize(3_000);
		assertThat(facts.customers.stream().filter(c -> c.churnedAt() != null).count()).isEqualTo(summary.churned());
		long bytes = 0;
		for (String file : List.of("Customer.csv", "Ticket.csv", "Sale.csv")) {
			bytes += Files.size(dir.resolve("default").resolve(file));
		}
		assertThat(bytes).isLessThan(2_000_000);
	}

	@Test
	void customersAndSalesScaleWithTheTickets() throws IOException {
		SampleDataSettings settings = new SampleDataSettings(30_000, 3, LocalDate.of(2024, 7, 1), 6);
		SampleDataGenerator.Summary scaled = new SampleDataGenerator(settings).write(dir.resolve("scaled"));
		SampleFacts scaledFacts = SampleFacts.read(dir.resolve("scaled"), settings);

		assertThat(scaled.customers()).isEqualTo(4_000);
		assertThat(scaled.tickets()).isEqualTo(30_000);
		assertThat(scaled.sales()).isEqualTo(10_000);
		assertThat(scaledFacts.tickets).hasSize(30_000);
		assertThat(scaledFacts.tickets.get(0).id()).isEqualTo("T0000001");
		assertThat(scaledFacts.tickets.get(29_999).id()).isEqualTo("T0030000");
		assertReferencesResolve(scaledFacts); // and every time lies in 2024-07 .. 2024-12
	}

	@Test
	void aSingleTicketStillGivesEveryFile() throws IOException {
		SampleDataSettings settings = new SampleDataSettings(1, 1, LocalDate.of(2025, 1, 1), 1);
		new SampleDataGenerator(settings).write(dir.resolve("one"));
		SampleFacts one = SampleFacts.read(dir.resolve("one"), settings);

		assertThat(one.tickets).hasSize(1);
		assertThat(one.customers).hasSize(SampleDataSettings.MIN_CUSTOMERS);
		assertThat(one.sales).isEmpty();
		assertReferencesResolve(one);
	}

	@Test
	void manyMonthsKeepSomeCustomers() throws IOException {
		SampleDataSettings settings = new SampleDataSettings(2_000, 5, LocalDate.of(1990, 1, 1), 600);
		new SampleDataGenerator(settings).write(dir.resolve("long"));
		SampleFacts longRun = SampleFacts.read(dir.resolve("long"), settings);

		assertThat(longRun.tickets).hasSize(2_000);
		assertReferencesResolve(longRun);
	}

	@Test
	void settingsOutOfRangeAreRefused() {
		LocalDate from = LocalDate.of(2025, 1, 1);
		assertThatThrownBy(() -> new SampleDataSettings(0, 1, from, 18)).hasMessageContaining("tickets");
		assertThatThrownBy(() -> new SampleDataSettings(1, 1, from, 0)).hasMessageContaining("months");
		assertThatThrownBy(() -> new SampleDataSettings(1, 1, LocalDate.of(2025, 1, 2), 18))
				.hasMessage("the start date must be the first day of a month, not 2025-01-02");
		assertThatThrownBy(() -> new SampleDataSettings(1, 1, LocalDate.of(1800, 1, 1), 18))
				.hasMessageContaining("between 1900 and 9000");
	}

	// ---- Format -----------------------------------------------------------------------------------------

	@Test
	void headersAreTheFieldsOfTheTemplatesSources() throws IOException {
		Path template = templateFolder();
		String afterSales = Files.readString(template.resolve("after-sales.kpi"));
		String customers = Files.readString(template.resolve("customers.kpi"));

		assertThat(facts.customerTable.header()).isEqualTo(SampleDataGenerator.CUSTOMER_COLUMNS)
				.isEqualTo(fieldsOf(customers, "Customer"));
		assertThat(facts.ticketTable.header()).isEqualTo(SampleDataGenerator.TICKET_COLUMNS)
				.isEqualTo(fieldsOf(afterSales, "Ticket"));
		assertThat(facts.saleTable.header()).isEqualTo(SampleDataGenerator.SALE_COLUMNS)
				.isEqualTo(fieldsOf(afterSales, "Sale"));
	}

	/** The field names of a source declaration, in order, read off the .kpi text. */
	static List<String> fieldsOf(String kpi, String source) {
		Matcher block = Pattern.compile("(?s)\\bsource " + source + "\\b[^{]*\\{(.*?)\\n\\s*\\}").matcher(kpi);
		assertThat(block.find()).as("source " + source).isTrue();
		List<String> fields = new ArrayList<>();
		Matcher field = Pattern.compile("(?m)^\\s*(?:key\\s+)?(\\w+)\\s*(?::|->)").matcher(block.group(1));
		while (field.find()) {
			fields.add(field.group(1));
		}
		return fields;
	}

	@Test
	void filesAreUtf8WithLineFeedsAndNoByteOrderMark() throws IOException {
		for (String file : List.of("Customer.csv", "Ticket.csv", "Sale.csv")) {
			byte[] bytes = Files.readAllBytes(dir.resolve("default").resolve(file));
			assertThat(bytes[0]).as(file).isNotEqualTo((byte) 0xEF);
			assertThat(new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
			assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\r").endsWith("\n");
		}
	}

	static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
	static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
	static final Pattern MONEY = Pattern.compile("\\d+\\.\\d{2}");
	static final Pattern COUNT = Pattern.compile("0|[1-9]\\d*");
	static final Pattern BOOL = Pattern.compile("true|false");

	@Test
	void everyCellHasItsKindsFormatAndOnlyOptionalFieldsAreEmpty() {
		Map<String, Pattern> customer = new HashMap<>(Map.of("customerId", Pattern.compile("C\\d{6}"),
				"name", Pattern.compile("(?s).+"), "region", alternatives(SampleDataGenerator.REGIONS),
				"segment", Pattern.compile("enterprise|smb|consumer"), "signedAt", DATE, "churnedAt", DATE));
		Map<String, Pattern> ticket = new HashMap<>(Map.ofEntries(Map.entry("ticketId", Pattern.compile("T\\d{7}")),
				Map.entry("customer", Pattern.compile("C\\d{6}")),
				Map.entry("region", alternatives(SampleDataGenerator.REGIONS)),
				Map.entry("productLine", alternatives(SampleDataGenerator.PRODUCT_LINES)),
				Map.entry("createdAt", TIMESTAMP), Map.entry("firstResponseAt", TIMESTAMP),
				Map.entry("resolvedAt", TIMESTAMP), Map.entry("status", Pattern.compile("open|resolved|closed")),
				Map.entry("contacts", COUNT), Map.entry("followUps", COUNT), Map.entry("reopened", BOOL),
				Map.entry("isComplaint", BOOL), Map.entry("csat", Pattern.compile("[1-5]")),
				Map.entry("nps", Pattern.compile("[0-9]|10")), Map.entry("cost", MONEY)));
		Map<String, Pattern> sale = Map.of("orderId", Pattern.compile("O\\d{6}"), "customer",
				Pattern.compile("C\\d{6}"), "productLine", alternatives(SampleDataGenerator.PRODUCT_LINES), "soldAt",
				TIMESTAMP, "amount", MONEY);

		assertCells(facts.customerTable, customer, Set.of("churnedAt"));
		assertCells(facts.ticketTable, ticket, Set.of("firstResponseAt", "resolvedAt", "csat", "nps"));
		assertCells(facts.saleTable, sale, Set.of());
	}

	private static Pattern alternatives(List<String> values) {
		return Pattern.compile(String.join("|", values));
	}

	private static void assertCells(CsvTable table, Map<String, Pattern> formats, Set<String> optional) {
		Set<String> emptySeen = new HashSet<>();
		for (String[] row : table.rows()) {
			for (int i = 0; i < row.length; i++) {
				String column = table.header().get(i);
				if (row[i].isEmpty()) {
					assertThat(optional).as("empty " + column + " in " + String.join(",", row)).contains(column);
					emptySeen.add(column);
				} else {
					assertThat(row[i]).as(column).matches(formats.get(column));
				}
			}
		}
		assertThat(emptySeen).as("optional columns that are sometimes empty").isEqualTo(optional);
	}

	@Test
	void keysAreUniqueAndInOrder() {
		assertUniqueSequence(facts.customers.stream().map(Customer::id).toList(), "C%06d");
		assertUniqueSequence(facts.tickets.stream().map(Ticket::id).toList(), "T%07d");
		assertUniqueSequence(facts.sales.stream().map(Sale::id).toList(), "O%06d");
	}

	private static void assertUniqueSequence(List<String> ids, String format) {
		for (int i = 0; i < ids.size(); i++) {
			assertThat(ids.get(i)).isEqualTo(String.format(format, i + 1));
		}
	}

	@Test
	void namesWithCommasOrQuotesAreQuoted() throws IOException {
		String raw = Files.readString(dir.resolve("default").resolve("Customer.csv"));

		assertThat(facts.customers).anySatisfy(c -> assertThat(c.name()).contains(", "));
		assertThat(facts.customers).anySatisfy(c -> assertThat(c.name()).contains("\""));
		assertThat(raw).contains(" Co., Ltd.\",").contains("\"\"");
	}

	// ---- Integrity --------------------------------------------------------------------------------------

	@Test
	void everyReferenceResolvesToACustomerSignedByThenAndNotGone() {
		assertReferencesResolve(facts);
	}

	static void assertReferencesResolve(SampleFacts facts) {
		List<String> problems = new ArrayList<>();
		Map<String, Customer> customers = new HashMap<>();
		for (Customer c : facts.customers) {
			customers.put(c.id(), c);
			if (c.churnedAt() != null && !c.churnedAt().isAfter(c.signedAt())) {
				problems.add(c + ": churned before signing");
			}
		}
		LocalDateTime start = facts.from.atStartOfDay();
		LocalDateTime end = facts.from.plusMonths(facts.months).atStartOfDay();
		for (Ticket t : facts.tickets) {
			Customer c = customers.get(t.customer());
			if (c == null) {
				problems.add(t.id() + ": no customer " + t.customer());
				continue;
			}
			if (!t.region().equals(c.region())) {
				problems.add(t.id() + ": region " + t.region() + ", its customer's is " + c.region());
			}
			checkTime(problems, t.id(), t.createdAt(), c, start, end);
		}
		for (Sale s : facts.sales) {
			Customer c = customers.get(s.customer());
			if (c == null) {
				problems.add(s.id() + ": no customer " + s.customer());
				continue;
			}
			checkTime(problems, s.id(), s.soldAt(), c, start, end);
		}
		assertThat(problems).isEmpty();
	}

	/** Inside the months covered, on or after the customer signed, and before they left. */
	private static void checkTime(List<String> problems, String id, LocalDateTime time, Customer c,
			LocalDateTime start, LocalDateTime end) {
		if (time.isBefore(start) || !time.isBefore(end)) {
			problems.add(id + ": " + time + " outside the months covered");
		}
		if (time.isBefore(c.signedAt().atStartOfDay())) {
			problems.add(id + ": " + time + " before " + c.id() + " signed on " + c.signedAt());
		}
		if (c.churnedAt() != null && !time.isBefore(c.churnedAt().atStartOfDay())) {
			problems.add(id + ": " + time + " after " + c.id() + " left on " + c.churnedAt());
		}
	}

	@Test
	void statusAgreesWithTheTimes() {
		LocalDateTime end = facts.from.plusMonths(facts.months).atStartOfDay();
		for (Ticket t : facts.tickets) {
			assertThat(t.status().equals("open")).as(t.id()).isEqualTo(t.resolvedAt() == null);
			if (t.firstResponseAt() != null) {
				assertThat(t.firstResponseAt()).as(t.id()).isAfter(t.createdAt()).isBefore(end);
			} else {
				assertThat(t.status()).as(t.id()).isEqualTo("open");
			}
			if (t.resolvedAt() != null) {
				assertThat(t.firstResponseAt()).as(t.id()).isNotNull();
				assertThat(t.resolvedAt()).as(t.id()).isAfter(t.firstResponseAt()).isBefore(end);
			} else {
				assertThat(t.csat()).as(t.id()).isNull();
				assertThat(t.nps()).as(t.id()).isNull();
			}
			assertThat(t.contacts()).as(t.id()).isPositive();
			assertThat(t.cost()).as(t.id()).isPositive();
		}
		assertThat(share(t -> t.status().equals("open"))).isBetween(0.003, 0.03);
		assertThat(share(t -> t.status().equals("open") && t.firstResponseAt() == null)).isPositive();
		assertThat(share(t -> t.status().equals("closed"))).isBetween(0.88, 0.98);
		assertThat(share(Ticket::reopened)).isBetween(0.01, 0.05);
		assertThat(share(Ticket::isComplaint)).isBetween(0.03, 0.10);
	}

	@Test
	void csatAndNpsAreOftenMissing() {
		assertThat(share(t -> t.csat() == null)).isBetween(0.50, 0.60);
		assertThat(share(t -> t.nps() == null)).isBetween(0.65, 0.75);
	}

	@Test
	void mostCustomersSignedBeforeTheFirstMonthAndSomeChurnEveryMonth() {
		LocalDate from = facts.from;
		long before = facts.customers.stream().filter(c -> c.signedAt().isBefore(from)).count();
		assertThat((double) before / facts.customers.size()).isBetween(0.7, 0.85);
		assertThat(facts.customers).allSatisfy(c -> assertThat(c.signedAt()).isAfter(from.minusYears(5))
				.isBefore(from.plusMonths(facts.months)));
		int[] churnedPerMonth = new int[facts.months];
		for (Customer c : facts.customers) {
			if (c.churnedAt() != null) {
				assertThat(c.churnedAt()).isAfterOrEqualTo(from).isBefore(from.plusMonths(facts.months));
				churnedPerMonth[facts.month(c.churnedAt())]++;
			}
		}
		assertThat(Arrays.stream(churnedPerMonth).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(3, 60));
	}

	static double share(java.util.function.Predicate<Ticket> condition) {
		return (double) facts.tickets.stream().filter(condition).count() / facts.tickets.size();
	}
}
