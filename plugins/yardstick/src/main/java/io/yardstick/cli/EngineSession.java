package io.yardstick.cli;

import io.yardstick.dsl.generator.CalculatorModel;
import io.yardstick.dsl.generator.sql.SourceTable;
import io.yardstick.engines.Credentials;
import io.yardstick.engines.DuckDbEngine;
import io.yardstick.engines.Engine;
import io.yardstick.engines.EngineDataException;
import io.yardstick.engines.EngineFactory;
import io.yardstick.engines.EngineRun;
import io.yardstick.engines.PostgresEngine;
import io.yardstick.runtime.calc.Calculator;
import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.data.Dataset;
import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A run on an SQL engine from the command line: opens the engine, binds each source (rows loaded from
 * files are pushed, tables of the engine's own are mapped column by column), and runs the template there.
 */
final class EngineSession {
	/** The engines {@code --engine} takes besides java. */
	static final List<String> SQL_ENGINES = List.of("duckdb", "postgres", "spark");

	/** Where the Spark engine's module comes from when it is not on the class path. */
	static final String SPARK_MODULE_MISSING = "--engine spark needs the Spark engine on the class path, which "
			+ "yardstick.jar leaves out (Spark is 277 MB): run with the class path of plugins/engine-spark and Spark's "
			+ "JVM flags, as docs/engines.md#running-on-spark shows";

	/** A problem the user can fix: a missing table or column, a connection refused. */
	static final class Unusable extends Exception {
		private static final long serialVersionUID = 1L;

		Unusable(String message) {
			super(message);
		}
	}

	private EngineSession() {
	}

	/**
	 * @param spark the master of {@code --spark} ({@code local[2]}, {@code spark://host:7077}); null for
	 *     spark-submit's master, or else local[2]
	 */
	static Engine open(String name, String jdbc, String spark) throws Unusable {
		if (spark != null && !"spark".equals(name)) {
			throw new Unusable("--spark needs --engine spark");
		}
		try {
			return switch (name) {
				case "spark" -> {
					if (jdbc != null) {
						throw new Unusable("--engine spark takes --spark MASTER, not --jdbc");
					}
					yield factory("spark").orElseThrow(() -> new Unusable(SPARK_MODULE_MISSING)).open(spark);
				}
				case "duckdb" -> DuckDbEngine.open(jdbc);
				case "postgres" -> {
					if (jdbc == null) {
						throw new Unusable("--engine postgres needs --jdbc jdbc:postgresql://host:port/database");
					}
					yield PostgresEngine.open(jdbc, Credentials.fromEnvironment(System.getenv()));
				}
				default -> throw new Unusable("unknown engine \"" + name + "\": use java, " + String.join(", ", SQL_ENGINES));
			};
		} catch (SQLException e) {
			// The driver's message names the host and the user at most, never the password.
			String at = "spark".equals(name) ? String.valueOf(spark == null ? "its default master" : spark) : String.valueOf(jdbc);
			throw new Unusable("cannot connect to " + name + " at " + Credentials.withoutSecrets(at) + ": " + e.getMessage());
		}
	}

	/** An engine of a module of its own (Spark), when its jars are on the class path. */
	static Optional<EngineFactory> factory(String name) {
		return ServiceLoader.load(EngineFactory.class).stream().map(ServiceLoader.Provider::get)
				.filter(factory -> factory.name().equals(name)).findFirst();
	}

	/**
	 * Runs the template on the engine.
	 *
	 * @param loaded the rows loaded from files (null when every source is a table of the engine)
	 * @param tableBindings per source the table it is bound to ({@code schema.table})
	 */
	static Results run(Engine engine, CalculatorModel model, Calculator calculator, Dataset loaded,
			Map<String, String> tableBindings, RunOptions options) throws SQLException, EngineDataException, Unusable {
		TemplateSpec template = calculator.template();
		Map<String, SourceTable> tables = new LinkedHashMap<>();
		if (loaded != null) {
			Map<String, Table> byName = new LinkedHashMap<>();
			loaded.tables().forEach(table -> byName.put(table.name(), table));
			for (Table table : loaded.tables()) {
				tables.put(table.name(), engine.push(table, template.zone(), byName, SourceTable.TimeStorage.MILLIS));
			}
		}
		for (Map.Entry<String, String> binding : tableBindings.entrySet()) {
			SourceSpec source = template.source(binding.getKey()).orElseThrow();
			tables.put(source.name(), mapped(engine, source, binding.getValue()));
		}
		return new EngineRun(engine, model, calculator, tables).run(options);
	}

	/** A table of the engine's own as a source: each field found by name, as written or in snake_case. */
	private static SourceTable mapped(Engine engine, SourceSpec source, String table) throws SQLException, Unusable {
		List<String> name = List.of(table.split("\\."));
		List<String> columns = engine.columns(name);
		if (columns.isEmpty()) {
			throw new Unusable(source.name() + " is bound to table " + table + ", which " + engine.describe()
					+ " does not have (or it has no columns)");
		}
		Map<String, String> mapping = new LinkedHashMap<>();
		List<String> missing = new ArrayList<>();
		for (FieldSpec field : source.fields()) {
			String column = match(field.name(), columns);
			if (column == null) {
				missing.add(field.name());
			} else {
				mapping.put(field.name(), column);
			}
		}
		if (!missing.isEmpty()) {
			throw new Unusable("table " + table + " has no column for " + source.name() + "." + String.join(", ", missing)
					+ " (looked for the field's name as written, in any case, and in snake_case); its columns are "
					+ String.join(", ", columns));
		}
		return new SourceTable(name, mapping, SourceTable.TimeStorage.NATIVE);
	}

	static String match(String field, List<String> columns) {
		for (String column : columns) {
			if (column.equals(field)) {
				return column;
			}
		}
		String folded = fold(field);
		for (String column : columns) {
			if (fold(column).equals(folded)) {
				return column;
			}
		}
		return null;
	}

	/** createdAt, created_at and CREATED_AT alike. */
	private static String fold(String name) {
		return name.replace("_", "").toLowerCase(Locale.ROOT);
	}
}
