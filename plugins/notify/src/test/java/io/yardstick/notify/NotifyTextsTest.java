package io.yardstick.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NotifyTextsTest {
	@Test
	void bothLanguagesHaveEveryKey() {
		assertThat(NotifyTexts.keys("zh")).isEqualTo(NotifyTexts.keys("en")).isNotEmpty();
	}

	@Test
	void placeholdersAreFilledOnceSoThatALabelHoldingOneStaysAsItIs() {
		assertThat(NotifyTexts.format("en", "title.other", "template", "{period} report", "count", 3, "period", "2026-06"))
				.isEqualTo("{period} report: 3 new alerts for 2026-06");
		assertThat(NotifyTexts.format("zh", "title.one", "template", "模板", "period", "2026-06"))
				.isEqualTo("模板：2026-06 新增 1 条告警");
	}

	@Test
	void anotherLanguageFallsBackToEnglishAndAMissingValueIsAnError() {
		assertThat(NotifyTexts.format("fr", "total")).isEqualTo("total");
		assertThatThrownBy(() -> NotifyTexts.format("en", "report")).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("notification text report needs a value for {link}");
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
}
