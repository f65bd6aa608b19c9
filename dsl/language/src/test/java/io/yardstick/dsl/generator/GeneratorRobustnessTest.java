package io.yardstick.dsl.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.generator.CalculatorGenerator.GeneratedSource;
import io.yardstick.dsl.testing.Models;
import io.yardstick.dsl.workspace.LoadedModel;
import io.yardstick.runtime.calc.Calculator;
import io.yardstick.runtime.results.Results;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates that validate clean must generate Java that compiles and runs: the regression cases of the
 * template fuzz suite (docs/reliability.md) for the generator. Each is compiled and run on two tickets.
 */
class GeneratorRobustnessTest {
	private static final String TICKETS = "id,createdAt,cost\nA,2026-01-05T10:00:00,2\nB,2026-01-06T10:00:00,3\n";

	@TempDir
	Path folder;

	private static String template(String packageName, String templateName, String label, String metricName,
			String formula) {
		return """
				package %s
				template %s "%s" {
				\tdescription "%s"
				\tsource Ticket "工单" { key id: text  createdAt: timestamp time  cost: number }
				\tlayer strategic "战略层" {
				\t\tmetric %s "%s" : number higher-is-better {
				\t\t\t= %s
				\t\t\tdescription "%s"
				\t\t\tgoal "%s"
				\t\t}
				\t}
				}
				""".formatted(packageName, templateName, label, label, metricName, label, formula, label, label);
	}

	/** Generates, compiles and runs; returns the single metric's January value. */
	private double run(String text, String templateName, String expectedClass) throws Exception {
		LoadedModel loaded = Models.load("t.kpi", text);
		assertThat(Models.findings(loaded)).doesNotContain(": error ");
		GeneratedSource source = new CalculatorGenerator()
				.generate(Models.template(Models.model(loaded, "t.kpi"), templateName), null);
		assertThat(source.qualifiedClassName()).isEqualTo(expectedClass);
		Class<?> compiled = CalculatorCompiler.compile(source.qualifiedClassName(), source.content());
		Files.createDirectories(folder.resolve("data"));
		Files.writeString(folder.resolve("data/Ticket.csv"), TICKETS, StandardCharsets.UTF_8);
		Results results = CalculatorCases.run(compiled, folder);
		return results.groupings().get(0).value(0, 0, 0);
	}

	@Test
	void aSumOfAThousandTermsCompilesAndAddsUp() throws Exception {
		String sum = String.join(" + ", Collections.nCopies(1000, "sum(Ticket.cost)"));
		assertThat(run(template("p", "T", "l", "m", sum), "T", "p.TCalculator")).isEqualTo(5000.0);
	}

	/** A path of 120 steps through a reference (the loader cannot load a source referencing itself: compiled only). */
	@Test
	void aLongReferencePathCompiles() throws Exception {
		String text = "package p\ntemplate T {\n\tsource Ticket { key id: text  createdAt: timestamp time  cost: number"
				+ "  parent -> Ticket? }\n\tlayer execution {\n\t\tmetric m : number { = sum(Ticket" + ".parent".repeat(120)
				+ ".cost) }\n\t}\n}\n";
		LoadedModel loaded = Models.load("t.kpi", text);
		assertThat(Models.findings(loaded)).doesNotContain(": error ");
		GeneratedSource source = new CalculatorGenerator().generate(Models.template(Models.model(loaded, "t.kpi"), "T"),
				null);
		assertThat(source.content()).contains("int part = ").contains("int part2 = ");
		assertThat(CalculatorCompiler.compile(source.qualifiedClassName(), source.content())).isNotNull();
	}

	@Test
	void keywordsAndRestrictedWordsBecomeValidNames() throws Exception {
		assertThat(run(template("class.public", "T", "l", "yield", "count(Ticket)"), "T", "class_.public_.TCalculator"))
				.isEqualTo(2.0);
		assertThat(run(template("acme.new", "record", "l", "var", "count(Ticket)"), "record", "acme.new_.RecordCalculator"))
				.isEqualTo(2.0);
		assertThat(run(template("java.lang", "T", "l", "record", "count(Ticket)"), "T", "java_.lang.TCalculator"))
				.isEqualTo(2.0);
	}

	@Test
	void aNameTooLongForAFileIsShortenedStably() throws Exception {
		String name = "T" + "x".repeat(300);
		String expected = "p." + name.substring(0, 55) + "_" + String.format("%08x", (name + "Calculator").hashCode());
		assertThat(run(template("p", name, "l", "m", "count(Ticket)"), name, expected)).isEqualTo(2.0);
		assertThat(expected.length() - 2).isEqualTo(JavaNames.MAX_FILE_NAME_PART);
	}

	@Test
	void lineAndParagraphSeparatorsStayInsideTheirStrings() throws Exception {
		String text = "a\u2028b\u2029c */ \uE000 \uE0002028\uE001";
		String formula = "count(Ticket where Ticket.id != \"" + text + "\")";
		assertThat(run(template("p", "T", text, "m", formula), "T", "p.TCalculator")).isEqualTo(2.0);
		LoadedModel loaded = Models.load("t.kpi", template("p", "T", text, "m", formula));
		Calculator calculator = (Calculator) CalculatorCompiler.compile("p.TCalculator",
				new CalculatorGenerator().generate(Models.template(Models.model(loaded, "t.kpi"), "T"), null).content())
				.getDeclaredConstructor().newInstance();
		assertThat(calculator.template().metrics().get(0).description()).isEqualTo(text);
		assertThat(calculator.template().metrics().get(0).formula()).contains(text);
	}

	@Test
	void aTemplateWithoutMetricsGeneratesAndRunsToNoValues() throws Exception {
		String text = "package p\ntemplate T {\n\tsource Ticket { key id: text  createdAt: timestamp time  cost: number }\n}\n";
		LoadedModel loaded = Models.load("t.kpi", text);
		GeneratedSource source = new CalculatorGenerator().generate(Models.template(Models.model(loaded, "t.kpi"), "T"),
				null);
		Files.createDirectories(folder.resolve("data"));
		Files.writeString(folder.resolve("data/Ticket.csv"), TICKETS, StandardCharsets.UTF_8);
		Results results = CalculatorCases.run(CalculatorCompiler.compile(source.qualifiedClassName(), source.content()),
				folder);
		assertThat(results.template().metrics()).isEmpty();
	}
}
