package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code yardstick init}: a client template from each industry template of the library, validated and run. */
class InitCommandTest {
	@TempDir
	Path dir;

	/** The repository's root, whose example-templates/ is the library. */
	private static Path home() {
		return Cli.exampleTemplates().getParent().getParent();
	}

	static Stream<String> industryFolders() throws Exception {
		try (Stream<Path> folders = Files.list(home().resolve("example-templates"))) {
			// acme-after-sales is a client template itself: the library does not offer it to extend.
			return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString())
					.filter(name -> !name.equals("acme-after-sales")).sorted().toList().stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("industryFolders")
	void aClientOfEveryIndustryTemplateValidatesAndRunsOnTheCopiedSampleData(String folder) throws Exception {
		Cli.Result init = Cli.run("init", "Globex", "--from", folder, "--out", dir.toString(), "--home", home().toString());
		assertThat(init.exit()).as(init.err() + init.out()).isZero();
		Path client = dir.resolve("globex/globex.kpi");
		assertThat(init.out()).contains("copied ", "wrote " + client, "and validates. Next:");
		assertThat(Files.readString(client, StandardCharsets.UTF_8)).contains("template Globex extends ");

		Cli.Result run = Cli.run("run", dir.resolve("globex").toString(), "--data", dir.resolve(folder + "/data").toString(),
				"--out", dir.resolve("out").toString(), "-q");
		assertThat(run.exit()).as(run.err()).isZero();
	}

	@Test
	void theClientFileIsTheWizardsSkeletonNamingTheTemplatesOwnMetrics() throws Exception {
		Cli.Result init = Cli.run("init", "AcmeService", "--from", "aftersales.standard.StandardAfterSales", "--out",
				dir.toString(), "--home", home().toString(), "--label-zh", "Acme \"售后\"", "--label-en", "Acme service");
		assertThat(init.exit()).as(init.err()).isZero();
		assertThat(Files.readString(dir.resolve("acmeservice/acmeservice.kpi"), StandardCharsets.UTF_8)).isEqualTo("""
				// AcmeService's template: the Standard after-sales service template (aftersales.standard.StandardAfterSales),
				// changed only where AcmeService differs. Everything not written here is inherited; `yardstick diff` lists the changes.
				package aftersales.acmeservice

				template AcmeService "Acme \\"售后\\""@zh "Acme service"@en extends aftersales.standard.StandardAfterSales {
					// What a client template can change (docs/language.md#inheritance); uncomment and adapt.
					//
					// Change an inherited metric: inside its layer, restate its kind and write only what differs.
					// layer management { override metric csat : score(1..5) higher-is-better { target >= 4.2 } }
					//
					// Remove an inherited metric (its links go with it); the reason is required, reviewers read it.
					// exclude metric ticketCloseRate "why AcmeService does not track it"
					//
					// Add a column that AcmeService's data has to an inherited source.
					// extend source Ticket { contractLevel: text dimension }
				}
				""");
		// Its examples name real metrics: uncommented, the template still validates.
		Path client = dir.resolve("acmeservice/acmeservice.kpi");
		String uncommented = Files.readString(client, StandardCharsets.UTF_8)
				.replaceAll("(?m)^\t// (layer|exclude|extend) ", "\t$1 ");
		Files.writeString(client, uncommented, StandardCharsets.UTF_8);
		Cli.Result validate = Cli.run("validate", dir.toString());
		assertThat(validate.exit()).as(validate.out() + validate.err()).isZero();
		assertThat(dir.resolve("after-sales-standard/after-sales.kpi")).exists();
		assertThat(dir.resolve("after-sales-standard/data/Ticket.csv")).exists();
		assertThat(dir.resolve("after-sales-standard/expected")).doesNotExist();
	}

	@Test
	void aPathToATemplateFileWorksAndAnIndustryFolderAlreadyThereIsKept() throws Exception {
		Path industry = home().resolve("example-templates/saas-support");
		Path kpi;
		try (Stream<Path> files = Files.list(industry)) {
			kpi = files.filter(file -> file.toString().endsWith(".kpi")).sorted().findFirst().orElseThrow();
		}
		assertThat(Cli.run("init", "First", "--from", kpi.toString(), "--out", dir.toString()).exit()).isZero();
		Cli.Result second = Cli.run("init", "Second", "--from", kpi.toString(), "--out", dir.toString());
		assertThat(second.exit()).as(second.err()).isZero();
		assertThat(second.out()).contains("kept " + dir.resolve("saas-support"));
	}

	@Test
	void aTemplateFileOffersTheTemplatesItDeclaresNotThoseItsCommentsMention() throws Exception {
		Path library = dir.resolve("two");
		Files.createDirectories(library);
		Files.writeString(library.resolve("a.kpi"), """
				package two.a
				// Like template Beta in b.kpi, but counted by ticket.
				template Alpha "甲" {
					source Ticket "工单" {
						key id: text
						openedAt: timestamp time
					}
					layer strategic {
						metric tickets "工单数" : count higher-is-better {
							= count(Ticket)
						}
					}
				}
				""", StandardCharsets.UTF_8);
		Files.writeString(library.resolve("b.kpi"), Files.readString(library.resolve("a.kpi"), StandardCharsets.UTF_8)
				.replace("package two.a", "package two.b").replace("// Like template Beta in b.kpi, but counted by ticket.\n", "")
				.replace("template Alpha \"甲\"", "template Beta \"乙\""), StandardCharsets.UTF_8);

		Cli.Result init = Cli.run("init", "Client", "--from", library.resolve("a.kpi").toString(), "--out",
				dir.resolve("out").toString());
		assertThat(init.exit()).as(init.err() + init.out()).isZero();
		assertThat(Files.readString(dir.resolve("out/client/client.kpi"), StandardCharsets.UTF_8))
				.contains("template Client extends two.a.Alpha");
	}

	@Test
	void badInputIsRefusedWithWhatToDoAndNothingIsOverwritten() throws Exception {
		String home = home().toString();
		Cli.Result badName = Cli.run("init", "2fast", "--from", "after-sales-standard", "--out", dir.toString(), "--home", home);
		assertThat(badName.exit()).isEqualTo(2);
		assertThat(badName.err()).contains("'2fast' is not a valid name");

		Cli.Result keyword = Cli.run("init", "template", "--from", "after-sales-standard", "--out", dir.toString(), "--home", home);
		assertThat(keyword.exit()).isEqualTo(2);
		assertThat(keyword.err()).contains("'template' is a keyword of the language");

		Cli.Result unknown = Cli.run("init", "Acme", "--from", "retail", "--out", dir.toString(), "--home", home);
		assertThat(unknown.exit()).isEqualTo(2);
		assertThat(unknown.err()).contains("no template retail in the library", "after-sales-standard (aftersales.standard.StandardAfterSales)");

		assertThat(Cli.run("init", "Acme", "--from", "after-sales-standard", "--out", dir.toString(), "--home", home).exit())
				.isZero();
		List<String> before = Files.readAllLines(dir.resolve("acme/acme.kpi"));
		Cli.Result again = Cli.run("init", "Acme", "--from", "after-sales-standard", "--out", dir.toString(), "--home", home);
		assertThat(again.exit()).isEqualTo(1);
		assertThat(again.err()).contains("exists already; nothing was written");
		assertThat(Files.readAllLines(dir.resolve("acme/acme.kpi"))).isEqualTo(before);
	}
}
