package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} as issue 19 found it: a failed run left the previous results in --out, unmarked; a stray quote
 * merged rows silently. Now a failed run leaves no results, and quoted cells over lines are warned about.
 */
class RunOutputsTest {
	private static final String TICKETS = CalculatorCommandsTest.TICKETS;

	@TempDir
	Path dir;

	private Cli.Result run(String... extra) throws Exception {
		Path template = dir.resolve("template");
		Files.createDirectories(template);
		Files.writeString(template.resolve("demo.kpi"), Cli.DEMO, StandardCharsets.UTF_8);
		String[] args = { "run", template.toString(), "--data", dir.resolve("data").toString(), "--out",
				dir.resolve("out").toString() };
		return Cli.run(Cli.with(args, extra));
	}

	private void tickets(String csv) throws Exception {
		Files.createDirectories(dir.resolve("data"));
		Files.writeString(dir.resolve("data/Ticket.csv"), csv, StandardCharsets.UTF_8);
	}

	@Test
	void aFailedRunLeavesNoEarlierResultsInOut() throws Exception {
		tickets(TICKETS.replace("t3,2025-02-01T00:30:00,2", "t3,2025-02-01T00:30:00,x"));
		// one row of three: more than the default limit of 5%, so the limit is raised to one row
		Cli.Result skipped = run("--on-bad-row", "skip", "--max-bad-rows", "1");
		assertThat(skipped.exit()).as(skipped.err()).isZero();
		assertThat(dir.resolve("out/results.json")).exists();
		assertThat(dir.resolve("out/quarantine/Ticket.rejected.csv")).exists();
		assertThat(skipped.out()).contains("(written to " + dir.resolve("out/quarantine/Ticket.rejected.csv") + ")")
				.contains("wrote " + dir.resolve("out/results.json"));
		Files.writeString(dir.resolve("out/mine.txt"), "kept");

		Cli.Result failed = run();
		assertThat(failed.exit()).isEqualTo(Main.EXIT_FINDINGS);
		assertThat(failed.err()).contains("not run: the data has errors").contains("removed the previous run's"
				+ " results.json, results.csv, alerts.json, report.json, report.html, quarantine/ from "
				+ dir.resolve("out") + ", so that no stale results remain");
		try (var entries = Files.list(dir.resolve("out"))) {
			assertThat(entries.map(path -> path.getFileName().toString())).containsExactly("mine.txt");
		}
	}

	@Test
	void quotedCellsOverLinesAreWarnedAboutAndCountedInTheResults() throws Exception {
		// a stray quote before t2's csat and one after t3's: legal CSV that swallows t3 into t2's csat
		tickets(TICKETS.replace("2025-01-20T10:00:00,", "2025-01-20T10:00:00,\"").replace(",2\n", ",2\"\n"));
		Cli.Result failed = run();
		assertThat(failed.exit()).isEqualTo(Main.EXIT_FINDINGS);
		assertThat(failed.err()).contains(dir.resolve("data/Ticket.csv") + ":3:24: error bad-data: Ticket.csat: a"
				+ " quoted cell spans lines 3-4 (2 lines), but a score field cannot hold a line break");

		tickets("id,createdAt,csat,comment\nt1,2025-01-05T10:00:00,4,\"first\nsecond\"\nt2,2025-01-20T10:00:00,,\n");
		Cli.Result warned = run();
		assertThat(warned.exit()).as(warned.err()).isZero();
		assertThat(warned.out()).contains("Ticket: 4 lines, 2 records read from " + dir.resolve("data/Ticket.csv")
				+ ", 2 loaded, 0 rejected; ignored columns: comment\n  " + dir.resolve("data/Ticket.csv")
				+ ":2:26: warning multi-line-cell: Ticket (column \"comment\"): a quoted cell spans lines 2-3 (2 lines)");
		String json = Files.readString(dir.resolve("out/results.json"), StandardCharsets.UTF_8);
		assertThat(json.replaceAll("\n +", "\n")).contains("""
				    "data": [
				      {
				        "source": "Ticket",
				        "lines": 4,
				        "blankLines": 0,
				        "continuationLines": 1,
				        "records": 2,
				        "loaded": 2,
				        "rejected": 0,
				        "multiLineCellCount": 1,
				        "multiLineCells": [
				          {
				            "line": 2,
				            "column": 26,
				            "endLine": 3,
				            "lines": 2,
				            "columnName": "comment",
				            "field": null
				          }
				        ]
				      }
				    ]""".replaceAll("\n +", "\n"));
	}
}
