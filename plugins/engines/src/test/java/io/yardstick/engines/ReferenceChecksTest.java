package io.yardstick.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * On tables of the engine's own, a reference may only be followed when it cannot multiply rows: a
 * duplicate key of a referenced source, or a reference to no row, stops the run with a data error that
 * names the key, before any metric is computed.
 */
class ReferenceChecksTest {
	private static final Path CASE = EngineCases.CALCULATOR_CASES.resolve("breakdowns-and-references");

	@Test
	void aDuplicateReferencedKeyIsADataErrorNamingIt() throws Exception {
		EngineCases engineCase = EngineCases.load(CASE);
		try (Engine engine = DuckDbEngine.open(null)) {
			var tables = engineCase.push(engine, io.yardstick.dsl.generator.sql.SourceTable.TimeStorage.NATIVE);
			engine.execute("INSERT INTO \"Customer\" SELECT * FROM \"Customer\" WHERE \"customerId\" = 'C2'");
			EngineRun run = new EngineRun(engine, engineCase.model(), engineCase.calculator(), tables);
			assertThatThrownBy(() -> run.run(engineCase.options())).isInstanceOf(EngineDataException.class)
					.satisfies(e -> assertThat(((EngineDataException) e).errors()).containsExactly(
							"Customer.customerId (Customer): duplicate key \"C2\" (2 rows): a reference to it would count rows twice"))
					.satisfies(e -> assertThat(((EngineDataException) e).messages().get(0).in("zh"))
							.isEqualTo("Customer.customerId（Customer）：重复的键 \"C2\"（2 行）：引用它会把行重复计数"));
		}
	}

	@Test
	void aReferenceToNoRowIsADataErrorNamingIt() throws Exception {
		EngineCases engineCase = EngineCases.load(CASE);
		try (Engine engine = DuckDbEngine.open(null)) {
			var tables = engineCase.push(engine, io.yardstick.dsl.generator.sql.SourceTable.TimeStorage.NATIVE);
			engine.execute("UPDATE \"Sale\" SET \"customer\" = 'C404' WHERE \"soldAt\" = (SELECT min(\"soldAt\") FROM \"Sale\")");
			EngineRun run = new EngineRun(engine, engineCase.model(), engineCase.calculator(), tables);
			assertThatThrownBy(() -> run.run(engineCase.options())).isInstanceOf(EngineDataException.class)
					.satisfies(e -> assertThat(((EngineDataException) e).errors()).containsExactly(
							"Sale.customer (Sale): no Customer has the key \"C404\""))
					.satisfies(e -> assertThat(((EngineDataException) e).messages().get(0).in("zh"))
							.isEqualTo("Sale.customer（Sale）：没有哪个 Customer 的键是 \"C404\""));
		}
	}
}
