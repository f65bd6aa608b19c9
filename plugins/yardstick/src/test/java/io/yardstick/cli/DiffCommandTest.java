package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.report.SchemaValidation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yardstick diff} on hand-made pairs: a client against its industry template, and two versions of one. */
class DiffCommandTest {
	private static final String CLIENT = """
			package aftersales.acme

			import aftersales.standard.StandardAfterSales

			template Acme "Acme 售后"@zh "Acme after-sales"@en extends StandardAfterSales {
				layer execution "执行层"@zh "Execution"@en {
					metric repeatContacts "重复联系"@zh "Repeat contacts"@en : number lower-is-better {
						= avg(Ticket.contacts)
						target <= 1.3
						by region
					}
				}

				link repeatContacts -> firstContactResolution : negative
			}
			""";

	@TempDir
	Path dir;

	/** A library of two folders: the after-sales template, and a client of it in a sibling folder. */
	private Path library(String client) throws Exception {
		Path industry = dir.resolve("after-sales-standard");
		Files.createDirectories(industry);
		for (String file : new String[] { "after-sales.kpi", "customers.kpi" }) {
			Files.copy(Cli.exampleTemplates().resolve(file), industry.resolve(file));
		}
		Path folder = dir.resolve("acme");
		Files.createDirectories(folder);
		Files.writeString(folder.resolve("client.kpi"), client, StandardCharsets.UTF_8);
		return folder;
	}

	@Test
	void aClientAgainstItsIndustryTemplateListsWhatItAdds() throws Exception {
		Path client = library(CLIENT);
		Cli.Result diff = Cli.run("diff", client.toString(), "--against", dir.resolve("after-sales-standard").toString());
		assertThat(diff.exit()).as(diff.err()).isZero();
		// Without --against, the template it extends.
		assertThat(Cli.run("diff", client.toString()).out()).isEqualTo(diff.out());
		assertThat(diff.out()).isEqualTo("""
				aftersales.acme.Acme against aftersales.standard.StandardAfterSales: 2 added, 0 removed, 0 changed

				metric repeatContacts
				  added    metric-added  in layer execution: avg(Ticket.contacts)

				link repeatContacts -> firstContactResolution
				  added    link-added    negative
				""");
	}

	@Test
	void twoVersionsOfOneTemplateAreComparedByMeaningInTextAndJson() throws Exception {
		Path before = dir.resolve("v1");
		Path after = dir.resolve("v2");
		Files.createDirectories(before);
		Files.createDirectories(after);
		for (String file : new String[] { "after-sales.kpi", "customers.kpi" }) {
			String text = Files.readString(Cli.exampleTemplates().resolve(file), StandardCharsets.UTF_8);
			Files.writeString(before.resolve(file), text, StandardCharsets.UTF_8);
			Files.writeString(after.resolve(file), text.replace("target <= 5%", "target <= 4%")
					.replace("= avg(Ticket.followUps)", "= median(Ticket.followUps)")
					.replace("link csat -> nps : positive", "link csat -> nps : negative"), StandardCharsets.UTF_8);
		}
		Cli.Result text = Cli.run("diff", after.toString(), "--against", before.toString());
		assertThat(text.exit()).as(text.err()).isZero();
		assertThat(text.out()).isEqualTo("""
				aftersales.standard.StandardAfterSales against aftersales.standard.StandardAfterSales: 0 added, 0 removed, 3 changed

				metric churnRate
				  changed  target-tightened     target <= 5% -> <= 4%: fewer values meet it

				metric followUps
				  changed  aggregation-changed  avg -> median

				link csat -> nps
				  changed  polarity-flipped     positive -> negative
				""");
		Path json = dir.resolve("diff.json");
		Cli.Result written = Cli.run("diff", after.toString(), "--against", before.toString(), "--format", "json",
				"--out", json.toString());
		assertThat(written.exit()).as(written.err()).isZero();
		String document = Files.readString(json, StandardCharsets.UTF_8);
		SchemaValidation.assertValid(SchemaValidation.docs("conformance.schema.json"), document);
		assertThat(document).contains("\"category\": \"target-tightened\"").endsWith("}\n");
	}

	@Test
	void templatesWithErrorsAreNotComparedAndUsageProblemsExitTwo() throws Exception {
		Path broken = library(CLIENT.replace("avg(Ticket.contacts)", "avg(Ticket.nosuch)"));
		Cli.Result diff = Cli.run("diff", broken.toString());
		assertThat(diff.exit()).isEqualTo(Main.EXIT_FINDINGS);
		assertThat(diff.err()).contains("error unresolved-reference").contains("not compared: 1 error(s)");
		assertThat(Cli.run("diff", broken.toString(), "--against", dir.resolve("nowhere").toString()).exit())
				.isEqualTo(Main.EXIT_USAGE);
		assertThat(Cli.run("diff", broken.toString(), "--against", broken.toString(), "--format", "xml").exit())
				.isEqualTo(Main.EXIT_USAGE);
		Cli.Result noParent = Cli.run("diff", dir.resolve("after-sales-standard").toString());
		assertThat(noParent.exit()).isEqualTo(Main.EXIT_USAGE);
		assertThat(noParent.err()).contains("template StandardAfterSales extends none");
	}
}
