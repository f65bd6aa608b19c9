package io.yardstick.engines.spark;

import io.yardstick.dsl.generator.sql.SourceTable;
import io.yardstick.dsl.generator.sql.SparkDialect;
import io.yardstick.dsl.generator.sql.SqlDialect;
import io.yardstick.engines.Engine;
import io.yardstick.engines.ObjectRow;
import io.yardstick.engines.PushedRows;
import io.yardstick.runtime.data.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.RowEncoder;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Apache Spark SQL 4 in ANSI mode. Rows Yardstick loaded become temporary views named after their source:
 * on a local master views of Parquet files the engine writes once into a temporary folder, elsewhere (a
 * cluster, Spark Connect) views of the rows themselves; queries run with {@code spark.sql}. An engine either owns its session (stopped on close) or borrows one
 * (its views dropped on close), since a session takes many seconds to start.
 *
 * <p>The class uses only Spark's SQL API (the abstract {@link SparkSession}, {@link Row}, the types), which both
 * classic Spark ({@code spark-sql}) and the Spark Connect client ship: the same engine runs in this JVM or, over
 * {@code sc://}, on a Spark Connect server, with whichever of the two is on the class path.
 */
public final class SparkEngine implements Engine {
	/** The master when none is given: two local threads. */
	public static final String DEFAULT_MASTER = "local[2]";
	/** How a Spark Connect server's address begins. */
	public static final String CONNECT_SCHEME = "sc://";
	/** The port of {@code sc://host} without one, as Spark Connect defines it. */
	private static final int CONNECT_DEFAULT_PORT = 15002;
	/** How long a Spark Connect server may take to accept a connection. */
	private static final int REACH_MILLIS = 10_000;
	/** The Spark Connect client's session, present only when the client jar is on the class path. */
	private static final String CONNECT_SESSION = "org.apache.spark.sql.connect.SparkSession";

	private final SparkSession spark;
	private final boolean owned;
	private final Path warehouse;
	private final String described;
	/** Whether pushed rows go through Parquet files: only where the executors share this JVM's file system. */
	private final boolean rowFiles;
	private final Set<String> views = new LinkedHashSet<>();
	/** The folder of each view's files, under {@link #rowFolder}. */
	private final Map<String, Path> pushedFiles = new HashMap<>();
	/** A temporary folder, made at the first push to files and deleted on close. */
	private Path rowFolder;
	private int pushes;

	private SparkEngine(SparkSession spark, boolean owned, Path warehouse, String master, boolean rowFiles) {
		this.spark = spark;
		this.owned = owned;
		this.warehouse = warehouse;
		this.described = "Spark " + spark.version() + " (" + master + ")";
		this.rowFiles = rowFiles;
	}

	private static boolean local(String master) {
		return master.startsWith("local");
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
		if (chosen.startsWith(CONNECT_SCHEME)) {
			return connect(chosen);
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
			return new SparkEngine(session(chosen, warehouse), true, warehouse, chosen, local(chosen));
		} catch (RuntimeException | LinkageError e) {
			deleteQuietly(warehouse);
			throw new SQLException("cannot start Spark (" + chosen + "): " + e, e);
		}
	}

	/**
	 * A session of its own on a Spark Connect server ({@code sc://host:port}, with the server's own parameters
	 * after it), owned by the engine: closing it ends the session, and the server drops its views. Only the
	 * session's SQL settings can be chosen from here; the server keeps its own master, warehouse and catalog.
	 */
	private static SparkEngine connect(String url) throws SQLException {
		String shown = withoutParameters(url);
		try {
			Class.forName(CONNECT_SESSION, false, SparkEngine.class.getClassLoader());
		} catch (ClassNotFoundException e) {
			throw new SQLException("Spark Connect (" + shown + ") needs its client on the class path, which the classic "
					+ "engine's script leaves out: run plugins/engine-spark-connect/yardstick-spark-connect "
					+ "(docs/engines.md#spark-connect)", e);
		}
		reachable(shown);
		try {
			// create(), not getOrCreate(): a session of the run's own, whose views no other run sees.
			SparkSession session = SparkSession.builder().remote(url).config("spark.sql.ansi.enabled", "true")
					.config("spark.sql.datetime.java8API.enabled", "true").create();
			return new SparkEngine(session, true, null, shown, false);
		} catch (RuntimeException | LinkageError e) {
			throw new SQLException("cannot open a Spark Connect session at " + shown + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Fails at once when nothing listens at the server's address: the client would otherwise retry for minutes
	 * before it gives up.
	 */
	private static void reachable(String shown) throws SQLException {
		String address = shown.substring(CONNECT_SCHEME.length());
		int colon = address.lastIndexOf(':');
		String host = colon > address.lastIndexOf(']') ? address.substring(0, colon) : address;
		int port = CONNECT_DEFAULT_PORT;
		if (colon > address.lastIndexOf(']')) {
			try {
				port = Integer.parseInt(address.substring(colon + 1));
			} catch (NumberFormatException e) {
				throw new SQLException("Spark Connect: " + shown + " has no port number after its host", e);
			}
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host.replace("[", "").replace("]", ""), port), REACH_MILLIS);
		} catch (IOException e) {
			throw new SQLException("no Spark Connect server answers at " + shown + ": " + e.getMessage(), e);
		}
	}

	/** A Spark Connect URL without what follows its host and port: a token among the parameters is a secret. */
	public static String withoutParameters(String url) {
		int end = url.length();
		for (char separator : new char[] {'/', ';', '?'}) {
			int at = url.indexOf(separator, CONNECT_SCHEME.length());
			if (at >= 0) {
				end = Math.min(end, at);
			}
		}
		return url.substring(0, end);
	}

	/** Whether the JDK opens its internals to Spark: without the flags Spark fails deep inside its start-up. */
	private static boolean opened() {
		Module spark = SparkSession.class.getModule();
		Module base = Object.class.getModule();
		return base.isOpen("sun.nio.ch", spark) && base.isOpen("java.nio", spark) && base.isOpen("sun.util.calendar", spark);
	}

	/** An engine on a session someone else owns and stops: many runs share one session's start-up. */
	public static SparkEngine over(SparkSession spark) {
		String master = spark.sparkContext().master();
		return new SparkEngine(spark, false, null, master, local(master));
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
		if (local(master)) {
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
		StructType schema = DataTypes.createStructType(fields);
		try {
			if (rowFiles) {
				pushToFiles(table.name(), pushed, schema);
			} else {
				// A lenient encoder takes LocalDate and Instant whatever the session's java8API setting: the Connect
				// client encodes rows on this side, before the server's settings apply.
				spark.createDataset(rows(pushed), RowEncoder.encoderFor(schema, true)).toDF()
						.createOrReplaceTempView(table.name());
			}
		} catch (RuntimeException e) {
			throw failure("cannot make a view of " + table.name(), e);
		}
		views.add(table.name());
		return new SourceTable(List.of(table.name()), Map.of(), times);
	}

	/**
	 * Writes the rows to Parquet files in a temporary folder and makes the view read them. A view over the rows
	 * themselves would be a local relation that the driver holds, that every rule of Spark's analyzer and
	 * optimizer walks, and that every query ships to the tasks again (about 76 MB a task at a million rows);
	 * the files are written once, from the loader's columns, and read column by column, in parallel. A source
	 * pushed again replaces its files.
	 */
	private void pushToFiles(String name, PushedRows pushed, StructType schema) {
		Path folder = rowFolder().resolve("rows-" + pushes++);
		try {
			Files.createDirectory(folder);
			ParquetRows.write(pushed, folder);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot write the rows of " + name + " for Spark: " + e.getMessage(), e);
		}
		spark.read().schema(schema).parquet(folder.toUri().toString()).createOrReplaceTempView(name);
		Path replaced = pushedFiles.put(name, folder);
		if (replaced != null) {
			deleteQuietly(replaced);
		}
	}

	private Path rowFolder() {
		if (rowFolder == null) {
			try {
				rowFolder = Files.createTempDirectory("yardstick-spark-rows");
			} catch (IOException e) {
				throw new UncheckedIOException("cannot make a folder for the pushed rows: " + e.getMessage(), e);
			}
		}
		return rowFolder;
	}

	private static List<Row> rows(PushedRows pushed) {
		List<Row> rows = new ArrayList<>(pushed.rows());
		for (int row = 0; row < pushed.rows(); row++) {
			rows.add(RowFactory.create(pushed.cells(row)));
		}
		return rows;
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
		try {
			if (owned) {
				spark.stop();
				if (warehouse != null) {
					deleteQuietly(warehouse);
				}
			} else {
				views.forEach(view -> spark.catalog().dropTempView(view));
			}
		} finally {
			if (rowFolder != null) {
				deleteQuietly(rowFolder);
			}
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
	private static final class SparkRow extends ObjectRow {
		private Row current;

		@Override
		protected Object valueOf(String column) throws SQLException {
			int index;
			try {
				index = current.fieldIndex(column);
			} catch (IllegalArgumentException e) {
				throw new SQLException("no column " + column + " in " + Arrays.toString(current.schema().fieldNames()), e);
			}
			return current.get(index);
		}
	}
}
