package io.yardstick.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SampleDataCommandTest {
	@TempDir
	Path dir;

	record Result(int exit, String out, String err) {
	}

	static Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = new CommandLine(new SampleDataCommand());
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int exit = commandLine.execute(args);
		return new Result(exit, out.toString(), err.toString());
	}

	@Test
	void writesTheThreeFilesWithTheDefaultSettings() throws IOException {
		Path out = dir.resolve("new/data");

		Result result = run("--out", out.toString());

		assertThat(result.exit()).isEqualTo(0);
		assertThat(result.err()).isEmpty();
		assertThat(result.out()).matches(out.resolve("Customer.csv") + ": 1200 customers \\(\\d+ churned\\)\n"
				+ out.resolve("Ticket.csv").toString().replace("\\", "\\\\") + ": 9000 tickets\n"
				+ out.resolve("Sale.csv").toString().replace("\\", "\\\\") + ": 3000 orders\n");
		Path expected = dir.resolve("expected");
		new SampleDataGenerator(SampleDataSettings.DEFAULTS).write(expected);
		for (String file : new String[] { "Customer.csv", "Ticket.csv", "Sale.csv" }) {
			assertThat(Files.readAllBytes(out.resolve(file))).isEqualTo(Files.readAllBytes(expected.resolve(file)));
		}
	}

	@Test
	void optionsChooseSizeSeedAndMonths() throws IOException {
		Result result = run("--tickets", "1500", "--seed", "9", "--from", "2024-03-01", "--months", "3", "-o",
				dir.toString());

		assertThat(result.exit()).isEqualTo(0);
		assertThat(result.out()).contains(": 200 customers (").contains(": 1500 tickets\n").contains(": 500 orders\n");
		SampleFacts facts = new SampleFacts(dir, java.time.LocalDate.of(2024, 3, 1), 3);
		assertThat(facts.tickets).hasSize(1500).allSatisfy(t -> assertThat(t.createdAt().toLocalDate())
				.isBetween(java.time.LocalDate.of(2024, 3, 1), java.time.LocalDate.of(2024, 5, 31)));
		Path same = dir.resolve("same");
		new SampleDataGenerator(new SampleDataSettings(1500, 9, java.time.LocalDate.of(2024, 3, 1), 3)).write(same);
		assertThat(Files.readAllBytes(dir.resolve("Ticket.csv"))).isEqualTo(Files.readAllBytes(same.resolve("Ticket.csv")));
	}

	@Test
	void badValuesAreUsageErrors() throws IOException {
		Path file = Files.writeString(dir.resolve("file.txt"), "x");

		assertUsageError(run("--tickets", "0", "--out", dir.toString()), "tickets must be between 1 and 100000000, not 0");
		assertUsageError(run("--months", "0", "--out", dir.toString()), "months must be between 1 and 1200, not 0");
		assertUsageError(run("--from", "2025-01-15", "--out", dir.toString()),
				"the start date must be the first day of a month, not 2025-01-15");
		assertUsageError(run("--from", "January", "--out", dir.toString()), "--from");
		assertUsageError(run("--tickets", "many", "--out", dir.toString()), "--tickets");
		assertUsageError(run(), "--out");
		assertUsageError(run("--out", file.toString()), "not a folder: " + file);
		assertUsageError(run("--out", file.resolve("below").toString()), "cannot write to " + file.resolve("below"));
	}

	private static void assertUsageError(Result result, String message) {
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).contains(message);
	}

	@Test
	void helpListsTheOptions() {
		Result result = run("--help");

		assertThat(result.exit()).isEqualTo(0);
		assertThat(result.out()).startsWith("Usage: sample-data ").contains("--tickets=N").contains("--seed=S")
				.contains("--from=DATE").contains("--months=N").contains("-o, --out=DIR").contains("default: 9000")
				.contains("Exit codes:");
	}

	private static Path afterSalesTemplate() {
		return Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
				.resolve("../../example-templates/after-sales-standard").normalize();
	}

	@Test
	void theAfterSalesTemplateGetsItsSimulationAndGenericDrawsItFromItsFields() throws IOException {
		Path simulated = dir.resolve("simulated");
		Path drawn = dir.resolve("drawn");

		Result simulation = run(afterSalesTemplate().toString(), "--rows", "300", "--out", simulated.toString());
		Result generic = run(afterSalesTemplate().toString(), "--rows", "300", "--generic", "--out", drawn.toString());

		assertThat(simulation.exit()).isEqualTo(0);
		assertThat(simulation.out()).contains(": 300 tickets\n");
		Path expected = dir.resolve("expected");
		new SampleDataGenerator(new SampleDataSettings(300, SampleDataSettings.DEFAULT_SEED,
				SampleDataSettings.DEFAULT_FROM, SampleDataSettings.DEFAULT_MONTHS)).write(expected);
		assertThat(Files.readAllBytes(simulated.resolve("Ticket.csv")))
				.isEqualTo(Files.readAllBytes(expected.resolve("Ticket.csv")));
		assertThat(generic.exit()).isEqualTo(0);
		assertThat(generic.err()).isEmpty();
		assertThat(generic.out()).isEqualTo(drawn.resolve("Customer.csv") + ": 60 rows\n" + drawn.resolve("Ticket.csv")
				+ ": 300 rows\n" + drawn.resolve("Sale.csv") + ": 300 rows\n");
		assertThat(Files.readAllLines(drawn.resolve("Ticket.csv"))).hasSize(301).first().isEqualTo(
				String.join(",", SampleDataGenerator.TICKET_COLUMNS));
	}

	@Test
	void aTemplateWithErrorsIsNotSampledAndItsFindingsArePrinted() throws IOException {
		Path template = Files.writeString(dir.resolve("broken.kpi"), """
				package broken
				template Broken {
					source Ticket { key id: text  at: timestamp time }
					layer management { metric n "N": count higher-is-better { = count(Tiket) } }
				}
				""");

		Result result = run(template.toString(), "--out", dir.resolve("data").toString());

		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith(template + ":4:").contains(": error ").contains("Tiket");
		assertThat(dir.resolve("data")).doesNotExist();
	}

	@Test
	void aMissingTemplateOrAKeyThatCannotBeDrawnIsAUsageError() throws IOException {
		assertUsageError(run(dir.resolve("nothing.kpi").toString(), "--out", dir.toString()),
				"no such file or folder: " + dir.resolve("nothing.kpi"));
		assertUsageError(run(afterSalesTemplate().toString(), "--rows", "0", "--generic", "--out", dir.toString()),
				"rows must be between 1 and 100000000, not 0");
		Path flags = Files.writeString(dir.resolve("flags.kpi"), TemplateSampleDataTest.BOOL_KEY);
		assertUsageError(run(flags.toString(), "--out", dir.resolve("data").toString()),
				"Flag.on: a key of kind bool cannot be given a unique value per row");
		assertUsageError(run(flags.toString(), "--language", "zh", "--out", dir.resolve("data").toString()),
				"Flag.on：bool 类型的键无法为每行给出唯一值");
		assertUsageError(run("--months", "0", "--language", "zh", "--out", dir.toString()),
				"--months 取 1 到 1200，而不是 0");
	}
}
