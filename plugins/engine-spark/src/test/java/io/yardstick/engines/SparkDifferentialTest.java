package io.yardstick.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.dsl.generator.sql.SourceTable;
import io.yardstick.engines.spark.SparkEngine;
import java.sql.SQLException;
import java.util.List;
import java.util.ServiceLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The differential suite on Spark {@code local[2]}, bound to 127.0.0.1: one session for the class (it takes
 * about 18 s to start), each case's rows in temporary views that the case drops when it ends.
 */
class SparkDifferentialTest extends DifferentialSuite {
	private static SparkSession spark;

	@BeforeAll
	static void start() throws Exception {
		Path warehouse = Files.createTempDirectory("yardstick-spark-test-warehouse");
		spark = SparkEngine.session(SparkEngine.DEFAULT_MASTER, warehouse);
	}

	@AfterAll
	static void stop() {
		if (spark != null) {
			spark.stop();
		}
	}

	@Override
	Engine open() {
		return SparkEngine.over(spark);
	}

	/** A bound table's columns come from Spark's catalog; a table it lacks has none, and a closed case leaves no view. */
	@Test
	void columnsFromTheCatalog() throws Exception {
		EngineCases engineCase = EngineCases.load(EngineCases.CALCULATOR_CASES.resolve("breakdowns-and-references"));
		try (Engine engine = open()) {
			engineCase.push(engine, SourceTable.TimeStorage.MILLIS);
			assertThat(engine.columns(List.of("Sale"))).contains("soldAt", "soldAt__date", "amount", "customer");
			assertThat(engine.columns(List.of("NoSuchTable"))).isEmpty();
		}
		assertThat(spark.catalog().tableExists("Sale")).isFalse();
	}

	@Test
	void theCliFindsTheEngineThroughServiceLoader() {
		assertThat(ServiceLoader.load(EngineFactory.class).stream().map(provider -> provider.get().name()))
				.containsExactly("spark");
	}

	/** Classic Spark's class path has no Connect client: the engine says which script has one, token left out. */
	@Test
	void sparkConnectNeedsItsClient() {
		assertThatThrownBy(() -> SparkEngine.open("sc://127.0.0.1:15002/;token=s3cret")).isInstanceOf(SQLException.class)
				.hasMessage("Spark Connect (sc://127.0.0.1:15002) needs its client on the class path, which the classic "
						+ "engine's script leaves out: run plugins/engine-spark-connect/yardstick-spark-connect "
						+ "(docs/engines.md#spark-connect)");
	}
}
