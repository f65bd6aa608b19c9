package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --notify} as a user runs it, in a process of its own with the webhooks' URLs in its environment and a
 * local HTTP server (127.0.0.1) behind them: the run's new alerts are sent once, a refused delivery keeps the
 * results and says so, and no URL or key reaches standard output, standard error or a file in --out.
 */
class RunNotifyTest {
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String KEY = "k3y-0123456789abcdef-secret";

	@TempDir
	Path dir;

	private HttpServer server;
	private final List<String> received = new ArrayList<>();
	private volatile int status = 200;

	@BeforeEach
	void startTheServer() throws Exception {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", exchange -> {
			synchronized (received) {
				received.add(exchange.getRequestURI().getPath() + " "
						+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			}
			byte[] answer = (exchange.getRequestURI().getPath().startsWith("/slack") ? "ok" : "{}")
					.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		});
		server.start();
	}

	@AfterEach
	void stopTheServer() {
		server.stop(0);
	}

	private record Run(int exit, String out, String err) {
	}

	private Run run(String... options) throws Exception {
		List<String> args = new ArrayList<>(List.of("run", Cli.exampleTemplates().toString(), "--data",
				Cli.exampleTemplates().resolve("data").toString(), "--out", dir.resolve("out").toString(), "--language",
				"zh"));
		args.addAll(List.of(options));
		ProcessBuilder builder = JavaProcess.yardstick(args.toArray(String[]::new));
		String base = "http://127.0.0.1:" + server.getAddress().getPort();
		Map<String, String> environment = builder.environment();
		environment.put("YARDSTICK_NOTIFY_JSON_URL", base + "/json/" + KEY);
		environment.put("YARDSTICK_NOTIFY_OPS_URL", base + "/slack/services/" + KEY);
		Process process = builder.start();
		process.getOutputStream().close();
		JavaProcess.Drain out = new JavaProcess.Drain(process.getInputStream());
		JavaProcess.Drain err = new JavaProcess.Drain(process.getErrorStream());
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the run ended").isTrue();
		return new Run(process.exitValue(), new String(out.bytes(), StandardCharsets.UTF_8),
				new String(err.bytes(), StandardCharsets.UTF_8));
	}

	@Test
	void newAlertsAreSentOnceAndARefusalKeepsTheResults() throws Exception {
		Run first = run("--notify", "json", "--notify", "slack:ops", "--report-url",
				"https://reports.example.com/aftersales/report.html");
		assertThat(first.exit()).as(first.err()).isZero();
		// --language zh: the run's own lines in Chinese, the delivery lines too
		assertThat(first.out()).contains("通知 json：已发送 20 条新告警（严重 6 条，预警 14 条）\n"
				+ "通知 slack:ops：已发送 20 条新告警（严重 6 条，预警 14 条）\n报告：");
		assertThat(received).hasSize(2);
		JsonNode document = JSON.readTree(received.get(0).substring(received.get(0).indexOf(' ') + 1));
		assertThat(document.get("language").asText()).isEqualTo("zh");
		assertThat(document.get("template").asText()).isEqualTo("标准售后服务模板");
		assertThat(document.get("report").asText()).isEqualTo("https://reports.example.com/aftersales/report.html");
		assertThat(document.get("alerts")).hasSize(20);
		JsonNode firstAlert = document.get("alerts").get(0);
		assertThat(firstAlert.get("kind").asText() + " " + firstAlert.get("metricLabel").asText() + " "
				+ firstAlert.get("groupText").asText()).isEqualTo("critical 净推荐值 区域 西北");
		assertThat(received.get(1)).startsWith("/slack/services/" + KEY + " {\"text\":\"*标准售后服务模板：2026-06 新增 20 条告警*");

		Run second = run("--notify", "json", "--notify", "slack:ops");
		assertThat(second.exit()).as(second.err()).isZero();
		assertThat(second.out()).contains("通知 json：没有新的严重或预警告警\n" + "通知 slack:ops：没有新的严重或预警告警\n");
		assertThat(received).hasSize(2);

		// The state is gone, so every alert is new again, and now the services refuse.
		Files.delete(dir.resolve("out/notified.json"));
		status = 403;
		Run refused = run("--notify", "json", "--notify", "slack:ops");
		assertThat(refused.exit()).as(refused.err()).isEqualTo(Main.EXIT_UNDELIVERED);
		assertThat(received).hasSize(4);
		assertThat(refused.err()).contains("通知 json：未送达：HTTP 403: {}；20 条新告警留到下次运行时再发\n")
				.contains("通知 slack:ops：未送达：HTTP 403: ok；20 条新告警留到下次运行时再发\n");
		assertThat(refused.out()).contains("已写入 " + dir.resolve("out/results.json")).contains("报告：");
		assertThat(JSON.readTree(dir.resolve("out/notified.json").toFile()).get("channels").get("json")).isEmpty();

		for (Run run : List.of(first, second, refused)) {
			assertThat(run.out() + run.err()).doesNotContain(KEY).doesNotContain("127.0.0.1");
		}
		try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(KEY);
			}
		}
	}

	@Test
	void aChannelWithoutItsSettingsIsAUsageErrorBeforeAnythingRuns() throws Exception {
		Run run = run("--notify", "json:audit");
		assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
		// The run is in Chinese (--language zh): so is the refusal, with the option and variable as typed.
		assertThat(run.err()).contains("--notify json:audit 从 YARDSTICK_NOTIFY_AUDIT_URL 读取通知用的 webhook URL，"
				+ "但它没有设置");
		assertThat(dir.resolve("out")).doesNotExist();
	}
}
