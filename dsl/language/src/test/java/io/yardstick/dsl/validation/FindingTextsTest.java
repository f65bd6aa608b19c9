package io.yardstick.dsl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.testing.ValidationCases;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.KpiFiles;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.runtime.text.Texts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The findings' messages in both languages: the same keys in each file, and every wrong template validated in
 * English and in Chinese gives the same findings (place, severity, code), every message in Chinese but those of
 * the few codes whose words still come from elsewhere ({@link #NOT_YET_TRANSLATED}). The English messages are held
 * by the golden files of {@link WrongTemplatesTest}.
 */
class FindingTextsTest {
	/**
	 * Codes whose messages are not (all) in the findings' files yet: the parser's own syntax messages, file-level
	 * errors written before a language is known, and the test tables' cell syntax.
	 */
	private static final Set<String> NOT_YET_TRANSLATED = Set.of(IssueCodes.ENCODING_ERROR,
			IssueCodes.UNREADABLE_FILE, IssueCodes.INTERNAL_ERROR, IssueCodes.TEST_BAD_ROWS);

	@Test
	void everyKeyIsInBothLanguages() {
		assertThat(Texts.entries(FindingTexts.BASE, "zh").keySet())
				.isEqualTo(Texts.entries(FindingTexts.BASE, "en").keySet());
	}

	@Test
	void everyUntranslatedCodeIsAnIssueCode() {
		assertThat(NOT_YET_TRANSLATED).isSubsetOf(IssueCodes.all());
	}

	@Test
	void everyWrongTemplateGivesTheSameFindingsInEachLanguageTranslatedWhereTheCodeIs() throws IOException {
		KpiWorkspace english = new KpiWorkspace("en");
		KpiWorkspace chinese = new KpiWorkspace("zh");
		Set<String> translated = translatedCodes();
		Set<String> seenTranslated = new TreeSet<>();
		for (Path folder : ValidationCases.caseFolders(ValidationCases.WRONG_TEMPLATES)) {
			List<Finding> inEnglish = findings(english, folder);
			List<Finding> inChinese = findings(chinese, folder);
			assertThat(inChinese.stream().map(FindingTextsTest::place).toList()).as(folder.toString())
					.isEqualTo(inEnglish.stream().map(FindingTextsTest::place).toList());
			for (int i = 0; i < inEnglish.size(); i++) {
				Finding en = inEnglish.get(i);
				Finding zh = inChinese.get(i);
				if (translated.contains(en.code())) {
					seenTranslated.add(en.code());
					assertThat(zh.message()).as(en.toText()).isNotEqualTo(en.message())
							.matches("(?s).*\\p{IsHan}.*");
				}
			}
		}
		assertThat(seenTranslated).as("each translated code is provoked by a wrong template").isEqualTo(translated);
	}

	/** Every issue code but those whose words still come from elsewhere. */
	private static Set<String> translatedCodes() {
		return IssueCodes.all().stream().filter(code -> !NOT_YET_TRANSLATED.contains(code))
				.collect(Collectors.toCollection(TreeSet::new));
	}

	private static List<Finding> findings(KpiWorkspace workspace, Path folder) throws IOException {
		return workspace.validateFiles(KpiFiles.collect(List.of(folder.resolve("model"))), ProgressListener.NONE)
				.findings();
	}

	private static String place(Finding finding) {
		return finding.file() + ":" + finding.line() + ":" + finding.column() + " " + finding.severity() + " "
				+ finding.code();
	}
}
