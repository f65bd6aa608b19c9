package io.yardstick.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.dsl.generator.sql.SourceTable;
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
		assertDataError(CASE, "INSERT INTO \"Customer\" SELECT * FROM \"Customer\" WHERE \"customerId\" = 'C2'",
				"Customer.customerId (Customer): duplicate key \"C2\" (2 rows): a reference to it would count rows twice",
				"Customer.customerId（Customer）：重复的键 \"C2\"（2 行）：引用它会把行重复计数");
	}

	@Test
	void aReferenceToNoRowIsADataErrorNamingIt() throws Exception {
		assertDataError(CASE, "UPDATE \"Sale\" SET \"customer\" = 'C404' WHERE \"soldAt\" = (SELECT min(\"soldAt\") FROM \"Sale\")",
				"Sale.customer (Sale): no Customer has the key \"C404\"",
				"Sale.customer（Sale）：没有哪个 Customer 的键是 \"C404\"");
	}

	/**
	 * The scans count the references they follow only on the rows they read; a reference an aggregate per
	 * entity groups by is checked over every row, here on the first order, which lies before the reporting
	 * window.
	 */
	@Test
	void aReferenceAnAggregatePerEntityGroupsByIsCheckedOutsideTheWindowToo() throws Exception {
		assertDataError(EngineCases.CALCULATOR_CASES.resolve("per-entity"),
				"UPDATE \"Order\" SET \"customer\" = 'C404' WHERE \"placedAt\" = (SELECT min(\"placedAt\") FROM \"Order\")",
				"Order.customer (Order): no Customer has the key \"C404\"",
				"Order.customer（Order）：没有哪个 Customer 的键是 \"C404\"");
	}

	/**
	 * Pushes a case's rows as tables of the engine's own, spoils them with one statement, and runs it: the one
	 * data error, in English and in Chinese.
	 */
	private static void assertDataError(Path folder, String spoil, String error, String chinese) throws Exception {
		EngineCases engineCase = EngineCases.load(folder);
		try (Engine engine = DuckDbEngine.open(null)) {
			var tables = engineCase.push(engine, SourceTable.TimeStorage.NATIVE);
			engine.execute(spoil);
			EngineRun run = new EngineRun(engine, engineCase.model(), engineCase.calculator(), tables);
			assertThatThrownBy(() -> run.run(engineCase.options())).isInstanceOf(EngineDataException.class)
					.satisfies(e -> assertThat(((EngineDataException) e).errors()).containsExactly(error))
					.satisfies(e -> assertThat(((EngineDataException) e).messages().get(0).in("zh")).isEqualTo(chinese));
		}
	}
}
