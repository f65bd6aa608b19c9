package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./yardstick setup --check} on a machine made of a PATH folder: which tools are there decides which Debian
 * packages it names, and dpkg is a stand-in that knows which packages are installed.
 */
class SetupScriptTest {
	private static final Path LAUNCHER = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
			.resolve("../../yardstick").normalize();

	@TempDir
	Path bin;

	record Result(int exit, String out, String err) {
	}

	private void tool(String name, String script) throws IOException {
		Path file = bin.resolve(name);
		Files.writeString(file, "#!/bin/sh\n" + script + "\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	/** A link to the tool of that name on this machine's PATH. */
	private void realTool(String name) throws IOException {
		for (String folder : System.getenv("PATH").split(java.io.File.pathSeparator)) {
			Path tool = Path.of(folder, name);
			if (Files.isExecutable(tool)) {
				Files.createSymbolicLink(bin.resolve(name), tool);
				return;
			}
		}
		throw new IllegalStateException("no " + name + " on the PATH");
	}

	private Result setupCheck() throws IOException, InterruptedException {
		for (String basic : List.of("bash", "dirname", "readlink")) {
			realTool(basic);
		}
		Path out = Files.createTempFile("setup", ".out");
		Path err = Files.createTempFile("setup", ".err");
		ProcessBuilder builder = new ProcessBuilder(bin.resolve("bash").toString(), LAUNCHER.toString(), "setup", "--check")
				.redirectOutput(out.toFile()).redirectError(err.toFile());
		builder.environment().put("PATH", bin.toString());
		Process process = builder.start();
		assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
		Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
		Files.delete(out);
		Files.delete(err);
		return result;
	}

	@Test
	void aFreshMachineLacksEveryPackageThatIsNotInstalled() throws Exception {
		tool("dpkg", "[ \"$2\" = fonts-noto-cjk ]");
		Result check = setupCheck();
		assertThat(check.err()).isEqualTo("yardstick: setup: missing: openjdk-17-jdk-headless maven nodejs npm chromium "
				+ "xvfb xauth libgtk-3-0\n");
		assertThat(check.exit()).isEqualTo(1);
		assertThat(check.out()).isEmpty();
	}

	@Test
	void aMachineWithEverythingNeedsNothingAndTheRenamedGtkCounts() throws Exception {
		for (String present : List.of("javac", "mvn", "node", "npm", "chromium", "xvfb-run", "xauth")) {
			tool(present, "exit 0");
		}
		tool("dpkg", "[ \"$2\" != libgtk-3-0 ]");
		Result check = setupCheck();
		assertThat(check.err()).isEqualTo("yardstick: setup: nothing to install\n");
		assertThat(check.exit()).isZero();
	}

	@Test
	void anUnknownOptionIsAUsageError() throws Exception {
		realTool("bash");
		Process process = new ProcessBuilder(bin.resolve("bash").toString(), LAUNCHER.toString(), "setup", "--yes")
				.redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).isEqualTo(2);
		assertThat(output).isEqualTo("yardstick: usage: ./yardstick setup [--check]\n");
	}
}
