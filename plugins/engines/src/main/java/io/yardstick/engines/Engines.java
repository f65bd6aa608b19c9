package io.yardstick.engines;

import io.yardstick.dsl.pipeline.ComputeEngine;
import io.yardstick.dsl.pipeline.ComputeException;
import io.yardstick.dsl.pipeline.JavaEngine;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Opens an engine by the name {@code --engine} takes, for the CLI, the tests and the benchmarks alike. */
public final class Engines {
	/** The engines besides java. */
	public static final List<String> SQL_ENGINES = List.of("duckdb", "postgres", "spark");

	/** Why --engine spark cannot run from the CLI's own jar. */
	public static final String SPARK_MODULE_MISSING = "--engine spark needs the Spark engine on the class path, "
			+ "which yardstick.jar leaves out (Spark is 277 MB): run plugins/engine-spark/yardstick-spark, as "
			+ "docs/engines.md#running-on-spark shows";

	private Engines() {
	}

	/**
	 * @param jdbc the database of an SQL engine; null for DuckDB in memory
	 * @param spark Spark's master ({@code local[2]}, {@code spark://host:7077}); null for spark-submit's, or local[2]
	 * @param environment where credentials come from ({@link Credentials})
	 */
	public static ComputeEngine open(String name, String jdbc, String spark, Map<String, String> environment)
			throws ComputeException {
		if (spark != null && !"spark".equals(name)) {
			throw ComputeException.unusable("--spark needs --engine spark", null);
		}
		if (jdbc != null && !"duckdb".equals(name) && !"postgres".equals(name)) {
			throw ComputeException.unusable("--jdbc needs an SQL engine: --engine duckdb or --engine postgres", null);
		}
		try {
			return switch (name) {
				case JavaEngine.NAME -> new JavaEngine();
				case "duckdb" -> new SqlComputeEngine(name, DuckDbEngine.open(jdbc));
				case "postgres" -> {
					if (jdbc == null) {
						throw ComputeException.unusable("--engine postgres needs --jdbc jdbc:postgresql://host:port/database", null);
					}
					yield new SqlComputeEngine(name, PostgresEngine.open(jdbc, Credentials.fromEnvironment(environment)));
				}
				case "spark" -> new SqlComputeEngine(name,
						factory("spark").orElseThrow(() -> ComputeException.unusable(SPARK_MODULE_MISSING, null)).open(spark));
				default -> throw ComputeException.unusable("unknown engine \"" + name + "\": use java, "
						+ String.join(", ", SQL_ENGINES), null);
			};
		} catch (SQLException e) {
			// The driver's message names the host and the user at most, never the password.
			String at = "spark".equals(name) ? (spark == null ? "its default master" : spark) : String.valueOf(jdbc);
			throw ComputeException.unusable("cannot connect to " + name + " at " + Credentials.withoutSecrets(at) + ": "
					+ e.getMessage(), e);
		}
	}

	/** An engine of a module of its own (Spark), when its jars are on the class path. */
	static Optional<EngineFactory> factory(String name) {
		return ServiceLoader.load(EngineFactory.class).stream().map(ServiceLoader.Provider::get)
				.filter(factory -> factory.name().equals(name)).findFirst();
	}
}
