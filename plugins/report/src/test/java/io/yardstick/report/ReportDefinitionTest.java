package io.yardstick.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ReportDefinitionTest {
	private static final Path SCHEMA = SchemaValidation.docs("report.schema.json");
	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void aDefinitionValidatesAgainstThePublishedSchemaAndReadsBackEqual() throws IOException {
		ReportDefinition definition = ReportSamples.definition(ReportSamples.HOSTILE);
		String json = definition.toJson();
		SchemaValidation.assertValid(SCHEMA, json);
		assertThat(ReportDefinition.read(new StringReader(json))).isEqualTo(definition);
		assertThat(json).doesNotContain("\r").doesNotContain("</").endsWith("}\n");
	}

	@Test
	void theSchemaRejectsWhatTheFormatDoesNotAllow() throws IOException {
		String json = ReportSamples.definition("Main").toJson();
		List<Consumer<ObjectNode>> breakages = List.of(
				doc -> doc.put("schema", "yardstick-report/2"),
				doc -> doc.remove("pages"),
				doc -> doc.put("surprise", true),
				doc -> ((ObjectNode) doc.at("/pages/0/tiles/0")).put("chart", "pie"),
				doc -> ((ObjectNode) doc.at("/pages/0")).put("kind", "map"),
				doc -> ((ObjectNode) doc.at("/links/0")).put("polarity", "both"),
				doc -> ((ObjectNode) doc.at("/metrics/0/target")).put("operator", "=>"),
				doc -> ((ArrayNode) doc.at("/loops/0/steps")).remove(1),
				doc -> ((ObjectNode) doc.at("/alertRules/anomaly")).put("minPoints", 2));
		for (Consumer<ObjectNode> breakage : breakages) {
			ObjectNode doc = (ObjectNode) JSON.readTree(json);
			breakage.accept(doc);
			assertThat(SchemaValidation.problems(SCHEMA, doc)).as(doc.toString()).isNotEmpty();
		}
	}

	@Test
	void readingRefusesAnotherVersion() {
		String json = ReportSamples.definition("Main").toJson().replace("yardstick-report/1", "yardstick-report/9");
		assertThatThrownBy(() -> ReportDefinition.read(new StringReader(json)))
				.hasMessage("not a yardstick-report/1 document: its schema is yardstick-report/9");
	}
}
