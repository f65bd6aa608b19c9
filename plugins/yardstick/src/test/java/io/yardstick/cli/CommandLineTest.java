package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.cli.Cli.Result;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Help, version, unexpected failures and the progress line. */
class CommandLineTest {
	@TempDir
	Path dir;

	@Test
	void helpDescribesYardstickAndListsTheCommands() {
		Result result = Cli.run("--help");

		assertThat(result.exit()).isEqualTo(0);
		assertThat(result.err()).isEmpty();
		assertThat(result.out()).startsWith("Usage: yardstick ")
				.contains("Yardstick is a tool for authoring layered KPI systems.")
				.contains("  validate  ").contains("  lsp  ").contains("--version").contains("Exit codes:");
	}

	@Test
	void subcommandHelpListsItsOptions() {
		Result validate = Cli.run("validate", "--help");
		Result lsp = Cli.run("lsp", "--help");

		assertThat(validate.exit()).isEqualTo(0);
		assertThat(validate.out()).startsWith("Usage: yardstick validate ").contains("FILE|DIR")
				.contains("-f, --format=FORMAT").contains("text, json").contains("-q, --quiet").contains("--debug");
		assertThat(lsp.exit()).isEqualTo(0);
		assertThat(lsp.out()).startsWith("Usage: yardstick lsp ").contains("stdio").contains(".kpi")
				.contains("--trace");
	}

	@Test
	void versionNamesTheBuiltVersion() {
		Result result = Cli.run("--version");

		assertThat(result.exit()).isEqualTo(0);
		assertThat(result.out()).startsWith("yardstick 0.1.0-SNAPSHOT\n");
	}

	@Command(name = "boom")
	static final class Boom implements Callable<Integer> {
		@Override
		public Integer call() {
			throw new IllegalStateException("something inside broke");
		}
	}

	@Test
	void unexpectedFailureExitsThreeWithoutStackTrace() {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = Main.commandLine(new PrintWriter(out), new PrintWriter(err), false);
		commandLine.addSubcommand("boom", new Boom());

		int exit = commandLine.execute("boom");

		assertThat(exit).isEqualTo(3);
		assertThat(out.toString()).isEmpty();
		assertThat(err.toString()).startsWith(
				"yardstick: internal error: java.lang.IllegalStateException: something inside broke\n")
				.contains("--debug").doesNotContain("\tat ");
	}

	@Test
	void debugAddsTheStackTrace() {
		StringWriter err = new StringWriter();
		CommandLine commandLine = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err), false);
		commandLine.addSubcommand("boom", new Boom());

		int exit = commandLine.execute("--debug", "boom");

		assertThat(exit).isEqualTo(3);
		assertThat(err.toString()).contains("IllegalStateException: something inside broke")
				.contains("\tat io.yardstick.cli.CommandLineTest$Boom.call");
	}

	@Test
	void progressIsDrawnOnStandardErrorOnlyForAPersonAndManyFiles() throws IOException {
		for (int i = 0; i < ValidateCommand.PROGRESS_THRESHOLD + 1; i++) {
			Files.writeString(dir.resolve("t" + i + ".kpi"), Cli.DEMO.replace("package demo", "package p" + i));
		}

		Result interactive = Cli.run(true, "validate", dir.toString());
		Result quiet = Cli.run(true, "validate", "--quiet", dir.toString());
		Result piped = Cli.run(false, "validate", dir.toString());

		assertThat(interactive.exit()).isEqualTo(0);
		assertThat(interactive.out()).isEqualTo(piped.out()).isEqualTo(quiet.out())
				.contains("\n21 files: 0 errors, ");
		assertThat(interactive.err()).contains("\ryardstick: loading 21/21 files (100%)")
				.contains("\ryardstick: validating 21/21 files (100%)").endsWith("\r");
		assertThat(interactive.err().replaceAll("[\r ]", "")).doesNotContain("\n");
		assertThat(quiet.err()).isEmpty();
		assertThat(piped.err()).isEmpty();
	}

	@Test
	void fewFilesDrawNoProgress() throws IOException {
		Path demo = Files.writeString(dir.resolve("demo.kpi"), Cli.DEMO);

		Result result = Cli.run(true, "validate", demo.toString());

		assertThat(result.err()).isEmpty();
	}

	@Test
	void progressLineRedrawsInPlaceAndErasesItself() {
		StringWriter err = new StringWriter();
		ProgressLine line = new ProgressLine(new PrintWriter(err));

		String longest = "yardstick: loading 1000/1000 files (100%)";
		String shorter = "yardstick: validating 1/1000 files (0%)"; // padded to cover the longer line before
		line.progress("loading", 1, 1000);
		line.progress("loading", 2, 1000); // same whole percent: not redrawn
		line.progress("loading", 1000, 1000);
		line.progress("validating", 1, 1000);
		line.clear();

		assertThat(err.toString()).isEqualTo("\ryardstick: loading 1/1000 files (0%)"
				+ "\ryardstick: loading 1000/1000 files (100%)"
				+ "\ryardstick: validating 1/1000 files (0%)" + " ".repeat(longest.length() - shorter.length())
				+ "\r" + " ".repeat(longest.length()) + "\r");
	}
}
