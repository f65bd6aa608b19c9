package io.yardstick.runtime.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of heap while loading says what ran out, for which file, how large the data is and how far the
 * heap may grow (issue 19: it was the single line "internal error: java.lang.OutOfMemoryError: Java heap
 * space"). A JVM of its own with a 32 MB heap reads a 40 MB record, which its read buffer cannot hold.
 */
class OutOfMemoryTest {
	@TempDir
	Path dir;

	@Test
	void runningOutOfHeapNamesTheFileTheDataSizeAndTheHeap() throws IOException, InterruptedException {
		Path file = dir.resolve("T.csv");
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write("id,note\nt1,".getBytes(StandardCharsets.US_ASCII));
			byte[] block = new byte[1 << 20];
			java.util.Arrays.fill(block, (byte) 'x');
			long left = 40_000_000L - 11 - 1;
			while (left > 0) {
				int n = (int) Math.min(block.length, left);
				out.write(block, 0, n);
				left -= n;
			}
			out.write('\n');
		}
		assertThat(Files.size(file)).isEqualTo(40_000_000L);
		Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx32m", "-cp", System.getProperty("java.class.path"), OutOfMemoryProbe.class.getName(), dir.toString()))
				.redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(output).isZero();
		assertThat(output).matches("out of memory \\(Java heap space\\) while loading T from "
				+ java.util.regex.Pattern.quote(file.toString()) + " \\(40\\.0 MB; the data files are 40\\.0 MB in all\\),"
				+ " with a Java heap that may grow to \\d+\\.\\d MB\ncause: java.lang.OutOfMemoryError: Java heap space\n");
	}
}
