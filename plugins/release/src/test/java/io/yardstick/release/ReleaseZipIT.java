package io.yardstick.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release as a user gets it: unzipped into a folder of its own, run from another folder, far from any checkout. */
class ReleaseZipIT {
	private static final Path ZIP = Path.of(System.getProperty("yardstick.release.zip"));
	private static final String VERSION = System.getProperty("yardstick.release.version");
	private static final String BASE = "yardstick-" + VERSION + "/";
	private static final boolean WITH_VSIX = !"skip".equals(System.getProperty("yardstick.vscode"));

	@TempDir
	static Path scratch;

	static Path release;
	static List<String> entries = new ArrayList<>();

	@BeforeAll
	static void unzip() throws IOException {
		assertThat(ZIP).as("the build assembles the release zip before this test").isRegularFile();
		Path into = Files.createDirectories(scratch.resolve("unzipped"));
		try (ZipFile zip = ZipFile.builder().setPath(ZIP).get()) {
			for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
				entries.add(entry.getName());
				Path target = into.resolve(entry.getName()).normalize();
				assertThat(target.startsWith(into)).as("entry %s stays inside the folder it is unzipped in", entry.getName())
						.isTrue();
				if (entry.isDirectory()) {
					Files.createDirectories(target);
					continue;
				}
				Files.createDirectories(target.getParent());
				try (InputStream in = zip.getInputStream(entry)) {
					Files.copy(in, target);
				}
				if (entry.getUnixMode() != 0) {
					Files.setPosixFilePermissions(target, permissions(entry.getUnixMode()));
				}
			}
		}
		release = into.resolve(BASE);
	}

	private static Set<PosixFilePermission> permissions(int mode) {
		Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
		PosixFilePermission[] order = { PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
				PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
				PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
				PosixFilePermission.OWNER_READ };
		for (int bit = 0; bit < order.length; bit++) {
			if ((mode & (1 << bit)) != 0) {
				set.add(order[bit]);
			}
		}
		return set;
	}

	@Test
	void holdsTheLaunchersTheJarTheExamplesTheDocsAndTheExtension() throws IOException {
		assertThat(entries).allMatch(name -> name.startsWith(BASE), "under " + BASE);
		assertThat(entries).contains(BASE + "bin/yardstick", BASE + "bin/yardstick.cmd", BASE + "lib/yardstick.jar",
				BASE + "README.md", BASE + "docs/cli.md", BASE + "docs/calculators.md",
				BASE + "example-templates/after-sales-standard/after-sales.kpi",
				BASE + "example-templates/after-sales-standard/data/Ticket.csv",
				BASE + "example-templates/saas-support/saas-support.kpi");
		assertThat(Files.isExecutable(release.resolve("bin/yardstick"))).as("bin/yardstick is executable once unzipped").isTrue();
		String cmd = Files.readString(release.resolve("bin/yardstick.cmd"), StandardCharsets.UTF_8);
		assertThat(cmd.replace("\r\n", "")).as("Windows line endings only in yardstick.cmd").doesNotContain("\n");
		assertThat(Files.readString(release.resolve("bin/yardstick"))).doesNotContain("\r");
		if (WITH_VSIX) {
			assertThat(entries).contains(BASE + "editors/yardstick-kpi.vsix");
			assertThat(zipEntries(release.resolve("editors/yardstick-kpi.vsix"))).contains("extension/package.json",
					"extension/out/src/extension.js", "extension/out/src/launch.js", "extension/server/yardstick.jar",
					"extension/syntaxes/kpi.tmLanguage.json", "extension/language-configuration.json",
					"extension/snippets/kpi.json", "extension/node_modules/vscode-languageclient/node.js");
		}
	}

	private static List<String> zipEntries(Path zip) throws IOException {
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		return names;
	}

	record Run(int exit, String out, String err) {
	}

	private static Run yardstick(Path workingFolder, String javaHome, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(release.resolve("bin/yardstick").toString()));
		command.addAll(List.of(args));
		Path out = Files.createTempFile(scratch, "stdout", ".txt");
		Path err = Files.createTempFile(scratch, "stderr", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingFolder.toFile())
				.redirectOutput(out.toFile()).redirectError(err.toFile());
		builder.environment().put("JAVA_HOME", javaHome);
		Process process = builder.start();
		assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("bin/yardstick %s ends", String.join(" ", args)).isTrue();
		return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
	}

	@Test
	void theDemoRunsFromAnotherFolderWithTheBundledTemplateOnAJdkAndOnAJre() throws Exception {
		Path elsewhere = Files.createDirectories(scratch.resolve("somewhere else"));
		Path out = scratch.resolve("demo output");
		Run demo = yardstick(elsewhere, System.getProperty("java.home"), "demo", "--out", out.toString());
		assertThat(demo.exit()).as(demo.err()).isZero();
		assertThat(demo.out()).contains("Standard after-sales service (aftersales.standard.StandardAfterSales)")
				.contains("Net promoter score");
		String[] lines = demo.out().strip().split("\n");
		assertThat(lines[lines.length - 1]).isEqualTo("report: " + out.toAbsolutePath().resolve("report.html"));
		assertThat(out.resolve("report.html")).isRegularFile();

		// A runtime as a user's JRE is: the Java SE modules, without the JDK's compiler; the jar then compiles the
		// calculator with the Eclipse compiler it carries, and the numbers are the same.
		Path runtime = scratch.resolve("jre");
		Process jlink = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jlink").toString(), "--add-modules",
				"java.se,jdk.unsupported,jdk.zipfs", "--no-header-files", "--no-man-pages", "--output", runtime.toString())
				.redirectErrorStream(true).start();
		String jlinkOutput = new String(jlink.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(jlink.waitFor()).as(jlinkOutput).isZero();
		assertThat(runtime.resolve("bin/javac")).doesNotExist();
		Path jreOut = scratch.resolve("demo on a JRE");
		Run jreDemo = yardstick(elsewhere, runtime.toString(), "demo", "--out", jreOut.toString());
		assertThat(jreDemo.exit()).as(jreDemo.err()).isZero();
		assertThat(Files.readString(jreOut.resolve("results.csv"))).isEqualTo(Files.readString(out.resolve("results.csv")));
	}

	@Test
	void setupInAReleaseAsksOnlyForJava() throws Exception {
		// Maven runs this test, so Java is there; Node.js or Chromium may be missing, which a release does not need.
		Run check = yardstick(scratch, System.getProperty("java.home"), "setup", "--check");
		assertThat(check.err()).isEqualTo("yardstick: setup: nothing to install\n");
		assertThat(check.exit()).isZero();
		Run usage = yardstick(scratch, System.getProperty("java.home"), "setup", "--all");
		assertThat(usage.err()).isEqualTo("yardstick: usage: bin/yardstick setup [--check]\n");
	}

	@Test
	void theLauncherPrintsTheVersionAndRefusesAJavaHomeWithoutJava() throws Exception {
		Run version = yardstick(scratch, System.getProperty("java.home"), "--version");
		assertThat(version.exit()).as(version.err()).isZero();
		assertThat(version.out()).contains(VERSION);
		Path notJava = Files.createDirectories(scratch.resolve("not-a-jdk"));
		Run refused = yardstick(scratch, notJava.toString(), "--version");
		assertThat(refused.exit()).isEqualTo(2);
		assertThat(refused.err()).isEqualTo("yardstick: error: JAVA_HOME is set to '" + notJava + "', but " + notJava
				+ "/bin/java is not an executable; Yardstick needs Java 17 or newer\n");
	}
}
