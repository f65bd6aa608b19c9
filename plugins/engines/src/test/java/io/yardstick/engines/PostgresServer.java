package io.yardstick.engines;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Properties;

/**
 * One PostgreSQL server for the test run, from the binaries in Maven artifacts, listening on 127.0.0.1 only
 * and stopped when the JVM ends.
 */
final class PostgresServer {
	private static EmbeddedPostgres server;

	private PostgresServer() {
	}

	static synchronized String url() throws IOException {
		if (server == null) {
			server = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
					.setServerConfig("unix_socket_directories", "").start();
		}
		return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
	}

	static Properties credentials() {
		Properties properties = new Properties();
		properties.setProperty("user", "postgres");
		return properties;
	}
}
