package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's start-up archive, with the real JVM: made once by a training run, used afterwards, and never in the
 * way of a command: a damaged archive, one made for another jar, a training that fails, and caching turned off all
 * leave the command's output as it is. The launcher runs in a release's layout (bin/, lib/yardstick.jar) around a
 * small jar that prints its arguments, so that nothing is built and each run takes a fraction of a second.
 */
class LauncherArchiveTest {
	private static final Path LAUNCHER = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
			.resolve("../../yardstick").normalize();
	private static final String TRAINING = "yardstick: preparing the start-up archive for this jar and Java (once, a few "
			+ "seconds)\n";

	@TempDir
	Path release;

	@TempDir
	Path cache;

	@TempDir
	Path scratch;

	record Run(int exit, String out, String err) {
	}

	@BeforeEach
	void layOutARelease() throws Exception {
		Files.createDirectories(release.resolve("bin"));
		Files.copy(LAUNCHER, release.resolve("bin/yardstick"));
		Files.setPosixFilePermissions(release.resolve("bin/yardstick"), PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.createDirectories(release.resolve("lib"));
		Files.createDirectories(release.resolve("example-templates/after-sales-standard/data"));
		writeJar("says");
	}

	/** lib/yardstick.jar: a main class that prints the word and its arguments, and fails the demo when asked to. */
	private void writeJar(String word) throws Exception {
		Path sources = Files.createTempDirectory(scratch, "src");
		Path source = sources.resolve("Tiny.java");
		Files.writeString(source, "public class Tiny {\n\tpublic static void main(String[] args) {\n"
				+ "\t\tif (args.length > 0 && args[0].equals(\"demo\") && System.getenv(\"TINY_DEMO_FAILS\") != null) {\n"
				+ "\t\t\tSystem.exit(3);\n\t\t}\n"
				+ "\t\tSystem.out.println(\"" + word + " \" + String.join(\" \", args));\n\t}\n}\n");
		assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", sources.toString(), source.toString()))
				.isZero();
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Tiny");
		Path jar = release.resolve("lib/yardstick.jar");
		try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
			out.putNextEntry(new JarEntry("Tiny.class"));
			out.write(Files.readAllBytes(sources.resolve("Tiny.class")));
			out.closeEntry();
		}
	}

	private Run yardstick(Map<String, String> environment, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(release.resolve("bin/yardstick").toString()));
		command.addAll(List.of(args));
		Path out = Files.createTempFile(scratch, "stdout", ".txt");
		Path err = Files.createTempFile(scratch, "stderr", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile()).redirectOutput(out.toFile())
				.redirectError(err.toFile());
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().put("YARDSTICK_CACHE", cache.toString());
		builder.environment().remove("JAVA_OPTS");
		builder.environment().putAll(environment);
		Process process = builder.start();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private Run yardstick(String... args) throws IOException, InterruptedException {
		return yardstick(Map.of(), args);
	}

	private List<Path> archives() throws IOException {
		Path folder = cache.resolve("cds");
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.sorted().toList();
		}
	}

	/** Whether the JVM took the main class from the archive: its class-loading log says where each class came from. */
	private boolean mainClassFromArchive() throws Exception {
		Path log = scratch.resolve("classes.log");
		Run run = yardstick(Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "validate");
		assertThat(run.out()).isEqualTo("says validate\n");
		try (Stream<String> lines = Files.lines(log)) {
			return lines.anyMatch(line -> line.contains(" Tiny source: shared objects file (top)"));
		}
	}

	@Test
	void theFirstRunTrainsTheArchiveAndLaterRunsUseIt() throws Exception {
		Run first = yardstick("validate", "a.kpi");
		assertThat(first).isEqualTo(new Run(0, "says validate a.kpi\n", TRAINING));
		assertThat(archives()).hasSize(1).allMatch(archive -> archive.getFileName().toString().endsWith(".jsa"));
		Run second = yardstick("validate", "a.kpi");
		assertThat(second).isEqualTo(new Run(0, "says validate a.kpi\n", ""));
		assertThat(mainClassFromArchive()).isTrue();
	}

	@Test
	void aDamagedArchiveIsSkippedSilently() throws Exception {
		yardstick("--version");
		Path archive = archives().get(0);
		archive.toFile().setWritable(true);
		Files.writeString(archive, "not an archive");
		assertThat(yardstick("--version")).isEqualTo(new Run(0, "says --version\n", ""));
		assertThat(mainClassFromArchive()).isFalse();
	}

	@Test
	void aRebuiltJarGetsItsOwnArchiveAndAnArchiveOfTheOldJarIsSkippedSilently() throws Exception {
		yardstick("--version");
		Path oldArchive = archives().get(0);
		byte[] madeForTheOldJar = Files.readAllBytes(oldArchive);
		writeJar("now says");
		Files.setLastModifiedTime(release.resolve("lib/yardstick.jar"),
				java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
		assertThat(yardstick("--version")).isEqualTo(new Run(0, "now says --version\n", TRAINING));
		// The old jar's archive is gone; the new one is there.
		assertThat(archives()).hasSize(1).doesNotContain(oldArchive);
		// The JVM checks the jar an archive was made for: given the old jar's archive, it runs without one.
		Path archive = archives().get(0);
		archive.toFile().setWritable(true);
		Files.write(archive, madeForTheOldJar);
		assertThat(yardstick("--version")).isEqualTo(new Run(0, "now says --version\n", ""));
	}

	@Test
	void aFailedTrainingIsNotTriedAgainAndTheCommandStillRuns() throws Exception {
		Map<String, String> failing = Map.of("TINY_DEMO_FAILS", "yes");
		assertThat(yardstick(failing, "--version")).isEqualTo(new Run(0, "says --version\n", TRAINING));
		assertThat(archives()).hasSize(1).allMatch(marker -> marker.getFileName().toString().endsWith(".jsa.failed"));
		assertThat(yardstick(failing, "--version")).isEqualTo(new Run(0, "says --version\n", ""));
	}

	@Test
	void withCachingOffThereIsNoArchive() throws Exception {
		assertThat(yardstick(Map.of("YARDSTICK_CACHE", "off"), "--version")).isEqualTo(new Run(0, "says --version\n", ""));
		try (Stream<Path> cached = Files.list(cache)) {
			assertThat(cached).isEmpty();
		}
	}

	@Test
	void theLanguageServerNeverWaitsForATraining() throws Exception {
		assertThat(yardstick("lsp")).isEqualTo(new Run(0, "says lsp\n", ""));
		assertThat(archives()).isEmpty();
	}
}
