package io.yardstick.engines;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.generator.sql.SourceTable;
import io.yardstick.dsl.generator.sql.SqlScriptGenerator;
import io.yardstick.dsl.generator.sql.SqlScriptGenerator.SqlFile;
import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.results.ResultsCsv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential suite of one engine, with the Java calculator as the oracle: on every case, the same
 * cells with the same values (relative 1e-9, nulls alike), whether the engine gets the rows from Yardstick's
 * loader, holds them in tables of its own types, or runs the files {@code generate --target sql} wrote.
 */
abstract class DifferentialSuite {

	/** A fresh engine, or a fresh session on a shared server, for one case. */
	abstract Engine open() throws Exception;

	static Stream<Path> cases() throws Exception {
		return EngineCases.folders();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void rowsFromTheLoader(Path folder) throws Exception {
		EngineCases engineCase = EngineCases.load(folder);
		Results oracle = engineCase.calculator().run(engineCase.data(), engineCase.options());
		try (Engine engine = open()) {
			Results other = new EngineRun(engine, engineCase.model(), engineCase.calculator(), engineCase.push(engine))
					.run(engineCase.options());
			assertThat(ResultsComparison.differences(oracle, other, 20)).isEmpty();
			// Cohort tables are put together from the totals after the run, so they follow the values on every engine.
			assertThat(ResultsCsv.toCohortsCsv(other)).isEqualTo(ResultsCsv.toCohortsCsv(oracle));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void tablesOfTheEnginesOwnTypes(Path folder) throws Exception {
		EngineCases engineCase = EngineCases.load(folder);
		Results oracle = engineCase.calculator().run(engineCase.data(), engineCase.options());
		try (Engine engine = open()) {
			Results other = new EngineRun(engine, engineCase.model(), engineCase.calculator(),
					engineCase.push(engine, SourceTable.TimeStorage.NATIVE)).run(engineCase.options());
			assertThat(ResultsComparison.differences(oracle, other, 20)).isEmpty();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void tablesWithLocalTimestamps(Path folder) throws Exception {
		EngineCases engineCase = EngineCases.load(folder);
		Results oracle = engineCase.calculator().run(engineCase.data(), engineCase.options());
		try (Engine engine = open()) {
			Results other = new EngineRun(engine, engineCase.model(), engineCase.calculator(),
					engineCase.pushLocalTimestamps(engine)).run(engineCase.options());
			assertThat(ResultsComparison.differences(oracle, other, 20)).isEmpty();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void generatedSqlRunUnchanged(Path folder) throws Exception {
		EngineCases engineCase = EngineCases.load(folder);
		Results oracle = engineCase.calculator().run(engineCase.data(), engineCase.options());
		try (Engine engine = open()) {
			var tables = engineCase.push(engine, SourceTable.TimeStorage.NATIVE);
			List<SqlFile> files = new SqlScriptGenerator().generate(engineCase.template(),
					engineCase.calculator().template(), engine.dialect(), engineCase.options().grain(), oracle.periods(),
					engineCase.options().groupings().stream().map(Grouping::dimensions).toList());
			engine.execute("DROP TABLE IF EXISTS " + engine.dialect().quote(SqlScriptGenerator.PERIODS_TABLE));
			for (String statement : EngineRun.statements(files.get(0).content())) {
				engine.execute(statement);
			}
			List<String> scans = new ArrayList<>();
			files.subList(1, files.size()).forEach(file -> scans.add(file.content()));
			Results other = new EngineRun(engine, engineCase.model(), engineCase.calculator(), tables)
					.runScripts(engineCase.options(), scans);
			assertThat(ResultsComparison.differences(oracle, other, 20)).isEmpty();
		}
	}
}
