package io.yardstick.engines.spark;

import io.yardstick.dsl.generator.sql.SourceTable;
import io.yardstick.dsl.generator.sql.SparkDialect;
import io.yardstick.dsl.generator.sql.SqlDialect;
import io.yardstick.engines.Engine;
import io.yardstick.engines.EngineRow;
import io.yardstick.engines.PushedRows;
import io.yardstick.runtime.data.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Apache Spark SQL 4 in ANSI mode. Rows Yardstick loaded become temporary views named after their source;
 * queries run with {@code spark.sql}. An engine either owns its session (stopped on close) or borrows one
 * (its views dropped on close), since a session takes many seconds to start.
 */
public final class SparkEngine implements Engine {
	/** The master when none is given: two local threads. */
	public static final String DEFAULT_MASTER = "local[2]";

	private final SparkSession spark;
	private final boolean owned;
	private final Path warehouse;
	private final String described;
	private final Set<String> views = new LinkedHashSet<>();

	private SparkEngine(SparkSession spark, boolean owned, Path warehouse, String master) {
		this.spark = spark;
		this.owned = owned;
		this.warehouse = warehouse;
		this.described = "Spark " + spark.version() + " (" + master + ")";
	}

	/**
	 * Starts a session in this JVM ({@code local[N]}, or a cluster manager's master URL when this JVM is a
	 * driver that can reach it), bound to 127.0.0.1 for a local master. The engine owns the session.
	 *
	 * @param master null for spark-submit's master, or else {@link #DEFAULT_MASTER}
	 */
	public static SparkEngine open(String master) throws SQLException {
		// spark-submit hands its --master to the driver as this system property.
		String chosen = master != null ? master : System.getProperty("spark.master", DEFAULT_MASTER);
		if (chosen.startsWith("sc://")) {
			throw new SQLException("Spark Connect (" + chosen + ") is not supported: its server could not be tested "
					+ "here (docs/engines.md#spark-connect); run Yardstick as the driver (spark-submit) instead");
		}
		if (!opened()) {
			throw new SQLException("Spark needs this JVM started with its --add-opens flags (docs/engines.md#running-on-spark)");
		}
		Path warehouse;
		try {
			warehouse = Files.createTempDirectory("yardstick-spark-warehouse");
		} catch (IOException e) {
			throw new SQLException("cannot make Spark's warehouse folder: " + e.getMessage(), e);
		}
		try {
			return new SparkEngine(session(chosen, warehouse), true, warehouse, chosen);
		} catch (RuntimeException | LinkageError e) {
			deleteQuietly(warehouse);
			throw new SQLException("cannot start Spark (" + chosen + "): " + e, e);
		}
	}

	/** Whether the JDK opens its internals to Spark: without the flags Spark fails deep inside its start-up. */
	private static boolean opened() {
		Module spark = SparkSession.class.getModule();
		Module base = Object.class.getModule();
		return base.isOpen("sun.nio.ch", spark) && base.isOpen("java.nio", spark) && base.isOpen("sun.util.calendar", spark);
	}

	/** An engine on a session someone else owns and stops: many runs share one session's start-up. */
	public static SparkEngine over(SparkSession spark) {
		return new SparkEngine(spark, false, null, spark.sparkContext().master());
	}

	/**
	 * A session as Yardstick needs it: ANSI mode (an error is an error, never a silent null), Java time
	 * types for dates and instants, no web UI. A local master also gets loopback addresses, few shuffle
	 * partitions (the data it sees is small) and the warehouse of {@code periods.sql}'s table in the given
	 * temporary folder; a cluster keeps its own warehouse.
	 */
	public static SparkSession session(String master, Path warehouse) {
		SparkSession.Builder builder = SparkSession.builder().appName("yardstick").master(master)
				.config("spark.sql.ansi.enabled", "true")
				.config("spark.sql.datetime.java8API.enabled", "true")
				.config("spark.ui.enabled", "false");
		if (master.startsWith("local")) {
			builder.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
					.config("spark.sql.shuffle.partitions", "2")
					.config("spark.sql.warehouse.dir", warehouse.toUri().toString());
		}
		return builder.getOrCreate();
	}

	public SparkSession session() {
		return spark;
	}

	@Override
	public SqlDialect dialect() {
		return SparkDialect.INSTANCE;
	}

	@Override
	public String describe() {
		return described;
	}

	@Override
	public void prepare(ZoneId zone) throws SQLException {
		for (String setup : dialect().sessionSetup(zone)) {
			execute(setup);
		}
	}

	@Override
	public SourceTable push(Table table, ZoneId zone, Map<String, Table> referenced, SourceTable.TimeStorage times)
			throws SQLException {
		PushedRows pushed = new PushedRows(table, zone, referenced, times);
		List<StructField> fields = new ArrayList<>();
		for (PushedRows.Column column : pushed.columns()) {
			fields.add(DataTypes.createStructField(column.name(), type(column.kind()), true));
		}
		List<Row> rows = new ArrayList<>(pushed.rows());
		for (int row = 0; row < pushed.rows(); row++) {
			rows.add(RowFactory.create(pushed.cells(row)));
		}
		try {
			spark.createDataFrame(rows, DataTypes.createStructType(fields)).createOrReplaceTempView(table.name());
		} catch (RuntimeException e) {
			throw failure("cannot make a view of " + table.name(), e);
		}
		views.add(table.name());
		return new SourceTable(List.of(table.name()), Map.of(), times);
	}

	/** Spark's type of a pushed column: with the Java 8 time API, DATE holds LocalDate and TIMESTAMP Instant. */
	private static DataType type(PushedRows.Kind kind) {
		return switch (kind) {
			case DOUBLE -> DataTypes.DoubleType;
			case TEXT -> DataTypes.StringType;
			case BOOLEAN -> DataTypes.BooleanType;
			case MILLIS -> DataTypes.LongType;
			case DATE -> DataTypes.DateType;
			case INSTANT -> DataTypes.TimestampType;
		};
	}

	@Override
	public List<String> columns(List<String> table) throws SQLException {
		String name = table.stream().map(dialect()::quote).collect(Collectors.joining("."));
		try {
			if (!spark.catalog().tableExists(String.join(".", table))) {
				return List.of();
			}
			StructType schema = spark.table(name).schema();
			return List.of(schema.fieldNames());
		} catch (RuntimeException e) {
			throw failure("cannot read the columns of " + String.join(".", table), e);
		}
	}

	@Override
	public java.util.Set<String> localTimestampColumns(List<String> table) throws SQLException {
		String name = table.stream().map(dialect()::quote).collect(Collectors.joining("."));
		try {
			java.util.Set<String> local = new java.util.TreeSet<>();
			for (org.apache.spark.sql.types.StructField field : spark.table(name).schema().fields()) {
				if (field.dataType() instanceof org.apache.spark.sql.types.TimestampNTZType) {
					local.add(field.name());
				}
			}
			return local;
		} catch (RuntimeException e) {
			throw failure("cannot read the columns of " + String.join(".", table), e);
		}
	}

	@Override
	public void execute(String sql) throws SQLException {
		try {
			spark.sql(sql).collectAsList();
		} catch (RuntimeException e) {
			throw failure("Spark refused the statement", e);
		}
	}

	@Override
	public void query(String sql, RowReader reader) throws SQLException {
		List<Row> rows;
		try {
			rows = spark.sql(sql).collectAsList();
		} catch (RuntimeException e) {
			throw failure("Spark refused the query", e);
		}
		SparkRow row = new SparkRow();
		for (Row next : rows) {
			row.current = next;
			reader.row(row);
		}
	}

	/** Spark throws unchecked exceptions (its AnalysisException among them); a run expects SQLException. */
	private static SQLException failure(String what, RuntimeException e) {
		return new SQLException(what + ": " + e.getMessage(), e);
	}

	@Override
	public void close() throws SQLException {
		if (owned) {
			spark.stop();
			deleteQuietly(warehouse);
		} else {
			views.forEach(view -> spark.catalog().dropTempView(view));
		}
	}

	private static void deleteQuietly(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		} catch (IOException e) {
			// a temporary folder that stays behind harms nothing
		}
	}

	/** A result row read by column name; numbers convert as JDBC's getters do. */
	private static final class SparkRow implements EngineRow {
		private Row current;
		private boolean lastNull;

		private Object value(String column) throws SQLException {
			int index;
			try {
				index = current.fieldIndex(column);
			} catch (IllegalArgumentException e) {
				throw new SQLException("no column " + column + " in " + Arrays.toString(current.schema().fieldNames()), e);
			}
			Object value = current.get(index);
			lastNull = value == null;
			return value;
		}

		private Number number(String column) throws SQLException {
			Object value = value(column);
			if (value == null) {
				return 0;
			}
			if (value instanceof Number number) {
				return number;
			}
			throw new SQLException("column " + column + " holds " + value.getClass().getSimpleName() + ", not a number");
		}

		@Override
		public int getInt(String column) throws SQLException {
			return number(column).intValue();
		}

		@Override
		public long getLong(String column) throws SQLException {
			return number(column).longValue();
		}

		@Override
		public double getDouble(String column) throws SQLException {
			return number(column).doubleValue();
		}

		@Override
		public String getString(String column) throws SQLException {
			Object value = value(column);
			return value == null ? null : value.toString();
		}

		@Override
		public boolean getBoolean(String column) throws SQLException {
			Object value = value(column);
			return value != null && (Boolean) value;
		}

		@Override
		public boolean wasNull() {
			return lastNull;
		}
	}
}
