package io.yardstick.cli.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Starting and ending Chromium, and what a test hears when it cannot. */
class ChromiumLaunchTest {
	@TempDir
	Path dir;

	@Test
	void closeEndsEveryProcessAndDeletesTheProfile() throws IOException {
		Chromium chromium = Chromium.launch();
		List<ProcessHandle> processes = new ArrayList<>(chromium.process().descendants().toList());
		processes.add(chromium.process());
		assertThat(processes).hasSizeGreaterThan(1);
		assertThat(chromium.profile()).isDirectory();

		chromium.close();
		chromium.close();

		assertThat(processes).noneMatch(Chromium::isRunning);
		assertThat(chromium.profile()).doesNotExist();
		assertThatThrownBy(() -> chromium.evaluate("1"))
				.isInstanceOf(CdpException.class)
				.hasMessageStartingWith("Runtime.evaluate cannot complete: connection closed");
	}

	@Test
	void aBrowserThatDiesAtOnceFailsWithWhatItSaid() throws IOException {
		Path fake = dir.resolve("fake-chromium");
		Files.writeString(fake, "#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n");
		assertThat(fake.toFile().setExecutable(true)).isTrue();

		assertThatThrownBy(() -> Chromium.launch(fake))
				.isInstanceOf(CdpException.class)
				.hasMessage(fake + " exited with code 3 without printing \"DevTools listening on ws://...\". "
						+ "Its stderr:\ncannot open display");
	}

	@Test
	void aMissingBrowserFailsWithHowToInstallIt() {
		Path missing = Path.of("/nonexistent/chromium");

		assertThatThrownBy(() -> Chromium.assumeAvailable(missing, ""))
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("Chromium is not installed at /nonexistent/chromium. Browser tests need Debian's chromium "
						+ "package: apt-get install chromium. Or point -Dyardstick.chromium at a Chromium binary, or "
						+ "skip these tests with -Dyardstick.browser=skip.");
	}

	@Test
	void aMissingBrowserSkipsTheTestIfAskedTo() {
		Path missing = Path.of("/nonexistent/chromium");

		assertThatThrownBy(() -> Chromium.assumeAvailable(missing, "skip"))
				.isInstanceOf(TestAbortedException.class)
				.hasMessage("Assumption failed: Chromium is not installed at /nonexistent/chromium and "
						+ "-Dyardstick.browser=skip");
	}
}
