package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo finds its template from the current folder, else beside the jar of a release or a checkout. */
class DemoHomeTest {
	@TempDir
	Path dir;

	private Path withSampleData(Path home) throws IOException {
		Path data = home.resolve(DemoCommand.TEMPLATE).resolve("data");
		Files.createDirectories(data);
		return home.resolve(DemoCommand.TEMPLATE).normalize();
	}

	private Path jar(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.writeString(file, "not really a jar");
	}

	@Test
	void aReleaseJarLeadsToTheReleaseRoot() throws IOException {
		Path release = dir.resolve("yardstick-0.1.0");
		Path template = withSampleData(release);
		Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
		List<Path> homes = DemoCommand.candidateHomes(elsewhere, jar(release.resolve("lib/yardstick.jar")));
		assertThat(homes).containsExactly(elsewhere, release, dir, dir.getParent());
		assertThat(DemoCommand.findTemplate(homes)).isEqualTo(template);
	}

	@Test
	void aCheckoutJarLeadsToTheCheckoutRoot() throws IOException {
		Path checkout = dir.resolve("yardstick");
		Path template = withSampleData(checkout);
		List<Path> homes = DemoCommand.candidateHomes(dir, jar(checkout.resolve("plugins/yardstick/target/yardstick.jar")));
		assertThat(homes).containsExactly(dir, checkout.resolve("plugins/yardstick"), checkout.resolve("plugins"), checkout);
		assertThat(DemoCommand.findTemplate(homes)).isEqualTo(template);
	}

	@Test
	void theCurrentFolderComesFirst() throws IOException {
		Path current = dir.resolve("mine");
		Path own = withSampleData(current);
		withSampleData(dir.resolve("release"));
		List<Path> homes = DemoCommand.candidateHomes(current, jar(dir.resolve("release/lib/yardstick.jar")));
		assertThat(DemoCommand.findTemplate(homes)).isEqualTo(own);
	}

	@Test
	void withoutAJarOnlyTheCurrentFolderIsTriedAndNothingFoundIsNull() {
		List<Path> homes = DemoCommand.candidateHomes(dir, null);
		assertThat(homes).containsExactly(dir);
		assertThat(DemoCommand.findTemplate(homes)).isNull();
		assertThat(DemoCommand.candidateHomes(dir, dir.resolve("classes"))).containsExactly(dir);
	}

	@Test
	void noSampleDataAnywhereIsAUsageErrorThatNamesWhereItLooked() {
		Cli.Result demo = Cli.run("demo", "--home", dir.toString(), "--out", dir.resolve("out").toString());
		assertThat(demo.exit()).isEqualTo(Main.EXIT_USAGE);
		assertThat(demo.err()).contains("no sample data at " + dir.resolve("example-templates/after-sales-standard/data")
				+ ": run the demo from a Yardstick checkout or unzipped release, or name one with --home");
	}
}
