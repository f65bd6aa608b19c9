package io.yardstick.runtime.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a data file that is not CSV (an Excel workbook, a Parquet file) as a header and rows of typed values.
 * The loader picks the reader by the file's extension and writes what it reads into a temporary CSV file that
 * it loads like any other, so every kind, the {@code data} block's patterns and separators, and the bad-row
 * discipline are the CSV loader's. Readers with heavy dependencies live beside those dependencies and are
 * found with {@link java.util.ServiceLoader} ({@code META-INF/services/io.yardstick.runtime.load.TableFileReader}).
 */
public interface TableFileReader {

	/** The file name endings it reads, lower case with their dot: {@code .parquet}. */
	List<String> extensions();

	/**
	 * Reads the file, telling the sink its header once and then its rows in file order.
	 *
	 * @param part the part of the file to read (an Excel sheet's name), or null for the first or only one
	 * @throws IOException when the file cannot be read
	 * @throws IllegalArgumentException when the part is not in the file, or the file is not of the reader's
	 *     format; its message says what the file holds instead
	 */
	void read(Path file, String part, Sink sink) throws IOException;

	/** Where a reader's rows go. */
	interface Sink {
		/**
		 * The columns the source reads, by their headers: a reader whose header may be below other rows (a
		 * title over a sheet's table) takes the first row that names them all.
		 */
		List<String> wanted();

		/**
		 * The language the places and errors of the file are told in ({@code en} or {@code zh}, see
		 * {@link LoadTexts}): the run's.
		 */
		default String language() {
			return "en";
		}

		/**
		 * The names of the columns, in file order, and where each one is.
		 *
		 * @param row the header's row in the file, or 0 when it is no row (a Parquet schema)
		 * @param columns the header's names; an empty name for a column without one
		 * @param places how a message names each column and a row in it, see {@link Places}
		 */
		void header(long row, List<String> columns, Places places) throws IOException;

		/**
		 * One row: its number as the file's own reader would show it (an Excel row, a Parquet row from 1), and
		 * its values by column, each null, a {@link String}, a {@link Boolean}, a {@link Number}, a
		 * {@link java.time.LocalDate}, a {@link java.time.LocalDateTime} (a local time, in the template's zone)
		 * or an {@link java.time.Instant}. A row of nothing but nulls and empty texts is no record.
		 */
		void row(long number, List<Object> values) throws IOException;
	}

	/** How messages name a place in the file. */
	interface Places {
		/** {@code sheet "订单", cell E3 (下单时间)} or {@code row 17, column "amount" (DECIMAL(10,2))}. */
		String cell(long row, int column);

		/** {@code sheet "订单", row 3} or {@code row 17}. */
		String row(long row);

		/** {@code sheet "订单", header (row 1)} or {@code the schema}. */
		String header();
	}
}
