package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.currency;
import static io.yardstick.runtime.load.Fixtures.field;
import static io.yardstick.runtime.load.Fixtures.key;
import static io.yardstick.runtime.load.Fixtures.time;
import static io.yardstick.runtime.load.Fixtures.write;
import static io.yardstick.runtime.load.Fixtures.writeBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.SourceFormat;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files as clients hand them over, read through a source's format (its {@code data} block): each case is a
 * folder under {@code client-formats/} with the file and the loaded rows it must give, every cell.
 */
class ClientFormatsTest {
	private static final Path CASES = Path.of("src/test/resources/client-formats");
	private static final String ZONE = "Asia/Shanghai";

	@TempDir
	Path dir;

	private static List<FieldSpec> orderFields() {
		return List.of(key("orderId", FieldType.TEXT), field("customer", FieldType.TEXT),
				time("createdAt", FieldType.TIMESTAMP), currency("amount", "CNY"), field("qty", FieldType.COUNT));
	}

	private static TemplateSpec template(SourceFormat format) {
		return Fixtures.template(ZONE, new SourceSpec("Order", orderFields(), format));
	}

	private static Map<String, String> chineseColumns() {
		return SourceFormat.pairs("orderId", "订单号", "customer", "客户", "createdAt", "下单时间", "amount", "金额", "qty",
				"数量");
	}

	@Test
	void gbkWithChineseHeadersSlashDatesAndThousands() throws IOException {
		assertCase("gbk-chinese-headers", new SourceFormat(SourceFormat.pairs("encoding", "GBK", "timestamp",
				"yyyy/M/d H:mm", "thousands", ","), chineseColumns()));
	}

	@Test
	void semicolonsDecimalCommaAndCurrencySymbol() throws IOException {
		assertCase("semicolon-decimal-comma", new SourceFormat(SourceFormat.pairs("delimiter", ";", "decimal", ",",
				"thousands", ".", "currency", "¥", "timestamp", "dd.MM.yyyy HH:mm"), SourceFormat.pairs("orderId",
						"Bestellnummer", "customer", "Kunde", "createdAt", "Datum", "amount", "Betrag", "qty", "Menge")));
	}

	@Test
	void slashDatesWithOrWithoutTimeAndThousands() throws IOException {
		assertCase("slash-dates-thousands", new SourceFormat(SourceFormat.pairs("timestamp", "yyyy/M/d[ H:mm]",
				"thousands", ","), Map.of()));
	}

	@Test
	void tabDelimited() throws IOException {
		assertCase("tab-delimited", new SourceFormat(SourceFormat.pairs("delimiter", "\t"), Map.of()));
	}

	@Test
	void utf8WithBomAndChineseHeaders() throws IOException {
		assertCase("utf8-bom-chinese-headers", new SourceFormat(Map.of(), chineseColumns()));
	}

	private void assertCase(String name, SourceFormat format) throws IOException {
		Path folder = CASES.resolve(name);
		TemplateSpec template = template(format);
		LoadResult result = DataLoader.load(template, Map.of("Order", folder.resolve("Order.csv")),
				LoadOptions.defaults().keepingUnreferencedKeys(true));
		String expected = Files.readString(folder.resolve("expected.txt"), StandardCharsets.UTF_8);
		assertThat(TableDumps.dump(result.dataset().table("Order"), ZoneId.of(ZONE))).isEqualTo(expected);
	}

	// ------------------------------------------------------------------ errors

	private String error(SourceFormat format, String csv, Charset charset) {
		writeBytes(dir, "Order.csv", csv.getBytes(charset));
		DataLoadException failure = catchThrowableOfType(DataLoadException.class,
				() -> DataLoader.load(template(format), Bindings.byConvention(dir, template(format)),
						LoadOptions.defaults()));
		assertThat(failure).as("loading should fail").isNotNull();
		return failure.errors().stream().map(DataError::toText).collect(Collectors.joining("\n"));
	}

	private String file() {
		return dir.resolve("Order.csv").toString();
	}

	@Test
	void aCellNotInTheDeclaredPatternNamesThePattern() {
		SourceFormat format = new SourceFormat(SourceFormat.pairs("timestamp", "yyyy/M/d H:mm"), Map.of());
		assertThat(error(format, "orderId,customer,createdAt,amount,qty\nA1,East,2025-01-09 12:57,1,1\n",
				StandardCharsets.UTF_8)).isEqualTo(file() + ":2:9: error bad-data: Order.createdAt: \"2025-01-09 12:57\""
						+ " is not a timestamp in the pattern yyyy/M/d H:mm (such as 2025/1/9 12:57)");
	}

	@Test
	void anImpossibleDateInThePatternIsRefusedNotMoved() {
		SourceFormat format = new SourceFormat(SourceFormat.pairs("timestamp", "yyyy/M/d H:mm"), Map.of());
		assertThat(error(format, "orderId,customer,createdAt,amount,qty\nA1,East,2025/2/30 12:57,1,1\n",
				StandardCharsets.UTF_8)).isEqualTo(file() + ":2:9: error bad-data: Order.createdAt: \"2025/2/30 12:57\""
						+ " is not a timestamp in the pattern yyyy/M/d H:mm (such as 2025/1/9 12:57)");
	}

	@Test
	void aBadAmountIsShownAsWritten() {
		SourceFormat format = new SourceFormat(SourceFormat.pairs("decimal", ",", "thousands", ".", "currency", "¥",
				"delimiter", ";"), Map.of());
		assertThat(error(format, "orderId;customer;createdAt;amount;qty\nA1;East;2025-01-09T12:57;¥1.2x9,45;1\n",
				StandardCharsets.UTF_8)).isEqualTo(file() + ":2:26: error bad-data: Order.amount: \"¥1.2x9,45\" is not"
						+ " an amount in CNY (a decimal number, optionally followed by \" CNY\")");
	}

	@Test
	void aGbkFileReadAsUtf8SaysItLooksLikeGbk() {
		String csv = "orderId,customer,createdAt,amount,qty\nA1,East,2025-01-09T12:57,1,1\nA2,华东客户,2025-01-09T12:57,1,1\n"
				+ "A3,华南客户,2025-01-09T12:57,1,1\nA4,华北客户,2025-01-09T12:57,1,1\nA5,西南客户,2025-01-09T12:57,1,1\n"
				+ "A6,东北客户,2025-01-09T12:57,1,1\n";
		assertThat(error(SourceFormat.PLAIN, csv, Charset.forName("GBK"))).isEqualTo(file() + ":3:4: error bad-data:"
				+ " Order: malformed UTF-8: byte 0xbb; the file looks like GBK or GB18030: declare it in the template,"
				+ " data Order { encoding \"GB18030\" } (docs/data.md#reading-a-file-as-it-is)");
	}

	@Test
	void gbkHeadersReadAsUtf8SayItLooksLikeGbk() {
		String csv = "订单号,客户,下单时间,金额,数量\nA1,华东客户,2025-01-09T12:57,1,1\n";
		assertThat(error(new SourceFormat(Map.of(), chineseColumns()), csv, Charset.forName("GBK"))).isEqualTo(file()
				+ ":1:1: error bad-data: Order: header: malformed UTF-8: byte 0xb6; the file looks like GBK or GB18030:"
				+ " declare it in the template, data Order { encoding \"GB18030\" } (docs/data.md#reading-a-file-as-it-is)");
	}

	@Test
	void aUtf8FileDeclaredGbkNamesTheBytesAndWhatTheyLookLike() {
		String csv = "orderId,customer,createdAt,amount,qty\nA1,East,2025-01-09T12:57,1,1\nA2,Zürich € café,2025-01-09T12:57,1,1\n";
		SourceFormat format = new SourceFormat(SourceFormat.pairs("encoding", "GBK"), Map.of());
		// C3 BC (ü) and E2 82 (of €) are GBK characters too: the first byte GBK refuses is the €'s last
		assertThat(error(format, csv, StandardCharsets.UTF_8)).isEqualTo(file() + ":3:12: error bad-data: Order: byte"
				+ " 0xac is not GBK; the file looks like UTF-8: declare it in the template, data Order { encoding"
				+ " \"UTF-8\" } (docs/data.md#reading-a-file-as-it-is)");
	}

	@Test
	void aMissingColumnListsTheHeadersAndTheClosest() {
		assertThat(error(SourceFormat.PLAIN, "order_id,Customer,createdAt,amount,qty\nA1,East,2025-01-09T12:57,1,1\n",
				StandardCharsets.UTF_8)).isEqualTo(file() + ":1:1: error bad-data: Order.orderId: missing column \"orderId\""
						+ " in " + file() + "; its columns are order_id, Customer, createdAt, amount, qty; the closest is"
						+ " \"order_id\"\n" + file() + ":1:1: error bad-data: Order.customer: missing column \"customer\" in "
						+ file() + "; its columns are order_id, Customer, createdAt, amount, qty; the closest is \"Customer\"");
	}

	@Test
	void aMissingMappedColumnSaysWhichFieldReadsIt() {
		assertThat(error(new SourceFormat(Map.of(), SourceFormat.pairs("orderId", "订单编号")),
				"订单号,customer,createdAt,amount,qty\nA1,East,2025-01-09T12:57,1,1\n", StandardCharsets.UTF_8))
				.isEqualTo(file() + ":1:1: error bad-data: Order.orderId: missing column \"订单编号\" (the column of orderId)"
						+ " in " + file() + "; its columns are 订单号, customer, createdAt, amount, qty; the closest is \"订单号\"");
	}

	@Test
	void aHeaderOfOneColumnWithSemicolonsSuggestsTheDelimiter() {
		assertThat(error(SourceFormat.PLAIN, "orderId;customer;createdAt;amount;qty\nA1;East;2025-01-09T12:57;1;1\n",
				StandardCharsets.UTF_8).lines().findFirst().orElseThrow()).isEqualTo(file() + ":1:1: error bad-data:"
						+ " Order.orderId: missing column \"orderId\" in " + file() + "; its columns are"
						+ " orderId;customer;createdAt;amount;qty; the header is one column holding \";\": declare the"
						+ " delimiter in the template, data Order { delimiter \";\" }");
	}

	@Test
	void aMissingColumnWithNothingCloseSuggestsMappingIt() {
		assertThat(error(SourceFormat.PLAIN, "订单号,customer,createdAt,amount,qty\nA1,East,2025-01-09T12:57,1,1\n",
				StandardCharsets.UTF_8)).isEqualTo(file() + ":1:1: error bad-data: Order.orderId: missing column \"orderId\""
						+ " in " + file() + "; its columns are 订单号, customer, createdAt, amount, qty; map the field to its"
						+ " column in the template: data Order { orderId = \"…\" }");
	}

	@Test
	void aFileNotFoundListsTheFolderAndSuggestsABinding() {
		write(dir, "orders.csv", "x\n");
		write(dir, "Customer.csv", "x\n");
		write(dir, "notes.md", "x\n");
		DataLoadException failure = catchThrowableOfType(DataLoadException.class,
				() -> DataLoader.load(template(SourceFormat.PLAIN), dir));
		assertThat(failure.getMessage()).isEqualTo(file() + ": error bad-data: Order: data file not found: " + file()
				+ "; " + dir + " holds Customer.csv, orders.csv; bind the source to its file: --bind Order="
				+ dir.resolve("orders.csv"));
	}

	@Test
	void aFileNotFoundInAnEmptyFolderSaysSo() {
		DataLoadException failure = catchThrowableOfType(DataLoadException.class,
				() -> DataLoader.load(template(SourceFormat.PLAIN), dir));
		assertThat(failure.getMessage()).isEqualTo(file() + ": error bad-data: Order: data file not found: " + file()
				+ "; " + dir + " holds no data file (.csv, .xlsx, .parquet); bind the source to its file: --bind"
				+ " Order=<file>");
	}

	@Test
	void settingsAreCheckedWhereTheyAreMade() {
		assertThatThrownBy(() -> new SourceFormat(SourceFormat.pairs("decimal", ",", "thousands", ","), Map.of()))
				.hasMessage("the decimal and the thousands separator are both \",\": numbers would be ambiguous");
		assertThat(SourceFormat.problem("encoding", "GBX")).isEqualTo("unknown encoding \"GBX\": write UTF-8, GBK,"
				+ " GB18030, Big5, Shift_JIS, ISO-8859-1 or windows-1252 (any name Java knows)");
		assertThat(SourceFormat.problem("delimiter", "::")).isEqualTo("\"::\" is not a delimiter: write \",\", \";\","
				+ " \"\\t\" (a tab) or \"|\"");
		assertThat(SourceFormat.problem("timestamp", "H:mm")).isEqualTo("\"H:mm\" has no year: a timestamp pattern"
				+ " needs y, M and d");
		assertThat(SourceFormat.problem("date", "yyyy-MM-dd HH")).isEqualTo("\"yyyy-MM-dd HH\" has a time of day: a"
				+ " date pattern has only y, M and d (a timestamp pattern has the time)");
		assertThat(SourceFormat.problem("currency", "1¥")).isEqualTo("\"1¥\" is not a currency symbol: it holds '1',"
				+ " which belongs to numbers");
		assertThat(SourceFormat.problem("encodng", "GBK")).isEqualTo("unknown setting \"encodng\": a data block sets"
				+ " encoding, delimiter, decimal, thousands, currency, timestamp, date, sheet, or maps a field to a column"
				+ " (field = \"column\")");
	}
}
