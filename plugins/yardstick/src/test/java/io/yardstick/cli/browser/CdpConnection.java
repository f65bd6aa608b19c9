package io.yardstick.cli.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One WebSocket to Chromium's browser endpoint, speaking the DevTools protocol. Commands for an attached target
 * carry its session id (flat mode), so one connection serves the browser and its page.
 * <p>
 * Messages are handed from the WebSocket to a reader thread of our own: listeners may then send commands
 * (a dialog must be dismissed from its own event) without blocking the WebSocket's callbacks.
 */
final class CdpConnection implements AutoCloseable {
	static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final HttpClient HTTP = HttpClient.newHttpClient();
	/** Put on the queue when the connection ends, so that the reader thread stops; Chromium never sends "". */
	private static final String END = "";

	private record Pending(String method, CompletableFuture<JsonNode> result) {
	}

	private final AtomicLong nextId = new AtomicLong(1);
	private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
	private final Map<String, List<Consumer<JsonNode>>> listeners = new ConcurrentHashMap<>();
	private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
	private final Supplier<String> diagnostics;
	private final Thread reader;
	private final WebSocket webSocket;
	private volatile String failure;

	/**
	 * @param diagnostics what to add to a failure message, such as the tail of Chromium's stderr
	 */
	static CdpConnection open(URI endpoint, Supplier<String> diagnostics) {
		return new CdpConnection(endpoint, diagnostics);
	}

	private CdpConnection(URI endpoint, Supplier<String> diagnostics) {
		this.diagnostics = diagnostics;
		reader = new Thread(this::readLoop, "cdp-reader");
		reader.setDaemon(true);
		reader.start();
		try {
			webSocket = HTTP.newWebSocketBuilder()
					.connectTimeout(COMMAND_TIMEOUT)
					.buildAsync(endpoint, new Receiver())
					.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		} catch (ExecutionException | TimeoutException e) {
			fail("could not connect to " + endpoint + ": " + e);
			throw new CdpException("Could not connect to Chromium at " + endpoint + diagnostics(), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			fail("interrupted");
			throw new CdpException("Interrupted while connecting to " + endpoint, e);
		}
	}

	/** Sends a command and waits for its result. {@code sessionId} is null for the browser itself. */
	JsonNode send(String sessionId, String method, Map<String, ?> params) {
		CompletableFuture<JsonNode> result = sendAsync(sessionId, method, params);
		try {
			return result.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		} catch (TimeoutException e) {
			throw new CdpException(
					method + " got no answer within " + COMMAND_TIMEOUT.toSeconds() + " s" + diagnostics());
		} catch (ExecutionException e) {
			if (e.getCause() instanceof CdpException cdp) {
				// Rethrown from here so that the stack trace shows the caller, not the reader thread.
				throw new CdpException(cdp.getMessage(), cdp);
			}
			throw new CdpException(method + " failed: " + e.getCause(), e.getCause());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CdpException("Interrupted while waiting for " + method, e);
		}
	}

	/** Sends a command without waiting for it: the only kind a listener may send, as it runs on the reader thread. */
	CompletableFuture<JsonNode> sendAsync(String sessionId, String method, Map<String, ?> params) {
		long id = nextId.getAndIncrement();
		ObjectNode message = JSON.createObjectNode();
		message.put("id", id);
		message.put("method", method);
		message.set("params", JSON.valueToTree(params));
		if (sessionId != null) {
			message.put("sessionId", sessionId);
		}
		CompletableFuture<JsonNode> result = new CompletableFuture<>();
		result.whenComplete((r, e) -> pending.remove(id));
		pending.put(id, new Pending(method, result));
		if (failure != null) {
			result.completeExceptionally(closed(method));
			return result;
		}
		transmit(message.toString(), method, result);
		return result;
	}

	/**
	 * The WebSocket allows one outstanding send at a time, so sends queue up here. Waiting only for the send (not the
	 * answer) is safe on the reader thread: the WebSocket completes sends on threads of its own.
	 */
	private synchronized void transmit(String text, String method, CompletableFuture<JsonNode> result) {
		try {
			webSocket.sendText(text, true).get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		} catch (ExecutionException | TimeoutException e) {
			result.completeExceptionally(new CdpException("Could not send " + method + ": " + e + diagnostics(), e));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			result.completeExceptionally(new CdpException("Interrupted while sending " + method, e));
		}
	}

	/** Calls {@code listener} with the params of every {@code method} event of a session (null: the browser's). */
	void on(String sessionId, String method, Consumer<JsonNode> listener) {
		listeners(sessionId, method).add(listener);
	}

	/** The params of the next {@code method} event; call before the command that causes it, not after. */
	CompletableFuture<JsonNode> next(String sessionId, String method) {
		CompletableFuture<JsonNode> event = new CompletableFuture<>();
		Consumer<JsonNode> once = event::complete;
		on(sessionId, method, once);
		event.whenComplete((r, e) -> listeners(sessionId, method).remove(once));
		return event;
	}

	private List<Consumer<JsonNode>> listeners(String sessionId, String method) {
		return listeners.computeIfAbsent(sessionId + " " + method, k -> new CopyOnWriteArrayList<>());
	}

	/** Whether the connection has ended, so that no command can succeed any more. */
	boolean ended() {
		return failure != null;
	}

	/** Ends the connection: every command still waiting fails with {@code reason}. */
	void fail(String reason) {
		if (failure == null) {
			failure = reason;
		}
		pending.values().forEach(p -> p.result().completeExceptionally(closed(p.method())));
		inbox.add(END);
	}

	@Override
	public void close() {
		fail("connection closed");
		if (webSocket != null) {
			webSocket.abort();
		}
	}

	private CdpException closed(String method) {
		return new CdpException(method + " cannot complete: " + failure + diagnostics());
	}

	private String diagnostics() {
		String more = diagnostics.get();
		return more.isEmpty() ? "" : "\n" + more;
	}

	private void readLoop() {
		try {
			for (String text = inbox.take(); !text.equals(END); text = inbox.take()) {
				try {
					dispatch(text);
				} catch (RuntimeException e) {
					// A reader that died silently would leave every later command to time out.
					fail("could not handle " + abbreviate(text) + ": " + e);
					throw e;
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static String abbreviate(String text) {
		return text.length() <= 300 ? text : text.substring(0, 300) + "...";
	}

	private void dispatch(String text) {
		JsonNode message;
		try {
			message = JSON.readTree(text);
		} catch (IOException e) {
			throw new UncheckedIOException("Chromium sent something that is not JSON", e);
		}
		if (message.has("id")) {
			answer(message);
		} else if (message.has("method")) {
			String key = message.path("sessionId").textValue() + " " + message.get("method").textValue();
			for (Consumer<JsonNode> listener : listeners.getOrDefault(key, List.of())) {
				listener.accept(message.path("params"));
			}
		}
	}

	private void answer(JsonNode message) {
		Pending p = pending.get(message.get("id").asLong());
		if (p == null) {
			return; // its sender timed out and gave up
		}
		JsonNode error = message.get("error");
		if (error == null) {
			p.result().complete(message.path("result"));
			return;
		}
		String data = error.has("data") ? ": " + error.get("data").asText() : "";
		p.result().completeExceptionally(new CdpException(p.method() + " failed: " + error.path("message").asText()
				+ " (" + error.path("code").asInt() + ")" + data));
	}

	/** Joins the fragments of a message; screenshots arrive as several megabytes of text. */
	private final class Receiver implements WebSocket.Listener {
		private final StringBuilder text = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			text.append(data);
			if (last) {
				inbox.add(text.toString());
				text.setLength(0);
			}
			socket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
			fail("Chromium closed the connection (" + statusCode + " " + reason + ")");
			return null;
		}

		@Override
		public void onError(WebSocket socket, Throwable error) {
			fail("connection error: " + error);
		}
	}
}
