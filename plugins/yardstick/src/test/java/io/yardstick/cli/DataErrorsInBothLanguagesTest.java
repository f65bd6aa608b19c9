package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.testing.GoldenFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} on bad data files in English and in Chinese: every case's standard error (and, for a run that
 * skipped rows, its quarantine file) kept as golden text, {@code src/test/resources/data-errors/en.txt} and
 * {@code zh.txt}, one case after the other. Both languages run the same cases and give the same exits; the
 * Chinese one tells each problem in Chinese with the same positions, names and cell values.
 */
class DataErrorsInBothLanguagesTest {
	private static final Path GOLDEN = Path.of("src/test/resources/data-errors");

	private static final String TEMPLATE = """
			package bad
			template B "Bad" {
			    source Customer { key code: text  region: text }
			    source Ticket { key id: text  createdAt: timestamp time  due: date?  cost: number?  csat: score(1..5)?  customer -> Customer }
			    layer management { metric csat "满意度" : score(1..5) higher-is-better { = avg(Ticket.csat)  description "How satisfied clients are." } }
			    layer execution { metric volume "工单量" : count higher-is-better { = count(Ticket) } }
			    link volume -> csat : positive
			}
			""";
	private static final String CUSTOMERS = "code,region\nC1,华东\nC2,华北\n";
	private static final String HEADER = "id,createdAt,due,cost,csat,customer\n";
	private static final String GOOD_ROW = "T1,2025-01-05T10:00,2025-01-10,12.5,4,C1\n";

	@TempDir
	Path dir;

	/** One bad input: the files of its data folder and the arguments after the template's. */
	private record Case(String name, List<String> arguments, DataFile... files) {
	}

	/** One data file: its name and bytes. */
	private record DataFile(String name, byte[] bytes) {
		static DataFile utf8(String name, String text) {
			return new DataFile(name, text.getBytes(StandardCharsets.UTF_8));
		}
	}

	private static List<Case> cases() throws IOException {
		List<Case> cases = new ArrayList<>();
		DataFile customers = DataFile.utf8("Customer.csv", CUSTOMERS);
		for (String[] badRow : new String[][] { { "bad number", "T2,2025-01-06T10:00,,12.5x,5,C1" },
				{ "bad date", "T2,2025-01-06T10:00,2025-02-30,3,5,C1" }, { "bad score", "T2,2025-01-06T10:00,,3,6,C1" },
				{ "bad timestamp", "T2,6 Jan 2025,,3,5,C1" },
				{ "duplicate key", "T2,2025-01-06T10:00,,3,5,C1\nT1,2025-01-07T10:00,,3,5,C2" },
				{ "unknown reference", "T2,2025-01-06T10:00,,3,5,C9" }, { "too few cells", "T2,2025-01-06T10:00,,3" },
				{ "empty key", ",2025-01-06T10:00,,3,5,C1" } }) {
			cases.add(new Case(badRow[0], List.of(), customers,
					DataFile.utf8("Ticket.csv", HEADER + GOOD_ROW + badRow[1] + "\n")));
		}
		cases.add(new Case("missing column", List.of(), customers,
				DataFile.utf8("Ticket.csv", "id,createdAt,due,cost,CSAT,customer\n" + GOOD_ROW)));
		StringBuilder gbk = new StringBuilder(HEADER);
		for (int i = 1; i <= 9; i++) {
			gbk.append("客户工单").append(i).append(",2025-01-0").append(i).append("T10:00,,3,4,C1\n");
		}
		cases.add(new Case("wrong encoding", List.of(), customers,
				new DataFile("Ticket.csv", gbk.toString().getBytes(Charset.forName("GBK")))));
		StringBuilder mostlyBad = new StringBuilder(HEADER + GOOD_ROW);
		for (int i = 2; i <= 4; i++) {
			mostlyBad.append("T").append(i).append(",2025-01-0").append(i).append("T10:00,,n/a,5,C1\n");
		}
		mostlyBad.append("T5,2025-01-05T10:00,,3,5,C9\n");
		cases.add(new Case("too many bad rows", List.of("--on-bad-row", "skip"), customers,
				DataFile.utf8("Ticket.csv", mostlyBad.toString())));
		cases.add(new Case("skipped rows", List.of("--on-bad-row", "skip", "--max-bad-rows", "100%"), customers,
				DataFile.utf8("Ticket.csv", HEADER + GOOD_ROW + "T2,2025-01-06T10:00,,3,5,C9\n"
						+ "T3,2025-01-07T10:00,\"2025-01-08\n2025-01-09\",3,5,C1\n")));
		cases.add(new Case("empty file", List.of(), DataFile.utf8("Customer.csv", ""),
				DataFile.utf8("Ticket.csv", HEADER + GOOD_ROW)));
		cases.add(new Case("file not found", List.of(), customers, DataFile.utf8("tickets.csv", HEADER + GOOD_ROW)));
		cases.add(new Case("bad xlsx cell", List.of(), customers, new DataFile("Ticket.xlsx", workbook())));
		cases.add(new Case("malformed binding", List.of("--bind", "Ticket"), customers));
		cases.add(new Case("malformed bad-row limit", List.of("--max-bad-rows", "lots"), customers));
		return cases;
	}

	/** A workbook whose second ticket's csat cell E3 holds a text that is no score. */
	private static byte[] workbook() throws IOException {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (OutputStream out = bytes) {
			Workbook workbook = new Workbook(out, "test", "1.0");
			Worksheet sheet = workbook.newWorksheet("工单");
			String[] header = HEADER.strip().split(",");
			for (int c = 0; c < header.length; c++) {
				sheet.value(0, c, header[c]);
			}
			Object[][] rows = { { "T1", "2025-01-05T10:00", "2025-01-10", new BigDecimal("12.5"), new BigDecimal("4"), "C1" },
					{ "T2", "2025-01-06T10:00", "", new BigDecimal("3"), "很好", "C2" } };
			for (int r = 0; r < rows.length; r++) {
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c] instanceof BigDecimal number) {
						sheet.value(r + 1, c, number);
					} else if (!rows[r][c].toString().isEmpty()) {
						sheet.value(r + 1, c, rows[r][c].toString());
					}
				}
			}
			workbook.finish();
		}
		return bytes.toByteArray();
	}

	@Test
	void everyBadFileIsToldInEnglishAndInChineseWithTheSamePlacesAndExits() throws IOException {
		StringBuilder english = new StringBuilder();
		StringBuilder chinese = new StringBuilder();
		for (Case c : cases()) {
			Outcome en = run(c, "en");
			Outcome zh = run(c, "zh");
			assertThat(zh.exit()).as(c.name()).isEqualTo(en.exit());
			assertThat(places(zh.text())).as(c.name()).isEqualTo(places(en.text()));
			english.append(en.text());
			chinese.append(zh.text());
		}
		assertThat(chinese.toString()).doesNotContain(" error ", " rows rejected", "not a ", "cannot ");
		GoldenFiles.assertMatches(GOLDEN.resolve("en.txt"), english.toString());
		GoldenFiles.assertMatches(GOLDEN.resolve("zh.txt"), chinese.toString());
	}

	private record Outcome(int exit, String text) {
	}

	private Outcome run(Case c, String language) throws IOException {
		Path folder = dir.resolve(language).resolve(c.name().replace(' ', '-'));
		Path template = Files.createDirectories(folder.resolve("template"));
		Files.writeString(template.resolve("bad.kpi"), TEMPLATE, StandardCharsets.UTF_8);
		Path data = Files.createDirectories(folder.resolve("data"));
		for (DataFile file : c.files()) {
			Files.write(data.resolve(file.name()), file.bytes());
		}
		List<String> args = new ArrayList<>(List.of("run", template.toString(), "--data", data.toString(), "--out",
				folder.resolve("out").toString(), "--language", language));
		args.addAll(c.arguments());
		Cli.Result result = Cli.run(args.toArray(String[]::new));
		StringBuilder text = new StringBuilder("## ").append(c.name()).append(" (exit ").append(result.exit())
				.append(")\n").append(result.err());
		Path quarantine = folder.resolve("out/quarantine/Ticket.rejected.csv");
		if (result.exit() == 0 && Files.exists(quarantine)) {
			text.append("quarantine/Ticket.rejected.csv:\n")
					.append(Files.readString(quarantine, StandardCharsets.UTF_8));
		} else if (result.exit() == 0) {
			text.append(result.out());
		}
		return new Outcome(result.exit(),
				text.toString().replace(folder.toString() + "/", "").replace(folder.toString(), ".") + "\n");
	}

	/** The positions the text names ({@code data/Ticket.csv:3:21}), in order: the same in either language. */
	private static List<String> places(String text) {
		return Stream.of(text.split("\n")).map(line -> line.replaceAll("^((?:data|template)/[^:]*:\\d+:\\d+): .*", "$1"))
				.filter(line -> line.matches("(?:data|template)/[^:]*:\\d+:\\d+")).toList();
	}
}
