package io.yardstick.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.dsl.generator.sql.SourceTable;
import io.yardstick.engines.spark.SparkEngine;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.ServiceLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
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

	/**
	 * On a local master a view reads Parquet files of the pushed rows, written once: pushed again, a source gets
	 * new files and its old ones go; closing the engine deletes the rest.
	 */
	@Test
	void pushedRowsAreFilesDeletedOnClose() throws Exception {
		EngineCases engineCase = EngineCases.load(EngineCases.CALCULATOR_CASES.resolve("breakdowns-and-references"));
		List<Path> first;
		List<Path> second;
		try (Engine engine = open()) {
			engineCase.push(engine, SourceTable.TimeStorage.MILLIS);
			first = files("Sale");
			assertThat(first).isNotEmpty().allSatisfy(file -> assertThat(file.getFileName().toString()).endsWith(".parquet"));
			long rows = spark.table("Sale").count();
			engineCase.push(engine, SourceTable.TimeStorage.MILLIS);
			second = files("Sale");
			assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first).allSatisfy(file -> assertThat(file).exists());
			assertThat(first).allSatisfy(file -> assertThat(file).doesNotExist());
			assertThat(spark.table("Sale").count()).isEqualTo(rows).isPositive();
		}
		assertThat(second).allSatisfy(file -> assertThat(file).doesNotExist());
		assertThat(second.get(0).getParent().getParent()).doesNotExist();
	}

	private static List<Path> files(String view) {
		return Stream.of(spark.table(view).inputFiles()).map(file -> Path.of(URI.create(file))).toList();
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
