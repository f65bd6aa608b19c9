package io.yardstick.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * An HTTP server on 127.0.0.1 that records every request and answers from a script: the answers given, in order,
 * the last one again once the script runs out.
 */
final class LocalWebhook implements AutoCloseable {
	record Request(String method, String pathAndQuery, String contentType, String body) {
	}

	record Answer(int status, String body) {
	}

	private final HttpServer server;
	private final List<Request> requests = new ArrayList<>();
	private final Deque<Answer> script = new ArrayDeque<>();
	private Answer last;

	LocalWebhook(Answer... answers) throws IOException {
		script.addAll(List.of(answers));
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Answer answer;
			synchronized (this) {
				requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
						exchange.getRequestHeaders().getFirst("Content-Type"), body));
				answer = script.isEmpty() ? last : script.removeFirst();
				last = answer;
			}
			byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		server.start();
	}

	/** The URL of {@code path} on this server. */
	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	synchronized List<Request> requests() {
		return List.copyOf(requests);
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
