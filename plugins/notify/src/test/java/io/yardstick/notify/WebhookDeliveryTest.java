package io.yardstick.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.testing.GoldenFiles;
import io.yardstick.notify.LocalWebhook.Answer;
import io.yardstick.notify.LocalWebhook.Request;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every webhook format posted to a local server: the exact bodies (golden files, both languages), the signatures,
 * the retries with back-off, and that no URL, key or secret reaches a message.
 */
class WebhookDeliveryTest {
	/** 2025-12-06T00:00:00Z. */
	private static final long NOW = 1_764_979_200_000L;
	private static final String SECRET = "SECdemo0123456789abcdef";
	private static final String KEY = "6d1f9a2c-0b3e-4f5a-8c7d-e9f0a1b2c3d4";
	private static final Answer OK_CODE = new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");

	private final List<String> info = new ArrayList<>();
	private final List<String> problems = new ArrayList<>();
	private final List<Duration> slept = new ArrayList<>();

	private Notifier notifier() {
		return new Notifier(new Retry(4, Duration.ofSeconds(2), Duration.ofSeconds(30), slept::add), info::add,
				problems::add);
	}

	private static Answer okFor(WebhookFormat format) {
		return switch (format) {
			case WECOM, DINGTALK -> OK_CODE;
			case FEISHU -> new Answer(200, "{\"code\":0,\"msg\":\"success\",\"data\":{}}");
			case SLACK -> new Answer(200, "ok");
			case JSON -> new Answer(204, "");
		};
	}

	@ParameterizedTest
	@CsvSource({ "wecom,en", "wecom,zh", "dingtalk,en", "dingtalk,zh", "feishu,en", "feishu,zh", "slack,en", "slack,zh",
			"json,en", "json,zh" })
	void eachFormatPostsExactlyItsGoldenBody(String id, String language) throws Exception {
		WebhookFormat format = WebhookFormat.of(id);
		String report = language.equals("en") ? "https://reports.example.com/aftersales/report.html"
				: "/srv/yardstick/out/report.html";
		try (LocalWebhook server = new LocalWebhook(okFor(format))) {
			Channel channel = new WebhookChannel(id, format, server.url("/hook/send?key=" + KEY),
					format.signs() ? SECRET : null, () -> NOW);
			Notifier.Outcome outcome = notifier().deliver(List.of(channel), Samples.notification(language, report),
					DeliveredState.empty());
			assertThat(outcome.failed()).isEmpty();
			// What the run prints follows the language too.
			assertThat(info).containsExactly(language.equals("en") ? "notify " + id + ": sent 3 new alerts (1 critical, 2 warning)"
					: "通知 " + id + "：已发送 3 条新告警（严重 1 条，预警 2 条）");
			Request request = server.requests().get(0);
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.contentType()).isEqualTo("application/json; charset=utf-8");
			GoldenFiles.assertMatches(Samples.GOLDEN.resolve(id + "-" + language + ".json"), request.body() + "\n");
		}
	}

	@Test
	void dingTalkSignsTheUrlWithTheTimestampInMilliseconds() throws Exception {
		try (LocalWebhook server = new LocalWebhook(OK_CODE)) {
			Channel channel = new WebhookChannel("dingtalk", WebhookFormat.DINGTALK,
					server.url("/robot/send?access_token=" + KEY), SECRET, () -> NOW);
			notifier().deliver(List.of(channel), Samples.notification("en", "r"), DeliveredState.empty());
			String query = server.requests().get(0).pathAndQuery();
			// Computed apart from Yardstick: printf '1764979200000\nSEC…' | openssl dgst -sha256 -hmac 'SEC…' -binary | base64
			assertThat(URLDecoder.decode(query, StandardCharsets.UTF_8)).isEqualTo("/robot/send?access_token=" + KEY
					+ "&timestamp=1764979200000&sign=3r1YKcPda+Yw36k2R94oO1VAGUFlXb0W5JpC2WlQLqU=");
			assertThat(query).contains("sign=3r1YKcPda%2BYw36k2R94oO1VAGUFlXb0W5JpC2WlQLqU%3D");
		}
	}

	@Test
	void feishuSignsTheBodyWithTheTimestampInSeconds() throws Exception {
		try (LocalWebhook server = new LocalWebhook(okFor(WebhookFormat.FEISHU))) {
			Channel channel = new WebhookChannel("feishu", WebhookFormat.FEISHU, server.url("/open-apis/bot/v2/hook/"
					+ KEY), SECRET, () -> NOW);
			notifier().deliver(List.of(channel), Samples.notification("zh", "r"), DeliveredState.empty());
			// Computed apart from Yardstick: HMAC-SHA256 keyed with "1764979200\nSEC…" over nothing, in Python.
			assertThat(server.requests().get(0).body()).startsWith(
					"{\"timestamp\":\"1764979200\",\"sign\":\"cbDTIoVwEr0sIuLA4xiG0X8oOLlIdqFaY51cxLv/jro=\",\"msg_type\":\"post\"");
		}
	}

	@Test
	void aBusyServiceIsTriedAgainWithGrowingWaitsUntilItTakesTheMessage() throws Exception {
		try (LocalWebhook server = new LocalWebhook(new Answer(503, "busy"), new Answer(429, ""),
				new Answer(200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"), OK_CODE)) {
			Channel channel = new WebhookChannel("wecom", WebhookFormat.WECOM, server.url("/send?key=" + KEY), null,
					() -> NOW);
			Notifier.Outcome outcome = notifier().deliver(List.of(channel), Samples.notification("en", "r"),
					DeliveredState.empty());
			assertThat(outcome.failed()).isEmpty();
			assertThat(server.requests()).hasSize(4);
			assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
			assertThat(problems).containsExactly(
					"notify wecom: attempt 1 of 4 failed: HTTP 503; trying again in 2 s",
					"notify wecom: attempt 2 of 4 failed: HTTP 429; trying again in 4 s",
					"notify wecom: attempt 3 of 4 failed: errcode 45009: api freq out of limit; trying again in 8 s");
			assertThat(info).containsExactly("notify wecom: sent 3 new alerts (1 critical, 2 warning)");
			assertThat(outcome.state().of("wecom")).hasSize(3);
		}
	}

	@Test
	void aRefusalIsNotTriedAgainAndNoSecretReachesTheMessage() throws Exception {
		// The service quotes the key back, as some do in their error messages.
		try (LocalWebhook server = new LocalWebhook(new Answer(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url,"
				+ " key " + KEY + " unknown\"}"))) {
			Channel channel = new WebhookChannel("wecom", WebhookFormat.WECOM, server.url("/send?key=" + KEY), null,
					() -> NOW);
			Notifier.Outcome outcome = notifier().deliver(List.of(channel), Samples.notification("en", "r"),
					DeliveredState.empty());
			assertThat(outcome.failed()).containsExactly("wecom");
			assertThat(server.requests()).hasSize(1);
			assertThat(slept).isEmpty();
			assertThat(problems).containsExactly("notify wecom: not delivered: errcode 93000: invalid webhook url, key"
					+ " *** unknown; the 3 new alerts stay new for the next run");
			assertThat(outcome.state().of("wecom")).isEmpty();
		}
	}

	@Test
	void anUnreachableServiceIsTriedTheBoundedNumberOfTimesAndNeitherUrlNorSecretIsShown() throws Exception {
		String url;
		try (LocalWebhook closed = new LocalWebhook(OK_CODE)) {
			url = closed.url("/robot/send?access_token=" + KEY);
		}
		Channel channel = new WebhookChannel("dingtalk:ops", WebhookFormat.DINGTALK, url, SECRET, () -> NOW);
		Notifier.Outcome outcome = notifier().deliver(List.of(channel), Samples.notification("en", "r"),
				DeliveredState.empty());
		assertThat(outcome.failed()).containsExactly("dingtalk:ops");
		assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
		assertThat(problems).hasSize(4);
		assertThat(problems.get(3)).startsWith("notify dingtalk:ops: not delivered after 4 attempts: ConnectException")
				.endsWith("; the 3 new alerts stay new for the next run");
		for (String line : problems) {
			assertThat(line).doesNotContain(KEY).doesNotContain(SECRET).doesNotContain("127.0.0.1");
		}
	}

	@Test
	void aLongListIsCutToWhatTheServiceTakesAndTheRestIsCounted() {
		Notification three = Samples.notification("en", "r");
		List<Notice> many = new ArrayList<>();
		for (int i = 0; i < 70; i++) {
			many.add(three.notices().get(i % 3));
		}
		String body = WebhookFormat.WECOM.body(three.with(many), null);
		assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
		assertThat(body).contains("… and 50 more in the report.");
		String json = WebhookFormat.JSON.body(three.with(many), null);
		assertThat(json.split("\"kind\"", -1)).hasSize(71);
	}
}
