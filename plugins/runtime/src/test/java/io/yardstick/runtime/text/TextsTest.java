package io.yardstick.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextsTest {
	private static final String TABLE = "io/yardstick/runtime/results/table";

	@Test
	void everyKeyOfTheTableIsInBothLanguages() {
		assertThat(Texts.entries(TABLE, "zh").keySet()).isEqualTo(Texts.entries(TABLE, "en").keySet());
	}

	@Test
	void everyKeyOfTheDataBlockProblemsIsInBothLanguages() {
		String format = io.yardstick.runtime.spec.SourceFormat.TEXTS;
		assertThat(Texts.entries(format, "zh").keySet()).isEqualTo(Texts.entries(format, "en").keySet());
		assertThat(io.yardstick.runtime.spec.SourceFormat.problem("delimiter", ";;", "zh"))
				.isEqualTo("\";;\" 不是分隔符：请写 \",\"、\";\"、\"\\t\"（制表符）或 \"|\"");
	}

	@Test
	void fillsNumberedPlaceholdersWithoutLocaleFormatting() {
		assertThat(Texts.fill("{0} of {1} ({0})", new Object[] { 1234567, "x" })).isEqualTo("1234567 of x (1234567)");
		assertThat(Texts.fill("{2} stays, {a} stays, {} stays", new Object[] { 1 })).isEqualTo("{2} stays, {a} stays, {} stays");
	}

	@Test
	void choosesTheCountsForm() {
		Texts english = Texts.of(TABLE, "en");
		assertThat(english.plural("summary.groupings", 1, "total")).isEqualTo("1 grouping computed (total)");
		assertThat(english.plural("summary.groupings", 2, "total, region")).isEqualTo("2 groupings computed (total, region)");
		assertThat(Texts.of(TABLE, "zh").plural("summary.groupings", 2, "总计、区域")).isEqualTo("计算了 2 种分组（总计、区域）");
	}

	@Test
	void anyChineseTagReadsChineseAndOtherLanguagesReadEnglish() {
		assertThat(Texts.textLanguage("zh")).isEqualTo("zh");
		assertThat(Texts.textLanguage("zh-CN")).isEqualTo("zh");
		assertThat(Texts.textLanguage("zh_TW")).isEqualTo("zh");
		assertThat(Texts.textLanguage("en")).isEqualTo("en");
		assertThat(Texts.textLanguage("fr")).isEqualTo("en");
		assertThat(Texts.labelLanguage("fr")).isEqualTo("fr");
	}

	@Test
	void withoutALanguageTheDefaultLocaleChooses() {
		Locale before = Locale.getDefault();
		try {
			Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
			assertThat(Texts.textLanguage(null)).isEqualTo("zh");
			assertThat(Texts.labelLanguage(" ")).isEqualTo("zh");
			Locale.setDefault(Locale.GERMANY);
			assertThat(Texts.textLanguage(null)).isEqualTo("en");
		} finally {
			Locale.setDefault(before);
		}
	}

	@Test
	void anUnknownKeyIsABugThatSaysWhichKey() {
		assertThatThrownBy(() -> Texts.of(TABLE, "en").get("no.such.key")).hasMessageContaining("no.such.key");
	}
}
