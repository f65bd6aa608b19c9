package io.yardstick.dsl.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.generator.CalculatorGenerator.GeneratedSource;
import io.yardstick.dsl.testing.Models;
import io.yardstick.runtime.calc.Calculator;
import io.yardstick.runtime.spec.MetricSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import org.junit.jupiter.api.Test;

/** Template text that would break Java if pasted, and names that are not Java identifiers. */
class GeneratorNamesAndEscapingTest {
	/** What the template's strings hold, once read: a comment end, quotes, a backslash-u, HTML, Javadoc tags. */
	private static final String NASTY = "end */ \" quote \\u0022 </script><img onerror=alert(1)> @param $x {@code y}";
	/** The same, written as a .kpi string literal. */
	private static final String NASTY_KPI = NASTY.replace("\\", "\\\\").replace("\"", "\\\"");

	private static final String TEMPLATE = """
			package escape.test
			template T "%s"@en {
			    source Ticket "%s" { key id: text  createdAt: timestamp time  csat: score(1..5)? title: text }
			    layer strategic {
			        metric run "%s" : score(1..5) higher-is-better {
			            = avg(Ticket.csat where Ticket.title != "%s")
			            target >= 4
			            description "%s"
			        }
			        metric ^class "class" : count { = count(Ticket) description "a keyword as a name" }
			        metric ORDER "order" : count { = count(Ticket.csat) description "a name the class uses itself" }
			    }
			}
			""".formatted(NASTY_KPI, NASTY_KPI, NASTY_KPI, NASTY_KPI, NASTY_KPI);

	@Test
	void templateTextSurvivesIntoTheSpecAndTheSourceStillCompiles() throws Exception {
		var loaded = Models.load("escape.kpi", TEMPLATE);
		assertThat(Models.findings(loaded)).doesNotContain(": error ");
		GeneratedSource source = new CalculatorGenerator()
				.generate(Models.template(Models.model(loaded, "escape.kpi"), "T"), null);
		Calculator calculator = (Calculator) CalculatorCompiler.compile(source.qualifiedClassName(), source.content())
				.getDeclaredConstructor().newInstance();
		TemplateSpec spec = calculator.template();
		String expected = NASTY;
		assertThat(spec.labels()).containsEntry("en", expected);
		MetricSpec run = spec.metrics().get(0);
		assertThat(run.labels()).containsEntry("", expected);
		assertThat(run.description()).isEqualTo(expected);
		assertThat(run.formula()).contains("Ticket.title != \"" + NASTY_KPI + "\"");
		assertThat(spec.metrics()).extracting(MetricSpec::id).containsExactly("run", "class", "ORDER");
		// The comment terminator never reaches the source outside a string literal.
		assertThat(source.content().lines().filter(line -> line.contains("*/") && !line.contains("\"")))
				.allMatch(line -> line.strip().equals("*/"));
	}

	@Test
	void metricNamesBecomeDistinctJavaIdentifiers() {
		var loaded = Models.load("escape.kpi", TEMPLATE);
		String content = new CalculatorGenerator().generate(Models.template(Models.model(loaded, "escape.kpi"), "T"),
				null).content();
		assertThat(content).contains("public static final int RUN = 0;").contains("public static final int CLASS = 1;")
				.contains("public static final int ORDER2 = 2;").contains("private double run2(int g, int p, int c)")
				.contains("private double class_(int g, int p, int c)").contains("private double oRDER(int g, int p, int c)");
	}

	@Test
	void theSameTemplateGivesTheSameSource() {
		var first = new CalculatorGenerator().generate(
				Models.template(Models.model(Models.load("escape.kpi", TEMPLATE), "escape.kpi"), "T"), null);
		var second = new CalculatorGenerator().generate(
				Models.template(Models.model(Models.load("escape.kpi", TEMPLATE), "escape.kpi"), "T"), null);
		assertThat(second.content()).isEqualTo(first.content()).doesNotContain("\r");
	}
}
