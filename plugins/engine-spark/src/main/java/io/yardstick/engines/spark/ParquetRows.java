package io.yardstick.engines.spark;

import io.yardstick.engines.PushedRows;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Pushed rows as Parquet files that a local Spark session reads. Written here, straight from the loader's
 * columns, because every other way into Spark costs more than the query: a local relation of the rows is
 * walked by each analyzer and optimizer rule and shipped inside the tasks of every query, and a Spark job
 * that writes them still encodes and ships each row once. Uses only classes of classic Spark's class path
 * (parquet-hadoop), so the Spark Connect client never loads this class.
 */
final class ParquetRows {
	/** Rows per file: a local session reads the files of a source in parallel, about one per core. */
	static final int ROWS_PER_FILE = 250_000;

	private static final long MICROS_PER_SECOND = 1_000_000;

	private ParquetRows() {
	}

	/** The Parquet type of a pushed column, as Spark reads it back into the type {@code SparkEngine} gives it. */
	static Type type(PushedRows.Column column) {
		Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> type = switch (column.kind()) {
			case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE);
			case TEXT -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType());
			case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN);
			case MILLIS -> Types.optional(PrimitiveTypeName.INT64);
			case DATE -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType());
			case INSTANT -> Types.optional(PrimitiveTypeName.INT64)
					.as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
		};
		return type.named(column.name());
	}

	/**
	 * Writes the rows into {@code folder} (which must not hold Parquet files yet), {@link #ROWS_PER_FILE} rows a
	 * file and at least one file, so that an empty source is a view with no rows.
	 */
	static void write(PushedRows rows, Path folder) throws IOException {
		List<PushedRows.Column> columns = rows.columns();
		MessageType schema = new MessageType("row", columns.stream().map(ParquetRows::type).toList());
		int start = 0;
		int file = 0;
		do {
			int end = Math.min(rows.rows(), start + ROWS_PER_FILE);
			Path path = folder.resolve(String.format(java.util.Locale.ROOT, "part-%05d.parquet", file++));
			try (ParquetWriter<Object[]> writer = new Builder(path, schema).withConf(new PlainParquetConfiguration())
					// Files that live for one run, read once or a few times on this machine: no compression.
					.withCompressionCodec(CompressionCodecName.UNCOMPRESSED).withWriteMode(ParquetFileWriter.Mode.CREATE)
					.build()) {
				for (int row = start; row < end; row++) {
					writer.write(rows.cells(row));
				}
			}
			start = end;
		} while (start < rows.rows());
	}

	private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
		private final MessageType schema;

		Builder(Path path, MessageType schema) {
			super(new LocalOutputFile(path));
			this.schema = schema;
		}

		@Override
		protected Builder self() {
			return this;
		}

		@Override
		protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
			return new CellsWriteSupport(schema);
		}

		@Override
		protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
			return new CellsWriteSupport(schema);
		}
	}

	/** One row's cells ({@link PushedRows#cells}) as a Parquet record; a null cell is a missing field. */
	private static final class CellsWriteSupport extends WriteSupport<Object[]> {
		private final MessageType schema;
		private RecordConsumer consumer;

		CellsWriteSupport(MessageType schema) {
			this.schema = schema;
		}

		@Override
		public WriteContext init(Configuration configuration) {
			return new WriteContext(schema, new HashMap<>());
		}

		@Override
		public WriteContext init(ParquetConfiguration configuration) {
			return new WriteContext(schema, new HashMap<>());
		}

		@Override
		public void prepareForWrite(RecordConsumer recordConsumer) {
			this.consumer = recordConsumer;
		}

		@Override
		public void write(Object[] cells) {
			consumer.startMessage();
			for (int i = 0; i < cells.length; i++) {
				Object cell = cells[i];
				if (cell == null) {
					continue;
				}
				String name = schema.getFieldName(i);
				consumer.startField(name, i);
				if (cell instanceof Double number) {
					consumer.addDouble(number);
				} else if (cell instanceof String text) {
					consumer.addBinary(Binary.fromString(text));
				} else if (cell instanceof Boolean flag) {
					consumer.addBoolean(flag);
				} else if (cell instanceof Long millis) {
					consumer.addLong(millis);
				} else if (cell instanceof LocalDate date) {
					consumer.addInteger(Math.toIntExact(date.toEpochDay()));
				} else if (cell instanceof Instant instant) {
					consumer.addLong(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND),
							instant.getNano() / 1000));
				} else {
					throw new IllegalArgumentException("a cell of " + cell.getClass().getName());
				}
				consumer.endField(name, i);
			}
			consumer.endMessage();
		}
	}
}
