package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.currency;
import static io.yardstick.runtime.load.Fixtures.field;
import static io.yardstick.runtime.load.Fixtures.key;
import static io.yardstick.runtime.load.Fixtures.optional;
import static io.yardstick.runtime.load.Fixtures.reference;
import static io.yardstick.runtime.load.Fixtures.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.SourceFormat;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Excel workbooks as clients hand them over: two sheets with Chinese headers mapped by the {@code data} block,
 * cells typed by Excel (numbers, dates, booleans) and text cells read through the block's patterns and
 * separators; the sheet chosen by the block or the binding; every bad cell named by sheet, cell and header.
 */
class ExcelInputTest {
	private static final Path CASE = Path.of("src/test/resources/client-formats/xlsx-two-sheets");
	private static final String ZONE = "Asia/Shanghai";

	@TempDir
	Path dir;

	private static TemplateSpec template(String orderSheet, String customerSheet) {
		SourceSpec customer = new SourceSpec("Customer", List.of(key("id", FieldType.TEXT), field("region", FieldType.TEXT),
				field("vip", FieldType.BOOL)), new SourceFormat(customerSheet == null ? Map.of()
						: SourceFormat.pairs("sheet", customerSheet), SourceFormat.pairs("id", "客户编号", "region", "区域", "vip", "重点客户")));
		SourceSpec order = new SourceSpec("Order", List.of(key("orderId", FieldType.TEXT),
				reference("customer", "Customer", false), time("createdAt", FieldType.TIMESTAMP),
				currency("amount", "CNY"), field("qty", FieldType.COUNT), optional("paidOn", FieldType.DATE),
				field("discount", FieldType.PERCENT)),
				new SourceFormat(orderSheet == null ? SourceFormat.pairs("timestamp", "yyyy/M/d H:mm", "thousands", ",")
						: SourceFormat.pairs("timestamp", "yyyy/M/d H:mm", "thousands", ",", "sheet", orderSheet),
						SourceFormat.pairs("orderId", "订单号", "customer", "客户", "createdAt", "下单时间", "amount", "金额",
								"qty", "数量", "paidOn", "付款日期", "discount", "折扣")));
		return Fixtures.template(ZONE, customer, order);
	}

	/**
	 * The workbook: sheet 订单 first (a title row, a blank row, then the header on row 3), sheet 客户 second.
	 * Times come as Excel dates and as text in the block's pattern; amounts as numbers and as text with
	 * thousands; the percent as a fraction shown as a percentage.
	 */
	static Path workbook(Path dir, String badCreatedAt) throws IOException {
		Path file = dir.resolve("orders.xlsx");
		try (OutputStream out = Files.newOutputStream(file)) {
			Workbook workbook = new Workbook(out, "Yardstick", "1.0");
			Worksheet orders = workbook.newWorksheet("订单");
			row(orders, 0, "2025年1月订单导出");
			row(orders, 2, "订单号", "客户", "下单时间", "金额", "数量", "付款日期", "折扣", "备注");
			row(orders, 3, "A1", "C1", shown(LocalDateTime.of(2025, 1, 9, 12, 57), "yyyy-mm-dd hh:mm"),
					new BigDecimal("1219.45"), 2, shown(LocalDate.of(2025, 1, 10), "yyyy/m/d"), shown(0.15, "0%"),
					"first line\nsecond line");
			row(orders, 4, "A2", "C2", badCreatedAt, "1,000.50", "3", null, "5%");
			// row 6 is empty: no record
			row(orders, 6, "A3", "C1", shown(LocalDateTime.of(2025, 1, 31, 23, 59, 30), "yyyy/m/d h:mm:ss"), -3, 1, null,
					0);
			Worksheet customers = workbook.newWorksheet("客户");
			row(customers, 0, "客户编号", "区域", "重点客户");
			row(customers, 1, "C1", "华东", true);
			row(customers, 2, "C2", "华南", 0);
			workbook.finish();
		}
		return file;
	}

	/** A value with the number format Excel shows it in. */
	private record Shown(Object value, String format) {
	}

	private static Shown shown(Object value, String format) {
		return new Shown(value, format);
	}

	/** Writes the cells of a row (0-based, as the writer counts) from column A; a null leaves a cell empty. */
	private static void row(Worksheet sheet, int row, Object... cells) {
		for (int c = 0; c < cells.length; c++) {
			Object cell = cells[c] instanceof Shown shown ? shown.value() : cells[c];
			if (cell instanceof String text) {
				sheet.value(row, c, text);
			} else if (cell instanceof Number number) {
				sheet.value(row, c, number);
			} else if (cell instanceof Boolean flag) {
				sheet.value(row, c, flag);
			} else if (cell instanceof LocalDateTime time) {
				sheet.value(row, c, time);
			} else if (cell instanceof LocalDate day) {
				sheet.value(row, c, day);
			}
			if (cells[c] instanceof Shown shown) {
				sheet.style(row, c).format(shown.format()).set();
			}
		}
	}

	private static String dump(LoadResult result) {
		return TableDumps.dump(result.dataset().table("Customer"), ZoneId.of(ZONE)) + "\n"
				+ TableDumps.dump(result.dataset().table("Order"), ZoneId.of(ZONE));
	}

	@Test
	void twoSheetsWithChineseHeadersLoadEveryCell() throws IOException {
		Path file = workbook(dir, "2025/1/9 13:05");
		LoadResult result = DataLoader.load(template("订单", "客户"), Map.of("Customer", file, "Order", file),
				LoadOptions.defaults().keepingUnreferencedKeys(true));
		assertThat(dump(result)).isEqualTo(Files.readString(CASE.resolve("expected.txt"), StandardCharsets.UTF_8));
		assertThat(result.report().summary()).isEqualTo("Customer: 3 lines, 2 records read from " + file + ", 2 loaded,"
				+ " 0 rejected\nOrder: 5 lines, 3 records read from " + file + ", 3 loaded, 0 rejected; ignored columns: 备注\n"
				+ "2 sources: 8 lines, 5 records read, 5 loaded, 0 rejected");
	}

	@Test
	void theBindingNamesTheSheetAfterAHash() throws IOException {
		Path file = workbook(dir, "2025/1/9 13:05");
		// no sheet setting for orders: the first sheet; the binding names the customers' sheet
		LoadResult result = DataLoader.load(template(null, "Sheet that is not there"), Map.of("Customer",
				Path.of(file + "#客户"), "Order", file), LoadOptions.defaults().keepingUnreferencedKeys(true));
		assertThat(dump(result)).isEqualTo(Files.readString(CASE.resolve("expected.txt"), StandardCharsets.UTF_8));
	}

	@Test
	void aBadCellNamesTheSheetTheCellAndItsHeader() throws IOException {
		Path file = workbook(dir, "9 Jan 2025 13:05");
		assertThat(failure(template("订单", "客户"), Map.of("Customer", file, "Order", file)).errors().get(0).toText())
				.isEqualTo(file + ":5:3: error bad-data: Order.createdAt: sheet \"订单\", cell C5 (下单时间):"
						+ " \"9 Jan 2025 13:05\" is not a timestamp in the pattern yyyy/M/d H:mm (such as 2025/1/9 12:57)");
	}

	@Test
	void skippedRowsGoToTheQuarantineWithTheirSheetRows() throws IOException {
		Path file = workbook(dir, "yesterday");
		Path rejected = dir.resolve("rejected");
		LoadResult result = DataLoader.load(template("订单", "客户"), Map.of("Customer", file, "Order", file),
				LoadOptions.defaults().skipBadRows(rejected));
		assertThat(result.report().source("Order").firstErrors().stream().map(DataError::toText)
				.collect(Collectors.joining("\n"))).isEqualTo(file + ":5:3: error bad-data: Order.createdAt: sheet"
						+ " \"订单\", cell C5 (下单时间): \"yesterday\" is not a timestamp in the pattern yyyy/M/d H:mm"
						+ " (such as 2025/1/9 12:57)");
		assertThat(Files.readString(rejected.resolve("Order.rejected.csv"))).isEqualTo("line,endLine,reason,订单号,客户,"
				+ "下单时间,金额,数量,付款日期,折扣,备注\n5,5,\"Order.createdAt: \"\"yesterday\"\" is not a timestamp in the"
				+ " pattern yyyy/M/d H:mm (such as 2025/1/9 12:57)\",A2,C2,yesterday,\"1,000.50\",3,,5%,\n");
	}

	@Test
	void aDuplicateKeyNamesTheRowOfTheFirst() throws IOException {
		Path file = dir.resolve("keys.xlsx");
		try (OutputStream out = Files.newOutputStream(file)) {
			Workbook workbook = new Workbook(out, "Yardstick", "1.0");
			Worksheet orders = workbook.newWorksheet("订单");
			row(orders, 0, "订单导出");
			row(orders, 1, "订单号");
			row(orders, 2, "A1");
			row(orders, 4, "A1");
			workbook.finish();
		}
		TemplateSpec template = Fixtures.template(ZONE, new SourceSpec("Order", List.of(key("orderId", FieldType.TEXT)),
				new SourceFormat(Map.of(), SourceFormat.pairs("orderId", "订单号"))));
		assertThat(failure(template, Map.of("Order", file)).getMessage()).isEqualTo(file + ":5:1: error bad-data:"
				+ " Order.orderId: sheet \"订单\", cell A5 (订单号): duplicate key \"A1\" (first in row 3)");
	}

	@Test
	void aMissingSheetListsTheSheets() throws IOException {
		Path file = workbook(dir, "2025/1/9 13:05");
		assertThat(failure(template("Orders", "客户"), Map.of("Customer", file, "Order", file)).getMessage())
				.isEqualTo(file + ": error bad-data: Order: no sheet \"Orders\" in " + file + "; its sheets are \"订单\","
						+ " \"客户\"");
	}

	@Test
	void aMissingColumnNamesTheHeaderRow() throws IOException {
		Path file = workbook(dir, "2025/1/9 13:05");
		TemplateSpec template = template("订单", "订单");
		assertThat(failure(template, Map.of("Customer", file, "Order", file)).errors().get(0).toText())
				.isEqualTo(file + ":3:1: error bad-data: Customer.id: sheet \"订单\", header (row 3): missing column"
						+ " \"客户编号\" (the column of id) in " + file + "; its columns are 订单号, 客户, 下单时间, 金额, 数量,"
						+ " 付款日期, 折扣, 备注; map the field to its column in the template: data Customer { id = \"…\" }");
	}

	@Test
	void aMissingWorkbookSuggestsTheBinding() {
		Path file = dir.resolve("orders.xlsx");
		assertThat(failure(template("订单", "客户"), Map.of("Customer", Path.of(file + "#客户"), "Order", file))
				.getMessage()).isEqualTo(file + "#客户: error bad-data: Customer: data file not found: " + file + "; "
						+ dir + " holds no data file (.csv, .xlsx, .parquet); bind the source to its file: --bind"
						+ " Customer=<file>");
	}

	@Test
	void theWorkbooksDateSystemIsHonoured() throws IOException {
		Path file = workbook(dir, "2025/1/9 13:05");
		// the same serials in a 1904 workbook are 1,462 days later
		try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + file.toUri()), Map.of())) {
			Path part = zip.getPath("xl/workbook.xml");
			String xml = Files.readString(part);
			String without = xml.replaceAll(" date1904=\"[^\"]*\"", "");
			Files.writeString(part, without.contains("<workbookPr") ? without.replace("<workbookPr", "<workbookPr date1904=\"1\"")
					: without.replaceFirst("<workbook([^>]*)>", "<workbook$1><workbookPr date1904=\"1\"/>"));
		}
		LoadResult result = DataLoader.load(template("订单", "客户"), Map.of("Customer", file, "Order", file),
				LoadOptions.defaults());
		assertThat(TableDumps.dump(result.dataset().table("Order"), ZoneId.of(ZONE)).lines()
				.map(line -> line.split(" \\| ")[2]).toList()).containsExactly("createdAt", "2029-01-10T12:57+08:00",
						"2025-01-09T13:05+08:00", "2029-02-01T23:59:30+08:00");
	}

	@Test
	void aWorkbookNamedAfterItsSourceIsFoundByConvention() throws IOException {
		Path file = workbook(dir, "2025/1/9 13:05");
		Files.move(file, dir.resolve("Order.xlsx"));
		Files.writeString(dir.resolve("Customer.csv"), "客户编号,区域,重点客户\nC1,华东,true\nC2,华南,0\n");
		TemplateSpec template = template("订单", null);
		assertThat(Bindings.byConvention(dir, template)).containsExactly(Map.entry("Customer", dir.resolve("Customer.csv")),
				Map.entry("Order", dir.resolve("Order.xlsx")));
		LoadResult result = DataLoader.load(template, Bindings.byConvention(dir, template),
				LoadOptions.defaults().keepingUnreferencedKeys(true));
		assertThat(dump(result)).isEqualTo(Files.readString(CASE.resolve("expected.txt"), StandardCharsets.UTF_8));
	}

	@Test
	void aParquetFileWithoutItsReaderSaysWhatIsMissing() throws IOException {
		Path file = Files.writeString(dir.resolve("orders.parquet"), "PAR1");
		TemplateSpec template = Fixtures.template(ZONE, new SourceSpec("Order", List.of(key("orderId", FieldType.TEXT))));
		assertThat(failure(template, Map.of("Order", file)).getMessage()).isEqualTo(file + ": error bad-data: Order:"
				+ " reading .parquet files needs yardstick-engines (its DuckDB reads them) on the class path (the command"
				+ " line has it); or export the table as CSV");
	}

	@Test
	void serialDaysInBothDateSystems() {
		assertThat(XlsxReader.fromSerial(new BigDecimal("1"), false)).isEqualTo(LocalDate.of(1900, 1, 1));
		assertThat(XlsxReader.fromSerial(new BigDecimal("59"), false)).isEqualTo(LocalDate.of(1900, 2, 28));
		assertThat(XlsxReader.fromSerial(new BigDecimal("61"), false)).isEqualTo(LocalDate.of(1900, 3, 1));
		assertThat(XlsxReader.fromSerial(new BigDecimal("45666.5"), false)).isEqualTo(LocalDateTime.of(2025, 1, 9, 12, 0));
		assertThat(XlsxReader.fromSerial(new BigDecimal("0"), true)).isEqualTo(LocalDate.of(1904, 1, 1));
		assertThat(XlsxReader.fromSerial(new BigDecimal("44204.25"), true)).isEqualTo(LocalDateTime.of(2025, 1, 9, 6, 0));
	}

	@Test
	void dateFormatsAreToldFromNumberFormats() {
		assertThat(XlsxReader.isDateFormat(14, "m/d/yy")).isTrue();
		assertThat(XlsxReader.isDateFormat(164, "yyyy\"年\"m\"月\"d\"日\"")).isTrue();
		assertThat(XlsxReader.isDateFormat(165, "[$-804]hh:mm")).isTrue();
		assertThat(XlsxReader.isDateFormat(0, "General")).isFalse();
		assertThat(XlsxReader.isDateFormat(166, "[Red]#,##0.00\" days\"")).isFalse();
		assertThat(XlsxReader.isDateFormat(9, "0%")).isFalse();
		assertThat(XlsxReader.letters(0) + XlsxReader.letters(25) + XlsxReader.letters(26) + XlsxReader.letters(701))
				.isEqualTo("AZAAZZ");
	}

	private static DataLoadException failure(TemplateSpec template, Map<String, Path> files) {
		DataLoadException failure = catchThrowableOfType(DataLoadException.class,
				() -> DataLoader.load(template, files, LoadOptions.defaults()));
		assertThat(failure).as("loading should fail").isNotNull();
		return failure;
	}
}
