package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} on data as clients hand it over: a data block, messages that help, the bad-row limit. */
class ClientDataCommandsTest {
	/** The demo template, its tickets read from a GBK export with Chinese headers and slash dates. */
	private static final String CLIENT = Cli.DEMO.replace("    link volume", """
			    data Ticket {
			        encoding "GBK"
			        timestamp "yyyy/M/d H:mm"
			        id = "工单号"
			        createdAt = "创建时间"
			        csat = "满意度"
			    }
			    link volume""");

	@TempDir
	Path dir;

	/** The demo template's one warning, printed before any data is read. */
	private String warning() {
		return dir.resolve("template/demo.kpi") + ":4:31: warning strategic-undocumented: strategic metric `csat` has no"
				+ " description: it is what a client reads first\n";
	}

	private Path template(String text) throws Exception {
		Path folder = Files.createDirectories(dir.resolve("template"));
		Files.writeString(folder.resolve("demo.kpi"), text, StandardCharsets.UTF_8);
		return folder;
	}

	private Cli.Result run(Path template, String... extra) {
		String[] args = { "run", template.toString(), "--data", dir.resolve("data").toString(), "--out",
				dir.resolve("out").toString() };
		return Cli.run(Cli.with(args, extra));
	}

	private void data(String name, String text, Charset charset) throws Exception {
		Files.createDirectories(dir.resolve("data"));
		Files.write(dir.resolve("data").resolve(name), text.getBytes(charset));
	}

	@Test
	void aGbkExportWithChineseHeadersRunsThroughItsDataBlock() throws Exception {
		data("Ticket.csv", "工单号,创建时间,满意度\r\nT1,2025/1/5 10:00,4\r\nT2,2025/1/20 10:00,\r\nT3,2025/2/1 0:30,2\r\n",
				Charset.forName("GBK"));
		Cli.Result result = run(template(CLIENT));
		assertThat(result.exit()).as(result.err()).isZero();
		assertThat(Files.readString(dir.resolve("out/results.csv"), StandardCharsets.UTF_8))
				.contains("csat,management,total,,2025-01,4,4,tracked").contains("volume,execution,total,,2025-02,1,1,tracked");
	}

	@Test
	void aFileNotFoundListsTheFolderAndSuggestsTheBindingWithoutTheSkipHint() throws Exception {
		data("tickets.csv", "id,createdAt,csat\n", StandardCharsets.UTF_8);
		Cli.Result result = run(template(Cli.DEMO));
		Path missing = dir.resolve("data/Ticket.csv");
		assertThat(result.exit()).isEqualTo(Main.EXIT_FINDINGS);
		assertThat(result.err()).isEqualTo(warning() + missing + ": error bad-data: Ticket: data file not found: " + missing + "; "
				+ dir.resolve("data") + " holds tickets.csv; bind the source to its file: --bind Ticket="
				+ dir.resolve("data/tickets.csv") + "\nnot run: the data has errors\n");
	}

	@Test
	void aGbkFileReadAsUtf8SaysWhatToDeclareEvenWhenSkipping() throws Exception {
		StringBuilder csv = new StringBuilder("id,createdAt,csat\n");
		for (int i = 1; i <= 9; i++) {
			csv.append("客户工单").append(i).append(",2025-01-0").append(i).append("T10:00,4\n");
		}
		data("Ticket.csv", csv.toString(), Charset.forName("GBK"));
		Cli.Result result = run(template(Cli.DEMO), "--on-bad-row", "skip");
		assertThat(result.exit()).isEqualTo(Main.EXIT_FINDINGS);
		assertThat(result.err()).isEqualTo(warning() + dir.resolve("data/Ticket.csv") + ":2:1: error bad-data: Ticket: malformed"
				+ " UTF-8: byte 0xbf; the file looks like GBK or GB18030: declare it in the template, data Ticket {"
				+ " encoding \"GB18030\" } (docs/data.md#reading-a-file-as-it-is)\nnot run: the data has errors\n");
	}

	/** Twenty tickets, the first {@code bad} with a score out of range. */
	private void tickets(int bad) throws Exception {
		StringBuilder csv = new StringBuilder("id,createdAt,csat\n");
		for (int i = 1; i <= 20; i++) {
			csv.append('T').append(i).append(",2025-01-").append(10 + i).append("T10:00,").append(i <= bad ? 9 : 4)
					.append('\n');
		}
		data("Ticket.csv", csv.toString(), StandardCharsets.UTF_8);
	}

	@Test
	void belowAndAtTheBadRowLimitTheRunGoesOn() throws Exception {
		tickets(2);
		Path template = template(Cli.DEMO);
		Cli.Result below = run(template, "--on-bad-row", "skip", "--max-bad-rows", "3");
		assertThat(below.exit()).as(below.err()).isZero();
		Cli.Result at = run(template, "--on-bad-row", "skip", "--max-bad-rows", "10%");
		assertThat(at.exit()).as(at.err()).isZero();
		assertThat(at.out()).contains("2 bad row(s) set aside in " + dir.resolve("out/quarantine"));
	}

	@Test
	void aboveTheBadRowLimitTheRunStopsWithTheReasonsCounted() throws Exception {
		tickets(2);
		Cli.Result above = run(template(Cli.DEMO), "--on-bad-row", "skip", "--max-bad-rows", "1");
		assertThat(above.exit()).isEqualTo(Main.EXIT_FINDINGS);
		assertThat(above.err()).isEqualTo(warning() + dir.resolve("data/Ticket.csv") + ": error bad-data: Ticket: 2 of 20"
				+ " rows rejected (10.0%), more than the limit of 1 row (--max-bad-rows); by reason:\n"
				+ "  2 × Ticket.csat: \"…\" is outside score(1..5)\n"
				+ "not run: the data has errors\n");
		assertThat(run(template(Cli.DEMO), "--on-bad-row", "skip").exit()).as("over the default of 5%")
				.isEqualTo(Main.EXIT_FINDINGS);
	}

	@Test
	void aMalformedLimitIsAUsageError() throws Exception {
		tickets(0);
		Cli.Result result = run(template(Cli.DEMO), "--max-bad-rows", "ten");
		assertThat(result.exit()).isEqualTo(Main.EXIT_USAGE);
		assertThat(result.err()).contains("--max-bad-rows: \"ten\" is not a bad-row limit: write a number of rows"
				+ " (such as 100) or a percentage of the rows read from 0% to 100% (such as 2.5%)");
	}
}
