package io.yardstick.dsl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.testing.GoldenFiles;
import io.yardstick.dsl.testing.ValidationCases;
import io.yardstick.dsl.workspace.KpiWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every validation rule against deliberately wrong templates: one folder per case, named after
 * the issue code it is about, compared with its complete expected list of findings.
 */
class WrongTemplatesTest {
	private static final Pattern CODE = Pattern.compile("^[^:]+:\\d+:\\d+: \\w+ ([a-z-]+): ", Pattern.MULTILINE);
	/** Codes no template can provoke: an unreadable file is tested by the CLI, an internal error by a crashing check. */
	private static final Set<String> NOT_FROM_TEMPLATES = Set.of(IssueCodes.UNREADABLE_FILE, IssueCodes.INTERNAL_ERROR);

	private static KpiWorkspace workspace;

	@BeforeAll
	static void createWorkspace() {
		workspace = new KpiWorkspace();
	}

	@TestFactory
	Stream<DynamicTest> eachCaseGivesExactlyItsExpectedFindings() {
		return ValidationCases.caseFolders(ValidationCases.WRONG_TEMPLATES).stream()
				.map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> GoldenFiles.assertMatches(
						ValidationCases.expectedFile(folder), ValidationCases.findingsText(workspace, folder))));
	}

	@Test
	void eachCaseIsNamedAfterACodeItReports() throws IOException {
		for (Path folder : ValidationCases.caseFolders(ValidationCases.WRONG_TEMPLATES)) {
			String name = folder.getFileName().toString();
			String code = IssueCodes.all().stream().filter(name::startsWith).max((a, b) -> a.length() - b.length())
					.orElse(null);
			assertThat(code).as("case folder %s starts with an issue code", name).isNotNull();
			assertThat(codesIn(folder)).as("codes reported by case %s", name).contains(code);
		}
	}

	@Test
	void everyRuleIsExercised() throws IOException {
		Set<String> reported = new TreeSet<>();
		for (Path folder : ValidationCases.caseFolders(ValidationCases.WRONG_TEMPLATES)) {
			reported.addAll(codesIn(folder));
		}
		Set<String> expected = new TreeSet<>(IssueCodes.all());
		expected.removeAll(NOT_FROM_TEMPLATES);
		assertThat(reported).containsAll(expected);
	}

	private static Set<String> codesIn(Path folder) throws IOException {
		Path expected = ValidationCases.expectedFile(folder);
		Set<String> codes = new TreeSet<>();
		if (Files.exists(expected)) {
			Matcher matcher = CODE.matcher(Files.readString(expected, StandardCharsets.UTF_8));
			while (matcher.find()) {
				codes.add(matcher.group(1));
			}
		}
		return codes;
	}

}
