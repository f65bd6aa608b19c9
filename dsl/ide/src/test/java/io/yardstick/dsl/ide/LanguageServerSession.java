package io.yardstick.dsl.ide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.FoldingRangeCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import io.yardstick.dsl.ide.server.KpiLanguageServerLauncher;

/**
 * A language server in a child JVM ({@link KpiLanguageServerLauncher} on the test class path), driven
 * over its standard input and output by lsp4j's client side, as an editor drives it. The
 * workspace is a fresh folder holding the given .kpi files, so that every test sees exactly the
 * files it names.
 */
final class LanguageServerSession implements AutoCloseable {
	private static final long TIMEOUT_SECONDS = 60;

	private final Process process;
	private final LanguageServer server;
	private final RecordingClient client;
	private final Path workspace;
	private final InitializeResult initializeResult;
	private final Map<String, Integer> versions = new HashMap<>();

	private LanguageServerSession(Path workspace, Consumer<InitializeParams> initialize) throws IOException {
		this.workspace = workspace;
		Path log = Path.of("target", "language-server-stderr.log");
		Files.createDirectories(log.getParent());
		// The surefire fork sets java.class.path to the full test class path: the server sees the
		// language, its ide module and the ISetup service file exactly as the tests were built.
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), KpiLanguageServerLauncher.class.getName());
		builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
		process = builder.start();
		client = new RecordingClient();
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, process.getInputStream(),
				process.getOutputStream());
		launcher.startListening();
		server = launcher.getRemoteProxy();
		InitializeParams params = initializeParams();
		initialize.accept(params);
		initializeResult = await(server.initialize(params));
		server.initialized(new InitializedParams());
	}

	/** Starts a server on a new workspace holding {@code files} (path relative to the workspace to text). */
	static LanguageServerSession start(Path workspace, Map<String, String> files) throws IOException {
		for (Map.Entry<String, String> file : files.entrySet()) {
			Path path = workspace.resolve(file.getKey());
			Files.createDirectories(path.getParent());
			Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
		}
		return new LanguageServerSession(workspace, params -> {
		});
	}

	/**
	 * Starts a server whose {@code initialize} request is changed by {@code initialize} after the usual one is
	 * made (its root is {@code workspace}, which may be null for none).
	 */
	static LanguageServerSession start(Path workspace, Consumer<InitializeParams> initialize) throws IOException {
		return new LanguageServerSession(workspace, initialize);
	}

	/** The text of a file under src/test/resources/workspace/. */
	static String resource(String name) {
		try {
			return Files.readString(Path.of("src", "test", "resources", "workspace", name), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private InitializeParams initializeParams() {
		InitializeParams params = new InitializeParams();
		params.setProcessId((int) ProcessHandle.current().pid());
		// The root, not workspace folders: Xtext takes the folders only from clients that announce support for them.
		params.setRootUri(workspace == null ? null : uriOf(workspace));
		TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
		DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
		symbols.setHierarchicalDocumentSymbolSupport(true);
		text.setDocumentSymbol(symbols);
		text.setFoldingRange(new FoldingRangeCapabilities());
		ClientCapabilities capabilities = new ClientCapabilities();
		capabilities.setTextDocument(text);
		params.setCapabilities(capabilities);
		return params;
	}

	LanguageServer server() {
		return server;
	}

	InitializeResult initializeResult() {
		return initializeResult;
	}

	/** The file URI as the server writes it (file:///...). */
	String uri(String file) {
		return uriOf(workspace.resolve(file));
	}

	static String uriOf(Path path) {
		return path.toAbsolutePath().normalize().toUri().toString();
	}

	/** Opens a workspace file in the "editor", as a client does before asking anything about it. */
	TextDocumentIdentifier open(String file) {
		return edit(file, text(file));
	}

	/** A workspace file's text on disk. */
	String text(String file) {
		try {
			return Files.readString(workspace.resolve(file), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Sets the editor's text of a workspace file, as typing does (opening it first if need be),
	 * and forgets the file's diagnostics so that {@link #diagnostics} waits for those of this text.
	 */
	TextDocumentIdentifier edit(String file, String text) {
		return editUri(uri(file), text);
	}

	/** {@link #edit(String, String)} for any file, inside the workspace or not. */
	TextDocumentIdentifier edit(Path file, String text) {
		return editUri(uriOf(file), text);
	}

	private TextDocumentIdentifier editUri(String uri, String text) {
		client.forget(uri);
		Integer version = versions.merge(uri, 1, Integer::sum);
		if (version == 1) {
			server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "kpi", 1, text)));
		} else {
			TextDocumentContentChangeEvent whole = new TextDocumentContentChangeEvent(text);
			server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
					new VersionedTextDocumentIdentifier(uri, version), List.of(whole)));
		}
		return new TextDocumentIdentifier(uri);
	}

	/** Closes a document in the "editor", and forgets its diagnostics so that {@link #diagnostics} waits for new ones. */
	void closeDocument(Path file) {
		String uri = uriOf(file);
		client.forget(uri);
		versions.remove(uri);
		server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
	}

	/** Sends changes to an open document as a client does while typing; returns the new version. */
	int change(String uri, List<TextDocumentContentChangeEvent> changes) {
		Integer version = versions.merge(uri, 1, Integer::sum);
		server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), changes));
		return version;
	}

	/** The diagnostics last published for a file, waiting for the first publication. */
	List<Diagnostic> diagnostics(String file) {
		return client.awaitDiagnostics(uri(file)).getDiagnostics();
	}

	/** The diagnostics last published for any file, waiting for the first publication. */
	List<Diagnostic> diagnostics(Path file) {
		return client.awaitDiagnostics(uriOf(file)).getDiagnostics();
	}

	/** Waits until the diagnostics last published for a file satisfy {@code wanted}, or fails after the timeout. */
	List<Diagnostic> diagnostics(Path file, java.util.function.Predicate<List<Diagnostic>> wanted) {
		return client.awaitMatching(uriOf(file), wanted).getDiagnostics();
	}

	/** Waits for the diagnostics of this version of the document, or fails after the timeout. */
	PublishDiagnosticsParams diagnostics(String uri, int version) {
		return client.awaitVersion(uri, version);
	}

	/** Every publication so far, in order of arrival. */
	List<PublishDiagnosticsParams> publications() {
		return client.publications();
	}

	/** Where {@code shift} characters into the first {@code text} in {@code content} is. */
	static Position positionOf(String content, String text, int shift) {
		int offset = content.indexOf(text);
		if (offset < 0) {
			throw new IllegalArgumentException("`" + text + "` does not occur");
		}
		return positionAt(content, offset + shift);
	}

	/** The range of the first {@code name} inside the first {@code context} in {@code content}. */
	static Range rangeOf(String content, String context, String name) {
		int start = content.indexOf(context);
		if (start < 0) {
			throw new IllegalArgumentException("`" + context + "` does not occur");
		}
		int offset = content.indexOf(name, start);
		return new Range(positionAt(content, offset), positionAt(content, offset + name.length()));
	}

	/** The text after applying non-overlapping edits, as a client applies them. */
	static String apply(String content, List<? extends TextEdit> edits) {
		List<TextEdit> sorted = new ArrayList<>(edits);
		sorted.sort((a, b) -> Integer.compare(offsetAt(content, b.getRange().getStart()), offsetAt(content, a.getRange().getStart())));
		StringBuilder text = new StringBuilder(content);
		for (TextEdit edit : sorted) {
			text.replace(offsetAt(content, edit.getRange().getStart()), offsetAt(content, edit.getRange().getEnd()), edit.getNewText());
		}
		return text.toString();
	}

	static int offsetAt(String content, Position position) {
		int offset = 0;
		for (int line = 0; line < position.getLine(); line++) {
			offset = content.indexOf('\n', offset) + 1;
		}
		return offset + position.getCharacter();
	}

	static Position positionAt(String content, int offset) {
		int line = 0;
		int lineStart = 0;
		for (int i = 0; i < offset; i++) {
			if (content.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new Position(line, offset - lineStart);
	}

	static <T> T await(CompletableFuture<T> request) {
		try {
			return request.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		} catch (ExecutionException | TimeoutException e) {
			throw new IllegalStateException("request failed: " + e, e);
		}
	}

	@Override
	public void close() throws InterruptedException {
		try {
			server.shutdown().get(10, TimeUnit.SECONDS);
			server.exit();
		} catch (ExecutionException | TimeoutException | RuntimeException alreadyGone) {
			// The process is ended below either way.
		}
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	/** The editor's side: keeps what the server publishes, answers what it asks with nothing. */
	private static final class RecordingClient implements LanguageClient {
		private final Map<String, PublishDiagnosticsParams> diagnostics = new HashMap<>();
		private final List<PublishDiagnosticsParams> publications = new ArrayList<>();

		synchronized void forget(String uri) {
			diagnostics.remove(uri);
		}

		@Override
		public synchronized void publishDiagnostics(PublishDiagnosticsParams params) {
			diagnostics.put(params.getUri(), params);
			publications.add(params);
			notifyAll();
		}

		synchronized List<PublishDiagnosticsParams> publications() {
			return new ArrayList<>(publications);
		}

		synchronized PublishDiagnosticsParams awaitDiagnostics(String uri) {
			return await(() -> diagnostics.get(uri), "no diagnostics published for " + uri);
		}

		synchronized PublishDiagnosticsParams awaitVersion(String uri, int version) {
			return await(() -> {
				PublishDiagnosticsParams last = diagnostics.get(uri);
				return last != null && last.getVersion() != null && last.getVersion() >= version ? last : null;
			}, "no diagnostics published for version " + version + " of " + uri);
		}

		synchronized PublishDiagnosticsParams awaitMatching(String uri, java.util.function.Predicate<List<Diagnostic>> wanted) {
			return await(() -> {
				PublishDiagnosticsParams last = diagnostics.get(uri);
				return last != null && wanted.test(last.getDiagnostics()) ? last : null;
			}, "no diagnostics as wanted for " + uri + ", last: " + diagnostics.get(uri));
		}

		private <T> T await(java.util.function.Supplier<T> published, String failure) {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
			for (T found = published.get(); ; found = published.get()) {
				if (found != null) {
					return found;
				}
				long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (left <= 0) {
					throw new IllegalStateException(failure + "; published: " + diagnostics.keySet());
				}
				try {
					wait(left);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(e);
				}
			}
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
