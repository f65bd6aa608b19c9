package io.yardstick.dsl.scoping;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.Link;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.SymbolReference;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.testing.Models;
import io.yardstick.dsl.workspace.LoadedModel;
import java.util.List;
import org.eclipse.xtext.EcoreUtil2;
import org.junit.jupiter.api.Test;

/** Which declaration a name means, as docs/language.md#names-and-scopes promises. */
class ScopingTest {

	private static List<SymbolReference> references(Metric metric) {
		return EcoreUtil2.getAllContentsOfType(metric, SymbolReference.class);
	}

	@Test
	void insideAnAggregateAFieldHidesAMetricOfTheSameName() {
		Model model = Models.parse("""
				package p
				template T {
					source Ticket { key id: text  nps: score(0..10)? }
					layer strategic { metric nps "NPS" : score(-100..100) { = 100 * share(nps >= 9 where Ticket.nps is not null) } }
				}
				""");
		Metric nps = Models.metric(Models.template(model, "T"), "nps");
		SymbolReference bare = references(nps).get(0);
		assertThat(bare.getSymbol()).isInstanceOf(Field.class);
		assertThat(((Field) bare.getSymbol()).getName()).isEqualTo("nps");
	}

	@Test
	void outsideAggregatesANameIsAMetricFirst() {
		Model model = Models.parse("""
				package p
				template T {
					source Ticket { key id: text  csat: score(1..5)? }
					layer management {
						metric csat "CSAT" : score(1..5) { = avg(Ticket.csat) }
						metric gap "gap" : number { = 5 - csat }
					}
				}
				""");
		Metric gap = Models.metric(Models.template(model, "T"), "gap");
		assertThat(references(gap).get(0).getSymbol()).isInstanceOf(Metric.class);
	}

	@Test
	void enumValuesResolveInsideAggregatesThroughReferencesToo() {
		Model model = Models.parse("""
				package p
				template T {
					source Customer { key id: text  segment: enum(enterprise, smb) }
					source Ticket { key id: text  customer -> Customer  status: enum(open, closed) }
					layer management {
						metric m "m" : count { = count(Ticket where status = closed and Ticket.customer.segment = smb) }
					}
				}
				""");
		Metric metric = Models.metric(Models.template(model, "T"), "m");
		assertThat(references(metric)).extracting(r -> r.getSymbol().getName())
				.containsExactly("Ticket", "status", "closed", "Ticket", "smb");
		assertThat(model.eResource().getErrors()).isEmpty();
	}

	@Test
	void theRowSourceIsTheFirstSourceNamedEvenAfterABareField() {
		Model model = Models.parse("""
				package p
				template T {
					source Ticket { key id: text  isComplaint: bool  cost: currency(CNY) }
					layer management { metric m "m" : currency(CNY) { = sum(Ticket.cost where isComplaint) } }
				}
				""");
		FunctionCall sum = (FunctionCall) Models.metric(Models.template(model, "T"), "m").getFormula();
		SymbolReference filter = (SymbolReference) sum.getFilter();
		assertThat(filter.getSymbol().eIsProxy()).isFalse();
		assertThat(((Field) filter.getSymbol()).getName()).isEqualTo("isComplaint");
	}

	@Test
	void inheritedMembersAreVisibleByTheirSimpleNames() {
		LoadedModel loaded = Models.load("base.kpi", """
				package industry
				template Base {
					source Ticket { key id: text  t: timestamp time  csat: score(1..5)? }
					layer management { metric csat "CSAT" : score(1..5) higher-is-better { = avg(Ticket.csat) } }
				}
				""", "client.kpi", """
				package client
				import industry.Base
				template Client extends Base {
					layer strategic {
						metric loyalty "Loyalty" : score(1..5) higher-is-better { = csat description "d" }
						metric volume "Volume" : count higher-is-better { = count(Ticket) description "d" }
					}
					link csat -> loyalty : positive
				}
				""");
		Template client = Models.template(Models.model(loaded, "client.kpi"), "Client");
		Link link = TemplateHierarchy.members(client, Link.class).get(0);
		assertThat(link.getSource().eIsProxy()).isFalse();
		assertThat(TemplateHierarchy.templateOf(link.getSource()).getName()).isEqualTo("Base");
		Metric volume = Models.metric(client, "volume");
		assertThat(references(volume).get(0).getSymbol()).isInstanceOf(Source.class);
		assertThat(Models.findings(loaded)).doesNotContain("unresolved-reference");
	}

	@Test
	void sourcesAreImportedByQualifiedName() {
		LoadedModel loaded = Models.load("common.kpi", """
				package shared.sources
				source Customer { key id: text  region: text dimension }
				""", "t.kpi", """
				package p
				import shared.sources.Customer
				template T {
					source Ticket { key id: text  customer -> Customer  createdAt: timestamp time }
					layer management { metric m "m" : count { = count(Ticket where Ticket.customer.region = "east") } }
				}
				""");
		Template template = Models.template(Models.model(loaded, "t.kpi"), "T");
		Field customer = TemplateHierarchy.sources(template).get(0).getFields().get(1);
		assertThat(customer.getReference().eIsProxy()).isFalse();
		assertThat(Models.findings(loaded)).isEmpty();
	}

	@Test
	void metricsAreNamedByTemplateNotLayer() {
		LoadedModel loaded = Models.load("a.kpi", """
				package p
				template A {
					source S { key id: text }
					layer management { metric m "m" : count { = count(S) } }
				}
				template B {
					source S { key id: text }
					layer execution { metric n "n" : count { = count(S) } }
					link p.A.m -> n : positive feedback
				}
				""");
		Template b = Models.template(Models.model(loaded, "a.kpi"), "B");
		Link link = TemplateHierarchy.members(b, Link.class).get(0);
		assertThat(link.getSource().eIsProxy()).isFalse();
		assertThat(link.getSource().getName()).isEqualTo("m");
	}
}
