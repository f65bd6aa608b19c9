package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.cli.Cli.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
	/** {@code path:line:column: severity code: message}. */
	static final Pattern FINDING = Pattern.compile("^.+:\\d+:\\d+: (error|warning|info) [a-z0-9-]+: .+$");
	static final Pattern SUMMARY = Pattern.compile("^\\d+ files?: \\d+ errors?, \\d+ warnings?, \\d+ infos?$");

	@TempDir
	Path dir;

	@Test
	void exampleTemplatesHaveNoErrors() {
		Result result = Cli.run("validate", Cli.exampleTemplates().toString());

		assertThat(result.exit()).isEqualTo(0);
		assertThat(result.err()).isEmpty();
		String[] lines = result.outLines();
		assertThat(lines[lines.length - 1]).isEmpty(); // the output ends with a line feed
		// The template, its customers and its tests.
		assertThat(lines[lines.length - 2]).isEqualTo("3 files: 0 errors, 0 warnings, 1 info");
		for (int i = 0; i < lines.length - 2; i++) {
			assertThat(lines[i]).matches(FINDING).startsWith(Cli.exampleTemplates().toString());
		}
	}

	@Test
	void demoTemplateIsValidWithItsOneWarning() throws IOException {
		Path demo = write("demo.kpi", Cli.DEMO);

		Result result = Cli.run("validate", demo.toString());

		assertThat(result.exit()).isEqualTo(0);
		assertThat(result.outLines()).hasSize(3);
		assertThat(result.outLines()[0]).startsWith(demo + ":4:31: warning strategic-undocumented: ")
				.contains("`csat`");
		assertThat(result.outLines()[1]).isEqualTo("1 file: 0 errors, 1 warning, 0 infos");
	}

	@Test
	void syntaxErrorExitsOneWithTheFindingLine() throws IOException {
		write("broken.kpi", Cli.DEMO.replace("avg(Ticket.csat)", "avg(Ticket.csat"));

		Result result = Cli.run("validate", dir.toString());

		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.out()).contains(dir.resolve("broken.kpi") + ":4:93: error syntax-error: missing ')' before `}`\n");
		assertThat(result.outLines()[result.outLines().length - 2]).startsWith("1 file: 1 error, ");
		assertThat(result.err()).isEmpty();
	}

	@Test
	void emptyFileIsAWarning() throws IOException {
		Path empty = write("empty.kpi", "");

		Result result = Cli.run("validate", empty.toString());

		assertThat(result.exit()).isEqualTo(0);
		assertThat(result.outLines()[0]).startsWith(empty + ":1:1: warning empty-file: ");
		assertThat(result.outLines()[1]).isEqualTo("1 file: 0 errors, 1 warning, 0 infos");
	}

	@Test
	void invalidUtf8IsAnEncodingErrorWithLineAndColumn() throws IOException {
		Path latin1 = dir.resolve("latin1.kpi");
		// "café" saved as ISO-8859-1 on line 2: the byte 0xE9 is the 7th character of the line.
		Files.write(latin1, "package demo\n// caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

		Result result = Cli.run("validate", latin1.toString());

		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.outLines()[0]).startsWith(latin1 + ":2:7: error encoding-error: ").contains("0xE9");
		assertThat(result.outLines()[1]).isEqualTo("1 file: 1 error, 0 warnings, 0 infos");
	}

	@Test
	void fileThatCannotBeReadIsAnUnreadableFileFinding() throws IOException {
		// Tests run as root, so permissions cannot make a file unreadable; a .kpi link to nothing is
		// found by the folder walk but cannot be read.
		write("good.kpi", Cli.DEMO);
		Path dangling = Files.createSymbolicLink(dir.resolve("broken.kpi"), dir.resolve("missing-target"));

		Result result = Cli.run("validate", dir.toString());

		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.out()).contains(dangling + ":1:1: error unreadable-file: cannot read the file");
		assertThat(result.outLines()[result.outLines().length - 2]).startsWith("2 files: 1 error, ");
	}

	@Test
	void folderNamedLikeATemplateIsNotReadAsOne() throws IOException {
		// KpiFiles.collect walks folders and keeps only regular files, so a folder named broken.kpi is
		// skipped inside a walk, and named on its own it is an empty folder: a usage problem.
		write("good.kpi", Cli.DEMO);
		Path folder = Files.createDirectory(dir.resolve("broken.kpi"));

		Result walked = Cli.run("validate", dir.toString());
		Result named = Cli.run("validate", folder.toString());

		assertThat(walked.exit()).isEqualTo(0);
		assertThat(walked.outLines()[walked.outLines().length - 2]).startsWith("1 file: 0 errors, ");
		assertThat(named.exit()).isEqualTo(2);
		assertThat(named.err()).startsWith("yardstick: error: no .kpi files in folder: " + folder + "\n");
	}

	@Test
	void foldersAreSearchedRecursivelyAndValidatedAsOneModel() throws IOException {
		write("a/one.kpi", Cli.DEMO);
		write("a/b/two.kpi", Cli.DEMO.replace("package demo", "package other"));
		write("a/b/notes.txt", "not a template");

		Result result = Cli.run("validate", dir.toString());

		assertThat(result.exit()).isEqualTo(0);
		assertThat(result.outLines()[result.outLines().length - 2]).startsWith("2 files: 0 errors, ");

		// The same template name in two files is an error only because both are in one model.
		write("a/b/two.kpi", Cli.DEMO);
		Result duplicated = Cli.run("validate", dir.toString());
		assertThat(duplicated.exit()).isEqualTo(1);
		assertThat(duplicated.out()).contains(" error duplicate-name: ");
	}

	@Test
	void noPathsIsAUsageError() {
		Result result = Cli.run("validate");

		assertUsageError(result, "no files given");
	}

	@Test
	void missingPathIsAUsageError() {
		Path missing = dir.resolve("nowhere.kpi");

		Result result = Cli.run("validate", missing.toString());

		assertUsageError(result, "no such file or folder: " + missing);
	}

	@Test
	void folderWithoutTemplatesIsAUsageError() throws IOException {
		write("readme.txt", "nothing here");

		Result result = Cli.run("validate", dir.toString());

		assertUsageError(result, "no .kpi files in folder: " + dir);
	}

	@Test
	void unknownFormatIsAUsageError() throws IOException {
		Path demo = write("demo.kpi", Cli.DEMO);

		Result result = Cli.run("validate", "--format", "xml", demo.toString());

		assertUsageError(result, "Invalid value for option '--format': expected one of [text, json]");
	}

	@Test
	void unknownOptionIsAUsageError() throws IOException {
		Path demo = write("demo.kpi", Cli.DEMO);

		Result result = Cli.run("validate", "--strict", demo.toString());

		assertUsageError(result, "Unknown option: '--strict'");
	}

	@Test
	void noCommandIsAUsageError() {
		Result result = Cli.run();

		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("yardstick: error: missing command")
				.contains("Try 'yardstick --help' for more information.");
	}

	private static void assertUsageError(Result result, String message) {
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("yardstick: error: " + message)
				.endsWith("Try 'yardstick validate --help' for more information.\n");
	}

	private Path write(String name, String text) throws IOException {
		Path file = dir.resolve(name);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, text, StandardCharsets.UTF_8);
	}
}
