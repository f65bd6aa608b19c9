package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.cli.Cli.Result;
import io.yardstick.dsl.validation.IssueCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * `yardstick validate` on the whole folder of deliberately wrong templates: one model of all the
 * cases, giving exactly the findings each case gives on its own, so every rule's code shows.
 */
class WrongTemplatesCliTest {
	private static final Path WRONG = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
			.resolve("../../dsl/language/src/test/resources/wrong-templates").normalize();

	@Test
	void theWholeFolderReportsEveryCaseAndEveryCode() throws IOException {
		Result result = Cli.run("validate", WRONG.toString());

		assertThat(result.exit()).isEqualTo(1);
		List<String> expected = new ArrayList<>();
		try (Stream<Path> cases = Files.list(WRONG)) {
			for (Path folder : cases.sorted().toList()) {
				for (String line : Files.readAllLines(folder.resolve("expected/findings.txt"), StandardCharsets.UTF_8)) {
					expected.add(folder.resolve(line.substring(0, line.indexOf(':'))) + line.substring(line.indexOf(':')));
				}
			}
		}
		List<String> lines = List.of(result.outLines());
		List<String> findings = lines.subList(0, lines.size() - 2);
		assertThat(findings).containsExactlyInAnyOrderElementsOf(expected);

		Set<String> codes = new TreeSet<>();
		for (String finding : findings) {
			codes.add(finding.replaceFirst("^.+?:\\d+:\\d+: \\w+ ([a-z-]+): .*$", "$1"));
		}
		Set<String> provokable = new TreeSet<>(IssueCodes.all());
		provokable.removeAll(Set.of(IssueCodes.UNREADABLE_FILE, IssueCodes.INTERNAL_ERROR));
		assertThat(codes).isEqualTo(provokable);
	}
}
