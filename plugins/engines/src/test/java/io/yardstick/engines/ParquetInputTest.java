package io.yardstick.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.load.DataError;
import io.yardstick.runtime.load.DataLoadException;
import io.yardstick.runtime.load.DataLoader;
import io.yardstick.runtime.load.LoadOptions;
import io.yardstick.runtime.load.LoadResult;
import io.yardstick.runtime.load.TableDumps;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.SourceFormat;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet files through the loader: each Parquet type into the field kinds, with the zone rule for timestamps
 * (adjusted to UTC: an instant; not adjusted: local time in the template's zone), and a mismatch named by row,
 * column, its Parquet type and the field. The fixture is written by DuckDB in the test.
 */
class ParquetInputTest {
	private static final String ZONE = "Asia/Shanghai";

	@TempDir
	Path dir;

	private static FieldSpec field(String name, FieldType type, boolean optional, boolean key, String unit) {
		return new FieldSpec(name, type, optional, key, false, false, unit, null, null, List.of(), null);
	}

	private static TemplateSpec template(SourceFormat format) {
		SourceSpec order = new SourceSpec("Order", List.of(field("orderId", FieldType.TEXT, false, true, null),
				field("qty", FieldType.COUNT, false, false, null), field("amount", FieldType.CURRENCY, false, false, "CNY"),
				field("weight", FieldType.NUMBER, true, false, null), field("paid", FieldType.BOOL, false, false, null),
				field("shippedOn", FieldType.DATE, true, false, null),
				field("createdAt", FieldType.TIMESTAMP, false, false, null),
				field("loggedAt", FieldType.TIMESTAMP, false, false, null),
				field("discount", FieldType.PERCENT, false, false, null),
				field("region", FieldType.TEXT, false, false, null)), format);
		return new TemplateSpec("demo.Shop", Map.of(), ZoneId.of(ZONE), List.of(order), List.of(), List.of(), List.of(),
				List.of(), List.of());
	}

	/** Writes the rows of a SELECT as a Parquet file with DuckDB. */
	static Path parquet(Path dir, String select) throws Exception {
		Path file = dir.resolve("orders.parquet");
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			statement.execute("SET TimeZone = 'UTC'");
			statement.execute("COPY (" + select + ") TO '" + file + "' (FORMAT PARQUET)");
		}
		return file;
	}

	private static final String ROWS = "SELECT * FROM (VALUES"
			+ " ('A1', 2::INTEGER, 1219.45::DECIMAL(10,2), 0.1::FLOAT, true, DATE '2025-01-10',"
			+ "  TIMESTAMP '2025-01-09 12:57:00', TIMESTAMPTZ '2025-01-09 04:57:00+00', 0.15::DOUBLE, '华东'),"
			+ " ('A2', 3::INTEGER, -3.50::DECIMAL(10,2), NULL, false, NULL,"
			+ "  TIMESTAMP '2025-03-31 23:59:30.250', TIMESTAMPTZ '2025-03-31 16:00:00+00', 0.0::DOUBLE, '华南'))"
			+ " AS t(orderId, qty, amount, weight, paid, shippedOn, createdAt, loggedAt, discount, region)";

	@Test
	void everyParquetTypeLoadsIntoItsKind() throws Exception {
		Path file = parquet(dir, ROWS);
		LoadResult result = DataLoader.load(template(SourceFormat.PLAIN), Map.of("Order", file),
				LoadOptions.defaults().keepingUnreferencedKeys(true));
		assertThat(dump(result.dataset().table("Order"))).isEqualTo("""
				orderId | qty | amount | weight | paid | shippedOn | createdAt | loggedAt | discount | region
				A1 | 2.0 | 1219.45 | 0.1 | 1 | 2025-01-10T00:00+08:00 | 2025-01-09T12:57+08:00 | 2025-01-09T12:57+08:00 | 0.15 | 华东
				A2 | 3.0 | -3.5 | null | 0 | null | 2025-03-31T23:59:30.250+08:00 | 2025-04-01T00:00+08:00 | 0.0 | 华南
				""");
		assertThat(result.report().summary()).isEqualTo("Order: 3 lines, 2 records read from " + file
				+ ", 2 loaded, 0 rejected\n1 source: 3 lines, 2 records read, 2 loaded, 0 rejected");
	}

	@Test
	void typedValuesIgnoreTheTextPatternsAndSeparatorsStringsFollowThem() throws Exception {
		Path file = parquet(dir, ROWS.replace("0.15::DOUBLE", "'15%'").replace("0.0::DOUBLE", "'0,5%'")
				.replace("TIMESTAMP '2025-03-31 23:59:30.250'", "'2025/3/31 8:05'"));
		LoadResult result = DataLoader.load(template(new SourceFormat(SourceFormat.pairs("decimal", ",", "timestamp",
				"yyyy/M/d H:mm"), Map.of())), Map.of("Order", file),
				LoadOptions.defaults().keepingUnreferencedKeys(true));
		assertThat(dump(result.dataset().table("Order")).lines().skip(1).toList()).containsExactly(
				"A1 | 2.0 | 1219.45 | 0.1 | 1 | 2025-01-10T00:00+08:00 | 2025-01-09T12:57+08:00 | 2025-01-09T12:57+08:00 | 0.15 | 华东",
				"A2 | 3.0 | -3.5 | null | 0 | null | 2025-03-31T08:05+08:00 | 2025-04-01T00:00+08:00 | 0.005 | 华南");
	}

	@Test
	void aMismatchNamesTheRowTheColumnItsTypeAndTheField() throws Exception {
		Path file = parquet(dir, ROWS.replace("3::INTEGER", "-1::INTEGER").replace("2::INTEGER", "2::INTEGER"));
		DataLoadException failure = catchThrowableOfType(DataLoadException.class,
				() -> DataLoader.load(template(SourceFormat.PLAIN), Map.of("Order", file), LoadOptions.defaults()));
		assertThat(failure.errors().stream().map(DataError::toText).collect(Collectors.joining("\n"))).isEqualTo(file
				+ ":2:2: error bad-data: Order.qty: row 2, column \"qty\" (INTEGER): \"-1\" is not a count (a whole number >= 0)");
		assertThat(failure.isBadRow()).isTrue();
	}

	@Test
	void aMissingColumnNamesTheSchema() throws Exception {
		Path file = parquet(dir, ROWS.replace("discount, region)", "rebate, region)"));
		DataLoadException failure = catchThrowableOfType(DataLoadException.class,
				() -> DataLoader.load(template(SourceFormat.PLAIN), Map.of("Order", file), LoadOptions.defaults()));
		assertThat(failure.getMessage()).isEqualTo(file + ": error bad-data: Order.discount: Parquet schema: missing"
				+ " column \"discount\" in " + file + "; its columns are orderId, qty, amount, weight, paid, shippedOn,"
				+ " createdAt, loggedAt, rebate, region; map the field to its column in the template: data Order {"
				+ " discount = \"…\" }");
	}

	@Test
	void aFileThatIsNoParquetSaysSo() throws Exception {
		Path file = Files.writeString(dir.resolve("orders.parquet"), "orderId,qty\nA1,2\n");
		DataLoadException failure = catchThrowableOfType(DataLoadException.class,
				() -> DataLoader.load(template(SourceFormat.PLAIN), Map.of("Order", file), LoadOptions.defaults()));
		assertThat(failure.getMessage()).startsWith(file + ": error bad-data: Order: " + file
				+ " is not a readable Parquet file: ");
	}

	private static String dump(Table table) {
		return TableDumps.dump(table, ZoneId.of(ZONE));
	}
}
