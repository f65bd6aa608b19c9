package io.yardstick.cli;

import io.yardstick.dsl.ide.server.KpiLanguageServerLauncher;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code yardstick lsp}: Yardstick's language server for .kpi files ({@link KpiLanguageServerLauncher}), over
 * standard input and output. Unlike {@code org.eclipse.xtext.ide.server.ServerLauncher}: anything printed to
 * {@code System.out} by accident goes to standard error instead of being dropped (the LSP channel keeps the
 * real standard output to itself), and the process ends as soon as the client closes the connection.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true, versionProvider = YardstickCommand.Version.class,
		sortOptions = false, usageHelpAutoWidth = true,
		description = {
				"Start the Yardstick language server (LSP) on standard input and output, for any editor with an "
						+ "LSP client: configure the command 'yardstick lsp', transport stdio, for files ending "
						+ "in .kpi. The server validates as you type, and offers completion, hover, navigation, "
						+ "rename, outline, formatting, semantic tokens, folding and quick fixes (docs/lsp.md). "
						+ "Nothing but LSP messages is written to standard output; logs go to standard error.",
				"" })
public final class LspCommand implements Callable<Integer> {

	@Option(names = "--trace", description = "Copy every LSP message to standard error, for debugging a client.")
	boolean trace;

	@Override
	public Integer call() throws InterruptedException {
		InputStream in = new FileInputStream(FileDescriptor.in);
		OutputStream out = new FileOutputStream(FileDescriptor.out);
		// From here on, System.out is not the LSP channel: stray prints go to stderr.
		System.setOut(System.err);
		System.setIn(new ByteArrayInputStream(new byte[0]));
		PrintWriter traceWriter = trace ? new PrintWriter(new PrintStream(System.err, true, StandardCharsets.UTF_8), true)
				: null;

		Future<Void> listening = KpiLanguageServerLauncher.start(in, out, traceWriter);
		try {
			// Ends when the client closes standard input; the LSP 'exit' notification ends the process itself.
			listening.get();
		} catch (ExecutionException connectionLost) {
			System.err.println("yardstick: lsp: connection closed: " + connectionLost.getCause());
		}
		return Main.EXIT_OK;
	}
}
