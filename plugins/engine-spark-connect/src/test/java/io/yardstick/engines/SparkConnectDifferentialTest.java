package io.yardstick.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.dsl.generator.sql.SourceTable;
import io.yardstick.dsl.pipeline.ComputeEngine;
import io.yardstick.dsl.pipeline.ComputeException;
import io.yardstick.engines.spark.SparkEngine;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The differential suite through Spark Connect: a local server in a JVM of its own (classic Spark, {@code local[2]},
 * on 127.0.0.1), and in this JVM only the Connect client, each case in a session of its own opened with
 * {@code sc://127.0.0.1:PORT} exactly as {@code --spark} opens it. A representative part of the cases, since every
 * query crosses gRPC to a server on the same two cores.
 */
class SparkConnectDifferentialTest extends DifferentialSuite {
	/**
	 * Every aggregate, breakdowns and references, nulls and filters, period functions and windows, ISO weeks, the
	 * after-sales sample; and every engine fixture (calendars, daylight saving, quoting, zero denominators).
	 */
	private static final List<String> CALCULATOR_CASES = List.of("after-sales-small", "aggregates",
			"breakdowns-and-references", "grain-week", "nulls-and-filters", "period-functions", "windows");

	private static LocalConnectServer server;

	@BeforeAll
	static void start() throws Exception {
		server = LocalConnectServer.start();
	}

	@AfterAll
	static void stop() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	/** Hides the whole suite's cases: the parameterized tests find this method first. */
	static Stream<Path> cases() throws Exception {
		return EngineCases.folders().filter(folder -> !folder.startsWith(EngineCases.CALCULATOR_CASES)
				|| CALCULATOR_CASES.contains(folder.getFileName().toString()));
	}

	@Override
	Engine open() throws SQLException {
		return SparkEngine.open(server.url());
	}

	@Test
	void theSubsetNamesOnlyCasesThatExist() throws Exception {
		assertThat(cases().filter(folder -> folder.startsWith(EngineCases.CALCULATOR_CASES))
				.map(folder -> folder.getFileName().toString())).containsExactlyElementsOf(CALCULATOR_CASES);
		assertThat(cases().filter(folder -> folder.startsWith(EngineCases.ENGINE_CASES)))
				.hasSameSizeAs(EngineCases.folders().filter(folder -> folder.startsWith(EngineCases.ENGINE_CASES)).toList());
	}

	/** The CLI's path: {@code --engine spark --spark sc://...} opens the engine through the same factory. */
	@Test
	void theCliOpensAConnectSession() throws Exception {
		try (ComputeEngine engine = Engines.open("spark", null, server.url(), Map.of())) {
			assertThat(engine.describe()).matches("Spark 4\\.2\\.\\d+ \\(sc://127\\.0\\.0\\.1:\\d+\\)");
		}
	}

	/** A session's views belong to it: another session does not see them, and they go when it closes. */
	@Test
	void viewsStayInTheirSession() throws Exception {
		EngineCases engineCase = EngineCases.load(EngineCases.CALCULATOR_CASES.resolve("breakdowns-and-references"));
		try (Engine first = open(); Engine second = open()) {
			engineCase.push(first, SourceTable.TimeStorage.MILLIS);
			assertThat(first.columns(List.of("Sale"))).contains("soldAt", "soldAt__date", "amount", "customer");
			assertThat(second.columns(List.of("Sale"))).isEmpty();
		}
		try (Engine later = open()) {
			assertThat(later.columns(List.of("Sale"))).isEmpty();
		}
	}

	/** A token in the URL's parameters is a secret: neither the description nor an error shows it. */
	@Test
	void parametersOfTheUrlAreNeverShown() throws Exception {
		try (Engine engine = SparkEngine.open(server.url() + "/;user_id=yardstick")) {
			assertThat(engine.describe()).endsWith("(" + server.url() + ")");
		}
		String unreachable = "sc://127.0.0.1:1/;token=s3cret";
		assertThatThrownBy(() -> {
			try (ComputeEngine engine = Engines.open("spark", null, unreachable, Map.of())) {
				engine.describe();
			}
		}).isInstanceOf(ComputeException.class).satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
	}
}
