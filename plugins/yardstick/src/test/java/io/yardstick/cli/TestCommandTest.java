package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code yardstick test} on the language module's template-test cases, on Java and DuckDB: exact output, exit codes,
 * JUnit XML valid against the schema CI servers read, and coverage as JSON.
 */
class TestCommandTest {
	@TempDir
	Path dir;

	/** A case folder of the language module's template tests, copied so that paths in the output are short. */
	private Path copy(String name) throws Exception {
		Path from = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
				.resolve("../../dsl/language/src/test/resources/template-tests").resolve(name).resolve("model").normalize();
		Path to = dir.resolve(name);
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				} else {
					Files.copy(file, target);
				}
			}
		}
		return to;
	}

	/** Runs {@code yardstick test FOLDER OPTIONS}; paths in the output are shown relative to the temporary folder. */
	private Cli.Result test(Path folder, String... options) {
		String[] args = Stream.concat(Stream.of("test", folder.toString()), Stream.of(options)).toArray(String[]::new);
		Cli.Result result = Cli.run(args);
		String prefix = dir.toString() + "/";
		return new Cli.Result(result.exit(), result.out().replace(prefix, ""), result.err().replace(prefix, ""));
	}

	@Test
	void passingTestsExitZeroWithASummaryOnBothEngines() throws Exception {
		Cli.Result result = test(copy("passing"));
		assertThat(result.exit()).as(result.err()).isZero();
		assertThat(result.out()).isEqualTo(
				"3 tests of 1 template on java and duckdb: 3 passed, 0 failed (15 expectations checked)\n");
	}

	@Test
	void failingTestsPrintEachFailureWhereItsExpectationIs() throws Exception {
		Cli.Result result = test(copy("failing"));
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.out()).isEqualTo("""
				failing/shop.tests.kpi:16:3: wrongExpectations: expected fcr in 2026-03 = 75%, got 66.6667%
				failing/shop.tests.kpi:17:3: wrongExpectations: expected fcr in 2026-03 = 70% within 2%, got 66.6667%
				failing/shop.tests.kpi:18:3: wrongExpectations: expected nps in 2026-03 is null, got 0
				failing/shop.tests.kpi:19:3: wrongExpectations: expected nps in 2026-03 status met, got critical (0)
				failing/shop.tests.kpi:20:3: wrongExpectations: expected resolution in 2026-03 = 2.5h, got 2h
				failing/shop.tests.kpi:21:3: wrongExpectations: expected cost in 2026-03 = 1200 CNY, got 300 CNY
				failing/shop.tests.kpi:22:3: wrongExpectations: expected cost in 2026-04 = 0 CNY, got no period 2026-04 (the run has 2026-03)
				failing/shop.tests.kpi:23:3: wrongExpectations: expected fcr in 2026-03 for region = "North" = 100%, got no group region = "North" (the run has East; West)
				failing/shop.tests.kpi:24:3: wrongExpectations: expected error Ticket row 2, got no data error in Ticket
				2 tests of 1 template on java and duckdb: 1 passed, 1 failed (10 expectations checked)
				""");
	}

	@Test
	void malformedRowsAreReportedAtTheirCells() throws Exception {
		Cli.Result result = test(copy("malformed-rows"), "--java-only");
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.out()).isEqualTo("""
				malformed-rows/shop.tests.kpi:9:6: malformed: unexpected data error: Customer.customerId: duplicate key "C1" (first on line 8 of malformed-rows/shop.tests.kpi)
				malformed-rows/shop.tests.kpi:13:56: malformed: unexpected data error: Ticket.contacts: "many" is not a count (a whole number >= 0)
				malformed-rows/shop.tests.kpi:14:17: malformed: unexpected data error: Ticket.customer: "C9" is not a key of Customer
				malformed-rows/shop.tests.kpi:15:37: malformed: unexpected data error: Ticket.createdAt: "2026-02-30 10:00" is not a real date
				malformed-rows/shop.tests.kpi:16:73: malformed: unexpected data error: Ticket.cost: "10,00 CNY" is not an amount in CNY (a decimal number, optionally followed by " CNY")
				1 test of 1 template on java: 0 passed, 1 failed (1 expectation checked)
				""");
	}

	@Test
	void junitXmlIsValidAgainstTheSchemaCiServersRead() throws Exception {
		Path failing = copy("failing");
		Path inherited = copy("inherited");
		for (Path folder : new Path[] { failing, inherited }) {
			Path xml = dir.resolve(folder.getFileName() + ".xml");
			test(folder, "--java-only", "--junit", xml.toString());
			String text = Files.readString(xml, StandardCharsets.UTF_8);
			assertThatCode(() -> SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
					.newSchema(getClass().getResource("/junit/junit.xsd")).newValidator()
					.validate(new StreamSource(new StringReader(text)))).as(text).doesNotThrowAnyException();
		}
		String failingXml = Files.readString(dir.resolve("failing.xml"), StandardCharsets.UTF_8);
		assertThat(failingXml).contains("<testsuites name=\"yardstick test\" tests=\"2\" failures=\"1\" errors=\"0\">")
				.contains("<testcase name=\"passes\" classname=\"demo.shop.Shop\" file=\"" + failing
						+ "/shop.tests.kpi\" line=\"27\" assertions=\"1\"/>")
				.contains("<failure message=\"wrongExpectations: expected fcr in 2026-03 = 75%, got 66.6667%\" "
						+ "type=\"expectation\">");
		String inheritedXml = Files.readString(dir.resolve("inherited.xml"), StandardCharsets.UTF_8);
		assertThat(inheritedXml).contains("<testcase name=\"basics (from demo.industry.Industry)\" classname=\"demo.client.Client\"")
				.contains("<system-out>not checked: contactsPerTicket: Client overrides its formula; contactsPerTicket: Client overrides it</system-out>");
	}

	@Test
	void aSchemaViolationIsCaughtByTheSchema() {
		String wrong = "<testsuites><testsuite tests=\"1\"><testcase name=\"x\"/></testsuite></testsuites>";
		assertThatCode(() -> SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
				.newSchema(getClass().getResource("/junit/junit.xsd")).newValidator()
				.validate(new StreamSource(new StringReader(wrong)))).hasMessageContaining("name");
	}

	@Test
	void coverageIsPrintedPerTemplateAndWrittenAsJson() throws Exception {
		Path json = dir.resolve("coverage.json");
		Cli.Result result = test(copy("coverage-gap"), "--java-only", "--coverage", "--coverage-json", json.toString());
		assertThat(result.exit()).as(result.err()).isZero();
		assertThat(result.out()).isEqualTo("""
				1 test of 1 template on java: 1 passed, 0 failed (3 expectations checked)
				demo.complaints.Complaints: metrics with an expectation 2/3, filters seen true and false 0/3, row values seen null 0/1, divisions seen by zero 0/1
				  metric backlog: no expectation
				  coverage-gap/complaints.kpi:15:53: filter `Ticket.isComplaint` of complaintTime seen only true (2 of 2 rows true)
				  coverage-gap/complaints.kpi:19:25: filter `Ticket.isComplaint` of complaintShare seen only true (2 of 2 rows true)
				  coverage-gap/complaints.kpi:22:25: filter `Ticket.resolvedAt is null` of backlog seen only false (0 of 2 rows true)
				  coverage-gap/complaints.kpi:15:10: `Ticket.resolvedAt - Ticket.createdAt` of complaintTime never seen null (2 rows)
				  metric complaintShare: zero denominator never seen
				coverage: coverage.json
				""");
		JsonNode coverage = new ObjectMapper().readTree(json.toFile());
		JsonNode template = coverage.get("templates").get(0);
		assertThat(template.get("template").asText()).isEqualTo("demo.complaints.Complaints");
		assertThat(template.get("filters")).hasSize(3);
		assertThat(template.get("filters").get(0).get("rowsTrue").asInt()).isEqualTo(2);
		assertThat(template.get("filters").get(0).get("rows").asInt()).isEqualTo(2);
		assertThat(template.get("metrics").get(2).get("expected").asBoolean()).isFalse();
	}

	@Test
	void templatesWithErrorsRunNoTest() throws Exception {
		Path folder = dir.resolve("broken");
		Files.createDirectories(folder);
		Files.writeString(folder.resolve("t.kpi"), Cli.DEMO.replace("link volume -> csat : positive\n",
				"link volume -> csat : positive\n    test t { expect nosuch in \"2026-03\" = 1 }\n"));
		Cli.Result result = test(folder);
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.err()).contains("error test-unknown-name: `nosuch` is no metric of T")
				.endsWith("no test ran: the templates have 1 error\n");
	}

	@Test
	void aPathThatDoesNotExistIsAUsageError() {
		Cli.Result result = Cli.run("test", dir.resolve("nowhere").toString());
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err()).contains("no such file or folder");
	}
}
