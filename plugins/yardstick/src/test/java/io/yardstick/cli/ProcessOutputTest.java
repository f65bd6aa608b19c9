package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real process: standard output holds the findings and the summary, and nothing else. */
class ProcessOutputTest {
	@TempDir
	Path dir;

	@Test
	void standardOutputHoldsOnlyFindingsAndSummary() throws Exception {
		Cli.writeDemoAndBrokenLink(dir);
		Files.writeString(dir.resolve("syntax.kpi"),
				Cli.DEMO.replace("package demo", "package syntax").replace("avg(Ticket.csat)", "avg(Ticket.csat"));
		Files.writeString(dir.resolve("empty.kpi"), "");

		Process process = JavaProcess.yardstick("validate", dir.toString()).start();
		process.getOutputStream().close();
		JavaProcess.Drain out = new JavaProcess.Drain(process.getInputStream());
		JavaProcess.Drain err = new JavaProcess.Drain(process.getErrorStream());
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the process ended").isTrue();

		String stdout = new String(out.bytes(), StandardCharsets.UTF_8);
		String stderr = new String(err.bytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(stderr).isEqualTo(1);
		assertThat(stdout).isEqualTo(Cli.run("validate", dir.toString()).out());
		String[] lines = stdout.split("\n");
		for (int i = 0; i < lines.length - 1; i++) {
			assertThat(lines[i]).matches(ValidateCommandTest.FINDING).startsWith(dir.toString());
		}
		assertThat(lines[lines.length - 1]).matches(ValidateCommandTest.SUMMARY)
				.startsWith("4 files: 2 errors, ");
		assertThat(stdout).contains(dir.resolve("links.kpi") + ":6:10: error unresolved-reference: unknown metric `nosuch`\n");
		// Nothing logged: not on stdout, and (at WARN) not on stderr either for a normal run.
		assertThat(stderr).isEmpty();
	}
}
