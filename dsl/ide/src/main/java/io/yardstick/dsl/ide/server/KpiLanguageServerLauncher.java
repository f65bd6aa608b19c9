package io.yardstick.dsl.ide.server;

import com.google.inject.Guice;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.log4j.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Starts Yardstick's language server on a pair of streams: {@code yardstick lsp} and the tests use it. Any
 * failure that still reaches the JSON-RPC layer is answered with an error that names its kind only; lsp4j's
 * default would send the Java stack trace, whose messages may quote the document's text.
 */
public final class KpiLanguageServerLauncher {
	static {
		// Before the first logger exists: Xtext's jar carries a log4j.properties that logs to standard output,
		// which is the LSP channel here. `yardstick lsp` has set a configuration of its own by now.
		if (System.getProperty("log4j.configuration") == null) {
			System.setProperty("log4j.configuration", "io/yardstick/dsl/ide/server/log4j.properties");
		}
	}

	private static final Logger LOG = Logger.getLogger(KpiLanguageServerLauncher.class);

	private KpiLanguageServerLauncher() {
	}

	/** Serves LSP on {@code in} and {@code out} until the client closes {@code in}; {@code trace} may be null. */
	public static Future<Void> start(InputStream in, OutputStream out, PrintWriter trace) {
		KpiLanguageServer server = Guice.createInjector(KpiServerModule.create()).getInstance(KpiLanguageServer.class);
		Launcher<LanguageClient> launcher = new Launcher.Builder<LanguageClient>()
				.setLocalService(server)
				.setRemoteInterface(LanguageClient.class)
				.setInput(in)
				.setOutput(out)
				.validateMessages(true)
				.traceMessages(trace)
				.setExceptionHandler(KpiLanguageServerLauncher::toResponseError)
				.create();
		server.connect(launcher.getRemoteProxy());
		return launcher.startListening();
	}

	static ResponseError toResponseError(Throwable failure) {
		LOG.error("a request failed", failure);
		return new ResponseError(ResponseErrorCode.InternalError, "internal error in the Yardstick language server ("
				+ failure.getClass().getSimpleName() + "); its standard error has the details", null);
	}

	/** The server on this process's standard input and output; stray prints go to standard error. */
	public static void main(String[] args) throws InterruptedException {
		InputStream in = new FileInputStream(FileDescriptor.in);
		OutputStream out = new FileOutputStream(FileDescriptor.out);
		System.setOut(System.err);
		System.setIn(new ByteArrayInputStream(new byte[0]));
		try {
			start(in, out, null).get();
		} catch (ExecutionException connectionLost) {
			System.err.println("language server: connection closed: " + connectionLost.getCause());
		}
		System.exit(0);
	}
}
