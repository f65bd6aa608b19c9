package io.yardstick.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --notify values and their environment variables; a wrong one is named, its value never shown. */
class ChannelSpecsTest {
	private static final String URL = "https://qyapi.example.com/cgi-bin/webhook/send?key=0a1b2c3d-secret-key";

	private static List<Channel> parse(Map<String, String> environment, String... specs) {
		return ChannelSpecs.parse(List.of(specs), environment, () -> 0L);
	}

	@Test
	void eachTypeReadsItsVariablesUnderItsName() {
		List<Channel> channels = parse(Map.of("YARDSTICK_NOTIFY_WECOM_URL", URL,
				"YARDSTICK_NOTIFY_OPS_URL", "https://hooks.example.com/services/T000/B000/XXXXXXXXXXXXXXXX",
				"YARDSTICK_NOTIFY_DINGTALK_URL", "https://oapi.example.com/robot/send?access_token=abcdef",
				"YARDSTICK_NOTIFY_DINGTALK_SECRET", "SECabcdef123456",
				"YARDSTICK_NOTIFY_EMAIL_HOST", "127.0.0.1", "YARDSTICK_NOTIFY_EMAIL_FROM", "ys@example.com",
				"YARDSTICK_NOTIFY_EMAIL_TO", "a@example.com, b@example.com"),
				"wecom", "slack:ops", "dingtalk", "email");
		assertThat(channels).extracting(Channel::name).containsExactly("wecom", "slack:ops", "dingtalk", "email");
		assertThat(channels.get(1).secrets()).contains("XXXXXXXXXXXXXXXX");
		assertThat(channels.get(2).secrets()).contains("abcdef", "SECabcdef123456");
	}

	@Test
	void withLanguageZhTheRefusalsAreChineseAndTheNamesAsTyped() {
		assertThat(io.yardstick.runtime.text.Texts.entries(ChannelSpecs.SPECS, "zh").keySet())
				.isEqualTo(io.yardstick.runtime.text.Texts.entries(ChannelSpecs.SPECS, "en").keySet());
		assertThatThrownBy(() -> ChannelSpecs.parse(List.of("feishu"), Map.of(), () -> 0L, "zh")).hasMessage(
				"--notify feishu 从 YARDSTICK_NOTIFY_FEISHU_URL 读取通知用的 webhook URL，但它没有设置");
		assertThatThrownBy(() -> ChannelSpecs.parse(List.of("wecom"), Map.of("YARDSTICK_NOTIFY_WECOM_URL", URL,
				"YARDSTICK_NOTIFY_WECOM_SECRET", "0a1b2c3d-secret"), () -> 0L, "zh"))
				.hasMessage("--notify wecom: YARDSTICK_NOTIFY_WECOM_SECRET 已设置，但 wecom 的 webhook 不签名")
				.hasMessageNotContaining("0a1b2c3d");
		assertThatThrownBy(() -> ChannelSpecs.parse(List.of("pager"), Map.of(), () -> 0L, "zh"))
				.hasMessageStartingWith("--notify pager：未知的类型“pager”；请使用 wecom, dingtalk");
	}

	@Test
	void aMissingOrWrongSettingIsNamedAndItsValueIsNotShown() {
		assertThatThrownBy(() -> parse(Map.of(), "feishu")).hasMessage(
				"--notify feishu reads the webhook's URL from YARDSTICK_NOTIFY_FEISHU_URL, which is not set");
		assertThatThrownBy(() -> parse(Map.of("YARDSTICK_NOTIFY_WECOM_URL", "ftp://0a1b2c3d-secret-key"), "wecom"))
				.hasMessage("--notify wecom: YARDSTICK_NOTIFY_WECOM_URL is not an http(s) URL");
		assertThatThrownBy(() -> parse(Map.of("YARDSTICK_NOTIFY_WECOM_URL", URL, "YARDSTICK_NOTIFY_WECOM_SECRET",
				"0a1b2c3d-secret"), "wecom"))
				.hasMessage("--notify wecom: YARDSTICK_NOTIFY_WECOM_SECRET is set, but wecom webhooks are not signed");
		assertThatThrownBy(() -> parse(Map.of(), "teams"))
				.hasMessage("--notify teams: unknown type \"teams\"; use one of wecom, dingtalk, feishu, lark, slack,"
						+ " json, email, optionally with a name (slack:ops)");
		assertThatThrownBy(() -> parse(Map.of("YARDSTICK_NOTIFY_WECOM_URL", URL), "wecom", "slack:wecom"))
				.hasMessage("--notify slack:wecom: a second channel reading YARDSTICK_NOTIFY_WECOM_*; give each a name"
						+ " of its own (slack:ops, slack:sales)");
		Map<String, String> mail = Map.of("YARDSTICK_NOTIFY_EMAIL_HOST", "smtp.example.com",
				"YARDSTICK_NOTIFY_EMAIL_FROM", "ys@example.com", "YARDSTICK_NOTIFY_EMAIL_TO", "ops@example.com\r\nBcc: x@y.z",
				"YARDSTICK_NOTIFY_EMAIL_PASSWORD", "hunter2-secret");
		assertThatThrownBy(() -> parse(mail, "email")).hasMessage("--notify email: YARDSTICK_NOTIFY_EMAIL_TO holds"
				+ " something that is not an email address (name@example.com)");
		Map<String, String> noUser = new java.util.HashMap<>(mail);
		noUser.put("YARDSTICK_NOTIFY_EMAIL_TO", "ops@example.com");
		assertThatThrownBy(() -> parse(noUser, "email")).hasMessage("--notify email: YARDSTICK_NOTIFY_EMAIL_PASSWORD"
				+ " is set without YARDSTICK_NOTIFY_EMAIL_USER; give both or neither");
	}
}
