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
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Template;
import java.util.HashMap;
import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings' messages in both languages: the same keys in each file, and every wrong template validated in
 * English and in Chinese gives the same findings (place, severity, code), every message in Chinese. The two codes
 * no wrong template can provoke ({@link #NOT_FROM_A_WRONG_TEMPLATE}) are provoked here in Chinese. The English
 * messages are held by the golden files of {@link WrongTemplatesTest}.
 */
class FindingTextsTest {
	/** Codes of a file that cannot be read and of a crash: no folder of wrong templates can hold them. */
	private static final Set<String> NOT_FROM_A_WRONG_TEMPLATE = Set.of(IssueCodes.UNREADABLE_FILE,
			IssueCodes.INTERNAL_ERROR);

	@Test
	void everyKeyIsInBothLanguages() {
		assertThat(Texts.entries(FindingTexts.BASE, "zh").keySet())
				.isEqualTo(Texts.entries(FindingTexts.BASE, "en").keySet());
	}

	@Test
	void everyCodeNotFromAWrongTemplateIsAnIssueCode() {
		assertThat(NOT_FROM_A_WRONG_TEMPLATE).isSubsetOf(IssueCodes.all());
	}

	@Test
	void anUnreadableFileIsToldInChinese(@TempDir Path dir) {
		assertThat(KpiFiles.read(new KpiFiles.InputFile("model", dir), "zh").problem().toText())
				.isEqualTo("model:1:1: error unreadable-file: 无法读取文件：这是一个文件夹");
		assertThat(KpiFiles.read(new KpiFiles.InputFile("gone.kpi", dir.resolve("gone.kpi")), "zh").problem().message())
				.isEqualTo("无法读取文件：文件不存在（链接失效？）");
	}

	@Test
	void aCrashingCheckIsToldInChinese() {
		KpiWorkspace chinese = new KpiWorkspace("zh");
		Model model = (Model) chinese.load(Map.of("test.kpi", "package p\ntemplate T {\n}\n")).resource("test.kpi")
				.getContents().get(0);
		Template template = (Template) model.getElements().get(0);
		InternalErrorTest.CrashingCheck check = chinese.injector().getInstance(InternalErrorTest.CrashingCheck.class);
		BasicDiagnostic diagnostics = new BasicDiagnostic();
		check.validate(template.eClass(), template, diagnostics, new HashMap<>());
		assertThat(diagnostics.getChildren()).singleElement().extracting(Diagnostic::getMessage)
				.isEqualTo("检查 crash 出现内部错误：IllegalStateException (simulated bug)；这个元素没有完整验证，请报告此问题");
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

	/** Every issue code a wrong template can provoke. */
	private static Set<String> translatedCodes() {
		return IssueCodes.all().stream().filter(code -> !NOT_FROM_A_WRONG_TEMPLATE.contains(code))
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
