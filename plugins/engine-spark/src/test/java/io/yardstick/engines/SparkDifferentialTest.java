package io.yardstick.engines;

import io.yardstick.engines.spark.SparkEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
}
