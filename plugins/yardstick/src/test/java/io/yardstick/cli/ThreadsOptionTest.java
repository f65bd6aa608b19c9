package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --threads N}: how many threads the calculator scans a large source with. The results do not depend on
 * it: 120,000 sample tickets (enough to be cut into chunks) give the same bytes in every file with one thread
 * and with two.
 */
class ThreadsOptionTest {
	@TempDir
	static Path dir;

	static Path data;

	@BeforeAll
	static void sampleData() {
		data = dir.resolve("data");
		Cli.Result sampled = Cli.run("sample-data", Cli.exampleTemplates().toString(), "--rows", "120000", "--out",
				data.toString());
		assertThat(sampled.exit()).as(sampled.err()).isZero();
	}

	@Test
	void oneThreadAndTwoWriteTheSameBytes() throws IOException {
		Path one = dir.resolve("one");
		Path two = dir.resolve("two");
		Cli.Result single = run("--threads", "1", "--out", one.toString());
		Cli.Result split = run("--threads", "2", "--out", two.toString());

		assertThat(single.exit()).as(single.err()).isZero();
		assertThat(split.exit()).as(split.err()).isZero();
		assertThat(single.out()).contains(", 120000 loaded, 0 rejected");
		List<Path> files = files(one);
		assertThat(files).contains(Path.of("results.json"), Path.of("results.csv"), Path.of("alerts.json"));
		assertThat(files(two)).isEqualTo(files);
		for (Path file : files) {
			assertThat(Files.readAllBytes(two.resolve(file))).as(file.toString())
					.isEqualTo(Files.readAllBytes(one.resolve(file)));
		}
	}

	@Test
	void noThreadsOrFewerIsAUsageErrorOfEveryCommandThatComputes() {
		Cli.Result zero = run("--threads", "0", "--out", dir.resolve("zero").toString());
		Cli.Result negative = Cli.run("demo", "--home", Cli.exampleTemplates().getParent().getParent().toString(),
				"--language", "en", "--threads", "-2", "--out",
				dir.resolve("demo").toString());
		Cli.Result test = Cli.run("test", "--threads", "0", Cli.exampleTemplates().toString());
		Cli.Result chinese = Cli.run("run", Cli.exampleTemplates().toString(), "--language", "zh", "--threads", "0",
				"--data", data.toString(), "--out", dir.resolve("zh").toString());

		assertThat(zero.exit()).isEqualTo(Main.EXIT_USAGE);
		assertThat(zero.err()).startsWith("yardstick: error: --threads takes a number of threads, 1 or more, not 0\n");
		assertThat(negative.exit()).isEqualTo(Main.EXIT_USAGE);
		assertThat(negative.err()).contains("--threads takes a number of threads, 1 or more, not -2\n");
		assertThat(test.exit()).isEqualTo(Main.EXIT_USAGE);
		assertThat(test.err()).contains("--threads").contains("0");
		assertThat(chinese.exit()).isEqualTo(Main.EXIT_USAGE);
		assertThat(chinese.err()).startsWith("yardstick：错误：--threads 只接受 1 或更大的线程数，而不是 0\n");
		assertThat(dir.resolve("zero")).doesNotExist();
		assertThat(dir.resolve("demo")).doesNotExist();
	}

	private static Cli.Result run(String... options) {
		return Cli.run(Cli.with(new String[] { "run", Cli.exampleTemplates().toString(), "--language", "en", "--quiet",
				"--data", data.toString() }, options));
	}

	/** The files under a folder, relative to it, in a stable order. */
	private static List<Path> files(Path folder) throws IOException {
		try (Stream<Path> all = Files.walk(folder)) {
			return all.filter(Files::isRegularFile).map(folder::relativize).sorted().toList();
		}
	}
}
