package io.yardstick.dsl.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.kpi.Band;
import io.yardstick.dsl.kpi.BinaryExpression;
import io.yardstick.dsl.kpi.Bound;
import io.yardstick.dsl.kpi.DurationKind;
import io.yardstick.dsl.kpi.EnumKind;
import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.IfExpression;
import io.yardstick.dsl.kpi.InExpression;
import io.yardstick.dsl.kpi.Link;
import io.yardstick.dsl.kpi.LinkStatus;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Negation;
import io.yardstick.dsl.kpi.NotExpression;
import io.yardstick.dsl.kpi.NullTest;
import io.yardstick.dsl.kpi.NumberLiteral;
import io.yardstick.dsl.kpi.Polarity;
import io.yardstick.dsl.kpi.ScoreKind;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.testing.Models;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The grammar reads what docs/language.md says it reads, with the precedence it says. */
class ParserTest {

	/** A formula as an expression tree written back with explicit parentheses. */
	private static String tree(String formula) {
		Model model = Models.parse("""
				package p
				template T {
					source S { key id: text  t: timestamp time  a: number  b: number  c: number  flag: bool  d: duration  e: enum(x, y) }
					layer management { metric m : number { = %s } }
				}
				""".formatted(formula));
		Metric metric = TemplateHierarchy.ownMetrics(Models.template(model, "T")).get(0);
		assertThat(model.eResource().getErrors()).as("syntax errors in %s", formula).isEmpty();
		return show(metric.getFormula());
	}

	private static String show(Expression e) {
		if (e instanceof BinaryExpression b) {
			return "(" + show(b.getLeft()) + " " + b.getOperator() + " " + show(b.getRight()) + ")";
		}
		if (e instanceof NotExpression n) {
			return "(not " + show(n.getOperand()) + ")";
		}
		if (e instanceof Negation n) {
			return "(-" + show(n.getOperand()) + ")";
		}
		if (e instanceof IfExpression i) {
			return "(if " + show(i.getCondition()) + " then " + show(i.getThen()) + " else " + show(i.getElse()) + ")";
		}
		if (e instanceof NullTest t) {
			return "(" + show(t.getValue()) + (t.isNegated() ? " is not null)" : " is null)");
		}
		if (e instanceof InExpression in) {
			return "(" + show(in.getValue()) + (in.isNegated() ? " not in " : " in ")
					+ (in.isInPeriod() ? "period" : in.getItems().stream().map(ParserTest::show).toList()) + ")";
		}
		if (e instanceof FunctionCall call) {
			return call.getFunction() + call.getArguments().stream().map(ParserTest::show).toList()
					+ (call.getFilter() == null ? "" : " where " + show(call.getFilter()));
		}
		if (e instanceof NumberLiteral n) {
			return n.getValue().toPlainString() + (n.isPercent() ? "%" : "") + (n.getUnit() == null ? "" : n.getUnit());
		}
		return io.yardstick.dsl.model.ModelText.of(e);
	}

	@Test
	void multiplicationBindsTighterThanAddition() {
		assertThat(tree("sum(S.a) + sum(S.b) * sum(S.c)")).isEqualTo("(sum[S.a] + (sum[S.b] * sum[S.c]))");
		assertThat(tree("sum(S.a) - sum(S.b) - sum(S.c)")).isEqualTo("((sum[S.a] - sum[S.b]) - sum[S.c])");
		assertThat(tree("sum(S.a) / sum(S.b) * 100")).isEqualTo("((sum[S.a] / sum[S.b]) * 100)");
		assertThat(tree("100 * (sum(S.a) - sum(S.b))")).isEqualTo("(100 * (sum[S.a] - sum[S.b]))");
	}

	@Test
	void unaryMinusBindsTightest() {
		assertThat(tree("-sum(S.a) * 2")).isEqualTo("((-sum[S.a]) * 2)");
	}

	@Test
	void booleanOperatorsFromLoosest() {
		assertThat(tree("count(S where S.a > 1 or S.b > 2 and not S.flag)"))
				.isEqualTo("count[S] where ((S.a > 1) or ((S.b > 2) and (not S.flag)))");
		assertThat(tree("count(S where not S.a = 1)")).isEqualTo("count[S] where (not (S.a = 1))");
	}

	@Test
	void nullTestsInListsAndPeriods() {
		assertThat(tree("count(S where S.a is not null and S.b is null)"))
				.isEqualTo("count[S] where ((S.a is not null) and (S.b is null))");
		assertThat(tree("count(S where S.e not in (x, y) and S.t in period)"))
				.isEqualTo("count[S] where ((S.e not in [x, y]) and (S.t in period))");
	}

	@Test
	void ifIsLoosestAndNeedsParenthesesInsideOperators() {
		assertThat(tree("if sum(S.a) > 0 then sum(S.b) else 0")).isEqualTo("(if (sum[S.a] > 0) then sum[S.b] else 0)");
		assertThat(tree("1 + (if sum(S.a) > 0 then 2 else 3)")).isEqualTo("(1 + (if (sum[S.a] > 0) then 2 else 3))");
	}

	@Test
	void literalsCarryUnits() {
		assertThat(tree("count(S where S.d > 2h and S.d < 90min)")).isEqualTo("count[S] where ((S.d > 2h) and (S.d < 90min))");
		assertThat(tree("share(S.flag) * 95%")).isEqualTo("(share[S.flag] * 95%)");
		assertThat(tree("sum(S.a) + 4.25")).isEqualTo("(sum[S.a] + 4.25)");
		assertThat(tree("percentile(0.9, S.d where S.flag)")).isEqualTo("percentile[0.9, S.d] where S.flag");
	}

	@Test
	void scoreRangesAndSignedNumbers() {
		Model model = Models.parse("""
				package p
				template T { source S { key id: text  s: score(-100..100)  r: score(1..5)  d: duration(h)  e: enum(open, closed) } }
				""");
		Source source = TemplateHierarchy.sources(Models.template(model, "T")).get(0);
		ScoreKind wide = (ScoreKind) source.getFields().get(1).getKind();
		assertThat(wide.getMin()).isEqualByComparingTo("-100");
		assertThat(wide.getMax()).isEqualByComparingTo("100");
		ScoreKind narrow = (ScoreKind) source.getFields().get(2).getKind();
		assertThat(narrow.getMin()).isEqualByComparingTo(BigDecimal.ONE);
		assertThat(((DurationKind) source.getFields().get(3).getKind()).getUnit()).isEqualTo("h");
		assertThat(((EnumKind) source.getFields().get(4).getKind()).getValues()).extracting("name")
				.containsExactly("open", "closed");
	}

	@Test
	void kindNamesStayUsableAsNames() {
		Model model = Models.parse("""
				package p
				template T {
					source S { key number: text  date: date time  status: enum(open, closed)  count: count  level: text  text: text }
					layer management { metric count : count { = sum(S.count where S.status = open and S.text = "x") } }
				}
				""");
		assertThat(model.eResource().getErrors()).isEmpty();
		Source source = TemplateHierarchy.sources(Models.template(model, "T")).get(0);
		assertThat(source.getFields()).extracting(Field::getName)
				.containsExactly("number", "date", "status", "count", "level", "text");
	}

	@Test
	void fieldModifiersAndReferences() {
		Model model = Models.parse("""
				package p
				source Customer { key id: text }
				template T {
					source Ticket "工单"@zh "Ticket"@en {
						key id: text
						customer -> Customer?
						region: text dimension "区域"@zh
						createdAt: timestamp time
						csat: score(1..5)? description "1 to 5"
					}
				}
				""");
		Source ticket = TemplateHierarchy.sources(Models.template(model, "T")).get(0);
		assertThat(ticket.getLabels()).extracting("text", "language").containsExactly(
				org.assertj.core.groups.Tuple.tuple("工单", "zh"), org.assertj.core.groups.Tuple.tuple("Ticket", "en"));
		Field customer = ticket.getFields().get(1);
		assertThat(customer.getReference().getName()).isEqualTo("Customer");
		assertThat(customer.isOptional()).isTrue();
		assertThat(ticket.getFields().get(2).isDimension()).isTrue();
		assertThat(ticket.getFields().get(3).isTimeAxis()).isTrue();
		assertThat(ticket.getFields().get(4).getDescription()).isEqualTo("1 to 5");
	}

	@Test
	void metricClausesInAnyOrder() {
		Model model = Models.parse("""
				package p
				template T {
					source S { key id: text  t: timestamp time  v: number }
					layer management {
						metric m "M"@zh "M"@en : percent target-band supporting {
							= share(S.v > 1)
							owner "ops"
							warning outside 10% and 60%
							target between 20% and 50%
							operability high
							generality industry
							goal "g"
							description "d"
						}
					}
					link m -> m : negative lag 2 week status validated feedback "why"
				}
				""");
		Template template = Models.template(model, "T");
		Metric metric = Models.metric(template, "m");
		assertThat(metric.getDirection()).isEqualTo("target-band");
		assertThat(metric.isSupporting()).isTrue();
		assertThat(metric.getTarget()).isInstanceOf(Band.class);
		assertThat(metric.getOperability()).isEqualTo("high");
		assertThat(metric.getGenerality()).isEqualTo("industry");
		assertThat(metric.getOwner()).isEqualTo("ops");
		Link link = TemplateHierarchy.links(template).get(0);
		assertThat(link.getPolarity()).isEqualTo(Polarity.NEGATIVE);
		assertThat(link.getLag()).isEqualByComparingTo("2");
		assertThat(link.getStatus()).isEqualTo(LinkStatus.VALIDATED);
		assertThat(link.isFeedback()).isTrue();
		assertThat(link.getRationale()).isEqualTo("why");
	}

	@Test
	void aLinkWithoutStatusIsHypothesized() {
		Model model = Models.parse("""
				package p
				template T {
					source S { key id: text }
					layer management { metric a : count { = count(S) } metric b : count { = count(S) } }
					link a -> b : positive
				}
				""");
		assertThat(TemplateHierarchy.links(Models.template(model, "T")).get(0).getStatus())
				.isEqualTo(LinkStatus.HYPOTHESIZED);
	}

	@Test
	void targetsAreBoundsOrBands() {
		Model model = Models.parse("""
				package p
				template T {
					source S { key id: text  v: number }
					layer management { metric m : number higher-is-better { = sum(S.v) target >= 1 + 2 warning < 0.5 } }
				}
				""");
		Metric metric = Models.metric(Models.template(model, "T"), "m");
		assertThat(((Bound) metric.getTarget()).getOperator()).isEqualTo(">=");
		assertThat(((Bound) metric.getWarning()).getOperator()).isEqualTo("<");
	}

	@Test
	void numbersWithSpacesInsideAreRejected() {
		String findings = Models.findings("""
				package p
				template T {
					source S { key id: text  v: number }
					layer management { metric m : number { = sum(S.v) * 4 . 2 } }
				}
				""");
		assertThat(findings).contains("syntax-error: write the number `4.2` without spaces or comments inside it");
	}

	@Test
	void anEmptyFileParsesToAnEmptyModel() {
		Model model = Models.parse("");
		assertThat(model).isNotNull();
		assertThat(model.getElements()).isEmpty();
	}

	/**
	 * The depth guard counts levels as rules end, whether they end normally or fail: syntax errors must not
	 * add up to a false too-deep error, and a second deep formula gets its own.
	 */
	@Test
	void syntaxErrorsDoNotAddUpToNesting() {
		String broken = "\t\tmetric b%d : number { = (count(S) + ) }\n";
		StringBuilder text = new StringBuilder("package p\ntemplate T {\n\tsource S { key id: text  t: timestamp time }\n"
				+ "\tlayer execution {\n");
		for (int i = 0; i < 300; i++) {
			text.append(broken.formatted(i));
		}
		text.append("\t\tmetric ok : number { = ").append("(".repeat(190)).append("count(S)").append(")".repeat(190))
				.append(" }\n");
		text.append("\t\tmetric deep1 : number { = ").append("(".repeat(300)).append("count(S)").append(")".repeat(300))
				.append(" }\n");
		text.append("\t\tmetric deep2 : number { = ").append("-".repeat(300)).append("count(S) }\n\t}\n}\n");
		String findings = io.yardstick.dsl.testing.Models.findings(text.toString());
		assertThat(findings.lines().filter(line -> line.contains("too-deep")).map(line -> line.split(":")[1]))
				.containsExactly("306", "307");
	}
}
