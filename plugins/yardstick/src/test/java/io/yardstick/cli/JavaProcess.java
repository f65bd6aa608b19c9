package io.yardstick.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@code io.yardstick.cli.Main} in a JVM of its own, on this test's class path. */
final class JavaProcess {
	private JavaProcess() {
	}

	static ProcessBuilder yardstick(String... args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(Main.class.getName());
		command.addAll(List.of(args));
		return new ProcessBuilder(command);
	}

	/** Reads a stream to its end on a thread of its own, so that a full pipe never blocks the process. */
	static final class Drain {
		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		private final Thread thread;

		Drain(InputStream in) {
			thread = new Thread(() -> {
				try (in) {
					in.transferTo(bytes);
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}, "drain");
			thread.setDaemon(true);
			thread.start();
		}

		byte[] bytes() throws InterruptedException {
			thread.join();
			return bytes.toByteArray();
		}

		/** What has arrived so far, for failure messages. */
		String soFar() {
			synchronized (bytes) {
				return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
			}
		}
	}
}
