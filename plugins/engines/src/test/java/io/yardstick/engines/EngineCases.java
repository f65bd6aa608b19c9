package io.yardstick.engines;

import io.yardstick.dsl.generator.CalculatorCases;
import io.yardstick.dsl.generator.CalculatorCompiler;
import io.yardstick.dsl.generator.CalculatorGenerator;
import io.yardstick.dsl.generator.CalculatorGenerator.GeneratedSource;
import io.yardstick.dsl.generator.CalculatorModel;
import io.yardstick.dsl.generator.CalculatorModelBuilder;
import io.yardstick.dsl.generator.sql.SourceTable;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.runtime.calc.Calculator;
import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.data.Dataset;
import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.load.Bindings;
import io.yardstick.runtime.load.DataLoader;
import io.yardstick.runtime.load.LoadOptions;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.FieldType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A case of the differential suite: a folder with {@code model/} (one template), {@code data/} (a CSV per
 * source) and {@code run.properties} (grain, by, from, to), as the language module's calculator cases are.
 */
record EngineCases(String name, Template template, Calculator calculator, Dataset data, RunOptions options) {
	/** The calculator cases of the language module: every construct the Java calculator has golden values for. */
	static final Path CALCULATOR_CASES = Path.of("../../dsl/language/src/test/resources/calculators");
	/**
	 * Fixtures for engines: calendars, empty periods, nulls, ties; found from this module or from an engine
	 * module beside it, which runs the suite on the test jar.
	 */
	static final Path ENGINE_CASES = Files.isDirectory(Path.of("src/test/resources/engine-cases"))
			? Path.of("src/test/resources/engine-cases")
			: Path.of("../engines/src/test/resources/engine-cases");

	static Stream<Path> folders() throws IOException {
		Stream.Builder<Path> all = Stream.builder();
		for (Path root : List.of(CALCULATOR_CASES, ENGINE_CASES)) {
			try (Stream<Path> folders = Files.list(root)) {
				folders.filter(Files::isDirectory).sorted().forEach(all::add);
			}
		}
		return all.build();
	}

	static EngineCases load(Path folder) throws Exception {
		Template template = CalculatorCases.template(folder);
		GeneratedSource source = new CalculatorGenerator().generate(template, null);
		Calculator calculator = (Calculator) CalculatorCompiler.compile(source.qualifiedClassName(), source.content())
				.getDeclaredConstructor().newInstance();
		Map<String, Path> files = new LinkedHashMap<>(
				Bindings.resolve(calculator.template(), folder.resolve("data"), List.of()));
		Dataset data = DataLoader.load(calculator.template(), files, LoadOptions.defaults()).dataset();
		return new EngineCases(folder.getFileName().toString(), template, calculator, data, CalculatorCases.options(folder));
	}

	/**
	 * A case written into {@code folder} by a test: the template's text, each source's CSV text by source name,
	 * and the run's properties (e.g. {@code grain=month}).
	 */
	static EngineCases write(Path folder, String template, Map<String, String> data, String run) throws Exception {
		Files.createDirectories(folder.resolve("model"));
		Files.createDirectories(folder.resolve("data"));
		Files.writeString(folder.resolve("model/case.kpi"), template);
		for (Map.Entry<String, String> source : data.entrySet()) {
			Files.writeString(folder.resolve("data/" + source.getKey() + ".csv"), source.getValue());
		}
		Files.writeString(folder.resolve("run.properties"), run);
		return load(folder);
	}

	CalculatorModel model() {
		return new CalculatorModelBuilder().build(template, null);
	}

	/** Pushes every loaded table into the engine, as the CLI does for files. */
	Map<String, SourceTable> push(Engine engine) throws Exception {
		return push(engine, SourceTable.TimeStorage.MILLIS);
	}

	/** Pushes every loaded table, holding times as given: NATIVE stands in for a warehouse's own tables. */
	Map<String, SourceTable> push(Engine engine, SourceTable.TimeStorage times) throws Exception {
		Map<String, Table> byName = new LinkedHashMap<>();
		data.tables().forEach(table -> byName.put(table.name(), table));
		Map<String, SourceTable> tables = new LinkedHashMap<>();
		for (Table table : data.tables()) {
			tables.put(table.name(), engine.push(table, calculator.template().zone(), byName, times));
		}
		return tables;
	}

	/**
	 * Pushes every loaded table with its own types, then gives the engine a view of each in which timestamps are
	 * local (TIMESTAMP without time zone, as most warehouses keep them), read back in the template's zone: what
	 * {@code --bind Source=table:...} meets in a warehouse.
	 */
	Map<String, SourceTable> pushLocalTimestamps(Engine engine) throws Exception {
		Map<String, SourceTable> pushed = push(engine, SourceTable.TimeStorage.NATIVE);
		// The casts to local time read the session's zone (Spark captures it in the view): the template's.
		for (String setup : engine.dialect().sessionSetup(calculator.template().zone())) {
			engine.execute(setup);
		}
		String local = engine.dialect().name().equals("spark") ? "TIMESTAMP_NTZ" : "TIMESTAMP";
		Map<String, SourceTable> views = new LinkedHashMap<>();
		for (Table table : data.tables()) {
			SourceTable ownTypes = pushed.get(table.name());
			List<String> columns = new ArrayList<>();
			for (FieldSpec field : table.spec().fields()) {
				if (!table.has(field.name())) {
					continue;
				}
				String column = engine.dialect().quote(ownTypes.column(field.name()));
				columns.add(field.type() == FieldType.TIMESTAMP ? "CAST(" + column + " AS " + local + ") AS " + column : column);
			}
			String view = table.name() + "_local";
			// Spark's pushed tables are temporary views, which only a temporary view may read.
			engine.execute("CREATE OR REPLACE " + (engine.dialect().name().equals("spark") ? "TEMPORARY VIEW " : "VIEW ")
					+ engine.dialect().quote(view) + " AS SELECT "
					+ String.join(", ", columns) + " FROM " + String.join(".", ownTypes.name().stream()
							.map(engine.dialect()::quote).toList()));
			// The loaded table holds only the fields the calculator reads, so the view is not mapped field by field;
			// which columns are local timestamps the engine's catalog tells, as it does for a bound table.
			views.put(table.name(), new SourceTable(List.of(view), Map.of(), SourceTable.TimeStorage.NATIVE,
					engine.localTimestampColumns(List.of(view))));
		}
		return views;
	}
}
