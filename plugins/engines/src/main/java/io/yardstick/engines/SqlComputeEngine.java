package io.yardstick.engines;

import io.yardstick.dsl.generator.GeneratorException;
import io.yardstick.dsl.generator.sql.SourceTable;
import io.yardstick.runtime.load.LoadMessage;
import io.yardstick.dsl.pipeline.CompiledTemplate;
import io.yardstick.dsl.pipeline.ComputeEngine;
import io.yardstick.dsl.pipeline.ComputeException;
import io.yardstick.dsl.pipeline.SourceData;
import io.yardstick.runtime.calc.RunOptions;
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

/**
 * An SQL engine as a {@link ComputeEngine} of the pipeline: binds each source (rows loaded from files are
 * pushed; a table of the engine's own is mapped column by column) and runs the template's scans there.
 */
public final class SqlComputeEngine implements ComputeEngine {
	private final String name;
	private final Engine engine;

	public SqlComputeEngine(String name, Engine engine) {
		this.name = name;
		this.engine = engine;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public String describe() {
		return engine.describe();
	}

	/** The engine underneath, for callers that run scripts of their own on it. */
	public Engine engine() {
		return engine;
	}

	@Override
	public Results compute(CompiledTemplate compiled, SourceData data, RunOptions options) throws ComputeException {
		TemplateSpec template = compiled.spec();
		try {
			Map<String, SourceTable> tables = new LinkedHashMap<>();
			if (data.loaded() != null) {
				Map<String, Table> byName = new LinkedHashMap<>();
				data.loaded().tables().forEach(table -> byName.put(table.name(), table));
				for (Table table : data.loaded().tables()) {
					tables.put(table.name(), engine.push(table, template.zone(), byName, SourceTable.TimeStorage.MILLIS));
				}
			}
			Map<String, List<String>> names = new LinkedHashMap<>();
			data.tables().forEach((source, table) -> names.put(source, tableName(table)));
			Map<List<String>, Engine.TableColumns> described = names.isEmpty() ? Map.of()
					: engine.describeAll(new ArrayList<>(names.values()));
			for (Map.Entry<String, String> binding : data.tables().entrySet()) {
				SourceSpec source = template.source(binding.getKey()).orElseThrow(() -> ComputeException.unusable(
						LoadMessage.of("engine.notASource", binding.getKey(), template.simpleName()), null));
				List<String> name = names.get(binding.getKey());
				tables.put(source.name(), mapped(engine, source, binding.getValue(), name, described.get(name)));
			}
			return new EngineRun(engine, compiled.generated().plan(), compiled.calculator(), tables).run(options);
		} catch (SQLException e) {
			throw ComputeException.unusable(name + " failed: " + e.getMessage(), e);
		} catch (EngineDataException e) {
			throw ComputeException.badData(e.messages());
		} catch (GeneratorException e) {
			throw ComputeException.refused(compiled.generated().refusal(e));
		}
	}

	/**
	 * A table of the engine's own as a source: each field found by name, as written or in snake_case; the columns
	 * that hold local timestamps noted, so that they are read by Yardstick's calendar rules.
	 */
	private static SourceTable mapped(Engine engine, SourceSpec source, String table, List<String> name,
			Engine.TableColumns described) throws ComputeException {
		List<String> columns = described.names();
		if (columns.isEmpty()) {
			throw ComputeException.unusable(LoadMessage.of("engine.noTable", source.name(), table, engine.describe()), null);
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
			throw ComputeException.unusable(LoadMessage.of("engine.noColumn", table, source.name(),
					String.join(", ", missing), String.join(", ", columns)), null);
		}
		java.util.Set<String> local = described.localTimestamps();
		return new SourceTable(name, mapping, SourceTable.TimeStorage.NATIVE,
				mapping.values().stream().filter(local::contains).collect(java.util.stream.Collectors.toSet()));
	}

	/** A table's name as bound, {@code schema.table} or {@code table}, in its parts. */
	private static List<String> tableName(String table) {
		return List.of(table.split("\\."));
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

	@Override
	public void close() {
		try {
			engine.close();
		} catch (Exception e) {
			// Closing a connection that failed is not worth more than the run's own outcome.
		}
	}
}
