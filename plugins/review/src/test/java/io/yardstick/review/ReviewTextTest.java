package io.yardstick.review;

import static io.yardstick.review.ReviewSamples.link;
import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.review.Review.Method;
import io.yardstick.runtime.text.Texts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review's terminal text in both languages: the same keys, and the same table in Chinese words. */
class ReviewTextTest {
	private static final Review REVIEW = Reviewer.review(ReviewSamples.results(24, 3, 1.0, 7,
			List.of(link("x", "up", true, 0), link("x", "down", true, 0), link("x", "none", true, 0))), "region",
			Method.DEFAULT, List.of());

	@Test
	void everyKeyIsInBothLanguages() {
		assertThat(Texts.entries(ReviewText.TEXTS, "zh").keySet()).isEqualTo(Texts.entries(ReviewText.TEXTS, "en").keySet());
	}

	@Test
	void englishIsTheDefaultAndChineseSaysTheSameInChineseWords() {
		String english = ReviewText.render(REVIEW, "en");
		String chinese = ReviewText.render(REVIEW, "zh");
		assertThat(ReviewText.render(REVIEW)).isEqualTo(english);
		assertThat(english).startsWith("Evidence on 3 declared link(s) of ").contains("  supported\n", "  contradicted\n")
				.contains("Links: 1 supported, 1 contradicted, 1 inconclusive\n").doesNotContainPattern("\\p{IsHan}");
		assertThat(chinese).contains("个已声明链接的证据，按 month 和 region：给出判定需要 12 个点", "  支持\n", "  矛盾\n",
				"未获支持的链接及原因\n", "链接：1 个支持，1 个矛盾，1 个无定论\n");
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
