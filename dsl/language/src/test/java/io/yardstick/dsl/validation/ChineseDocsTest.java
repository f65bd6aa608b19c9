package io.yardstick.dsl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Chinese pages in docs/zh keep in step with the English ones: the same sections (heading by heading, at the
 * same levels, with the same code in their titles) and the same code examples, in order. Blocks marked
 * {@code text} are a program's output, which is in the page's language, and may differ.
 */
class ChineseDocsTest {
	private static final Path DOCS = Path.of("../../docs");
	private static final Pattern HEADING = Pattern.compile("^(#{2,6}) (.*)$", Pattern.MULTILINE);
	private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);
	private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

	/** English page (or the part of it the Chinese page covers) and its Chinese counterpart. */
	private record Pair(String name, String english, String chinese) {
	}

	@TestFactory
	Stream<DynamicTest> eachChinesePageHasTheSectionsAndCodeOfItsEnglishPage() throws IOException {
		List<Pair> pairs = List.of(
				new Pair("README quick start", section(read(DOCS.resolve("../README.md")), "## Quick start"),
						section(read(DOCS.resolve("zh/README.md")), "## 快速上手")),
				new Pair("cli.md", read(DOCS.resolve("cli.md")), read(DOCS.resolve("zh/cli.md"))),
				new Pair("language.md", read(DOCS.resolve("language.md")), read(DOCS.resolve("zh/language.md"))),
				new Pair("validation.md", read(DOCS.resolve("validation.md")), read(DOCS.resolve("zh/validation.md"))));
		return pairs.stream().map(pair -> DynamicTest.dynamicTest(pair.name(), () -> {
			assertThat(headings(pair.chinese())).as("sections of the Chinese %s", pair.name())
					.isEqualTo(headings(pair.english()));
			assertThat(codeBlocks(pair.chinese())).as("code examples of the Chinese %s", pair.name())
					.isEqualTo(codeBlocks(pair.english()));
		}));
	}

	private static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8);
	}

	/** From a level-2 heading to the next level-2 heading or the end. */
	private static String section(String page, String heading) {
		int start = page.indexOf("\n" + heading + "\n");
		assertThat(start).as("heading %s", heading).isNotNegative();
		int end = page.indexOf("\n## ", start + heading.length() + 1);
		return page.substring(start, end < 0 ? page.length() : end + 1);
	}

	/** Each heading as its level and the code spans in its title: `yardstick run` stays as written. */
	private static List<String> headings(String page) {
		List<String> headings = new ArrayList<>();
		Matcher matcher = HEADING.matcher(withoutCodeBlocks(page));
		while (matcher.find()) {
			StringBuilder code = new StringBuilder(matcher.group(1));
			Matcher span = CODE_SPAN.matcher(matcher.group(2));
			while (span.find()) {
				code.append(' ').append(span.group(1));
			}
			headings.add(code.toString());
		}
		return headings;
	}

	/** Every fenced block but program output ({@code text}), with its info string. */
	private static List<String> codeBlocks(String page) {
		List<String> blocks = new ArrayList<>();
		Matcher matcher = FENCE.matcher(page);
		while (matcher.find()) {
			if (!matcher.group(1).equals("text")) {
				blocks.add("```" + matcher.group(1) + "\n" + matcher.group(2));
			}
		}
		return blocks;
	}

	private static String withoutCodeBlocks(String page) {
		return FENCE.matcher(page).replaceAll("");
	}
}
