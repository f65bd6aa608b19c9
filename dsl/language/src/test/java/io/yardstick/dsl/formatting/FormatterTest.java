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
}
