package io.yardstick.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * {@code report.pdf}: report.html printed by headless Chromium, every page of the report one after the other
 * ({@code #print=all}), A4 landscape. The page is laid out for print before it renders, at the width of the
 * printed sheet, so that its charts are drawn at the size they are printed; the print style sheet keeps each tile
 * whole and starts each report page on a new sheet.
 */
public final class ReportPdf {
	/** System property naming the Chromium binary (the browser tests read it too). */
	public static final String BINARY_PROPERTY = "yardstick.chromium";
	/** Environment variable naming the Chromium binary, when the property is not set. */
	public static final String BINARY_VARIABLE = "YARDSTICK_CHROMIUM";
	/** Looked for on the PATH, in this order, when neither names a binary. */
	static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

	/**
	 * Printed at 75 %: a tile with a trend and three breakdowns then fits on one sheet, and the report keeps the
	 * three columns of a wide screen.
	 */
	static final double SCALE = 0.75;
	/** A4 landscape less the 10 mm margins of report.css's {@code @page}, in CSS pixels (96 per inch) at {@link #SCALE}. */
	static final int SHEET_WIDTH = (int) Math.round(277 / 25.4 * 96 / SCALE);
	static final int SHEET_HEIGHT = (int) Math.round(190 / 25.4 * 96 / SCALE);
	private static final double A4_LONG_SIDE_INCHES = 297 / 25.4;
	private static final double A4_SHORT_SIDE_INCHES = 210 / 25.4;
	private static final Duration TIMEOUT = Duration.ofSeconds(60);
	private static final Duration POLL = Duration.ofMillis(50);
	private static final String LISTENING = "DevTools listening on ";

	private ReportPdf() {
	}

	/** Why report.pdf could not be written; the message says what to do. */
	public static final class PdfException extends IOException {
		private static final long serialVersionUID = 1L;

		PdfException(String message) {
			super(message);
		}

		PdfException(String message, Throwable cause) {
			super(message, cause);
		}
	}

	/**
	 * The Chromium to print with: {@code -Dyardstick.chromium}, else {@code $YARDSTICK_CHROMIUM}, else the first of
	 * {@link #NAMES} on the PATH.
	 *
	 * @throws PdfException naming where it looked, when there is none
	 */
	public static Path chromium(Map<String, String> environment) throws PdfException {
		String named = System.getProperty(BINARY_PROPERTY);
		String from = "-D" + BINARY_PROPERTY;
		if (named == null || named.isBlank()) {
			named = environment.get(BINARY_VARIABLE);
			from = BINARY_VARIABLE;
		}
		if (named != null && !named.isBlank()) {
			Path binary = Path.of(named);
			if (!Files.isExecutable(binary)) {
				throw new PdfException("Chromium is not at " + binary + " (named by " + from + ")");
			}
			return binary;
		}
		Optional<Path> found = onPath(environment.getOrDefault("PATH", ""));
		return found.orElseThrow(() -> new PdfException("no Chromium found: looked for " + String.join(", ", NAMES)
				+ " on the PATH. Install it (Debian: apt-get install chromium) or name it with " + BINARY_VARIABLE));
	}

	static Optional<Path> onPath(String path) {
		for (String name : NAMES) {
			for (String dir : path.split(java.io.File.pathSeparator)) {
				if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
					return Optional.of(Path.of(dir, name));
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Prints {@code html} (a report.html) in {@code language} to {@code pdf}, which is replaced only once the whole
	 * PDF is there.
	 */
	public static void print(Path chromium, Path html, String language, Path pdf) throws PdfException {
		Path profile;
		try {
			profile = Files.createTempDirectory("yardstick-pdf-");
		} catch (IOException e) {
			throw new PdfException("could not create a profile folder for Chromium: " + e.getMessage(), e);
		}
		Process process = null;
		Thread stopOnExit = null;
		try {
			process = start(chromium, profile);
			// Should the run be interrupted (Ctrl+C), Chromium must not outlive it.
			Process started = process;
			stopOnExit = new Thread(() -> stop(started), "chromium-stop");
			Runtime.getRuntime().addShutdownHook(stopOnExit);
			Stderr stderr = new Stderr(process);
			URI endpoint = stderr.endpoint(process, chromium);
			try (DevTools devTools = new DevTools(endpoint, TIMEOUT)) {
				byte[] bytes = printPage(devTools, html, language, stderr);
				Path partial = pdf.resolveSibling(pdf.getFileName() + ".partial");
				Files.write(partial, bytes);
				Files.move(partial, pdf, StandardCopyOption.REPLACE_EXISTING);
			}
		} catch (PdfException e) {
			throw e;
		} catch (IOException e) {
			throw new PdfException("Chromium could not print " + html + ": " + e.getMessage(), e);
		} finally {
			if (process != null) {
				stop(process);
			}
			if (stopOnExit != null) {
				try {
					Runtime.getRuntime().removeShutdownHook(stopOnExit);
				} catch (IllegalStateException e) {
					// The JVM is shutting down; the hook runs anyway.
				}
			}
			deleteTree(profile);
		}
	}

	private static Process start(Path chromium, Path profile) throws PdfException {
		List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--disable-gpu",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--hide-scrollbars", "--remote-debugging-port=0", "--user-data-dir=" + profile));
		// Chromium refuses to start as root with its sandbox on, as in most containers; the page it opens is
		// Yardstick's own, and report.html's Content-Security-Policy forbids every request.
		if ("root".equals(System.getProperty("user.name"))) {
			command.add("--no-sandbox");
		}
		command.add("about:blank");
		try {
			return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		} catch (IOException e) {
			throw new PdfException("could not start Chromium (" + chromium + "): " + e.getMessage(), e);
		}
	}

	private static byte[] printPage(DevTools devTools, Path html, String language, Stderr stderr) throws IOException {
		String target = devTools.call(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId")
				.asText();
		String page = devTools.call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
				.path("sessionId").asText();
		devTools.call(page, "Emulation.setEmulatedMedia", Map.of("media", "print"));
		devTools.call(page, "Emulation.setDeviceMetricsOverride",
				Map.of("width", SHEET_WIDTH, "height", SHEET_HEIGHT, "deviceScaleFactor", 1, "mobile", false));
		String url = html.toAbsolutePath().toUri() + "#print=all&lang=" + language;
		JsonNode navigation = devTools.call(page, "Page.navigate", Map.of("url", url));
		if (navigation.has("errorText")) {
			throw new PdfException("Chromium could not open " + html + ": " + navigation.get("errorText").asText());
		}
		awaitReady(devTools, page, html, stderr);
		// The paper is given as well as @page: Chromium evaluates print media queries against the paper size it
		// was asked for (Letter portrait by default), even where @page sets another.
		JsonNode printed = devTools.call(page, "Page.printToPDF", Map.of("printBackground", true,
				"preferCSSPageSize", true, "scale", SCALE, "paperWidth", A4_LONG_SIDE_INCHES, "paperHeight", A4_SHORT_SIDE_INCHES,
				"displayHeaderFooter", false, "transferMode", "ReturnAsBase64"));
		return Base64.getDecoder().decode(printed.path("data").asText());
	}

	/** The page sets {@code window.yardstickReady} once every page of the report is rendered. */
	private static void awaitReady(DevTools devTools, String page, Path html, Stderr stderr) throws IOException {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (true) {
			JsonNode answer = devTools.call(page, "Runtime.evaluate",
					Map.of("expression", "window.yardstickReady === true", "returnByValue", true));
			if (answer.path("result").path("value").asBoolean(false)) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new PdfException(html + " did not finish rendering within " + TIMEOUT.toSeconds() + " s"
						+ stderr.tail());
			}
			try {
				Thread.sleep(POLL.toMillis());
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new PdfException("interrupted while " + html + " rendered", e);
			}
		}
	}

	/** Ends Chromium with its renderers and helpers, which the browser process alone would leave behind. */
	private static void stop(Process process) {
		List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
		tree.forEach(ProcessHandle::destroyForcibly);
		try {
			process.waitFor(10, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void deleteTree(Path root) {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		} catch (IOException | UncheckedIOException e) {
			// A helper process may still hold a file for a moment; the folder is in the temporary directory.
		}
	}

	/** Reads Chromium's standard error to its end: finds the DevTools address and keeps the last lines. */
	private static final class Stderr {
		private static final int LINES = 20;
		private final CompletableFuture<URI> endpoint = new CompletableFuture<>();
		private final Deque<String> lines = new ArrayDeque<>();

		Stderr(Process process) {
			Thread reader = new Thread(() -> read(process), "chromium-stderr");
			reader.setDaemon(true);
			reader.start();
		}

		private void read(Process process) {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					keep(line);
					if (line.startsWith(LISTENING)) {
						endpoint.complete(URI.create(line.substring(LISTENING.length()).trim()));
					}
				}
			} catch (IOException e) {
				keep("(reading stderr failed: " + e.getMessage() + ")");
			}
			endpoint.completeExceptionally(new IOException("Chromium's stderr ended"));
		}

		URI endpoint(Process process, Path chromium) throws PdfException {
			try {
				return endpoint.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			} catch (ExecutionException | TimeoutException e) {
				String what = process.isAlive() ? "did not open its DevTools port within " + TIMEOUT.toSeconds() + " s"
						: "exited with code " + process.exitValue();
				throw new PdfException(chromium + " " + what + tail(), e);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new PdfException("interrupted while Chromium started", e);
			}
		}

		private synchronized void keep(String line) {
			if (lines.size() == LINES) {
				lines.removeFirst();
			}
			lines.addLast(line);
		}

		synchronized String tail() {
			return lines.isEmpty() ? "" : "; Chromium's stderr ends with:\n" + String.join("\n", lines);
		}
	}
}
