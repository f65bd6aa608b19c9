package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template file as the argument means that file and what it imports, not every .kpi below its folder: an
 * old version kept in {@code v1/} beside it is left alone. A folder keeps its meaning: all its files.
 */
class TemplateFileArgumentTest {
	/** A client template in its own package, extending the demo template it imports from a library beside it. */
	private static final String CLIENT = """
			package client
			import demo.T
			template Client "Client" extends T {
			    layer execution { metric reopened "重开量" : count higher-is-better { = count(Ticket where csat <= 2) } }
			    link reopened -> csat : positive
			}
			""";

	@TempDir
	Path dir;
	Path file;

	@BeforeEach
	void folders() throws Exception {
		Path templates = Files.createDirectories(dir.resolve("templates/crm"));
		file = templates.resolve("crm.kpi");
		Files.writeString(file, Cli.DEMO, StandardCharsets.UTF_8);
		Path old = Files.createDirectories(templates.resolve("v1"));
		Files.writeString(old.resolve("crm.kpi"), Cli.DEMO.replace("link volume -> csat : positive",
				"link volume -> csat : negative"), StandardCharsets.UTF_8);
		Files.createDirectories(dir.resolve("data"));
		Files.writeString(dir.resolve("data/Ticket.csv"), CalculatorCommandsTest.TICKETS, StandardCharsets.UTF_8);
	}

	private Cli.Result run(String template) {
		return Cli.run("run", template, "--data", dir.resolve("data").toString(), "--out", dir.resolve("out").toString());
	}

	@Test
	void runOfTheFileLeavesTheOldVersionAlone() {
		Cli.Result result = run(file.toString());
		assertThat(result.exit()).as(result.err()).isZero();
		assertThat(result.out()).contains("Demo (demo.T): period 2025-01, the last complete");
	}

	@Test
	void runOfTheFolderStillReadsEveryFileBelowIt() {
		Cli.Result result = run(file.getParent().toString());
		assertThat(result.exit()).isEqualTo(Main.EXIT_FINDINGS);
		assertThat(result.err()).contains("error duplicate-name").contains("v1");
	}

	@Test
	void validateGenerateAndDiffOfTheFileToo() {
		Cli.Result validate = Cli.run("validate", file.toString());
		assertThat(validate.exit()).as(validate.out()).isZero();
		assertThat(validate.out()).isEqualTo(file + ":4:31: warning strategic-undocumented: strategic metric `csat`"
				+ " has no description: it is what a client reads first\n1 file: 0 errors, 1 warning, 0 infos\n");
		Cli.Result generate = Cli.run("generate", file.toString(), "--out", dir.resolve("src").toString());
		assertThat(generate.exit()).as(generate.err()).isZero();
		Cli.Result diff = Cli.run("diff", file.toString(), "--against", dir.resolve("templates/crm/v1/crm.kpi").toString());
		assertThat(diff.exit()).as(diff.err()).isZero();
		assertThat(diff.out()).startsWith("demo.T against demo.T: 0 added, 0 removed, 1 changed");
	}

	@Test
	void aClientFileBringsTheLibraryTemplateItImportsAndNothingElse() throws Exception {
		Path client = Files.createDirectories(dir.resolve("templates/client")).resolve("client.kpi");
		Files.writeString(client, CLIENT, StandardCharsets.UTF_8);
		Files.writeString(client.resolveSibling("notes.kpi"), "package client\n// an unfinished idea\ntemplate {\n",
				StandardCharsets.UTF_8);
		Cli.Result validate = Cli.run("validate", client.toString());
		assertThat(validate.out()).as(validate.out()).endsWith("1 file: 0 errors, 0 warnings, 0 infos\n");
		assertThat(validate.exit()).isZero();
		Cli.Result result = run(client.toString());
		assertThat(result.exit()).as(result.err()).isZero();
		assertThat(result.out()).contains("Client (client.Client)").contains("重开量");
	}
}
