package io.yardstick.runtime.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a document against a JSON Schema (draft 2020-12) that uses only the keywords below. A keyword it
 * does not know fails the check, so the documented schema can never say more than the tests verify.
 */
final class SchemaCheck {
	private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "$defs", "title",
			"description", "examples", "format");
	private static final Set<String> ASSERTIONS = Set.of("$ref", "type", "properties", "required",
			"additionalProperties", "items", "enum", "const", "pattern", "minimum", "minItems", "maxItems");

	private final JsonNode root;
	private final List<String> problems = new ArrayList<>();

	private SchemaCheck(JsonNode root) {
		this.root = root;
	}

	static void assertValid(Path schemaFile, JsonNode document) {
		JsonNode schema;
		try {
			schema = new ObjectMapper().readTree(schemaFile.toFile());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
		SchemaCheck check = new SchemaCheck(schema);
		check.check(schema, document, "");
		assertThat(check.problems).as("problems against " + schemaFile).isEmpty();
	}

	private void check(JsonNode schema, JsonNode value, String at) {
		if (schema.isBoolean()) {
			if (!schema.booleanValue()) {
				problems.add(at + ": no value is allowed here");
			}
			return;
		}
		for (Iterator<String> keys = schema.fieldNames(); keys.hasNext();) {
			String key = keys.next();
			if (!ANNOTATIONS.contains(key) && !ASSERTIONS.contains(key)) {
				throw new IllegalArgumentException("the schema uses `" + key + "`, which this check does not know");
			}
		}
		if (schema.has("$ref")) {
			String ref = schema.get("$ref").asText();
			if (!ref.startsWith("#/$defs/")) {
				throw new IllegalArgumentException("only local $defs references are known: " + ref);
			}
			JsonNode target = root.path("$defs").path(ref.substring("#/$defs/".length()));
			if (target.isMissingNode()) {
				throw new IllegalArgumentException("no definition " + ref);
			}
			check(target, value, at);
		}
		if (schema.has("type")) {
			List<String> types = new ArrayList<>();
			if (schema.get("type").isArray()) {
				schema.get("type").forEach(type -> types.add(type.asText()));
			} else {
				types.add(schema.get("type").asText());
			}
			if (types.stream().noneMatch(type -> is(type, value))) {
				problems.add(at + ": " + value + " is not of type " + types);
				return;
			}
		}
		if (schema.has("const") && !schema.get("const").equals(value)) {
			problems.add(at + ": " + value + " is not " + schema.get("const"));
		}
		if (schema.has("enum")) {
			boolean found = false;
			for (JsonNode allowed : schema.get("enum")) {
				found |= allowed.equals(value);
			}
			if (!found) {
				problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
			}
		}
		if (schema.has("pattern") && value.isTextual()
				&& !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
			problems.add(at + ": " + value + " does not match " + schema.get("pattern"));
		}
		if (schema.has("minimum") && value.isNumber() && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
			problems.add(at + ": " + value + " is below " + schema.get("minimum"));
		}
		if (value.isObject()) {
			JsonNode properties = schema.path("properties");
			if (schema.has("required")) {
				for (JsonNode name : schema.get("required")) {
					if (!value.has(name.asText())) {
						problems.add(at + ": misses " + name.asText());
					}
				}
			}
			for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				String path = at + "/" + field.getKey();
				if (properties.has(field.getKey())) {
					check(properties.get(field.getKey()), field.getValue(), path);
				} else if (schema.has("additionalProperties")) {
					check(schema.get("additionalProperties"), field.getValue(), path);
				}
			}
		}
		if (value.isArray()) {
			if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
				problems.add(at + ": fewer than " + schema.get("minItems") + " items");
			}
			if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
				problems.add(at + ": more than " + schema.get("maxItems") + " items");
			}
			if (schema.has("items")) {
				for (int i = 0; i < value.size(); i++) {
					check(schema.get("items"), value.get(i), at + "/" + i);
				}
			}
		}
	}

	private static boolean is(String type, JsonNode value) {
		return switch (type) {
			case "object" -> value.isObject();
			case "array" -> value.isArray();
			case "string" -> value.isTextual();
			case "number" -> value.isNumber();
			case "integer" -> value.isIntegralNumber()
					|| value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
			case "boolean" -> value.isBoolean();
			case "null" -> value.isNull();
			default -> throw new IllegalArgumentException("unknown type " + type);
		};
	}
}
