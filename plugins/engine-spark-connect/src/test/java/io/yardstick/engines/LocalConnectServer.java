package io.yardstick.engines;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spark Connect server ({@code local[2]}) in a JVM of its own, listening on 127.0.0.1 at a free port: the
 * server runs classic Spark, which must not share a class path with the client these tests drive. Its class path
 * is the one the spark-connect-server module resolved; its log goes to {@code target/spark-connect-server.log}.
 */
final class LocalConnectServer implements AutoCloseable {
	private static final String LOOPBACK = "127.0.0.1";
	private static final String MAIN = "org.apache.spark.sql.connect.service.SparkConnectServer";
	/** Spark's start-up takes 15–25 s on two busy cores; a server not listening after this has failed. */
	private static final long START_SECONDS = 180;

	private final Process process;
	private final int port;
	private final Path warehouse;
	/** Where the server writes, for a test that fails and for a reader of the build. */
	static final Path LOG = Path.of("target/spark-connect-server.log");

	private LocalConnectServer(Process process, int port, Path warehouse) {
		this.process = process;
		this.port = port;
		this.warehouse = warehouse;
	}

	/** Starts the server and returns once it accepts connections, or fails with the end of its log. */
	static LocalConnectServer start() throws IOException, InterruptedException {
		String classpathFile = System.getProperty("yardstick.spark-connect.server-classpath");
		if (classpathFile == null || !Files.isRegularFile(Path.of(classpathFile))) {
			throw new IllegalStateException("no server class path at " + classpathFile
					+ ": build plugins/spark-connect-server first (mvn -pl plugins/engine-spark-connect -am)");
		}
		int port = freePort();
		Path warehouse = Files.createTempDirectory("yardstick-connect-warehouse");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx1g");
		command.addAll(Arrays.asList(System.getProperty("yardstick.spark-connect.jvm-flags", "").trim().split("\\s+")));
		command.addAll(List.of("-cp", Files.readString(Path.of(classpathFile)).trim(),
				"-Dspark.master=local[2]",
				"-Dspark.app.name=yardstick-connect-test",
				"-Dspark.ui.enabled=false",
				"-Dspark.driver.bindAddress=" + LOOPBACK,
				"-Dspark.driver.host=" + LOOPBACK,
				"-Dspark.connect.grpc.binding.address=" + LOOPBACK,
				"-Dspark.connect.grpc.binding.port=" + port,
				"-Dspark.sql.ansi.enabled=true",
				"-Dspark.sql.session.timeZone=UTC",
				"-Dspark.sql.shuffle.partitions=2",
				"-Dspark.sql.warehouse.dir=" + warehouse.toUri(),
				MAIN));
		Files.createDirectories(LOG.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(LOG.toFile());
		builder.environment().put("SPARK_LOCAL_IP", LOOPBACK);
		LocalConnectServer server = new LocalConnectServer(builder.start(), port, warehouse);
		server.awaitListening();
		return server;
	}

	/** The address the engine takes: {@code sc://127.0.0.1:PORT}. */
	String url() {
		return "sc://" + LOOPBACK + ":" + port;
	}

	private void awaitListening() throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the Spark Connect server stopped with exit code " + process.exitValue()
						+ ":\n" + tail());
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
				return;
			} catch (IOException notYet) {
				Thread.sleep(500);
			}
		}
		close();
		throw new IllegalStateException("the Spark Connect server did not listen on " + url() + " within "
				+ START_SECONDS + " s:\n" + tail());
	}

	private String tail() throws IOException {
		List<String> lines = Files.readAllLines(LOG);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
			return socket.getLocalPort();
		}
	}

	/** Stops the server as Spark expects (SIGTERM runs its shutdown hooks), forcibly if it hangs. */
	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		deleteQuietly(warehouse);
	}

	private static void deleteQuietly(Path folder) {
		try (var files = Files.walk(folder)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		} catch (IOException e) {
			// a temporary folder that stays behind harms nothing
		}
	}
}
