package io.yardstick.runtime.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The examples in {@code docs/results.md} are this code's output for {@link Samples#support()}: each sits
 * between {@code <!-- example NAME:begin -->} and {@code <!-- example NAME:end -->}, and is rewritten with
 * the golden files ({@code -Dyardstick.golden.update=true}).
 */
class ResultsDocsTest {
	private static final Path DOC = Path.of("../../docs/results.md");

	@Test
	void theJsonExampleIsCurrent() throws IOException {
		check("json", "```json\n" + ResultsJson.toJson(Samples.support()) + "```\n");
	}

	@Test
	void theCsvExampleIsCurrent() throws IOException {
		check("csv", "```csv\n" + ResultsCsv.toCsv(Samples.support()) + "```\n");
	}

	@Test
	void theTableExampleIsCurrent() throws IOException {
		check("table", "```text\n" + ResultsTable.render(Samples.support(), "en")
				+ "```\n");
	}

	private static void check(String name, String expected) throws IOException {
		assertThat(DOC).exists();
		String doc = Files.readString(DOC, StandardCharsets.UTF_8);
		String begin = "<!-- example " + name + ":begin -->\n";
		String end = "<!-- example " + name + ":end -->";
		int from = doc.indexOf(begin);
		int to = doc.indexOf(end);
		assertThat(from).as("%s in %s", begin.trim(), DOC).isNotNegative();
		assertThat(to).as("%s in %s", end, DOC).isGreaterThan(from);
		from += begin.length();
		if (Golden.updating()) {
			Files.writeString(DOC, doc.substring(0, from) + expected + doc.substring(to), StandardCharsets.UTF_8);
			return;
		}
		assertThat(doc.substring(from, to)).as("the %s example in %s (rerun with -D%s=true to rewrite it)", name, DOC,
				Golden.UPDATE_PROPERTY).isEqualTo(expected);
	}
}
