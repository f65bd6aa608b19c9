package io.yardstick.dsl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.testing.Models;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.LoadedModel;
import io.yardstick.dsl.workspace.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The validator never throws on broken input. The after-sales example, cut off at every line and
 * with tokens deleted or swapped at random (fixed seed), must give findings, never an exception
 * and never an internal-error finding. {@code -Dyardstick.fuzz.rounds=N} runs more random rounds
 * (and {@code -Dyardstick.fuzz.seed=S} another sequence) when hunting for crashes.
 */
class BrokenInputTest {
	private static final Path EXAMPLE = Path.of("../../example-templates/after-sales-standard");
	private static String customers;
	private static String template;

	@BeforeAll
	static void readExample() throws IOException {
		customers = Files.readString(EXAMPLE.resolve("customers.kpi"), StandardCharsets.UTF_8);
		template = Files.readString(EXAMPLE.resolve("after-sales.kpi"), StandardCharsets.UTF_8);
	}

	private static List<Finding> validate(String brokenTemplate) {
		LoadedModel loaded = Models.load("customers.kpi", customers, "after-sales.kpi", brokenTemplate);
		return Models.workspace().validate(loaded, ProgressListener.NONE);
	}

	private static void assertHandled(String variant, String description) {
		List<Finding> findings = validate(variant);
		assertThat(findings).as("findings for %s", description)
				.noneMatch(finding -> finding.code().equals(IssueCodes.INTERNAL_ERROR));
	}

	@Test
	void theIntactExampleHasNoErrors() {
		assertThat(validate(template)).noneMatch(finding -> finding.severity() == io.yardstick.dsl.workspace.Severity.ERROR);
	}

	@Test
	void everyTruncationIsHandled() {
		String[] lines = template.split("\n", -1);
		StringBuilder prefix = new StringBuilder();
		for (int i = 0; i < lines.length; i++) {
			assertHandled(prefix.toString(), "the first " + i + " lines");
			prefix.append(lines[i]).append('\n');
		}
	}

	@Test
	void randomTokenDamageIsHandled() {
		List<int[]> tokens = tokens(template);
		Random random = new Random(Long.getLong("yardstick.fuzz.seed", 20261122L));
		int rounds = Integer.getInteger("yardstick.fuzz.rounds", 150);
		for (int round = 0; round < rounds; round++) {
			int[] token = tokens.get(random.nextInt(tokens.size()));
			String variant;
			String description;
			if (round % 3 == 0) {
				variant = template.substring(0, token[0]) + template.substring(token[1]);
				description = "deleting `" + template.substring(token[0], token[1]) + "` at offset " + token[0];
			} else {
				int[] other = tokens.get(random.nextInt(tokens.size()));
				String replacement = template.substring(other[0], other[1]);
				variant = template.substring(0, token[0]) + replacement + template.substring(token[1]);
				description = "replacing `" + template.substring(token[0], token[1]) + "` at offset " + token[0] + " by `"
						+ replacement + "`";
			}
			assertHandled(variant, description);
		}
	}

	/** Start and end offsets of the words and symbols of a text, outside comments. */
	private static List<int[]> tokens(String text) {
		List<int[]> tokens = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			} else if (text.startsWith("//", i)) {
				i = text.indexOf('\n', i) < 0 ? text.length() : text.indexOf('\n', i);
			} else if (Character.isLetterOrDigit(c) || c == '_') {
				int start = i;
				while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
					i++;
				}
				tokens.add(new int[] { start, i });
			} else if (c == '"') {
				int end = text.indexOf('"', i + 1);
				tokens.add(new int[] { i, end < 0 ? text.length() : end + 1 });
				i = end < 0 ? text.length() : end + 1;
			} else {
				tokens.add(new int[] { i, i + 1 });
				i++;
			}
		}
		return tokens;
	}
}
