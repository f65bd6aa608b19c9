package io.yardstick.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.testing.GoldenFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Email to a local SMTP server: the exact conversation (golden files), login, retries and refusals. */
class SmtpDeliveryTest {
	private static final long NOW = 1_764_979_200_000L;
	private static final String PASSWORD = "pa55-w0rd-never-shown";

	private final List<String> info = new ArrayList<>();
	private final List<String> problems = new ArrayList<>();
	private final List<Duration> slept = new ArrayList<>();

	private Notifier.Outcome deliver(SmtpChannel channel, String language) {
		return new Notifier(new Retry(3, Duration.ofSeconds(5), Duration.ofSeconds(60), slept::add), info::add,
				problems::add).deliver(List.of(channel), Samples.notification(language, "/srv/out/report.html"),
						DeliveredState.empty());
	}

	private static SmtpChannel channel(int port, String user, String password, boolean startTls) {
		return new SmtpChannel("email", new SmtpChannel.Settings("127.0.0.1", port, "yardstick@example.com",
				List.of("ops@example.com", "lead@example.com"), user, password, startTls), () -> NOW);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "zh" })
	void theConversationAndTheMessageAreExactlyTheGoldenOnes(String language) throws Exception {
		try (LocalSmtp server = new LocalSmtp(List.of("8BITMIME", "AUTH PLAIN"), Map.of())) {
			Notifier.Outcome outcome = deliver(channel(server.port(), null, null, false), language);
			assertThat(outcome.failed()).as(problems.toString()).isEmpty();
			assertThat(info).containsExactly(language.equals("en") ? "notify email: sent 3 new alerts (1 critical, 2 warning)"
					: "通知 email：已发送 3 条新告警（严重 1 条，预警 2 条）");
			List<String> transcript = server.transcript();
			GoldenFiles.assertMatches(Samples.GOLDEN.resolve("email-" + language + ".txt"),
					String.join("\n", transcript) + "\n");
			// The body, decoded, is the message's plain text.
			StringBuilder base64 = new StringBuilder();
			boolean body = false;
			for (String line : transcript) {
				if (line.equals("D: ")) {
					body = true;
				} else if (body && line.startsWith("D: ")) {
					base64.append(line.substring(3));
				}
			}
			assertThat(new String(Base64.getDecoder().decode(base64.toString()), StandardCharsets.UTF_8))
					.isEqualTo(Samples.notification(language, "/srv/out/report.html").text().replace("\n", "\r\n"));
		}
	}

	@Test
	void aLoginGoesToALocalRelayAndThePasswordIsNeverShown() throws Exception {
		try (LocalSmtp server = new LocalSmtp(List.of("AUTH PLAIN"), Map.of("MAIL", List.of("451 try later", "250 ok")))) {
			Notifier.Outcome outcome = deliver(channel(server.port(), "robot", PASSWORD, false), "en");
			assertThat(outcome.failed()).isEmpty();
			String credentials = Base64.getEncoder()
					.encodeToString(("\0robot\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
			assertThat(server.transcript()).contains("C: AUTH PLAIN " + credentials);
			assertThat(slept).containsExactly(Duration.ofSeconds(5));
			assertThat(problems).containsExactly(
					"notify email: attempt 1 of 3 failed: MAIL was answered 451 try later; trying again in 5 s");
			assertThat(String.join("\n", problems) + String.join("\n", info)).doesNotContain(PASSWORD)
					.doesNotContain(credentials);
		}
	}

	@Test
	void aRejectedLoginIsReportedOnceWithoutTheCredentials() throws Exception {
		try (LocalSmtp server = new LocalSmtp(List.of("AUTH PLAIN"), Map.of("AUTH", List.of("535 5.7.8 bad credentials")))) {
			Notifier.Outcome outcome = deliver(channel(server.port(), "robot", PASSWORD, false), "en");
			assertThat(outcome.failed()).containsExactly("email");
			assertThat(slept).isEmpty();
			assertThat(problems).containsExactly("notify email: not delivered: AUTH was answered 535 5.7.8 bad"
					+ " credentials; the 3 new alerts stay new for the next run");
		}
	}

	@Test
	void aRecipientRefusedForGoodIsNotTriedAgain() throws Exception {
		try (LocalSmtp server = new LocalSmtp(List.of(), Map.of("RCPT", List.of("250 ok", "550 no such user")))) {
			Notifier.Outcome outcome = deliver(channel(server.port(), null, null, false), "en");
			assertThat(outcome.failed()).containsExactly("email");
			assertThat(slept).isEmpty();
			assertThat(problems).containsExactly("notify email: not delivered: RCPT was answered 550 no such user;"
					+ " the 3 new alerts stay new for the next run");
			assertThat(server.transcript()).doesNotContain("C: DATA");
		}
	}

	@Test
	void startTlsThatTheServerDoesNotOfferIsNotQuietlyDroppedToPlainText() throws Exception {
		try (LocalSmtp server = new LocalSmtp(List.of("AUTH PLAIN"), Map.of())) {
			Notifier.Outcome outcome = deliver(channel(server.port(), "robot", PASSWORD, true), "en");
			assertThat(outcome.failed()).containsExactly("email");
			assertThat(problems).containsExactly("notify email: not delivered: the server does not offer STARTTLS;"
					+ " the 3 new alerts stay new for the next run");
			assertThat(server.transcript()).noneMatch(line -> line.startsWith("C: AUTH") || line.startsWith("C: MAIL"));
		}
	}

	/** A key pair and self-signed certificate for 127.0.0.1, made by the JDK's keytool; and who trusts it. */
	private static SSLContext[] serverAndClientTls(Path dir) throws Exception {
		Path store = dir.resolve("smtp.p12");
		char[] password = "test-store".toCharArray();
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "test-store",
				"-alias", "smtp", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
				"-ext", "SAN=ip:127.0.0.1", "-validity", "2").redirectErrorStream(true).start();
		String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(keytool.waitFor()).as(output).isZero();
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (var in = Files.newInputStream(store)) {
			keys.load(in, password);
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keys, password);
		SSLContext server = SSLContext.getInstance("TLS");
		server.init(keyManagers.getKeyManagers(), null, null);
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(keys);
		SSLContext client = SSLContext.getInstance("TLS");
		client.init(null, trust.getTrustManagers(), null);
		return new SSLContext[] { server, client };
	}

	@Test
	void startTlsUpgradesTheConnectionBeforeTheLoginAndAnUntrustedServerIsRefused(@TempDir Path dir)
			throws Exception {
		SSLContext[] tls = serverAndClientTls(dir);
		try (LocalSmtp server = new LocalSmtp(List.of("STARTTLS", "AUTH PLAIN"), Map.of(), tls[0])) {
			SmtpChannel.Settings settings = new SmtpChannel.Settings("127.0.0.1", server.port(), "ys@example.com",
					List.of("ops@example.com"), "robot", PASSWORD, true);
			Notifier.Outcome outcome = new Notifier(new Retry(1, Duration.ZERO, Duration.ZERO, slept::add), info::add,
					problems::add).deliver(List.of(new SmtpChannel("email", settings, () -> NOW,
							tls[1].getSocketFactory())), Samples.notification("en", "r"), DeliveredState.empty());
			assertThat(outcome.failed()).as(problems.toString()).isEmpty();
			List<String> transcript = server.transcript();
			int upgraded = transcript.indexOf("C: STARTTLS");
			assertThat(transcript.get(upgraded + 1)).isEqualTo("S: 220 ready for TLS");
			assertThat(transcript.get(upgraded + 2)).startsWith("-- TLS TLSv1.");
			assertThat(transcript.get(upgraded + 3)).isEqualTo("C: EHLO localhost");
			assertThat(transcript.subList(0, upgraded)).noneMatch(line -> line.startsWith("C: AUTH"));
			assertThat(transcript.subList(upgraded, transcript.size())).anyMatch(line -> line.startsWith("C: AUTH PLAIN"));

			// The JVM's own trust store does not know this certificate: refused, and not tried again.
			problems.clear();
			Notifier.Outcome untrusted = deliver(new SmtpChannel("email", settings, () -> NOW), "en");
			assertThat(untrusted.failed()).containsExactly("email");
			assertThat(slept).isEmpty();
			assertThat(problems).singleElement().asString().startsWith("notify email: not delivered: TLS handshake failed: ");
		}
	}

	@Test
	void aSubjectIsSplitIntoEncodedWordsOfWholeCharacters() {
		String words = SmtpChannel.encodedWords("标准售后服务模板：2026-06 新增 12 条告警，严重 3 条，预警 9 条");
		for (String word : words.split("\r\n ")) {
			assertThat(word.length()).isLessThanOrEqualTo(75);
			assertThat(word).startsWith("=?UTF-8?B?").endsWith("?=");
		}
		StringBuilder decoded = new StringBuilder();
		for (String word : words.split("\r\n ")) {
			decoded.append(new String(Base64.getDecoder().decode(word.substring(10, word.length() - 2)),
					StandardCharsets.UTF_8));
		}
		assertThat(decoded).hasToString("标准售后服务模板：2026-06 新增 12 条告警，严重 3 条，预警 9 条");
		assertThat(SmtpChannel.dotStuffed(".a\r\n.b\r\nc")).isEqualTo("..a\r\n..b\r\nc");
	}
}
