package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.generator.CalculatorCompiler;
import io.yardstick.runtime.calc.Calculator;
import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.load.Bindings;
import io.yardstick.runtime.load.DataLoader;
import io.yardstick.runtime.load.LoadOptions;
import io.yardstick.runtime.results.ResultsJson;
import io.yardstick.runtime.time.Grain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate}, {@code run} and {@code demo}, driven as a user types them. */
class CalculatorCommandsTest {
	static final String TICKETS = """
			id,createdAt,csat
			t1,2025-01-05T10:00:00,4
			t2,2025-01-20T10:00:00,
			t3,2025-02-01T00:30:00,2
			""";

	@TempDir
	Path dir;

	private Path demoTemplate() throws Exception {
		Path template = dir.resolve("template");
		Files.createDirectories(template);
		Files.writeString(template.resolve("demo.kpi"), Cli.DEMO, StandardCharsets.UTF_8);
		Path data = dir.resolve("data");
		Files.createDirectories(data);
		Files.writeString(data.resolve("Ticket.csv"), TICKETS, StandardCharsets.UTF_8);
		return template;
	}

	@Test
	void runWritesResultsAndPrintsATablePerLayer() throws Exception {
		Path template = demoTemplate();
		Cli.Result result = Cli.run("run", template.toString(), "--data", dir.resolve("data").toString(), "--out",
				dir.resolve("out").toString());
		assertThat(result.exit()).as(result.err()).isZero();
		// the tickets end on 2025-02-01: February is partial, January the last complete month
		assertThat(result.out()).contains("period 2025-01, the last complete of 2 monthly periods")
				.contains("| 满意度") .contains("wrote " + dir.resolve("out/results.json"));
		String csv = Files.readString(dir.resolve("out/results.csv"), StandardCharsets.UTF_8);
		assertThat(csv).contains("csat,management,total,,2025-01,4,4,tracked")
				.contains("volume,execution,total,,2025-01,2,2,tracked")
				.contains("volume,execution,total,,2025-02,1,1,tracked");
	}

	@Test
	void aTemplateWithoutMetricsRunsToEmptyResultsWithANote() throws Exception {
		Path template = dir.resolve("empty");
		Files.createDirectories(template);
		Files.writeString(template.resolve("empty.kpi"), "package early\ntemplate Draft \"Draft\" {\n\tsource Ticket {"
				+ " key id: text  createdAt: timestamp time  csat: score(1..5)? }\n}\n", StandardCharsets.UTF_8);
		demoTemplate();
		Cli.Result result = Cli.run("run", template.toString(), "--data", dir.resolve("data").toString(), "--out",
				dir.resolve("out").toString());
		assertThat(result.exit()).as(result.err()).isZero();
		assertThat(result.out()).contains("no metrics: the template declares none yet, so there is nothing to compute")
				.contains("wrote " + dir.resolve("out/results.json"));
	}

	@Test
	void generateMapsKeywordPackagesAndLongNamesToValidJava() throws Exception {
		Path template = dir.resolve("names");
		Files.createDirectories(template);
		String name = "Template" + "X".repeat(200);
		Files.writeString(template.resolve("names.kpi"), "package class.public\ntemplate " + name + " {\n\tsource"
				+ " Ticket { key id: text  createdAt: timestamp time }\n\tlayer execution {\n\t\tmetric yield : count"
				+ " { = count(Ticket) }\n\t}\n}\n", StandardCharsets.UTF_8);
		Cli.Result result = Cli.run("generate", template.toString(), "--out", dir.resolve("src").toString());
		assertThat(result.exit()).as(result.err()).isZero();
		try (var files = Files.walk(dir.resolve("src/class_/public_"))) {
			Path source = files.filter(file -> file.toString().endsWith(".java")).findFirst().orElseThrow();
			assertThat(source.getFileName().toString()).hasSizeLessThanOrEqualTo(64 + ".java".length());
			String className = "class_.public_." + source.getFileName().toString().replace(".java", "");
			assertThat(CalculatorCompiler.compile(className, Files.readString(source, StandardCharsets.UTF_8))).isNotNull();
		}
	}

	@Test
	void onATerminalLoadingDrawsAProgressBarAndErasesIt() throws Exception {
		Path template = demoTemplate();
		String[] args = { "run", template.toString(), "--data", dir.resolve("data").toString(), "--out",
				dir.resolve("out").toString() };
		Cli.Result watched = Cli.run(true, args);
		assertThat(watched.exit()).as(watched.err()).isZero();
		assertThat(watched.err()).contains("\rloading Ticket [" + "#".repeat(30) + "] 100%").endsWith("\r");
		Cli.Result quiet = Cli.run(true, args[0], args[1], args[2], args[3], args[4], args[5], "--quiet");
		assertThat(quiet.err()).doesNotContain("loading");
		assertThat(Cli.run(false, args).err()).doesNotContain("loading");
	}

	@Test
	void generatedSourceCompiledOnItsOwnGivesTheSameResultsAsRun() throws Exception {
		Path template = demoTemplate();
		Cli.Result generated = Cli.run("generate", template.toString(), "--out", dir.resolve("src").toString(),
				"--package", "client.calcs");
		assertThat(generated.exit()).as(generated.err()).isZero();
		Path source = dir.resolve("src/client/calcs/TCalculator.java");
		assertThat(source).exists();
		Calculator calculator = (Calculator) CalculatorCompiler
				.compile("client.calcs.TCalculator", Files.readString(source, StandardCharsets.UTF_8))
				.getDeclaredConstructor().newInstance();
		var data = DataLoader.load(calculator.template(),
				Bindings.byConvention(dir.resolve("data"), calculator.template()), LoadOptions.defaults()).dataset();
		String own = ResultsJson.toJson(calculator.run(data, new RunOptions(Grain.MONTH, List.<Grouping>of(), null, null)));

		Cli.Result run = Cli.run("run", template.toString(), "--data", dir.resolve("data").toString(), "--out",
				dir.resolve("out").toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(Files.readString(dir.resolve("out/results.json"), StandardCharsets.UTF_8)).isEqualTo(own);
	}

	@Test
	void aTemplateWithErrorsIsRefusedWithItsFindings() throws Exception {
		Path template = demoTemplate();
		Files.writeString(template.resolve("demo.kpi"), Cli.DEMO.replace("avg(Ticket.csat)", "avg(Ticket.nosuch)"));
		Cli.Result generate = Cli.run("generate", template.toString(), "--out", dir.resolve("src").toString());
		assertThat(generate.exit()).isEqualTo(Main.EXIT_FINDINGS);
		assertThat(generate.err()).contains("demo.kpi:4:").contains("error unresolved-reference")
				.contains("not generated: 1 error(s)");
		assertThat(dir.resolve("src")).doesNotExist();
		Cli.Result run = Cli.run("run", template.toString(), "--data", dir.resolve("data").toString(), "--out",
				dir.resolve("out").toString());
		assertThat(run.exit()).isEqualTo(Main.EXIT_FINDINGS);
		assertThat(run.err()).contains("not run: the template has 1 error(s)");
	}

	@Test
	void badDataStopsTheRunWithFileLineColumnAndField() throws Exception {
		Path template = demoTemplate();
		Files.writeString(dir.resolve("data/Ticket.csv"), TICKETS.replace("t3,2025-02-01T00:30:00,2",
				"t3,2025-02-01T00:30:00,7"));
		Cli.Result run = Cli.run("run", template.toString(), "--data", dir.resolve("data").toString(), "--out",
				dir.resolve("out").toString());
		assertThat(run.exit()).isEqualTo(Main.EXIT_FINDINGS);
		assertThat(run.err()).contains(dir.resolve("data/Ticket.csv") + ":4:").contains("bad-data: Ticket.csat")
				.contains("not run: the data has errors (--on-bad-row skip sets bad rows aside and goes on)");

		Cli.Result skipped = Cli.run("run", template.toString(), "--data", dir.resolve("data").toString(),
				"--on-bad-row", "skip", "--max-bad-rows", "1", "--out", dir.resolve("out").toString());
		assertThat(skipped.exit()).as(skipped.err()).isZero();
		assertThat(skipped.out()).contains("1 bad row(s) set aside in " + dir.resolve("out/quarantine"));
		assertThat(dir.resolve("out/quarantine/Ticket.rejected.csv")).exists();
	}

	@Test
	void usageProblemsExitWithTwo() throws Exception {
		Path template = demoTemplate();
		String data = dir.resolve("data").toString();
		String out = dir.resolve("out").toString();
		assertThat(Cli.run("run", template.toString(), "--data", data, "--grain", "fortnight", "--out", out).exit())
				.isEqualTo(Main.EXIT_USAGE);
		Cli.Result unknownBreakdown = Cli.run("run", template.toString(), "--data", data, "--by", "planet", "--out", out);
		assertThat(unknownBreakdown.exit()).isEqualTo(Main.EXIT_USAGE);
		assertThat(unknownBreakdown.err()).contains("unknown breakdown \"planet\"");
		assertThat(Cli.run("run", template.toString(), "--out", out).exit()).isEqualTo(Main.EXIT_USAGE);
		assertThat(Cli.run("run", dir.resolve("nowhere").toString(), "--data", data, "--out", out).exit())
				.isEqualTo(Main.EXIT_USAGE);
	}

	@Test
	void demoRunsTheAfterSalesTemplateOnItsSampleData() {
		Path home = Cli.exampleTemplates().getParent().getParent();
		Cli.Result demo = Cli.run("demo", "--home", home.toString(), "--out", dir.resolve("demo").toString());
		assertThat(demo.exit()).as(demo.err()).isZero();
		assertThat(demo.out()).contains("Standard after-sales service").contains("Net promoter score")
				.contains("Strategic").contains("Management").contains("Execution");
		assertThat(dir.resolve("demo/results.json")).exists();
	}
}
