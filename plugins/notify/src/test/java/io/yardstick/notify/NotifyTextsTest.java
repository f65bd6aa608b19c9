package io.yardstick.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.runtime.text.Texts;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NotifyTextsTest {
	@Test
	void bothBundlesHaveEveryKeyWithTheSameArguments() {
		Map<String, String> english = Texts.entries(NotifyTexts.BASE, "en");
		Map<String, String> chinese = Texts.entries(NotifyTexts.BASE, "zh");
		assertThat(english).isNotEmpty();
		assertThat(chinese.keySet()).isEqualTo(english.keySet());
		english.forEach((key, text) -> assertThat(placeholders(chinese.get(key))).as(key).isEqualTo(placeholders(text)));
		assertThat(chinese.values()).as("Chinese texts without English words")
				.noneMatch(text -> text.replaceAll("\\{\\d+}", "").matches("(?s).*[A-Za-z].*"));
	}

	@Test
	void placeholdersAreFilledOnceSoThatALabelHoldingOneStaysAsItIs() {
		assertThat(NotifyTexts.plural("en", "title", 3, "{2} report", "2026-06"))
				.isEqualTo("{2} report: 3 new alerts for 2026-06");
		assertThat(NotifyTexts.plural("zh", "title", 1, "模板", "2026-06")).isEqualTo("模板：2026-06 新增 1 条告警");
		assertThat(NotifyTexts.plural("en", "title", 1, "T", "2026-06")).isEqualTo("T: 1 new alert for 2026-06");
	}

	@Test
	void anotherLanguageFallsBackToEnglishAnyChineseTagReadsChineseAndAMissingValueIsAnError() {
		assertThat(NotifyTexts.format("fr", "total")).isEqualTo("total");
		assertThat(NotifyTexts.format(null, "total")).isEqualTo("total");
		assertThat(NotifyTexts.format("zh-CN", "total")).isEqualTo("总体");
		assertThatThrownBy(() -> NotifyTexts.format("en", "report")).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("notification text report needs 1 values, not 0");
		assertThatThrownBy(() -> NotifyTexts.format("en", "no.such.key")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("no.such.key");
	}

	@Test
	void onlyCriticalAndWarningAlertsAreTold() {
		Notification zh = Samples.notification("zh", "/out/report.html");
		assertThat(Samples.alerts()).extracting(a -> a.kind()).contains("anomaly");
		assertThat(zh.notices()).extracting(n -> n.alert().kind() + " " + n.metricLabel() + " " + n.groupText())
				.containsExactly("critical 客户流失率 总体", "warning 客户流失率 Region East",
						"warning First response time 总体");
		assertThat(zh.line(zh.notices().get(0)))
				.isEqualTo("【严重】客户流失率 · 总体 · 2025-12：9.0%（严重线 > 8%；目标 <= 5%）");
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = Pattern.compile("\\{\\d+}").matcher(text);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}
}
