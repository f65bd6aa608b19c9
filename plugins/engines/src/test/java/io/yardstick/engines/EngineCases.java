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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
