package io.yardstick.cli.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium with one page, driven over the DevTools protocol.
 * <p>
 * A page under test signals that it has rendered by setting {@code window.yardstickReady = true}, and sets it to
 * false when a render starts. {@link #open} and {@link #navigateHash} wait for it.
 * <p>
 * From the moment the page is attached, everything a test may want to forbid is collected: console errors and
 * warnings, uncaught exceptions, error and warning log entries, JavaScript dialogs (which are dismissed, so that the
 * page never hangs) and the URL of every request.
 */
public final class Chromium implements AutoCloseable {
	/** System property naming the Chromium binary; Debian's package installs {@code /usr/bin/chromium}. */
	public static final String BINARY_PROPERTY = "yardstick.chromium";
	/** System property that, set to {@code skip}, skips browser tests where Chromium is missing instead of failing. */
	public static final String BROWSER_PROPERTY = "yardstick.browser";

	static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(30);
	static final Duration PAGE_TIMEOUT = Duration.ofSeconds(20);
	private static final Duration POLL_INTERVAL = Duration.ofMillis(25);
	private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);
	private static final String READY = "window.yardstickReady === true";
	private static final String LISTENING = "DevTools listening on ";

	/** A console.error, console.warn or failed console.assert; {@code text} joins the arguments with spaces. */
	public record ConsoleMessage(String type, String text) {
		@Override
		public String toString() {
			return "console." + type + ": " + text;
		}
	}

	/** An exception no script caught; {@code line} counts from 1, as editors do. */
	public record UncaughtException(String text, String url, int line) {
		@Override
		public String toString() {
			return text + " at " + url + ":" + line;
		}
	}

	/** A Log.entryAdded of level error or warning: failed resource loads, interventions, deprecations and the like. */
	public record LogEntry(String level, String source, String text, String url) {
		@Override
		public String toString() {
			return level + " [" + source + "] " + text + (url.isEmpty() ? "" : " (" + url + ")");
		}
	}

	/** An alert, confirm, prompt or beforeunload dialog, dismissed as soon as it opened. */
	public record Dialog(String type, String message) {
		@Override
		public String toString() {
			return type + ": " + message;
		}
	}

	/** An exception thrown by an expression given to {@link #evaluate}. */
	public static final class JavaScriptException extends CdpException {
		private static final long serialVersionUID = 1L;

		JavaScriptException(String message) {
			super(message);
		}
	}

	private final Path binary;
	private final Path profile;
	private final Thread killOnExit = new Thread(this::killProcessTree, "chromium-kill");
	private final List<ConsoleMessage> consoleMessages = new CopyOnWriteArrayList<>();
	private final List<UncaughtException> uncaughtExceptions = new CopyOnWriteArrayList<>();
	private final List<LogEntry> logEntries = new CopyOnWriteArrayList<>();
	private final List<Dialog> dialogs = new CopyOnWriteArrayList<>();
	private final List<String> requests = new CopyOnWriteArrayList<>();
	private Process process;
	private StderrTail stderr;
	private CdpConnection connection;
	/** The session id of the page target. */
	private String page;
	private String url = "about:blank";
	private Duration pageTimeout = PAGE_TIMEOUT;
	private boolean closed;

	private Chromium(Path binary, Path profile) {
		this.binary = binary;
		this.profile = profile;
	}

	/** The binary {@link #launch} starts: {@value #BINARY_PROPERTY} if set, else {@code /usr/bin/chromium}. */
	public static Path binary() {
		return Path.of(System.getProperty(BINARY_PROPERTY, "/usr/bin/chromium"));
	}

	/**
	 * Returns if Chromium is installed. If it is not, skips the test when {@value #BROWSER_PROPERTY} is {@code skip}
	 * and fails it otherwise: a machine without a browser should not pass browser tests by accident.
	 */
	public static void assumeAvailable() {
		assumeAvailable(binary(), System.getProperty(BROWSER_PROPERTY, ""));
	}

	static void assumeAvailable(Path binary, String browserProperty) {
		if (Files.isExecutable(binary)) {
			return;
		}
		String missing = "Chromium is not installed at " + binary;
		Assumptions.assumeFalse("skip".equals(browserProperty), missing + " and -D" + BROWSER_PROPERTY + "=skip");
		throw new IllegalStateException(missing + ". Browser tests need Debian's chromium package: apt-get install "
				+ "chromium. Or point -D" + BINARY_PROPERTY + " at a Chromium binary, or skip these tests with -D"
				+ BROWSER_PROPERTY + "=skip.");
	}

	/**
	 * Starts a headless Chromium with a fresh profile and attaches to a new blank page. Skips or fails the calling
	 * test if Chromium is missing, as {@link #assumeAvailable()} does.
	 */
	public static Chromium launch() throws IOException {
		assumeAvailable();
		return launch(binary());
	}

	static Chromium launch(Path binary) throws IOException {
		Chromium chromium = new Chromium(binary, Files.createTempDirectory("yardstick-chromium-"));
		try {
			chromium.start();
			chromium.attachPage();
			return chromium;
		} catch (IOException | RuntimeException | Error e) {
			chromium.closeAfter(e);
			throw e;
		}
	}

	private void start() throws IOException {
		List<String> command = List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--hide-scrollbars", "--remote-debugging-port=0", "--user-data-dir=" + profile);
		process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		// Should the JVM end without close(), Chromium must not outlive it.
		Runtime.getRuntime().addShutdownHook(killOnExit);
		stderr = new StderrTail(process.getErrorStream());
		connection = CdpConnection.open(awaitEndpoint(), this::diagnostics);
		process.onExit().thenRun(() -> connection.fail("Chromium exited with code " + process.exitValue()));
	}

	/** Chromium prints the address of its DevTools WebSocket on stderr once it listens. */
	private URI awaitEndpoint() {
		try {
			try {
				return stderr.endpoint.get(LAUNCH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			} catch (TimeoutException | ExecutionException e) {
				// Stderr may end a moment before the process does.
				String failed = process.waitFor(1, TimeUnit.SECONDS)
						? "exited with code " + process.exitValue() + " without printing \"" + LISTENING + "ws://...\""
						: "did not print \"" + LISTENING + "ws://...\" within " + LAUNCH_TIMEOUT.toSeconds() + " s";
				throw new CdpException(binary + " " + failed + ". Its stderr:\n" + stderr.tail());
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CdpException("Interrupted while starting Chromium", e);
		}
	}

	private void attachPage() {
		String target = connection.send(null, "Target.createTarget", Map.of("url", "about:blank"))
				.get("targetId").asText();
		page = connection.send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
				.get("sessionId").asText();
		collectEvents();
		for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
			call(domain + ".enable", Map.of());
		}
	}

	private void collectEvents() {
		connection.on(page, "Runtime.consoleAPICalled", event -> {
			String type = event.path("type").asText();
			if (type.equals("error") || type.equals("warning") || type.equals("assert")) {
				List<String> args = new ArrayList<>();
				event.path("args").forEach(arg -> args.add(describe(arg)));
				consoleMessages.add(new ConsoleMessage(type, String.join(" ", args)));
			}
		});
		connection.on(page, "Runtime.exceptionThrown", event -> {
			JsonNode details = event.path("exceptionDetails");
			uncaughtExceptions.add(new UncaughtException(exceptionText(details), details.path("url").asText(),
					details.path("lineNumber").asInt() + 1));
		});
		connection.on(page, "Log.entryAdded", event -> {
			JsonNode entry = event.path("entry");
			String level = entry.path("level").asText();
			if (level.equals("error") || level.equals("warning")) {
				logEntries.add(new LogEntry(level, entry.path("source").asText(), entry.path("text").asText(),
						entry.path("url").asText()));
			}
		});
		connection.on(page, "Page.javascriptDialogOpening", event -> {
			String type = event.path("type").asText();
			dialogs.add(new Dialog(type, event.path("message").asText()));
			// The page is blocked until the dialog closes. This runs on the reader thread, which must not wait.
			// Dismissing a beforeunload dialog would cancel the navigation that opened it.
			connection.sendAsync(page, "Page.handleJavaScriptDialog", Map.of("accept", type.equals("beforeunload")));
		});
		connection.on(page, "Network.requestWillBeSent",
				event -> requests.add(event.path("request").path("url").asText()));
	}

	/** Sets the size of the page's viewport in CSS pixels, one device pixel each. */
	public void viewport(int width, int height) {
		call("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
	}

	/** {@link #open(Path, String)} without a hash. */
	public void open(Path file) {
		open(file, null);
	}

	/**
	 * Loads {@code file} afresh, with {@code #hash} unless {@code hash} is null, and waits for its load event and
	 * for {@code window.yardstickReady}.
	 */
	public void open(Path file, String hash) {
		url = file.toAbsolutePath().toUri() + (hash == null ? "" : "#" + withoutHashSign(hash));
		if (!load(url)) {
			// Only the hash changed, which does not load the document, and a test asking to open wants a fresh one.
			// Page.reload here would race the hash change and could reload the old URL: leave the document instead.
			load("about:blank");
			load(url);
		}
		awaitReady();
	}

	/**
	 * Navigates and waits for the load event. Page.navigate answers once the new document is committed, so the next
	 * load event is its own.
	 *
	 * @return false, without waiting, if the navigation kept the document and only changed the hash
	 */
	private boolean load(String address) {
		CompletableFuture<JsonNode> loaded = connection.next(page, "Page.loadEventFired");
		try {
			JsonNode navigation = call("Page.navigate", Map.of("url", address));
			if (navigation.has("errorText")) {
				throw new CdpException("Could not open " + address + ": " + navigation.get("errorText").asText());
			}
			if (!navigation.has("loaderId")) {
				return false;
			}
			loaded.get(pageTimeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		} catch (TimeoutException | ExecutionException e) {
			throw new CdpException(address + " fired no load event within " + pageTimeout.toSeconds() + " s"
					+ problems() + "\n" + diagnostics(), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CdpException("Interrupted while loading " + address, e);
		} finally {
			loaded.cancel(false); // stops listening if the load never came
		}
	}

	/**
	 * Sets {@code location.hash} without reloading and waits for the page to render it. Does nothing but wait if the
	 * page already shows that hash, since no hashchange event would come.
	 */
	public void navigateHash(String hash) {
		String fragment = "#" + withoutHashSign(hash);
		// One evaluation, so that no poll can see the previous render's yardstickReady = true. A JSON string is a
		// JavaScript string literal.
		evaluate("(() => { const next = new URL(location.href); next.hash = " + TextNode.valueOf(fragment) + ";"
				+ " if (next.href !== location.href) {"
				+ " window.yardstickReady = false; location.hash = next.hash; } })()");
		url = evaluate("location.href").asText();
		awaitReady();
	}

	private static String withoutHashSign(String hash) {
		return hash.startsWith("#") ? hash.substring(1) : hash;
	}

	/** Waits until {@code window.yardstickReady === true}; fails after {@link #PAGE_TIMEOUT}. */
	public void awaitReady() {
		long deadline = System.nanoTime() + pageTimeout.toNanos();
		CdpException lastError = null;
		while (true) {
			try {
				if (evaluate(READY).equals(BooleanNode.TRUE)) {
					return;
				}
				lastError = null;
			} catch (CdpException e) {
				if (connection.ended()) {
					throw e;
				}
				// While a document is replaced, its execution context is briefly gone: keep polling.
				lastError = e;
			}
			if (System.nanoTime() > deadline) {
				throw new CdpException(url + " was not ready within " + pageTimeout.toSeconds() + " s: " + READY
						+ (lastError == null ? " stayed false" : " failed: " + lastError.getMessage()) + problems());
			}
			sleep(POLL_INTERVAL);
		}
	}

	/**
	 * The value of a JavaScript expression in the page, awaited if it is a promise: JSON values as they are,
	 * {@code undefined} as a missing node, NaN and the infinities as doubles.
	 *
	 * @throws JavaScriptException with the JavaScript message, if the expression throws
	 */
	public JsonNode evaluate(String expression) {
		JsonNode answer = call("Runtime.evaluate",
				Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
		if (answer.has("exceptionDetails")) {
			throw new JavaScriptException(exceptionText(answer.get("exceptionDetails")) + "\nin: " + expression);
		}
		return value(answer.path("result"));
	}

	private static JsonNode value(JsonNode remoteObject) {
		if (remoteObject.has("value")) {
			return remoteObject.get("value");
		}
		String unserializable = remoteObject.path("unserializableValue").asText(null);
		if (unserializable == null) {
			return MissingNode.getInstance();
		}
		if (unserializable.endsWith("n")) {
			return BigIntegerNode.valueOf(new BigInteger(unserializable.substring(0, unserializable.length() - 1)));
		}
		return DoubleNode.valueOf(Double.parseDouble(unserializable));
	}

	/** "Uncaught Error: message", without the stack that the error's description goes on with. */
	private static String exceptionText(JsonNode details) {
		JsonNode exception = details.get("exception");
		return details.path("text").asText() + (exception == null ? "" : " " + describe(exception));
	}

	/** How the console shows a value, but only the first line of an error (the rest is its stack). */
	private static String describe(JsonNode remoteObject) {
		JsonNode value = remoteObject.get("value");
		if (value != null) {
			return value.isTextual() ? value.textValue() : value.toString();
		}
		String text = remoteObject.has("unserializableValue") ? remoteObject.get("unserializableValue").asText()
				: remoteObject.has("description") ? remoteObject.get("description").asText()
				: remoteObject.path("type").asText();
		return "error".equals(remoteObject.path("subtype").asText()) ? text.lines().findFirst().orElse("") : text;
	}

	/** Writes a PNG of the viewport. */
	public void screenshot(Path png) throws IOException {
		write(png, call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", false)));
	}

	/** Writes a PNG of the whole page, as tall and wide as its content, however small the viewport. */
	public void screenshotFullPage(Path png) throws IOException {
		JsonNode size = call("Page.getLayoutMetrics", Map.of()).path("cssContentSize");
		Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.path("width").asDouble(),
				"height", size.path("height").asDouble(), "scale", 1);
		write(png, call("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)));
	}

	private static void write(Path png, JsonNode screenshot) throws IOException {
		Path parent = png.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Files.write(png, Base64.getDecoder().decode(screenshot.path("data").asText()));
	}

	/** console.error, console.warn and failed console.assert calls, in order. */
	public List<ConsoleMessage> consoleMessages() {
		return List.copyOf(consoleMessages);
	}

	public List<UncaughtException> uncaughtExceptions() {
		return List.copyOf(uncaughtExceptions);
	}

	/** Every log entry of level error or warning, including Chromium's own; a test decides which it accepts. */
	public List<LogEntry> logEntries() {
		return List.copyOf(logEntries);
	}

	public List<Dialog> dialogs() {
		return List.copyOf(dialogs);
	}

	/** The URL of every request, without its fragment, in the order sent; redirects appear once per hop. */
	public List<String> requests() {
		return List.copyOf(requests);
	}

	private JsonNode call(String method, Map<String, ?> params) {
		return connection.send(page, method, params);
	}

	/** What went wrong in the page so far, for the message of a page that did not load or render. */
	private String problems() {
		StringBuilder text = new StringBuilder();
		for (List<?> list : List.of(uncaughtExceptions, consoleMessages, logEntries, dialogs)) {
			list.forEach(problem -> text.append("\n  ").append(problem));
		}
		return text.length() == 0 ? "" : "\nThe page reported:" + text;
	}

	private String diagnostics() {
		return stderr == null ? "" : "Chromium's stderr ends with:\n" + stderr.tail();
	}

	/** How long {@link #open} and {@link #navigateHash} wait for the page to load and render. */
	void pageTimeout(Duration timeout) {
		pageTimeout = timeout;
	}

	/** The profile directory; it is gone after {@link #close()}. */
	Path profile() {
		return profile;
	}

	/** The browser process; it and its children are gone after {@link #close()}. */
	ProcessHandle process() {
		return process.toHandle();
	}

	/** Ends Chromium and all its processes, and deletes its profile. Safe to call more than once. */
	@Override
	public void close() {
		if (closed) {
			return;
		}
		closed = true;
		if (connection != null) {
			connection.close();
		}
		killProcessTree();
		if (process != null) {
			try {
				Runtime.getRuntime().removeShutdownHook(killOnExit);
			} catch (IllegalStateException e) {
				// The JVM is shutting down; the hook runs or ran anyway.
			}
		}
		deleteProfile();
	}

	private void closeAfter(Throwable failure) {
		try {
			close();
		} catch (RuntimeException e) {
			failure.addSuppressed(e);
		}
	}

	/**
	 * Kills the renderers, zygotes and utility processes as well as the browser. They are listed first: once the
	 * browser is dead they belong to init and can no longer be found as its descendants.
	 */
	private void killProcessTree() {
		if (process == null) {
			return;
		}
		List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
		tree.forEach(ProcessHandle::destroyForcibly);
		long deadline = System.nanoTime() + EXIT_TIMEOUT.toNanos();
		// Polled rather than onExit(), which polls processes that are not our children at 300 ms and more.
		while (tree.stream().anyMatch(Chromium::isRunning) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(POLL_INTERVAL.toMillis());
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Alive and not a zombie. A killed child of Chromium stays a zombie until init reaps it, which in a container
	 * can take seconds; it has ended all the same, its files closed.
	 */
	static boolean isRunning(ProcessHandle process) {
		if (!process.isAlive()) {
			return false;
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
			// The state follows the command name, which is in parentheses and may itself contain them.
			return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
		} catch (IOException | RuntimeException e) {
			return process.isAlive(); // no /proc, or the process just went
		}
	}

	private void deleteProfile() {
		try (Stream<Path> files = Files.walk(profile)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Could not delete Chromium's profile " + profile, e);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CdpException("Interrupted while waiting for the page", e);
		}
	}

	/**
	 * Reads Chromium's stderr to its end, so that a full pipe never blocks it: finds the DevTools address and keeps
	 * the last lines for error messages.
	 */
	private static final class StderrTail {
		private static final int LINES = 40;

		final CompletableFuture<URI> endpoint = new CompletableFuture<>();
		private final Deque<String> lines = new ArrayDeque<>();

		StderrTail(InputStream stderr) {
			Thread thread = new Thread(() -> read(stderr), "chromium-stderr");
			thread.setDaemon(true);
			thread.start();
		}

		private void read(InputStream stderr) {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					keep(line);
					if (line.startsWith(LISTENING)) {
						endpoint.complete(URI.create(line.substring(LISTENING.length()).trim()));
					}
				}
			} catch (IOException e) {
				keep("(reading stderr failed: " + e + ")");
			}
			endpoint.completeExceptionally(new IOException("stderr ended"));
		}

		private synchronized void keep(String line) {
			if (lines.size() == LINES) {
				lines.removeFirst();
			}
			lines.addLast(line);
		}

		synchronized String tail() {
			return lines.isEmpty() ? "(nothing)" : String.join("\n", lines);
		}
	}
}
