package io.yardstick.dsl.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.yardstick.dsl.generator.CalculatorGenerator.GeneratedSource;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.testing.Models;
import io.yardstick.dsl.workspace.LoadedModel;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.spec.MetricSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.xtext.EcoreUtil2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A derived template's calculator is the calculator of the plain template it amounts to: the client below
 * adds a field to the inherited source, overrides a formula and a target, and excludes a metric and a loop;
 * {@code Plain} is the same template written out by hand, its own members first as inheritance orders them.
 * Both run on the same tickets.
 */
class InheritedCalculatorTest {
	private static final String INDUSTRY = """
			package inherit.industry

			template Industry "行业模板" {
				source Ticket {
					key id: text
					createdAt: timestamp time
					resolvedAt: timestamp?
					isComplaint: bool
					region: text dimension
					followUps: count
					csat: score(1..5)?
				}
				layer strategic {
					metric satisfaction "满意度" : score(1..5) higher-is-better {
						= avg(Ticket.csat)
						target >= 4.2
						description "Mean satisfaction."
					}
				}
				layer management {
					metric complaints "投诉数" : count lower-is-better {
						= count(Ticket where Ticket.isComplaint)
					}
					metric complaintsPerDay "日均投诉" : number lower-is-better {
						= complaints / 30
					}
				}
				layer execution {
					metric handling "处理时长" : duration(h) lower-is-better {
						= avg(Ticket.resolvedAt - Ticket.createdAt)
						target <= 24h
					}
					metric followUps "回访次数" : number lower-is-better {
						= avg(Ticket.followUps)
					}
				}
				link handling -> complaints : positive
				link complaints -> satisfaction : negative
				link handling -> complaintsPerDay : positive
				link complaintsPerDay -> satisfaction : negative
				link followUps -> satisfaction : negative
				loop complaintLoop "投诉闭环" : handling -> complaints -> satisfaction
				loop followLoop "回访" : followUps -> satisfaction
			}
			""";

	private static final String CLIENT = """
			package inherit.client

			import inherit.industry.Industry

			template Client "客户模板" extends Industry {
				extend source Ticket {
					tier: text
				}
				layer strategic {
					metric goldTickets "金牌工单" : count {
						= count(Ticket where Ticket.tier = "gold")
						description "Tickets of gold-tier customers."
					}
				}
				layer management {
					override metric complaints : count lower-is-better {
						= count(Ticket where Ticket.isComplaint and Ticket.region = "north")
						target <= 5
					}
				}
				layer execution {
					override metric handling : duration(h) lower-is-better {
						target <= 12h
					}
				}
				exclude metric followUps "no follow-up calls"
				exclude loop followLoop "its metric is excluded"
				link handling -> goldTickets : positive
			}
			""";

	/** Client, written out: the industry's metrics in their order, the overrides in place, without followUps. */
	private static final String PLAIN = """
			package inherit.plain

			template Plain "客户模板" {
				source Ticket {
					key id: text
					createdAt: timestamp time
					resolvedAt: timestamp?
					isComplaint: bool
					region: text dimension
					followUps: count
					csat: score(1..5)?
					tier: text
				}
				layer strategic {
					metric goldTickets "金牌工单" : count {
						= count(Ticket where Ticket.tier = "gold")
						description "Tickets of gold-tier customers."
					}
					metric satisfaction "满意度" : score(1..5) higher-is-better {
						= avg(Ticket.csat)
						target >= 4.2
						description "Mean satisfaction."
					}
				}
				layer management {
					metric complaints "投诉数" : count lower-is-better {
						= count(Ticket where Ticket.isComplaint and Ticket.region = "north")
						target <= 5
					}
					metric complaintsPerDay "日均投诉" : number lower-is-better {
						= complaints / 30
					}
				}
				layer execution {
					metric handling "处理时长" : duration(h) lower-is-better {
						= avg(Ticket.resolvedAt - Ticket.createdAt)
						target <= 12h
					}
				}
				link handling -> goldTickets : positive
				link handling -> complaints : positive
				link complaints -> satisfaction : negative
				link handling -> complaintsPerDay : positive
				link complaintsPerDay -> satisfaction : negative
				loop complaintLoop "投诉闭环" : handling -> complaints -> satisfaction
			}
			""";

	@TempDir
	Path folder;

	private LoadedModel loaded;

	@BeforeEach
	void writeCase() throws Exception {
		write("model/industry.kpi", INDUSTRY);
		write("model/client.kpi", CLIENT);
		write("model/plain.kpi", PLAIN);
		write("data/Ticket.csv", """
				id,createdAt,resolvedAt,isComplaint,region,followUps,csat,tier
				T1,2025-01-02T08:00:00,2025-01-02T20:00:00,true,north,1,3,gold
				T2,2025-01-05T08:00:00,2025-01-06T08:00:00,true,south,0,2,silver
				T3,2025-01-09T08:00:00,2025-01-09T10:00:00,false,north,2,5,gold
				T4,2025-01-20T08:00:00,,true,north,0,,silver
				T5,2025-02-01T08:00:00,2025-02-01T14:00:00,false,south,1,4,gold
				T6,2025-02-03T08:00:00,2025-02-04T20:00:00,true,south,3,1,silver
				""");
		write("run.properties", "grain=month\n");
		loaded = Models.loadFolder(folder.resolve("model"));
		assertThat(Models.findings(loaded)).doesNotContain(": error ", ": warning ");
	}

	@Test
	void aDerivedTemplateComputesWhatThePlainTemplateItAmountsToComputes() throws Exception {
		Results client = run("Client");
		Results plain = run("Plain");

		assertThat(CalculatorCases.values(client)).isEqualTo(CalculatorCases.values(plain));
		assertThat(client.template().metrics()).isEqualTo(plain.template().metrics());
		assertThat(client.template().links()).isEqualTo(plain.template().links());
		assertThat(client.template().loops()).isEqualTo(plain.template().loops());
		assertThat(client.template().sources()).isEqualTo(plain.template().sources());
	}

	@Test
	void anInheritedFormulaReadsTheOverride() throws Exception {
		Results industry = run("Industry");
		Results client = run("Client");

		// January: complaints T1, T2, T4; only T1 and T4 are in the north.
		assertThat(industry.value("complaints", 0)).isEqualTo(3.0);
		assertThat(client.value("complaints", 0)).isEqualTo(2.0);
		assertThat(client.value("complaintsPerDay", 0)).isCloseTo(2.0 / 30, within(1e-12));
		// The override keeps the inherited formula of handling and changes only its target.
		assertThat(client.value("handling", 0)).isEqualTo(industry.value("handling", 0));
		MetricSpec handling = client.template().metrics().get(client.index("handling"));
		assertThat(handling.target().value()).isEqualTo(12 * 3600.0);
		assertThat(handling.labels()).isEqualTo(industry.template().metrics().get(industry.index("handling")).labels())
				.isNotEmpty();
		assertThat(client.template().metrics()).extracting(MetricSpec::id)
				.containsExactly("goldTickets", "satisfaction", "complaints", "complaintsPerDay", "handling");
		// The field the client's extension adds is read from the same file the industry template reads.
		assertThat(client.value("goldTickets", 0)).isEqualTo(2.0);
		assertThat(client.value("goldTickets", 1)).isEqualTo(1.0);
	}

	private Results run(String templateName) throws Exception {
		Template template = null;
		for (String name : loaded.names()) {
			Model model = Models.model(loaded, name);
			for (Template candidate : EcoreUtil2.typeSelect(model.getElements(), Template.class)) {
				if (candidate.getName().equals(templateName)) {
					template = candidate;
				}
			}
		}
		assertThat(template).as(templateName).isNotNull();
		GeneratedSource source = new CalculatorGenerator().generate(template, "inherit.generated." + templateName.toLowerCase());
		Class<?> compiled = CalculatorCompiler.compile(source.qualifiedClassName(), source.content());
		return CalculatorCases.run(compiled, folder);
	}

	private void write(String relative, String text) throws Exception {
		Path file = folder.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}
}
