package io.yardstick.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Checks documents against the JSON Schemas published in docs/, with a full draft 2020-12 validator. */
public final class SchemaValidation {
	private static final ObjectMapper JSON = new ObjectMapper();

	private SchemaValidation() {
	}

	/** The schema file in the repository's docs/ folder, from a module two levels down. */
	public static Path docs(String file) {
		return Path.of("../../docs").resolve(file);
	}

	/** What is wrong with the document, one line per problem; empty when it is valid. */
	public static List<String> problems(Path schemaFile, JsonNode document) {
		JsonNode schemaNode;
		try {
			schemaNode = JSON.readTree(schemaFile.toFile());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		assertThat(schemaNode.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
		JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
		return schema.validate(document).stream().map(ValidationMessage::toString).sorted().toList();
	}

	public static void assertValid(Path schemaFile, String json) {
		try {
			assertThat(problems(schemaFile, JSON.readTree(json))).as("problems against " + schemaFile).isEmpty();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
