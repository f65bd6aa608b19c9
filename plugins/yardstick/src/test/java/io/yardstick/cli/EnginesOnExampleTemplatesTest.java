package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.pipeline.CompiledTemplate;
import io.yardstick.dsl.pipeline.ComputeEngine;
import io.yardstick.dsl.pipeline.JavaEngine;
import io.yardstick.dsl.pipeline.Pipeline;
import io.yardstick.dsl.pipeline.SourceData;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.engines.DuckDbEngine;
import io.yardstick.engines.PostgresEngine;
import io.yardstick.engines.PostgresServer;
import io.yardstick.engines.ResultsComparison;
import io.yardstick.engines.SqlComputeEngine;
import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.load.Bindings;
import io.yardstick.runtime.load.LoadOptions;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.spec.DimensionSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.time.Grain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
		CompiledTemplate compiled = Pipeline.compile(
				Pipeline.generate(Pipeline.select(folder, null, ProgressListener.NONE), null));
		TemplateSpec spec = compiled.spec();
		SourceData data = SourceData.loaded(Pipeline.load(compiled,
				Bindings.byConvention(folder.resolve("data"), spec), LoadOptions.defaults()).dataset());
		List<Grouping> groupings = new ArrayList<>(List.of(Grouping.TOTAL));
		for (DimensionSpec dimension : spec.dimensions()) {
			groupings.add(new Grouping(List.of(dimension.name())));
		}
		RunOptions options = new RunOptions(Grain.MONTH, groupings, null, null);
		Results oracle;
		try (ComputeEngine java = new JavaEngine()) {
			oracle = Pipeline.compute(compiled, java, data, options);
		}
		try (ComputeEngine duckdb = new SqlComputeEngine("duckdb", DuckDbEngine.open(null))) {
			Results other = Pipeline.compute(compiled, duckdb, data, options);
			assertThat(ResultsComparison.differences(oracle, other, 20)).as("duckdb").isEmpty();
		}
		try (ComputeEngine postgres = new SqlComputeEngine("postgres",
				PostgresEngine.open(PostgresServer.url(), PostgresServer.credentials()))) {
			Results other = Pipeline.compute(compiled, postgres, data, options);
			assertThat(ResultsComparison.differences(oracle, other, 20)).as("postgres").isEmpty();
		}
	}
}
