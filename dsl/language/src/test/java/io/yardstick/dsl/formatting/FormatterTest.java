package io.yardstick.dsl.formatting;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.testing.GoldenFiles;
import io.yardstick.dsl.testing.Models;
import io.yardstick.dsl.workspace.KpiFiles;
import io.yardstick.dsl.workspace.LoadedModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The canonical layout: golden cases, idempotence, and the example templates already in it. */
class FormatterTest {
	private static final Path CASES = Path.of("src/test/resources/formatting");
	private static final Path EXAMPLES = Path.of("../../example-templates");

	private static String format(String text) {
		LoadedModel loaded = Models.load("input.kpi", text);
		XtextResource resource = (XtextResource) loaded.resource("input.kpi");
		return Models.workspace().injector().getInstance(TemplateFormatter.class).format(resource);
	}

	@TestFactory
	Stream<DynamicTest> eachCaseFormatsToItsExpectedText() throws IOException {
		return Files.list(CASES).filter(Files::isDirectory).sorted().map(folder -> DynamicTest.dynamicTest(
				folder.getFileName().toString(), () -> {
					String input = Files.readString(folder.resolve("model/input.kpi"), StandardCharsets.UTF_8);
					GoldenFiles.assertMatches(folder.resolve("expected/formatted.kpi"), format(input));
				}));
	}

	@TestFactory
	Stream<DynamicTest> formattingTwiceChangesNothing() throws IOException {
		return Files.list(CASES).filter(Files::isDirectory).sorted().map(folder -> DynamicTest.dynamicTest(
				folder.getFileName().toString(), () -> {
					String once = format(Files.readString(folder.resolve("model/input.kpi"), StandardCharsets.UTF_8));
					assertThat(format(once)).isEqualTo(once);
				}));
	}

	@TestFactory
	Stream<DynamicTest> exampleTemplatesAreInCanonicalLayout() throws IOException {
		return KpiFiles.collect(java.util.List.of(EXAMPLES)).stream().map(file -> DynamicTest.dynamicTest(
				file.displayPath(), () -> {
					String text = Files.readString(file.path(), StandardCharsets.UTF_8);
					assertThat(format(text)).isEqualTo(text);
				}));
	}

	@Test
	void aFileWithSyntaxErrorsIsLeftAlone() {
		String broken = "package p\ntemplate T {  source S { key id: text  \n";
		assertThat(format(broken)).isEqualTo(broken);
	}

	@Test
	void commentsStay() {
		String text = """
				// header
				package p

				template T {
					// a source
					source S {
						key id: text // the key
					}
				}
				""";
		assertThat(format(text)).isEqualTo(text);
	}

	/** Chains are formatted in a loop: a sum of 1,000 terms and a long reference path format without overflow. */
	@Test
	void longChainsAndPathsFormat() {
		String sum = String.join("   +\t", java.util.Collections.nCopies(1000, "count(Ticket)"));
		String text = "package p\n\ntemplate T {\n\tsource Ticket {\n\t\tkey id: text\n\t\tcreatedAt: timestamp time\n"
				+ "\t\tcost: number\n\t\tparent -> Ticket?\n\t}\n\tlayer execution {\n\t\tmetric m : number {\n\t\t\t= %s\n"
				+ "\t\t}\n\t\tmetric n : number {\n\t\t\t= sum(Ticket%s.cost)\n\t\t}\n\t}\n}\n";
		String formatted = format(text.formatted(sum, " . parent".repeat(150)));
		// Canonical layout also puts a blank line between blocks.
		assertThat(formatted).isEqualTo(text.formatted(String.join(" + ", java.util.Collections.nCopies(1000,
				"count(Ticket)")), ".parent".repeat(150)).replace("\t}\n\tlayer", "\t}\n\n\tlayer").replace("\t\t}\n\t\tmetric", "\t\t}\n\n\t\tmetric"));
	}
}
