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
 * English and in Chinese gives the same findings (place, severity, code), each translated code's message in
 * Chinese and every other one as in English. The English messages are held by the golden files of
 * {@link WrongTemplatesTest}.
 */
class FindingTextsTest {

	@Test
	void everyKeyIsInBothLanguages() {
		assertThat(Texts.entries(FindingTexts.BASE, "zh").keySet())
				.isEqualTo(Texts.entries(FindingTexts.BASE, "en").keySet());
	}

	@Test
	void everyTranslatedCodeIsAnIssueCode() {
		assertThat(translatedCodes()).isNotEmpty().isSubsetOf(IssueCodes.all());
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
							.matches(".*\\p{IsHan}.*");
				} else {
					assertThat(zh.message()).as(en.toText()).isEqualTo(en.message());
				}
			}
		}
		assertThat(seenTranslated).as("each translated code is provoked by a wrong template").isEqualTo(translated);
	}

	/** The codes with messages in the files: keys that are an issue code or a code and a variant. */
	private static Set<String> translatedCodes() {
		Map<String, String> entries = Texts.entries(FindingTexts.BASE, "en");
		return IssueCodes.all().stream()
				.filter(code -> entries.keySet().stream().anyMatch(key -> key.equals(code) || key.startsWith(code + ".")))
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
