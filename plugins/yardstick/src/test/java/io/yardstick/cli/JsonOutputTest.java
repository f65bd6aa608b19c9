package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yardstick.cli.Cli.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonOutputTest {
	@TempDir
	Path dir;

	@Test
	void jsonHoldsExactlyWhatTheTextSays() throws IOException {
		Cli.writeDemoAndBrokenLink(dir);
		Files.writeString(dir.resolve("empty.kpi"), "");
		Files.write(dir.resolve("latin1.kpi"), "package x\n// caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

		Result text = Cli.run("validate", dir.toString());
		Result json = Cli.run("validate", "--format", "json", dir.toString());

		assertThat(json.exit()).isEqualTo(text.exit()).isEqualTo(1);
		assertThat(json.err()).isEmpty();
		assertThat(json.out()).doesNotContain("\r").endsWith("}\n");

		JsonNode root = new ObjectMapper().readTree(json.out());
		assertThat(fieldNames(root)).containsExactly("files", "findings", "summary");

		List<String> files = new ArrayList<>();
		root.get("files").forEach(file -> files.add(file.asText()));
		assertThat(files).containsExactly(dir.resolve("empty.kpi").toString(), dir.resolve("good.kpi").toString(),
				dir.resolve("latin1.kpi").toString(), dir.resolve("links.kpi").toString());

		String[] lines = text.outLines();
		JsonNode findings = root.get("findings");
		assertThat(findings).hasSize(lines.length - 2);
		for (int i = 0; i < findings.size(); i++) {
			JsonNode finding = findings.get(i);
			assertThat(fieldNames(finding)).containsExactly("file", "line", "column", "endLine", "endColumn",
					"severity", "code", "message");
			assertThat(finding.get("line").isInt()).isTrue();
			assertThat(finding.get("endLine").asInt()).isGreaterThanOrEqualTo(finding.get("line").asInt());
			String asText = finding.get("file").asText() + ":" + finding.get("line").asInt() + ":"
					+ finding.get("column").asInt() + ": " + finding.get("severity").asText() + " "
					+ finding.get("code").asText() + ": " + finding.get("message").asText();
			assertThat(asText).isEqualTo(lines[i]);
		}
		assertThat(findings.findValuesAsText("code")).contains("empty-file", "encoding-error",
				"unresolved-reference");

		JsonNode summary = root.get("summary");
		assertThat(fieldNames(summary)).containsExactly("files", "errors", "warnings", "infos");
		String summaryText = summary.get("files").asInt() + " files: " + summary.get("errors").asInt() + " errors, "
				+ summary.get("warnings").asInt() + " warnings, " + summary.get("infos").asInt() + " infos";
		assertThat(summaryText).isEqualTo(lines[lines.length - 2]);
	}

	@Test
	void jsonIsPrettyPrintedAndDeterministic() throws IOException {
		Path demo = Files.writeString(dir.resolve("demo.kpi"), Cli.DEMO);

		Result first = Cli.run("validate", "-f", "json", demo.toString());
		Result second = Cli.run("validate", "-f", "json", demo.toString());

		assertThat(first.exit()).isEqualTo(0);
		assertThat(second.out()).isEqualTo(first.out());
		ObjectMapper mapper = new ObjectMapper();
		String file = mapper.writeValueAsString(demo.toString());
		// The wording belongs to the language module; the layout is what this test pins down.
		String textLine = Cli.run("validate", demo.toString()).outLines()[0];
		String prefix = demo + ":4:31: warning strategic-undocumented: ";
		assertThat(textLine).startsWith(prefix);
		String message = mapper.writeValueAsString(textLine.substring(prefix.length()));
		assertThat(first.out()).isEqualTo("""
				{
				  "files": [
				    %s
				  ],
				  "findings": [
				    {
				      "file": %s,
				      "line": 4,
				      "column": 31,
				      "endLine": 4,
				      "endColumn": 35,
				      "severity": "warning",
				      "code": "strategic-undocumented",
				      "message": %s
				    }
				  ],
				  "summary": {
				    "files": 1,
				    "errors": 0,
				    "warnings": 1,
				    "infos": 0
				  }
				}
				""".formatted(file, file, message));
	}

	@Test
	void usageErrorsStayTextOnStandardError() {
		Result result = Cli.run("validate", "--format", "json", dir.resolve("missing.kpi").toString());

		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("yardstick: error: no such file or folder: ");
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}
}
