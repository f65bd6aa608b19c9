package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yardstick lsp} as an editor sees it: a separate process, spoken to over its stdin and stdout. */
class LspServerTest {
	private static final long TIMEOUT_SECONDS = 60;

	@TempDir
	Path workspace;

	private Process process;

	@AfterEach
	void stopServer() {
		if (process != null && process.isAlive()) {
			process.destroyForcibly();
		}
	}

	/** Keeps every publishDiagnostics; answers the few requests a server may send. */
	static final class Client implements LanguageClient {
		final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
		final List<String> logs = new ArrayList<>();

		@Override
		public void publishDiagnostics(PublishDiagnosticsParams params) {
			diagnostics.add(params);
		}

		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public void showMessage(MessageParams params) {
			synchronized (logs) {
				logs.add(params.getMessage());
			}
		}

		@Override
		public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(MessageParams params) {
			synchronized (logs) {
				logs.add(params.getMessage());
			}
		}
	}

	/** Copies everything the client reads from the server's stdout, to check afterwards that it was all LSP. */
	static final class Recording extends FilterInputStream {
		final ByteArrayOutputStream copy = new ByteArrayOutputStream();

		Recording(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				copy.write(b);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				copy.write(buffer, offset, n);
			}
			return n;
		}
	}

	@Test
	void diagnosesAnUnresolvedLinkOverStdio() throws Exception {
		Path root = workspace.toRealPath();
		Files.writeString(root.resolve("demo.kpi"), Cli.DEMO);
		Path opened = root.resolve("links.kpi");
		String text = Cli.DEMO.replace("package demo", "package links").replace("link volume", "link nosuch");

		process = JavaProcess.yardstick("lsp").directory(root.toFile()).start();
		JavaProcess.Drain stderr = new JavaProcess.Drain(process.getErrorStream());
		Recording stdout = new Recording(process.getInputStream());
		Client client = new Client();
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, stdout,
				process.getOutputStream());
		Future<Void> listening = launcher.startListening();
		LanguageServer server = launcher.getRemoteProxy();

		InitializeParams init = new InitializeParams();
		init.setProcessId((int) ProcessHandle.current().pid());
		init.setRootUri(root.toUri().toString());
		init.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "workspace")));
		init.setCapabilities(new ClientCapabilities());
		InitializeResult initialized = server.initialize(init).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		assertThat(initialized.getCapabilities()).isNotNull();
		server.initialized(new InitializedParams());

		server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
				new TextDocumentItem(opened.toUri().toString(), "kpi", 1, text)));

		Diagnostic unresolved = awaitDiagnostic(client, opened, "unresolved-reference", stderr);
		assertThat(unresolved.getMessage().getLeft()).isEqualTo("unknown metric `nosuch`");
		// `link nosuch -> csat` is line 6 (index 5); `nosuch` spans columns 10-15 (characters 9 to 15).
		assertThat(unresolved.getRange().getStart().getLine()).isEqualTo(5);
		assertThat(unresolved.getRange().getStart().getCharacter()).isEqualTo(9);
		assertThat(unresolved.getRange().getEnd().getLine()).isEqualTo(5);
		assertThat(unresolved.getRange().getEnd().getCharacter()).isEqualTo(15);

		server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		server.exit();
		assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the server ended after 'exit'").isTrue();
		assertThat(process.exitValue()).as(stderr.soFar()).isEqualTo(0);
		listening.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

		assertOnlyLspFrames(stdout.copy.toByteArray());
	}

	/**
	 * Issue 20's reproduction, byte for byte: an editor with a single file and no folder sends {@code "rootUri":
	 * null}. The server answers with its capabilities, then validates a file it is given together with the
	 * template that file imports from the folder beside it.
	 */
	@Test
	void answersInitializeWithoutARootAndValidatesASingleFileWithItsImports() throws Exception {
		Path library = workspace.toRealPath();
		Files.createDirectories(library.resolve("base"));
		Files.writeString(library.resolve("base/demo.kpi"), Cli.DEMO);
		Path client = library.resolve("client/client.kpi");
		Files.createDirectories(client.getParent());
		String text = """
				package client
				import demo.T
				template C extends T {
				    link volume -> cast : positive
				}
				""";
		Files.writeString(client, text);

		process = JavaProcess.yardstick("lsp").directory(library.toFile()).start();
		JavaProcess.Drain stderr = new JavaProcess.Drain(process.getErrorStream());
		RawLsp lsp = new RawLsp(process);
		lsp.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}}");
		JsonNode initialized = lsp.until(message -> message.path("id").asInt() == 1, stderr);
		assertThat(initialized.has("error")).as(initialized.toString()).isFalse();
		assertThat(initialized.path("result").path("capabilities").path("hoverProvider").asBoolean()).isTrue();

		lsp.send("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
		String uri = client.toUri().toString();
		ObjectMapper json = new ObjectMapper();
		lsp.send("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":"
				+ json.writeValueAsString(uri) + ",\"languageId\":\"kpi\",\"version\":1,\"text\":" + json.writeValueAsString(text) + "}}}");
		JsonNode published = lsp.until(message -> message.path("method").asText().equals("textDocument/publishDiagnostics")
				&& Path.of(URI.create(message.path("params").path("uri").asText())).equals(client), stderr);

		JsonNode diagnostics = published.path("params").path("diagnostics");
		assertThat(diagnostics).as(published.toString()).hasSize(1);
		assertThat(diagnostics.get(0).path("code").asText()).isEqualTo("unresolved-reference");
		assertThat(diagnostics.get(0).path("message").asText()).isEqualTo("unknown metric `cast`; did you mean `csat`?");
		assertThat(published.path("params").path("version").asInt()).isEqualTo(1);

		lsp.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\",\"params\":null}");
		lsp.until(message -> message.path("id").asInt() == 2, stderr);
		lsp.send("{\"jsonrpc\":\"2.0\",\"method\":\"exit\",\"params\":null}");
		assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the server ended after 'exit'").isTrue();
	}

	/** LSP's framing over the process's pipes, without lsp4j: exactly the bytes an editor sends. */
	private static final class RawLsp {
		private final java.io.OutputStream in;
		private final InputStream out;
		private final ObjectMapper json = new ObjectMapper();

		RawLsp(Process process) {
			this.in = process.getOutputStream();
			this.out = process.getInputStream();
		}

		void send(String body) throws IOException {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			in.write(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			in.write(bytes);
			in.flush();
		}

		/** Reads messages until one matches; fails on end of stream or after the timeout. */
		JsonNode until(java.util.function.Predicate<JsonNode> wanted, JavaProcess.Drain stderr) throws Exception {
			CompletableFuture<JsonNode> found = CompletableFuture.supplyAsync(() -> {
				try {
					for (JsonNode message = read(); message != null; message = read()) {
						if (wanted.test(message)) {
							return message;
						}
					}
					return null;
				} catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
			JsonNode message = found.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			if (message == null) {
				fail("the server closed its output; stderr:\n" + stderr.soFar());
			}
			return message;
		}

		private JsonNode read() throws IOException {
			int length = -1;
			StringBuilder line = new StringBuilder();
			while (true) {
				int c = out.read();
				if (c < 0) {
					return null;
				}
				if (c == '\n') {
					String header = line.toString().trim();
					line.setLength(0);
					if (header.isEmpty()) {
						break;
					}
					if (header.startsWith("Content-Length: ")) {
						length = Integer.parseInt(header.substring("Content-Length: ".length()));
					}
				} else {
					line.append((char) c);
				}
			}
			byte[] body = out.readNBytes(length);
			return json.readTree(new String(body, StandardCharsets.UTF_8));
		}
	}

	private static Diagnostic awaitDiagnostic(Client client, Path file, String code, JavaProcess.Drain stderr)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
		while (System.nanoTime() < deadline) {
			PublishDiagnosticsParams params = client.diagnostics.poll(1, TimeUnit.SECONDS);
			if (params == null || !Path.of(URI.create(params.getUri())).equals(file)) {
				continue;
			}
			for (Diagnostic diagnostic : params.getDiagnostics()) {
				if (diagnostic.getCode() != null && code.equals(diagnostic.getCode().getLeft())) {
					return diagnostic;
				}
			}
		}
		return fail("no " + code + " diagnostic for " + file + " within " + TIMEOUT_SECONDS + " s; server stderr:\n"
				+ stderr.soFar());
	}

	/** The whole of stdout must be a sequence of {@code Content-Length} framed JSON-RPC messages. */
	private static void assertOnlyLspFrames(byte[] out) throws IOException {
		ObjectMapper json = new ObjectMapper();
		int position = 0;
		int frames = 0;
		while (position < out.length) {
			int headerEnd = indexOf(out, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), position);
			assertThat(headerEnd).as("a header at byte " + position).isGreaterThanOrEqualTo(0);
			String header = new String(out, position, headerEnd - position, StandardCharsets.US_ASCII);
			int length = -1;
			for (String line : header.split("\r\n")) {
				assertThat(line).as("header line").matches("Content-(Length|Type): .+");
				if (line.startsWith("Content-Length: ")) {
					length = Integer.parseInt(line.substring("Content-Length: ".length()).trim());
				}
			}
			assertThat(length).as("Content-Length of frame " + frames).isPositive();
			int body = headerEnd + 4;
			assertThat(body + length).isLessThanOrEqualTo(out.length);
			JsonNode message = json.readTree(new String(out, body, length, StandardCharsets.UTF_8));
			assertThat(message.get("jsonrpc").asText()).isEqualTo("2.0");
			position = body + length;
			frames++;
		}
		assertThat(frames).isGreaterThanOrEqualTo(2);
	}

	private static int indexOf(byte[] haystack, byte[] needle, int from) {
		outer: for (int i = from; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
