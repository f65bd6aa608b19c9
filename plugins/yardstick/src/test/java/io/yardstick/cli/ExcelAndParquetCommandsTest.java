package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} on a workbook and a Parquet file bound with {@code --bind}, on the Java calculator and on DuckDB, and
 * {@code run --xlsx} writing results.xlsx, read back cell by cell.
 */
class ExcelAndParquetCommandsTest {
	/** The demo template with a breakdown by region, its tickets' columns named in Chinese. */
	private static final String TEMPLATE = Cli.DEMO.replace("source Ticket { key id: text  createdAt: timestamp time",
			"source Ticket { key id: text  createdAt: timestamp time  region: text")
			.replace("    layer management", "    dimension region \"区域\" { Ticket.region }\n    layer management")
			.replace("= avg(Ticket.csat) }", "= avg(Ticket.csat)  by region }")
			.replace("= count(Ticket) }", "= count(Ticket)  by region }")
			.replace("    link volume", """
					    data Ticket {
					        sheet "工单"
					        id = "工单号"
					        createdAt = "创建时间"
					        region = "区域"
					        csat = "满意度"
					    }
					    link volume""");

	/** The same tickets as CSV: January and February whole, March to the 14th (partial). */
	private static final String CSV = """
			工单号,创建时间,区域,满意度
			t1,2025-01-05T10:00,华东,4
			t2,2025-01-20T10:00,华南,5
			t3,2025-02-01T00:30,华东,2
			t4,2025-02-28T23:00,华南,
			t5,2025-03-03T09:00,华东,1
			t6,2025-03-14T18:00,华东,1
			""";

	@TempDir
	Path dir;

	@BeforeEach
	void files() throws Exception {
		Files.createDirectories(dir.resolve("template"));
		Files.writeString(dir.resolve("template/demo.kpi"), TEMPLATE, StandardCharsets.UTF_8);
		Files.createDirectories(dir.resolve("data"));
		Files.writeString(dir.resolve("data/Ticket.csv"), CSV, StandardCharsets.UTF_8);
	}

	private Cli.Result run(String out, String... extra) {
		String[] args = { "run", dir.resolve("template").toString(), "--out", dir.resolve(out).toString(), "--by",
				"region" };
		Cli.Result result = Cli.run(Cli.with(args, extra));
		assertThat(result.exit()).as(result.err()).isZero();
		return result;
	}

	private String resultsCsv(String out) throws Exception {
		return Files.readString(dir.resolve(out).resolve("results.csv"), StandardCharsets.UTF_8);
	}

	@Test
	void aParquetBindingGivesTheCsvsResultsOnJavaAndOnDuckDb() throws Exception {
		Path parquet = dir.resolve("tickets.parquet");
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			statement.execute("COPY (SELECT 工单号, 创建时间::TIMESTAMP AS 创建时间, 区域, 满意度::INTEGER AS 满意度 FROM"
					+ " read_csv('" + dir.resolve("data/Ticket.csv") + "', header = true, all_varchar = true)) TO '"
					+ parquet + "' (FORMAT PARQUET)");
		}
		run("csv", "--data", dir.resolve("data").toString());
		Cli.Result java = run("java", "--bind", "Ticket=" + parquet);
		Cli.Result duckdb = run("duckdb", "--bind", "Ticket=" + parquet, "--engine", "duckdb");
		assertThat(resultsCsv("java")).isEqualTo(resultsCsv("csv"));
		assertThat(resultsCsv("duckdb")).isEqualTo(resultsCsv("csv"));
		assertThat(java.out()).contains("Ticket: 7 lines, 6 records read from " + parquet + ", 6 loaded, 0 rejected");
		assertThat(duckdb.out().replace(dir.resolve("duckdb").toString(), "OUT"))
				.isEqualTo(java.out().replace(dir.resolve("java").toString(), "OUT"));
	}

	@Test
	void aWorkbookBindingNamesItsSheetAfterAHash() throws Exception {
		Path book = dir.resolve("tickets.xlsx");
		try (OutputStream out = Files.newOutputStream(book)) {
			Workbook workbook = new Workbook(out, "test", "1.0");
			workbook.newWorksheet("说明").value(0, 0, "工单导出");
			Worksheet sheet = workbook.newWorksheet("工单 2025");
			List<String> lines = CSV.lines().toList();
			for (int r = 0; r < lines.size(); r++) {
				String[] cells = lines.get(r).split(",", -1);
				for (int c = 0; c < cells.length; c++) {
					if (r > 0 && c == 1) {
						sheet.value(r, c, LocalDateTime.parse(cells[c]));
						sheet.style(r, c).format("yyyy-mm-dd hh:mm").set();
					} else if (r > 0 && c == 3 && !cells[c].isEmpty()) {
						sheet.value(r, c, new BigDecimal(cells[c]));
					} else if (!cells[c].isEmpty()) {
						sheet.value(r, c, cells[c]);
					}
				}
			}
			workbook.finish();
		}
		run("csv", "--data", dir.resolve("data").toString());
		Cli.Result excel = run("xlsx", "--bind", "Ticket=" + book + "#工单 2025");
		assertThat(resultsCsv("xlsx")).isEqualTo(resultsCsv("csv"));
		assertThat(excel.out()).contains("Ticket: 7 lines, 6 records read from " + book + "#工单 2025, 6 loaded, 0 rejected");
	}

	@Test
	void resultsXlsxHasASheetPerLayerWithLabelsPeriodsAndGroups() throws Exception {
		run("out", "--data", dir.resolve("data").toString(), "--xlsx", "--language", "zh");
		Path file = dir.resolve("out/results.xlsx");
		try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
			assertThat(workbook.getSheets().map(Sheet::getName).toList()).containsExactly("management", "execution");
			assertThat(cells(workbook.findSheet("management").orElseThrow())).isEqualTo("""
					指标 | 维度 | 分组 | 单位 | 2025-01 | 2025-02 | 2025-03（不完整）
					满意度 | 总计 |  |  | 4.5 | 2 | 1
					满意度 | 区域 | 华东 |  | 4 | 2 | 1
					满意度 | 区域 | 华南 |  | 5
					""");
			assertThat(cells(workbook.findSheet("execution").orElseThrow())).isEqualTo("""
					指标 | 维度 | 分组 | 单位 | 2025-01 | 2025-02 | 2025-03（不完整）
					工单量 | 总计 |  |  | 2 | 2 | 2
					工单量 | 区域 | 华东 |  | 1 | 1 | 2
					工单量 | 区域 | 华南 |  | 1 | 1 | 0
					""");
		}
		byte[] first = Files.readAllBytes(file);
		run("out", "--data", dir.resolve("data").toString(), "--xlsx", "--language", "zh");
		assertThat(Files.readAllBytes(file)).as("the same results give the same bytes").isEqualTo(first);
	}

	@Test
	void withoutXlsxNoWorkbookIsWrittenAndAnOldOneIsRemoved() throws Exception {
		run("out", "--data", dir.resolve("data").toString(), "--xlsx");
		assertThat(dir.resolve("out/results.xlsx")).exists();
		run("out", "--data", dir.resolve("data").toString());
		assertThat(dir.resolve("out/results.xlsx")).doesNotExist();
	}

	/** Every row of the sheet, its cells' texts joined by {@code |}; numbers as plain decimals. */
	private static String cells(Sheet sheet) throws Exception {
		StringBuilder text = new StringBuilder();
		for (Row row : sheet.read()) {
			List<String> cells = new ArrayList<>();
			for (int c = 0; c < row.getCellCount(); c++) {
				Cell cell = row.getCell(c);
				cells.add(cell == null || cell.getValue() == null ? "" : cell.getValue() instanceof BigDecimal number
						? number.stripTrailingZeros().toPlainString() : cell.getValue().toString());
			}
			text.append(cells.stream().collect(Collectors.joining(" | "))).append('\n');
		}
		return text.toString();
	}
}
