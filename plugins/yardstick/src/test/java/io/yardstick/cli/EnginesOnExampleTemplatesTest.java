package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.generator.CalculatorCompiler;
import io.yardstick.dsl.generator.CalculatorModel;
import io.yardstick.dsl.generator.CalculatorModelBuilder;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.engines.DuckDbEngine;
import io.yardstick.engines.Engine;
import io.yardstick.engines.PostgresEngine;
import io.yardstick.engines.PostgresServer;
import io.yardstick.engines.ResultsComparison;
import io.yardstick.runtime.calc.Calculator;
import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.data.Dataset;
import io.yardstick.runtime.load.Bindings;
import io.yardstick.runtime.load.DataLoader;
import io.yardstick.runtime.load.LoadOptions;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.spec.DimensionSpec;
import io.yardstick.runtime.time.Grain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example template with sample data, by month with every breakdown it declares, on DuckDB and on
 * PostgreSQL: every cell as the Java calculator computes it (relative 1e-9, nulls alike).
 */
class EnginesOnExampleTemplatesTest {

	static Stream<Path> templates() throws Exception {
		Path root = Cli.exampleTemplates().getParent();
		try (Stream<Path> folders = Files.list(root)) {
			return folders.filter(folder -> Files.isDirectory(folder.resolve("data"))).sorted().toList().stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("templates")
	void duckDbAndPostgresAgreeWithJava(Path folder) throws Exception {
		CalculatorBuild.Built built = CalculatorBuild.generate(folder, null, null, ProgressListener.NONE);
		Calculator calculator = (Calculator) CalculatorCompiler
				.compile(built.source().qualifiedClassName(), built.source().content()).getDeclaredConstructor()
				.newInstance();
		Dataset data = DataLoader.load(calculator.template(),
				Bindings.byConvention(folder.resolve("data"), calculator.template()), LoadOptions.defaults()).dataset();
		List<Grouping> groupings = new ArrayList<>(List.of(Grouping.TOTAL));
		for (DimensionSpec dimension : calculator.template().dimensions()) {
			groupings.add(new Grouping(List.of(dimension.name())));
		}
		RunOptions options = new RunOptions(Grain.MONTH, groupings, null, null);
		Results oracle = calculator.run(data, options);
		CalculatorModel plan = new CalculatorModelBuilder().build(built.template(), null);
		try (Engine duckdb = DuckDbEngine.open(null)) {
			Results other = EngineSession.run(duckdb, plan, calculator, data, Map.of(), options);
			assertThat(ResultsComparison.differences(oracle, other, 20)).as("duckdb").isEmpty();
		}
		try (Engine postgres = PostgresEngine.open(PostgresServer.url(), PostgresServer.credentials())) {
			Results other = EngineSession.run(postgres, plan, calculator, data, Map.of(), options);
			assertThat(ResultsComparison.differences(oracle, other, 20)).as("postgres").isEmpty();
		}
	}
}
