package io.yardstick.review;

import static io.yardstick.review.ReviewSamples.link;
import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.review.Review.LinkEvidence;
import io.yardstick.review.Review.Method;
import io.yardstick.runtime.text.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The review's terminal text in both languages: the same keys, and the same table in Chinese words. */
class ReviewTextTest {
	private static final Review REVIEW = Reviewer.review(ReviewSamples.results(24, 3, 1.0, 7,
			List.of(link("x", "up", true, 0), link("x", "down", true, 0), link("x", "none", true, 0))), "region",
			Method.DEFAULT, List.of());

	/** Planted relations with every verdict and a lag, over 24 months by region; and one short series. */
	private static final List<io.yardstick.runtime.spec.LinkSpec> EVERY_VERDICT = List.of(link("x", "up", true, 0),
			link("x", "up", false, 0), link("x", "none", true, 0), link("x", "later", true, 1));

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

	/** Rewrites the golden files from the code when set; then review the diff and run again without it. */
	private static final boolean UPDATE = Boolean.getBoolean("yardstick.golden.update");

	@Test
	void everyKeyIsInBothLanguagesWithTheSameArguments() {
		Map<String, String> english = Texts.entries(ReviewText.TEXTS, "en");
		Map<String, String> chinese = Texts.entries(ReviewText.TEXTS, "zh");
		assertThat(chinese.keySet()).isEqualTo(english.keySet());
		english.forEach((key, text) -> assertThat(placeholders(chinese.get(key))).as(key).isEqualTo(placeholders(text)));
	}

	@Test
	void theReviewWithItsReasonsReadsAsTheGoldenFileInEachLanguage() throws IOException {
		for (String language : Texts.LANGUAGES) {
			Review review = Reviewer.review(ReviewSamples.results(24, 3, 1.0, 7, EVERY_VERDICT), "region",
					Method.DEFAULT, List.of(), language);
			Review short_ = Reviewer.review(ReviewSamples.results(6, 0, 5.0, 7, List.of(link("x", "later", true, 1))),
					"total", Method.DEFAULT, List.of(), language);
			String text = ReviewText.render(review, language) + "\n" + ReviewText.render(short_, language);
			assertGolden("review-" + language + ".txt", text);
		}
	}

	@Test
	void chineseReasonsHaveNoEnglishWordsButTheCoefficientsNames() {
		Review review = Reviewer.review(ReviewSamples.results(24, 3, 1.0, 7, EVERY_VERDICT), "region", Method.DEFAULT,
				List.of(), "zh");
		Review english = Reviewer.review(ReviewSamples.results(24, 3, 1.0, 7, EVERY_VERDICT), "region", Method.DEFAULT,
				List.of(), "en");
		assertThat(review.links()).extracting(LinkEvidence::reasonCode).containsExactly("supported", "contradicted",
				"not-significant", "supported");
		for (LinkEvidence link : review.links()) {
			assertThat(link.reason().replace("region", "").replaceAll("\\b(r|rho|p)\\b", "")).as(link.reason())
					.containsPattern("\\p{IsHan}").doesNotContainPattern("[A-Za-z]");
		}
		// Only the sentence follows the language: every machine field is the same.
		assertThat(review.toJson().replaceAll("\"reason\": \"[^\"]*\"", ""))
				.isEqualTo(english.toJson().replaceAll("\"reason\": \"[^\"]*\"", ""));
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

	private static void assertGolden(String name, String actual) throws IOException {
		Path golden = Path.of("src/test/resources/golden", name);
		if (UPDATE) {
			Files.createDirectories(golden.getParent());
			Files.writeString(golden, actual, StandardCharsets.UTF_8);
			return;
		}
		assertThat(actual).as("differs from %s (rerun with -Dyardstick.golden.update=true, then review the diff)", golden)
				.isEqualTo(Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "<missing " + golden + ">");
	}

	@Test
	void englishIsTheDefaultAndChineseSaysTheSameInChineseWords() {
		String english = ReviewText.render(REVIEW, "en");
		String chinese = ReviewText.render(REVIEW, "zh");
		assertThat(ReviewText.render(REVIEW)).isEqualTo(english);
		assertThat(english).startsWith("Evidence on 3 declared link(s) of ").contains("  supported\n", "  contradicted\n")
				.contains("Links: 1 supported, 1 contradicted, 1 inconclusive\n").doesNotContainPattern("\\p{IsHan}");
		assertThat(chinese).contains("个已声明链接的证据，按月和 region：给出判定需要 12 个点", "  得到支持\n", "  与声明相反\n",
				"未获支持的链接及原因\n", "链接：1 个得到支持，1 个与声明相反，1 个证据不足\n");
		// Row by row, the links, lags, counts, coefficients and p-values stay as written; the words are translated.
		List<String> englishRows = english.lines().filter(line -> line.startsWith("x -> ")).toList();
		List<String> chineseRows = chinese.lines().filter(line -> line.startsWith("x -> ")).toList();
		assertThat(chineseRows).hasSize(3).hasSameSizeAs(englishRows);
		for (int i = 0; i < englishRows.size(); i++) {
			List<String> en = List.of(englishRows.get(i).split(" {2,}"));
			List<String> zh = List.of(chineseRows.get(i).split(" {2,}"));
			assertThat(zh.get(0)).isEqualTo(en.get(0));
			assertThat(zh.subList(2, 7)).isEqualTo(en.subList(2, 7));
			assertThat(zh.get(1)).isEqualTo(en.get(1).equals("positive") ? "正向" : "负向");
		}
	}
}
