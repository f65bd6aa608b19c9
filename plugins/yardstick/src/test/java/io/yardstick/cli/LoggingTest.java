package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.log4j.Logger;
import org.junit.jupiter.api.Test;

/**
 * Xtext's jar, on this class path too, carries a log4j.properties that logs INFO to standard output.
 * A real JVM configured the way {@link Main} does it must log WARN and above to standard error only.
 */
class LoggingTest {

	/** Run in its own JVM: configures logging as Main does, then logs at every level. */
	public static final class Probe {
		public static void main(String[] args) {
			Main.configureLogging();
			Logger logger = Logger.getLogger("org.eclipse.xtext.probe");
			logger.debug("probe-debug");
			logger.info("probe-info");
			logger.warn("probe-warn");
			logger.error("probe-error");
		}
	}

	@Test
	void warningsGoToStandardErrorAndNothingToStandardOutput() throws Exception {
		List<String> command = JavaProcess.yardstick().command();
		command.set(command.indexOf(Main.class.getName()), Probe.class.getName());
		Process process = new ProcessBuilder(command).start();
		process.getOutputStream().close();
		JavaProcess.Drain out = new JavaProcess.Drain(process.getInputStream());
		JavaProcess.Drain err = new JavaProcess.Drain(process.getErrorStream());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

		String stdout = new String(out.bytes(), StandardCharsets.UTF_8);
		String stderr = new String(err.bytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(stderr).isEqualTo(0);
		assertThat(stdout).isEmpty();
		assertThat(stderr).isEqualTo("yardstick: WARN probe: probe-warn\nyardstick: ERROR probe: probe-error\n");
	}

	@Test
	void xtextsOwnConfigurationWouldLogInfoToStandardOutput() throws IOException {
		// What the test above guards against: the log4j.properties that log4j would find by default.
		URL xtext = LoggingTest.class.getClassLoader().getResource("log4j.properties");
		assertThat(xtext).isNotNull();
		Properties properties = new Properties();
		try (InputStream in = xtext.openStream()) {
			properties.load(in);
		}
		assertThat(properties.getProperty("log4j.rootLogger")).startsWith("INFO");
		// A ConsoleAppender without a Target writes to System.out.
		assertThat(properties.getProperty("log4j.appender.default")).isEqualTo("org.apache.log4j.ConsoleAppender");
		assertThat(properties.getProperty("log4j.appender.default.Target")).isNull();
	}
}
