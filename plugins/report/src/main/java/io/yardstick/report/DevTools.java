package io.yardstick.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The least of Chromium's DevTools protocol that printing a page needs: commands and their answers over one
 * WebSocket, in flat session mode. Events are not listened to; the page's readiness is polled instead.
 */
final class DevTools implements AutoCloseable {
	private static final ObjectMapper JSON = new ObjectMapper();

	private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
	private final AtomicLong nextId = new AtomicLong(1);
	private final Duration timeout;
	private final WebSocket socket;
	private volatile String ended;

	DevTools(URI endpoint, Duration timeout) throws IOException {
		this.timeout = timeout;
		try {
			socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(timeout)
					.buildAsync(endpoint, new Receiver()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		} catch (ExecutionException | TimeoutException e) {
			throw new IOException("could not connect to Chromium's DevTools at " + endpoint + ": " + e.getMessage(), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while connecting to Chromium", e);
		}
	}

	/** Sends a command (to the browser when {@code session} is null) and returns its result. */
	synchronized JsonNode call(String session, String method, Map<String, ?> params) throws IOException {
		long id = nextId.getAndIncrement();
		ObjectNode message = JSON.createObjectNode();
		message.put("id", id);
		message.put("method", method);
		message.set("params", JSON.valueToTree(params));
		if (session != null) {
			message.put("sessionId", session);
		}
		CompletableFuture<JsonNode> answer = new CompletableFuture<>();
		pending.put(id, answer);
		try {
			if (ended != null) {
				throw new IOException(method + " cannot be sent: " + ended);
			}
			socket.sendText(message.toString(), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			JsonNode reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (reply.has("error")) {
				throw new IOException(method + " failed: " + reply.get("error").path("message").asText());
			}
			return reply.path("result");
		} catch (TimeoutException e) {
			throw new IOException(method + " got no answer within " + timeout.toSeconds() + " s", e);
		} catch (ExecutionException e) {
			throw new IOException(method + " failed: " + e.getCause().getMessage(), e.getCause());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while waiting for " + method, e);
		} finally {
			pending.remove(id);
		}
	}

	private void end(String reason) {
		if (ended == null) {
			ended = reason;
		}
		pending.values().forEach(answer -> answer.completeExceptionally(new IOException(reason)));
	}

	@Override
	public void close() {
		end("closed");
		socket.abort();
	}

	/** Joins the fragments of each message (a PDF arrives as megabytes of base64) and hands answers to callers. */
	private final class Receiver implements WebSocket.Listener {
		private final StringBuilder text = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			text.append(data);
			if (last) {
				dispatch(text.toString());
				text.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		private void dispatch(String message) {
			try {
				JsonNode node = JSON.readTree(message);
				if (node.has("id")) {
					CompletableFuture<JsonNode> answer = pending.get(node.get("id").asLong());
					if (answer != null) {
						answer.complete(node);
					}
				}
			} catch (IOException e) {
				end("Chromium sent something that is not JSON");
			}
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			end("Chromium closed the connection");
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			end("connection to Chromium failed: " + error.getMessage());
		}
	}
}
