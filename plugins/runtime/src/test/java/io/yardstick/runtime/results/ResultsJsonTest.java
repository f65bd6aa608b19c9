package io.yardstick.runtime.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.calc.ResultsFixture;
import io.yardstick.runtime.results.ResultsJson.JsonResults;
import io.yardstick.runtime.spec.MetricSpec;
import io.yardstick.runtime.spec.Specs;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.time.Grain;
import io.yardstick.runtime.time.Periods;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsJsonTest {
	private static final ObjectMapper PLAIN = new ObjectMapper();

	@Test
	void matchesTheGoldenFile() {
		Golden.assertMatches("client.json", ResultsJson.toJson(Samples.client()));
	}

	@Test
	void isDeterministicAndEndsEveryLineWithALineFeed() throws IOException {
		String json = ResultsJson.toJson(Samples.client());
		assertThat(ResultsJson.toJson(Samples.client())).isEqualTo(json);
		assertThat(json).doesNotContain("\r").doesNotContain("\t").endsWith("}\n").startsWith("{\n  \"schema\": ");
		StringWriter out = new StringWriter();
		ResultsJson.write(Samples.client(), out);
		assertThat(out.toString()).isEqualTo(json);
		out.write("still open");
	}

	@Test
	void escapesQuotesBackslashesLineBreaksAndMarkup() throws IOException {
		String json = ResultsJson.toJson(Samples.client());
		assertThat(json)
				.contains("\"\": \"Say \\\"hi\\\", <\\/script> & bye\"")
				.contains("\"description\": \"Quotes \\\" and \\\\ and <\\/script>\\non two lines\"")
				.contains("\"Acme \\\"Best\\\", <\\/script>\"")
				.contains("\"target\": \"<= 2h\"")
				.doesNotContain("</");
		JsonNode root = PLAIN.readTree(json);
		assertThat(root.at("/metrics/8/labels/").asText()).isEqualTo("Say \"hi\", </script> & bye");
		assertThat(root.at("/groupings/2/groups/1/1").asText()).isEqualTo(Samples.AWKWARD);
		assertThat(json).as("CJK stays readable").contains("\"zh\": \"客户流失率\"");
	}

	@Test
	void nothingInTheTextCanEndOrConfuseAScriptElement() throws IOException {
		Results support = Samples.support();
		TemplateSpec template = support.template();
		MetricSpec first = template.metrics().get(0);
		String label = "<!--<script> a\u2028b\u2029c </SCRIPT> <<//";
		MetricSpec tricky = new MetricSpec(first.id(), Specs.labels("", label), first.layer(), first.kind(),
				first.unit(), first.min(), first.max(), first.direction(), first.supporting(), first.target(),
				first.warning(), first.critical(), first.breakdowns(), first.formula(), first.description(),
				first.goal(), first.owner(), first.sources());
		Results results = new Results(new TemplateSpec(template.qualifiedName(), template.labels(), template.zone(),
				template.sources(), template.dimensions(), template.layers(),
				List.of(tricky, template.metrics().get(1)), template.links(), template.loops()), support.periods(),
				support.groupings(), support.diagnostics());
		String json = ResultsJson.toJson(results);
		assertThat(json).contains("\"\": \"<\\u0021--<script> a\\u2028b\\u2029c <\\/SCRIPT> <<\\//\"")
				.doesNotContain("</").doesNotContain("<!").doesNotContain("\u2028").doesNotContain("\u2029");
		assertThat(PLAIN.readTree(json).at("/metrics/0/labels/").asText()).isEqualTo(label);
	}

	@Test
	void writesStoredNumbersNullsAndNoNegativeZero() throws IOException {
		JsonNode root = PLAIN.readTree(ResultsJson.toJson(Samples.client()));
		JsonNode churnByRegion = root.at("/values/churnRate/region");
		assertThat(churnByRegion.at("/1/1/value").isIntegralNumber()).isTrue();
		assertThat(churnByRegion.at("/1/1/value").asText()).as("-0.0 is written 0").isEqualTo("0");
		assertThat(churnByRegion.at("/1/1/display").asText()).isEqualTo("0.0%");
		assertThat(root.at("/values/churnRate/total/1/0/value").doubleValue()).isEqualTo(0.046);
		assertThat(root.at("/values/churnRate/total/1/0/display").asText()).isEqualTo("4.6%");
		assertThat(root.at("/values/complaintShare/total/1/0/value").isNull()).isTrue();
		assertThat(root.at("/values/complaintShare/total/1/0/display").asText()).isEqualTo("\u2014");
		assertThat(root.at("/values/complaintShare/total/1/0/status").asText()).isEqualTo("no-value");
		assertThat(root.at("/values/volume/total/0/0/value").asText()).isEqualTo("1234");
		assertThat(root.at("/values/growth/total/1/0/value").doubleValue()).isEqualTo((987.0 - 1234.0) / 1234.0);
		assertThat(root.at("/values/revenue/total/1/0/display").asText()).isEqualTo("1,234.50 CNY");
		assertThat(root.at("/values/firstResponse/region/0/0/display").asText()).isEqualTo("2.3 h");
		assertThat(root.at("/values/lastTicketAt/total/1/0/display").asText()).isEqualTo("2025-02-28T13:45:10+08:00");
		assertThat(root.at("/metrics/2/target").asText()).isEqualTo("<= 2h");
		assertThat(root.at("/metrics/4/target").asText()).isEqualTo("between 5% and 15%");
		assertThat(root.at("/metrics/3/min").asText()).isEqualTo("1");
	}

	@Test
	void keepsNullGroupValuesAndLeavesOutGroupingsAMetricIsNotBrokenDownBy() throws IOException {
		JsonNode root = PLAIN.readTree(ResultsJson.toJson(Samples.client()));
		assertThat(root.at("/groupings/0/groups").toString()).isEqualTo("[[]]");
		assertThat(root.at("/groupings/1/groups").toString()).isEqualTo("[[\"华东\"],[null]]");
		assertThat(root.at("/groupings/2/name").asText()).isEqualTo("region*segment");
		assertThat(root.at("/groupings/2/groups/2/0").isNull()).isTrue();
		assertThat(root.at("/values/volume").fieldNames()).toIterable()
				.containsExactly("total", "region", "region*segment");
		assertThat(root.at("/values/revenue").fieldNames()).toIterable().containsExactly("total");
		assertThat(root.at("/values/churnRate/region*segment").size()).as("periods").isEqualTo(2);
		assertThat(root.at("/values/churnRate/region*segment/0").size()).as("groups").isEqualTo(4);
	}

	@Test
	void coversEveryStatus() throws IOException {
		String json = ResultsJson.toJson(Samples.client());
		for (String status : List.of("critical", "warning", "met", "missed", "tracked", "no-value")) {
			assertThat(json).contains("\"status\": \"" + status + "\"");
		}
	}

	@Test
	void readsBackWhatItWrote() throws IOException {
		JsonResults read = ResultsJson.read(new StringReader(ResultsJson.toJson(Samples.client())));
		assertThat(read).isEqualTo(ResultsJson.model(Samples.client()));
	}

	@Test
	void writesAnEmptyRunToo() throws IOException {
		Results empty = new Results(Samples.support().template(), Periods.none(Grain.WEEK, Samples.SHANGHAI),
				List.of(new GroupingResult(Grouping.TOTAL, List.of(List.of()), new double[][] { {}, {} })),
				ResultsFixture.diagnostics(new long[2]));
		JsonNode root = PLAIN.readTree(ResultsJson.toJson(empty));
		assertThat(root.at("/grain").asText()).isEqualTo("week");
		assertThat(root.at("/periods").toString()).isEqualTo("[]");
		assertThat(root.at("/values/churnRate/total").toString()).isEqualTo("[]");
		assertThat(root.at("/diagnostics/notes").toString()).isEqualTo("[]");
		SchemaCheck.assertValid(Path.of("../../docs/results.schema.json"), root);
	}

	@Test
	void conformsToTheDocumentedSchema() throws IOException {
		Path schema = Path.of("../../docs/results.schema.json");
		assertThat(schema).exists();
		SchemaCheck.assertValid(schema, PLAIN.readTree(ResultsJson.toJson(Samples.client())));
		SchemaCheck.assertValid(schema, PLAIN.readTree(ResultsJson.toJson(Samples.support())));
		assertThat(PLAIN.readTree(Files.readString(schema)).at("/properties/schema/const").asText())
				.isEqualTo(ResultsJson.SCHEMA);
	}

	@Test
	void theSchemaCheckRejectsWhatTheSchemaForbids() throws IOException {
		Path schema = Path.of("../../docs/results.schema.json");
		String json = ResultsJson.toJson(Samples.support());
		List<java.util.function.Consumer<ObjectNode>> breakages = List.of(
				doc -> doc.put("extra", 1),
				doc -> doc.remove("diagnostics"),
				doc -> doc.put("schema", "yardstick-results/1"),
				doc -> ((ObjectNode) doc.at("/values/churnRate/total/0/0")).put("status", "fine"),
				doc -> ((ObjectNode) doc.at("/values/churnRate/total/0/0")).put("value", "0.046"),
				doc -> ((ObjectNode) doc.at("/periods/0")).put("start", "2025-02-01"),
				doc -> ((ObjectNode) doc.at("/metrics/0")).put("target", "2h"),
				doc -> ((ObjectNode) doc.at("/metrics/0")).put("kind", "text"),
				doc -> ((ObjectNode) doc.at("/diagnostics/zeroDenominators")).put("churnRate", -1),
				doc -> ((ObjectNode) doc.at("/diagnostics")).remove("data"),
				doc -> ((ObjectNode) doc.at("/diagnostics/data/0/multiLineCells/0")).put("lines", 1),
				doc -> ((ObjectNode) doc.at("/diagnostics/data/0")).remove("continuationLines"));
		for (java.util.function.Consumer<ObjectNode> breakage : breakages) {
			ObjectNode doc = (ObjectNode) PLAIN.readTree(json);
			breakage.accept(doc);
			assertThatThrownBy(() -> SchemaCheck.assertValid(schema, doc)).as(doc.toString())
					.isInstanceOf(AssertionError.class);
		}
	}
}
