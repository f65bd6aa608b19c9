package io.yardstick.bench;

import io.yardstick.dsl.ide.server.KpiLanguageServerLauncher;
import io.yardstick.dsl.ide.server.LenientDocument;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.LoadedModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Diagnostics latency of the language server after an edit, as an editor sees it: the server runs in a JVM of
 * its own ({@link KpiLanguageServerLauncher}, over stdio) with the after-sales template's folder as its root;
 * this client opens {@code after-sales.kpi} and types into it, one small edit at a time, and measures from
 * sending each {@code didChange} to receiving the {@code publishDiagnostics} of that version. Edits wait for
 * their diagnostics, so none is cancelled by the next. The goal (p95 under 100 ms) is an editor's, so the
 * times are reported; the peer is the same texts re-parsed and validated in this JVM without a server, and the
 * ratio says what the server adds. docs/performance.md, "Language server".
 *
 * <pre>
 * java -jar dsl/benchmarks/target/benchmarks.jar lsp [--warmup N] [--edits N] [--template DIR]
 * </pre>
 */
public final class LspLatency {
	private static final Pattern GC_PAUSE = Pattern.compile("\\[(\\d+)ms\\].*Pause.* (\\d+\\.\\d+)ms$");

	private LspLatency() {
	}

	/** One kind of edit a person makes while typing, applied at a place in the template. */
	private record Edit(String kind, Range range, String text) {
	}

	public static void run(String[] args, PrintStream out) throws Exception {
		if (System.getProperty("log4j.configuration") == null) {
			// Xtext's own configuration would log INFO lines of the in-process peer to standard output.
			System.setProperty("log4j.configuration", "io/yardstick/dsl/ide/server/log4j.properties");
		}
		int warmup = intOption(args, "--warmup", 300);
		int edits = intOption(args, "--edits", 1_000);
		Path templates = Path.of(stringOption(args, "--template", "example-templates/after-sales-standard"));
		Path template = templates.resolve("after-sales.kpi");
		String text = Files.readString(template, StandardCharsets.UTF_8);
		Sequence sequence = sequence(text, warmup + edits);
		long[] inProcess = inProcess(templates, text, sequence, warmup);
		Path gcLog = Files.createTempFile("lsp-latency-gc", ".log");

		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xlog:gc:file=" + gcLog + ":uptimemillis", "-cp", System.getProperty("java.class.path"),
				KpiLanguageServerLauncher.class.getName()));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		long processStart = System.currentTimeMillis();
		Arrivals client = new Arrivals();
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, process.getInputStream(), process.getOutputStream());
		launcher.startListening();
		LanguageServer server = launcher.getRemoteProxy();
		try {
			InitializeParams init = new InitializeParams();
			init.setRootUri(templates.toAbsolutePath().normalize().toUri().toString());
			init.setCapabilities(new ClientCapabilities());
			long started = System.nanoTime();
			server.initialize(init).get(5, TimeUnit.MINUTES);
			server.initialized(new InitializedParams());
			String uri = template.toAbsolutePath().normalize().toUri().toString();
			server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "kpi", 1, text)));
			client.await(uri, 1);
			out.printf(Locale.ROOT, "server started and first diagnostics published in %.0f ms%n", (System.nanoTime() - started) / 1e6);

			long[] latencies = new long[edits];
			String[] kinds = new String[edits];
			long[] sentAt = new long[edits];
			for (int i = -warmup; i < edits; i++) {
				Edit edit = sequence.edits().get(i + warmup);
				int version = i + warmup + 2;
				long sent = System.nanoTime();
				long wall = System.currentTimeMillis();
				server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
						new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(edit.range(), edit.text()))));
				long arrived = client.await(uri, version);
				if (i >= 0) {
					latencies[i] = arrived - sent;
					kinds[i] = edit.kind();
					sentAt[i] = wall - processStart;
				}
			}
			report(out, latencies, kinds, sentAt, warmup, gcLog);
			long[] peer = inProcess.clone();
			Arrays.sort(peer);
			long[] served = latencies.clone();
			Arrays.sort(served);
			out.printf(Locale.ROOT, "peer, in this JVM: re-parse and validate after-sales.kpi after the same edits (KpiWorkspace.replace + validate):"
					+ " median %.1f ms, p95 %.1f ms, worst %.1f ms%n", ms(percentile(peer, 50)), ms(percentile(peer, 95)), ms(peer[peer.length - 1]));
			out.printf(Locale.ROOT, "server / in-process: median %.2f, p95 %.2f%n", (double) percentile(served, 50) / percentile(peer, 50),
					(double) percentile(served, 95) / percentile(peer, 95));
			server.shutdown().get(30, TimeUnit.SECONDS);
			server.exit();
		} finally {
			process.waitFor(10, TimeUnit.SECONDS);
			process.destroyForcibly();
			Files.deleteIfExists(gcLog);
		}
	}

	/** The edits, and the text after each, worked out before anything is timed. */
	private record Sequence(List<Edit> edits, List<String> texts) {
	}

	private static Sequence sequence(String text, int count) {
		Random random = new Random(20261206L);
		List<Edit> edits = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		Edit pending = null;
		for (int i = 0; i < count; i++) {
			Edit edit = pending != null ? pending : typingEdit(random, text);
			pending = undo(edit);
			text = apply(text, edit);
			edits.add(edit);
			texts.add(text);
		}
		return new Sequence(edits, texts);
	}

	/** The same texts through the validator in this JVM, as the peer: what the server adds is the rest. */
	private static long[] inProcess(Path templates, String original, Sequence sequence, int warmup) throws IOException {
		KpiWorkspace workspace = new KpiWorkspace();
		LoadedModel model = workspace.load(Map.of("after-sales.kpi", original,
				"customers.kpi", Files.readString(templates.resolve("customers.kpi"), StandardCharsets.UTF_8)));
		long[] times = new long[sequence.texts().size() - warmup];
		for (int i = 0; i < sequence.texts().size(); i++) {
			long start = System.nanoTime();
			workspace.replace(model, "after-sales.kpi", sequence.texts().get(i));
			workspace.validate(model, "after-sales.kpi");
			if (i >= warmup) {
				times[i - warmup] = System.nanoTime() - start;
			}
		}
		return times;
	}

	/**
	 * Typing into the template: a digit of a target changed, a letter typed into a name and deleted again (an
	 * unresolved name in between), a word typed into a description, a comment line added.
	 */
	private static Edit typingEdit(Random random, String text) {
		int kind = random.nextInt(4);
		switch (kind) {
			case 0 -> {
				int at = nth(text, "target ", random);
				int digit = at;
				while (digit < text.length() && !Character.isDigit(text.charAt(digit))) {
					digit++;
				}
				return new Edit("change a target's digit", range(text, digit, digit + 1), String.valueOf(random.nextInt(9) + 1));
			}
			case 1 -> {
				int at = nth(text, "Ticket.", random) + "Ticket.".length();
				return new Edit("type a letter into a field name", range(text, at, at), "x");
			}
			case 2 -> {
				int at = nth(text, "description \"", random) + "description \"".length();
				return new Edit("type into a description", range(text, at, at), "很");
			}
			default -> {
				int at = nth(text, "\n\tlayer ", random) + 1;
				return new Edit("add a comment line", range(text, at, at), "\t// note\n");
			}
		}
	}

	/** A typed letter and an added comment are taken back by the next edit, so the template stays itself. */
	private static Edit undo(Edit edit) {
		Position start = edit.range().getStart();
		if (edit.kind().equals("type a letter into a field name")) {
			return new Edit("delete the typed letter", new Range(start, new Position(start.getLine(), start.getCharacter() + 1)), "");
		}
		if (edit.kind().equals("add a comment line")) {
			return new Edit("delete the comment line", new Range(start, new Position(start.getLine() + 1, 0)), "");
		}
		return null;
	}

	private static int nth(String text, String what, Random random) {
		List<Integer> at = new ArrayList<>();
		for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
			at.add(i);
		}
		return at.get(random.nextInt(at.size()));
	}

	private static Range range(String text, int start, int end) {
		LenientDocument document = new LenientDocument(null, text);
		return new Range(document.getPosition(start), document.getPosition(end));
	}

	private static String apply(String text, Edit edit) {
		return new LenientDocument(null, text).withChanges(null, List.of(new TextDocumentContentChangeEvent(edit.range(), edit.text())))
				.getContents();
	}

	private static void report(PrintStream out, long[] latencies, String[] kinds, long[] sentAt, int warmup, Path gcLog)
			throws IOException {
		long[] sorted = latencies.clone();
		Arrays.sort(sorted);
		out.printf(Locale.ROOT, "%d edits after %d of warm-up: median %.1f ms, p90 %.1f ms, p95 %.1f ms, p99 %.1f ms, worst %.1f ms, mean %.1f ms%n",
				sorted.length, warmup, ms(percentile(sorted, 50)), ms(percentile(sorted, 90)), ms(percentile(sorted, 95)),
				ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]), ms((long) Arrays.stream(sorted).average().orElse(0)));
		List<long[]> pauses = new ArrayList<>();
		for (String line : Files.readAllLines(gcLog)) {
			Matcher matcher = GC_PAUSE.matcher(line);
			if (matcher.find()) {
				pauses.add(new long[] { Long.parseLong(matcher.group(1)), Math.round(Double.parseDouble(matcher.group(2))) });
			}
		}
		out.printf(Locale.ROOT, "server GC: %d pauses, longest %d ms%n", pauses.size(),
				pauses.stream().mapToLong(p -> p[1]).max().orElse(0));
		Integer[] slowest = new Integer[latencies.length];
		for (int i = 0; i < slowest.length; i++) {
			slowest[i] = i;
		}
		Arrays.sort(slowest, Comparator.comparingLong((Integer i) -> latencies[i]).reversed());
		out.println("slowest edits (index, kind, ms, server GC pause ending within it):");
		for (int k = 0; k < Math.min(5, slowest.length); k++) {
			int i = slowest[k];
			long from = sentAt[i];
			long to = from + Math.round(ms(latencies[i])) + 50;
			long gc = pauses.stream().filter(p -> p[0] >= from && p[0] <= to).mapToLong(p -> p[1]).sum();
			out.printf(Locale.ROOT, "  #%d %s: %.1f ms%s%n", i, kinds[i], ms(latencies[i]), gc > 0 ? ", GC " + gc + " ms" : "");
		}
		Map<String, List<Long>> byKind = new java.util.TreeMap<>();
		for (int i = 0; i < latencies.length; i++) {
			byKind.computeIfAbsent(kinds[i], k -> new ArrayList<>()).add(latencies[i]);
		}
		out.println("by kind of edit (median, p95):");
		byKind.forEach((kind, values) -> {
			long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
			out.printf(Locale.ROOT, "  %s: %d edits, %.1f ms, %.1f ms%n", kind, v.length, ms(percentile(v, 50)), ms(percentile(v, 95)));
		});
	}

	private static long percentile(long[] sorted, double p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}

	private static int intOption(String[] args, String name, int fallback) {
		String value = stringOption(args, name, null);
		return value == null ? fallback : Integer.parseInt(value);
	}

	private static String stringOption(String[] args, String name, String fallback) {
		for (int i = 0; i + 1 < args.length; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

	/** Keeps the arrival time of the diagnostics of each version. */
	private static final class Arrivals implements LanguageClient {
		private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

		@Override
		public synchronized void publishDiagnostics(PublishDiagnosticsParams params) {
			long now = System.nanoTime();
			if (params.getVersion() != null) {
				arrivals.putIfAbsent(params.getUri() + "#" + params.getVersion(), now);
			}
			notifyAll();
		}

		synchronized long await(String uri, int version) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
			String key = uri + "#" + version;
			while (!arrivals.containsKey(key)) {
				long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (left <= 0) {
					throw new IllegalStateException("no diagnostics for version " + version);
				}
				wait(left);
			}
			return arrivals.get(key);
		}

		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public void showMessage(MessageParams messageParams) {
		}

		@Override
		public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(MessageParams message) {
		}
	}
}
