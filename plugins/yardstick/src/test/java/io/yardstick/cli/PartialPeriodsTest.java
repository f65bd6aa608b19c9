package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data that stops inside a period: the period is marked partial everywhere, and the last complete period heads
 * the tables, statuses and alerts, unless {@code --partial-headline} asks for the latest.
 */
class PartialPeriodsTest {
	/** January and February whole, then March up to Friday the 14th: mid-month and mid-week. */
	private static final String TICKETS = """
			id,createdAt,csat
			t1,2025-01-05T10:00:00,4
			t2,2025-01-20T10:00:00,5
			t3,2025-02-01T00:30:00,2
			t4,2025-02-28T23:00:00,3
			t5,2025-03-03T09:00:00,1
			t6,2025-03-14T18:00:00,1
			""";

	@TempDir
	Path dir;

	@BeforeEach
	void files() throws Exception {
		Files.createDirectories(dir.resolve("template"));
		Files.writeString(dir.resolve("template/demo.kpi"), Cli.DEMO, StandardCharsets.UTF_8);
		Files.createDirectories(dir.resolve("data"));
		Files.writeString(dir.resolve("data/Ticket.csv"), TICKETS, StandardCharsets.UTF_8);
	}

	private Cli.Result run(String... extra) {
		String[] args = { "run", dir.resolve("template").toString(), "--data", dir.resolve("data").toString(), "--out",
				dir.resolve("out").toString() };
		return Cli.run(Cli.with(args, extra));
	}

	@Test
	void aMonthTheDataStopsInIsPartialAndTheLastCompleteMonthHeadsTheTables() throws Exception {
		Cli.Result result = run();
		assertThat(result.exit()).as(result.err()).isZero();
		assertThat(result.out()).startsWith("""
				Demo (demo.T): period 2025-02, the last complete of 3 monthly periods; 1 grouping computed (total).
				partial: 2025-03 (the data ends on 2025-03-14); values, statuses and alerts are of the last complete period (--partial-headline shows the latest)

				management (level 2)
				+--------+-------+--------+---------+
				| metric | value | target | status  |
				+--------+-------+--------+---------+
				| 满意度 |   2.5 | —      | tracked |
				+--------+-------+--------+---------+

				execution (level 1)
				+--------+-------+--------+---------+
				| metric | value | target | status  |
				+--------+-------+--------+---------+
				| 工单量 |     2 | —      | tracked |
				+--------+-------+--------+---------+
				""");
		assertThat(Files.readString(dir.resolve("out/results.csv"), StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + """
				metric,layer,grouping,group,period,value,display,status,partial
				csat,management,total,,2025-01,4.5,4.5,tracked,false
				csat,management,total,,2025-02,2.5,2.5,tracked,false
				csat,management,total,,2025-03,1,1,tracked,true
				volume,execution,total,,2025-01,2,2,tracked,false
				volume,execution,total,,2025-02,2,2,tracked,false
				volume,execution,total,,2025-03,2,2,tracked,true
				""");
		JsonNode periods = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile()).get("periods");
		assertThat(periods.toString()).isEqualTo("[{\"label\":\"2025-01\",\"start\":\"2025-01-01T00:00:00Z\","
				+ "\"end\":\"2025-02-01T00:00:00Z\",\"partial\":false,\"headline\":false},{\"label\":\"2025-02\","
				+ "\"start\":\"2025-02-01T00:00:00Z\",\"end\":\"2025-03-01T00:00:00Z\",\"partial\":false,"
				+ "\"headline\":true},{\"label\":\"2025-03\",\"start\":\"2025-03-01T00:00:00Z\","
				+ "\"end\":\"2025-04-01T00:00:00Z\",\"partial\":true,\"headline\":false}]");
	}

	@Test
	void aWeekTheDataStopsInIsPartialToo() {
		Cli.Result result = run("--grain", "week");
		assertThat(result.exit()).as(result.err()).isZero();
		assertThat(result.out()).startsWith("Demo (demo.T): period 2025-W10, the last complete of 11 weekly periods;"
				+ " 1 grouping computed (total).\npartial: 2025-W11 (the data ends on 2025-03-14); values, statuses"
				+ " and alerts are of the last complete period (--partial-headline shows the latest)\n");
	}

	@Test
	void partialHeadlineShowsTheLatestPeriodMarkedPartial() {
		Cli.Result result = run("--partial-headline");
		assertThat(result.exit()).as(result.err()).isZero();
		assertThat(result.out()).startsWith("Demo (demo.T): period 2025-03 (partial), the latest of 3 monthly periods;"
				+ " 1 grouping computed (total).\npartial: 2025-03 (the data ends on 2025-03-14); its values are shown"
				+ " as they stand\n").contains("| 满意度 |     1 |");
	}

	@Test
	void dataToTheLastDayOfAMonthLeavesItComplete() throws Exception {
		Files.writeString(dir.resolve("data/Ticket.csv"), TICKETS.replace("2025-03-14T18:00:00", "2025-03-31T00:00:01"),
				StandardCharsets.UTF_8);
		Cli.Result result = run();
		assertThat(result.out()).startsWith("Demo (demo.T): period 2025-03, the latest of 3 monthly periods; 1 grouping"
				+ " computed (total).\n\n");
	}
}
