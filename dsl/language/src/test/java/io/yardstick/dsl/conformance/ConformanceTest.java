package io.yardstick.dsl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.testing.Models;
import io.yardstick.dsl.workspace.LoadedModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-made pairs of templates, and the complete list of changes each gives, classified by meaning. */
class ConformanceTest {
	private static final String SOURCES = """
				source Ticket {
					key id: text
					createdAt: timestamp time
					resolvedAt: timestamp?
					csat: score(1..5)?
					cost: currency(CNY)
					isComplaint: bool
					reopened: bool
					region: text dimension
				}
			""";

	private static final String BEFORE = """
			package v1
			template T "Before" {
			""" + SOURCES + """
				layer strategic {
					metric csat "满意度" : score(1..5) higher-is-better {
						= avg(Ticket.csat)
						target >= 4.2
						warning < 4.0
						by region
						description "d"
					}
					metric complaintShare "投诉占比" : percent lower-is-better {
						= share(Ticket.isComplaint where Ticket.csat is not null)
						target <= 5%
						description "d"
					}
					metric costPerComplaint "单投诉成本" : currency(CNY) lower-is-better {
						= sum(Ticket.cost where Ticket.isComplaint) / count(Ticket where Ticket.isComplaint)
						target <= 300 CNY
						description "d"
					}
					metric handling "处理时长" : duration(h) lower-is-better {
						= avg(Ticket.resolvedAt - Ticket.createdAt)
						target between 1h and 24h
						description "d"
					}
					metric dropped "将移除" : count {
						= count(Ticket)
						description "d"
					}
				}
				link handling -> csat : negative
				link complaintShare -> csat : negative
				link dropped -> csat : positive
			}
			""";

	private static final String AFTER = """
			package v2
			template T "After" {
			""" + SOURCES + """
				layer strategic {
					metric csat "客户满意度" : score(1..5) higher-is-better {
						= median(Ticket.csat)
						target >= 4.5
						warning < 4.1
						by region
						description "d"
					}
					metric complaintShare "投诉占比" : percent lower-is-better {
						= share(Ticket.isComplaint or Ticket.reopened where Ticket.csat is not null and not Ticket.reopened)
						target <= 6%
						description "d"
					}
					metric costPerComplaint "单投诉成本" : currency(CNY) lower-is-better {
						= sum(Ticket.cost where Ticket.isComplaint and Ticket.reopened) / count(Ticket where Ticket.isComplaint)
						target <= 300 CNY
						description "d"
					}
					metric handling "处理时长" : duration(min) lower-is-better {
						= avg(Ticket.resolvedAt - Ticket.createdAt)
						target between 60min and 1440min
						description "d"
					}
					metric added "新增" : count {
						= count(Ticket where Ticket.reopened)
						description "d"
					}
				}
				link handling -> csat : negative lag 1 month
				link complaintShare -> csat : positive
				link added -> csat : positive
			}
			""";

	private static List<String> changes(String before, String after) {
		return changes(before, after, "en");
	}

	private static List<String> changes(String before, String after, String language) {
		LoadedModel loaded = Models.load("before.kpi", before, "after.kpi", after);
		Template was = Models.template(Models.model(loaded, "before.kpi"), "T");
		Template is = Models.template(Models.model(loaded, "after.kpi"), "T");
		return Conformance.compare(is, was, language).changes().stream()
				.map(change -> change.change() + " " + change.subject() + " " + change.category() + ": " + change.detail())
				.toList();
	}

	@Test
	void everyChangeIsClassifiedByMeaning() {
		assertThat(changes(BEFORE, AFTER)).containsExactly(
				"changed metric csat target-tightened: target >= 4.2 -> >= 4.5: fewer values meet it",
				"changed metric csat warning-tightened: warning < 4.0 -> < 4.1: it fires on more values",
				"changed metric csat aggregation-changed: avg -> median",
				"changed metric csat wording-changed: labels or description: \"满意度\" -> \"客户满意度\"",
				"changed metric complaintShare target-loosened: target <= 5% -> <= 6%: more values meet it",
				"changed metric complaintShare denominator-filter-changed: share where Ticket.csat is not null -> "
						+ "share where Ticket.csat is not null and not Ticket.reopened",
				"changed metric complaintShare numerator-filter-changed: share(Ticket.isComplaint) -> "
						+ "share(Ticket.isComplaint or Ticket.reopened)",
				"changed metric costPerComplaint numerator-filter-changed: sum where Ticket.isComplaint -> "
						+ "sum where Ticket.isComplaint and Ticket.reopened",
				// the same target written in minutes is no change
				"changed metric handling unit-changed: duration(h) -> duration(min)",
				"added metric added metric-added: in layer strategic: count(Ticket where Ticket.reopened)",
				"removed metric dropped metric-removed: was in layer strategic",
				"changed link handling -> csat lag-changed: (none) -> lag 1 month",
				"changed link complaintShare -> csat polarity-flipped: negative -> positive",
				"added link added -> csat link-added: positive",
				"removed link dropped -> csat link-removed: positive");
	}

	@Test
	void theDetailsAreToldInChineseWithTheCodesAndClausesAsWritten() {
		assertThat(io.yardstick.runtime.text.Texts.entries(Conformance.TEXTS, "zh").keySet())
				.isEqualTo(io.yardstick.runtime.text.Texts.entries(Conformance.TEXTS, "en").keySet());
		assertThat(changes(BEFORE, AFTER, "zh")).contains(
				"changed metric csat target-tightened: target >= 4.2 -> >= 4.5：达标的值更少",
				"changed metric csat warning-tightened: warning < 4.0 -> < 4.1：对更多的值告警",
				"changed metric csat wording-changed: 标签或描述：\"满意度\" -> \"客户满意度\"",
				"changed metric complaintShare target-loosened: target <= 5% -> <= 6%：达标的值更多",
				"added metric added metric-added: 在 strategic 层：count(Ticket where Ticket.reopened)",
				"removed metric dropped metric-removed: 原在 strategic 层",
				"changed link handling -> csat lag-changed: （无） -> lag 1 month");
	}

	@Test
	void aTemplateAgainstItselfHasNoChanges() {
		assertThat(changes(BEFORE, BEFORE.replace("package v1", "package v2"))).isEmpty();
	}

	@Test
	void targetsMoveByDirectionAndShape() {
		String lowerIsBetter = BEFORE.replace("target <= 5%", "target <= 4%");
		assertThat(changes(BEFORE, lowerIsBetter.replace("package v1", "package v2")))
				.containsExactly("changed metric complaintShare target-tightened: target <= 5% -> <= 4%: fewer values meet it");
		String reshaped = BEFORE.replace("target >= 4.2", "target between 4.0 and 4.6");
		assertThat(changes(BEFORE, reshaped.replace("package v1", "package v2")))
				.containsExactly("changed metric csat target-changed: target >= 4.2 -> between 4.0 and 4.6");
		String narrower = BEFORE.replace("target between 1h and 24h", "target between 2h and 12h");
		assertThat(changes(BEFORE, narrower.replace("package v1", "package v2")))
				.containsExactly("changed metric handling target-tightened: target between 1h and 24h -> between 2h and 12h: "
						+ "fewer values meet it");
		String withoutWarning = BEFORE.replace("\t\t\twarning < 4.0\n", "");
		assertThat(changes(BEFORE, withoutWarning.replace("package v1", "package v2")))
				.containsExactly("changed metric csat warning-removed: warning < 4.0 -> (none)");
	}

	/**
	 * An override shows as what it changes, never as a removal and an addition; an exclusion as what it
	 * removes, with its reason, and the links that went with the metric.
	 */
	@Test
	void aClientsOverridesAndExclusionsAreChangesAndRemovals() {
		String client = """
				package client

				import v1.T

				template Client extends T {
					layer strategic {
						override metric csat : score(1..5) higher-is-better {
							target >= 4.5
						}
					}
					exclude metric complaintShare "complaints are counted by the client's own desk"
				}
				""";
		LoadedModel loaded = Models.load("industry.kpi", BEFORE, "client.kpi", client);
		assertThat(Models.findings(loaded).lines().filter(line -> line.startsWith("client.kpi")))
				.noneMatch(line -> line.contains(": error "));
		Template industry = Models.template(Models.model(loaded, "industry.kpi"), "T");
		Template derived = Models.template(Models.model(loaded, "client.kpi"), "Client");
		assertThat(Conformance.compare(derived, industry).changes().stream()
				.map(change -> change.change() + " " + change.subject() + " " + change.category() + ": " + change.detail()))
				.containsExactly(
						"changed metric csat target-tightened: target >= 4.2 -> >= 4.5: fewer values meet it",
						"removed metric complaintShare metric-excluded: excluded: complaints are counted by the client's "
								+ "own desk (was in layer strategic)",
						"removed link complaintShare -> csat link-removed: negative");
	}
}
