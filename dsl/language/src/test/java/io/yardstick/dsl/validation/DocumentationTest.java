package io.yardstick.dsl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.testing.Models;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.LoadedModel;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.dsl.workspace.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The reference pages say what the code does: their examples validate, their code list is complete. */
class DocumentationTest {
	private static final Path DOCS = Path.of("../../docs");
	private static final Pattern KPI_BLOCK = Pattern.compile("```kpi\\n(.*?)```", Pattern.DOTALL);
	private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)", Pattern.MULTILINE);
	private static final Pattern IMPORT = Pattern.compile("^import\\s+([\\w.]+?)(\\.\\*|\\.\\w+)?\\s", Pattern.MULTILINE);
	/** A finding of a wrong-template case, as the page quotes it (file-level ones come from the CLI). */
	private static final Pattern QUOTED_FINDING = Pattern.compile("^model/\\S+\\.kpi:\\d+:\\d+: (error|warning|info) ");
	private static final Pattern CODE_HEADING = Pattern.compile("^### `([a-z-]+)`", Pattern.MULTILINE);

	/**
	 * Each block of the language reference alone, with the earlier blocks whose packages it
	 * imports: a block may show how one file uses another.
	 */
	@TestFactory
	Stream<DynamicTest> everyLanguageExampleValidatesWithoutErrorsOrWarnings() throws IOException {
		String page = Files.readString(DOCS.resolve("language.md"), StandardCharsets.UTF_8);
		List<String> blocks = new ArrayList<>();
		Matcher matcher = KPI_BLOCK.matcher(page);
		while (matcher.find()) {
			blocks.add(matcher.group(1));
		}
		assertThat(blocks).hasSizeGreaterThan(10);
		List<DynamicTest> tests = new ArrayList<>();
		for (int i = 0; i < blocks.size(); i++) {
			int index = i;
			tests.add(DynamicTest.dynamicTest("block " + (i + 1) + ": " + firstCodeLine(blocks.get(i)), () -> {
				Map<String, String> files = new LinkedHashMap<>();
				for (String imported : imports(blocks.get(index))) {
					for (int j = 0; j < index; j++) {
						if (imported.equals(packageOf(blocks.get(j)))) {
							files.put("block" + (j + 1) + ".kpi", blocks.get(j));
						}
					}
				}
				String name = "block" + (index + 1) + ".kpi";
				files.put(name, blocks.get(index));
				LoadedModel loaded = Models.workspace().load(files);
				List<Finding> problems = Models.workspace().validate(loaded, ProgressListener.NONE).stream()
						.filter(finding -> finding.severity() != Severity.INFO).toList();
				assertThat(problems).as("errors and warnings in block %d:%n%s", index + 1, blocks.get(index)).isEmpty();
			}));
		}
		return tests.stream();
	}

	@Test
	void theValidationPageHasOneSectionPerIssueCode() throws IOException {
		String page = Files.readString(DOCS.resolve("validation.md"), StandardCharsets.UTF_8);
		Set<String> headed = new TreeSet<>();
		Matcher matcher = CODE_HEADING.matcher(page);
		while (matcher.find()) {
			headed.add(matcher.group(1));
		}
		assertThat(headed).containsExactlyInAnyOrderElementsOf(IssueCodes.all());
	}

	/**
	 * Every finding the validation page quotes is one the validator gives today: the line occurs
	 * in the expected findings of some wrong-template case.
	 */
	@Test
	void everyFindingQuotedOnTheValidationPageIsReal() throws IOException {
		String page = Files.readString(DOCS.resolve("validation.md"), StandardCharsets.UTF_8);
		Set<String> real = new TreeSet<>();
		for (Path folder : io.yardstick.dsl.testing.ValidationCases.caseFolders(
				io.yardstick.dsl.testing.ValidationCases.WRONG_TEMPLATES)) {
			real.addAll(Files.readAllLines(io.yardstick.dsl.testing.ValidationCases.expectedFile(folder),
					StandardCharsets.UTF_8));
		}
		List<String> quoted = page.lines().filter(line -> QUOTED_FINDING.matcher(line).find()).toList();
		assertThat(quoted).hasSizeGreaterThan(40);
		assertThat(quoted).allSatisfy(line -> assertThat(real).as("findings of the wrong-template cases").contains(line));
	}

	private static String firstCodeLine(String block) {
		return block.lines().filter(line -> !line.isBlank() && !line.startsWith("//")).findFirst().orElse("")
				.replaceAll("[^\\w. ]", "");
	}

	private static String packageOf(String block) {
		Matcher matcher = PACKAGE.matcher(block);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static Set<String> imports(String block) {
		Set<String> packages = new TreeSet<>();
		Matcher matcher = IMPORT.matcher(block);
		while (matcher.find()) {
			packages.add(matcher.group(1));
		}
		return packages;
	}
}
