package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's outputs reach --out only when it succeeds; a failed run leaves no earlier results behind. */
class OutputFolderTest {
	@TempDir
	Path dir;

	private Path out() {
		return dir.resolve("out");
	}

	/** What an earlier run left, and a file of the user's own. */
	private void earlierRun() throws IOException {
		Files.createDirectories(out().resolve("quarantine"));
		for (String name : List.of("results.json", "results.csv", "alerts.json", "report.json", "report.html",
				"review.json", "quarantine/Ticket.rejected.csv")) {
			Files.writeString(out().resolve(name), "old " + name);
		}
		Files.writeString(out().resolve("notes.txt"), "mine");
	}

	private List<String> listing() throws IOException {
		try (Stream<Path> files = Files.walk(out())) {
			return files.filter(Files::isRegularFile).map(file -> out().relativize(file).toString().replace('\\', '/'))
					.sorted().toList();
		}
	}

	private static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8);
	}

	@Test
	void aCommittedRunReplacesEveryEarlierOutputAndLeavesNoStagingBehind() throws IOException {
		earlierRun();
		OutputFolder folder = OutputFolder.open(out());
		assertThat(folder.staging().getParent()).isEqualTo(out());
		assertThat(folder.staging().getFileName().toString()).startsWith(OutputFolder.STAGING_PREFIX);
		Files.writeString(folder.staging().resolve("results.json"), "new");
		Files.writeString(folder.staging().resolve("report.html"), "new page");
		// until the commit, --out shows the earlier run only
		assertThat(read(out().resolve("results.json"))).isEqualTo("old results.json");
		folder.commit();
		assertThat(listing()).containsExactly("notes.txt", "report.html", "results.json");
		assertThat(read(out().resolve("results.json"))).isEqualTo("new");
		assertThat(folder.published(folder.staging().resolve("report.html"))).isEqualTo(out().resolve("report.html"));
		assertThat(folder.discard()).isEmpty();
		assertThat(listing()).containsExactly("notes.txt", "report.html", "results.json");
	}

	@Test
	void aStagedQuarantineJoinsAQuarantineFolderThatHoldsOtherFiles() throws IOException {
		earlierRun();
		Files.writeString(out().resolve("quarantine/README"), "mine too");
		OutputFolder folder = OutputFolder.open(out());
		Files.createDirectories(folder.staging().resolve("quarantine"));
		Files.writeString(folder.staging().resolve("quarantine/Customer.rejected.csv"), "new");
		folder.commit();
		assertThat(listing()).containsExactly("notes.txt", "quarantine/Customer.rejected.csv", "quarantine/README");
	}

	@Test
	void aDiscardedRunRemovesTheEarlierResultsAndItsOwnStaging() throws IOException {
		earlierRun();
		OutputFolder folder = OutputFolder.open(out());
		Files.writeString(folder.staging().resolve("results.json"), "half written");
		assertThat(folder.discard()).containsExactly("results.json", "results.csv", "alerts.json", "report.json",
				"review.json", "report.html", "quarantine/");
		assertThat(listing()).containsExactly("notes.txt");
		try (Stream<Path> entries = Files.list(out())) {
			assertThat(entries.map(path -> path.getFileName().toString())).containsExactly("notes.txt");
		}
	}

	@Test
	void theStagingOfAKilledRunIsRemovedByTheNext() throws IOException {
		Path leftover = out().resolve(OutputFolder.STAGING_PREFIX + "123");
		Files.createDirectories(leftover.resolve("quarantine"));
		Files.writeString(leftover.resolve("quarantine/Ticket.rejected.csv"), "x");
		OutputFolder folder = OutputFolder.open(out());
		assertThat(leftover).exists();
		folder.staging();
		assertThat(leftover).doesNotExist();
		folder.discard();
		assertThat(out()).isEmptyDirectory();
	}

	@Test
	void aRunRefusedBeforeItWritesCreatesNothing() throws IOException {
		OutputFolder folder = OutputFolder.open(out());
		assertThat(folder.discard()).isEmpty();
		assertThat(out()).doesNotExist();
	}
}
