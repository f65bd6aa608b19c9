package io.yardstick.dsl.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.generator.sql.DuckDbDialect;
import io.yardstick.dsl.generator.sql.PostgresDialect;
import io.yardstick.dsl.generator.sql.SparkDialect;
import io.yardstick.dsl.generator.sql.SqlDialect;
import io.yardstick.dsl.generator.sql.SqlScriptGenerator;
import io.yardstick.dsl.generator.sql.SqlScriptGenerator.SqlFile;
import io.yardstick.dsl.testing.GoldenFiles;
import io.yardstick.runtime.calc.Grouping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Per calculator case and dialect, the SQL of {@code generate --target sql} equals its golden files
 * ({@code expected/sql/<dialect>/}), so that a reviewer sees every change to the SQL in the diff. The
 * engines module runs these files unchanged and compares their numbers with the Java calculator's.
 */
class SqlGoldenTest {
	static final List<SqlDialect> DIALECTS = List.of(DuckDbDialect.INSTANCE, PostgresDialect.INSTANCE,
			SparkDialect.INSTANCE);

	@TestFactory
	Stream<DynamicTest> cases() throws Exception {
		List<DynamicTest> tests = new ArrayList<>();
		for (Path folder : CalculatorCases.all().toList()) {
			for (SqlDialect dialect : DIALECTS) {
				tests.add(DynamicTest.dynamicTest(folder.getFileName() + " on " + dialect.name(), () -> check(folder, dialect)));
			}
		}
		return tests.stream();
	}

	private static void check(Path folder, SqlDialect dialect) throws Exception {
		CalculatorCases.Ran ran = CalculatorCases.compileAndRun(folder);
		List<List<String>> groupings = ran.options().groupings().stream().map(Grouping::dimensions).toList();
		List<SqlFile> files = new SqlScriptGenerator().generate(ran.template(), ran.calculator().template(), dialect,
				ran.options().grain(), ran.results().periods(), groupings);
		Path expected = folder.resolve("expected/sql").resolve(dialect.name());
		List<String> names = new ArrayList<>();
		for (SqlFile file : files) {
			assertThat(file.content()).doesNotContain("\r");
			GoldenFiles.assertMatches(expected.resolve(file.relativePath()), file.content());
			names.add(file.relativePath());
		}
		if (!GoldenFiles.updating() && Files.isDirectory(expected)) {
			try (Stream<Path> present = Files.list(expected)) {
				assertThat(present.map(path -> path.getFileName().toString()).sorted().toList())
						.as("golden files without a generated file").isEqualTo(names.stream().sorted().toList());
			}
		}
	}
}
