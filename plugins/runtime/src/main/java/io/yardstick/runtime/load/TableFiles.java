package io.yardstick.runtime.load;

import io.yardstick.runtime.load.LoadReport.SourceReport;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.SourceFormat;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.text.Texts;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Data files that are not CSV: chosen by extension ({@code .xlsx}, and whatever {@link TableFileReader}s the
 * class path brings, such as {@code .parquet}), read by their reader and written as a temporary UTF-8 CSV
 * copy that the loader reads like any other file. Typed values (numbers, dates, booleans) are written so that
 * the source's {@code data} block reads them back as they were; text values are written as they are, so they
 * go through the block's patterns and separators like a CSV cell. Then the positions of the copy are told
 * back in the file's own terms: every error names the sheet or row, the column and its header.
 */
final class TableFiles {
	/** Between a workbook's file name and a sheet in a binding: {@code --bind Order=orders.xlsx#订单}. */
	static final char PART = '#';

	private TableFiles() {
	}

	/**
	 * The reader of the bound file by its extension, or null for a CSV (or any other text) file.
	 *
	 * @throws DataLoadException for a workbook when the Excel reader is not on the class path
	 */
	static TableFileReader readerFor(Path bound, String source, Texts texts) {
		String name = fileOf(bound).getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".xlsx")) {
			try {
				Class.forName("org.dhatim.fastexcel.reader.ReadableWorkbook", false, TableFiles.class.getClassLoader());
			} catch (ClassNotFoundException | LinkageError e) {
				throw fileError(bound, source, texts.get("table.needsExcelReader"));
			}
			return new XlsxReader();
		}
		for (TableFileReader reader : ServiceLoader.load(TableFileReader.class, TableFiles.class.getClassLoader())) {
			for (String extension : reader.extensions()) {
				if (name.endsWith(extension)) {
					return reader;
				}
			}
		}
		if (name.endsWith(".parquet")) {
			throw fileError(bound, source, texts.get("table.needsEngines"));
		}
		return null;
	}

	/**
	 * The file a binding names: {@code orders.xlsx#订单} is {@code orders.xlsx} unless a file is really named
	 * so.
	 */
	static Path fileOf(Path bound) {
		String name = bound.getFileName() == null ? "" : bound.getFileName().toString();
		int part = name.lastIndexOf(PART);
		if (part <= 0 || Files.exists(bound)) {
			return bound;
		}
		return bound.resolveSibling(name.substring(0, part));
	}

	/** The part a binding names after {@code #}, else the source's {@code sheet} setting, else null. */
	static String partOf(Path bound, SourceFormat format) {
		Path file = fileOf(bound);
		if (!file.equals(bound)) {
			return bound.getFileName().toString().substring(file.getFileName().toString().length() + 1);
		}
		return format.settings().get(SourceFormat.SHEET);
	}

	/**
	 * Writes the bound file's table as a temporary CSV file.
	 *
	 * @throws DataLoadException when the file is missing, unreadable or has no such part
	 */
	static Copy copy(TableFileReader reader, Path bound, SourceSpec source, ZoneId zone, Texts texts) {
		Path file = fileOf(bound);
		String name = source.name();
		if (!Files.exists(file)) {
			throw fileError(bound, name, Hints.fileNotFound(file, name, texts));
		}
		Path csv;
		try {
			csv = Files.createTempFile("yardstick-" + name + "-", ".csv");
		} catch (IOException e) {
			throw fileError(bound, name, texts.get("table.cannotCopy", file, e.getMessage()));
		}
		Copy copy = new Copy(bound, csv, source, zone, texts);
		boolean done = false;
		try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
			copy.out = out;
			reader.read(file, partOf(bound, source.format()), copy);
			if (copy.places == null) {
				throw fileError(bound, name, texts.get("load.emptyFile"));
			}
			done = true;
			return copy;
		} catch (NoSuchFileException e) {
			throw fileError(bound, name, Hints.fileNotFound(file, name, texts));
		} catch (IOException | RuntimeException e) {
			if (e instanceof DataLoadException loadError) {
				throw loadError;
			}
			String why = e.getMessage() == null ? e.toString() : e.getMessage();
			throw fileError(bound, name, e instanceof IllegalArgumentException ? why : texts.get("load.cannotRead", file, why));
		} finally {
			copy.out = null;
			if (!done) {
				Transcoding.delete(csv);
			}
		}
	}

	private static DataLoadException fileError(Path bound, String source, String message) {
		return new DataLoadException(new DataError(bound, 0, 0, source, null, message));
	}

	/**
	 * A table written as CSV, with what it takes to tell the copy's lines and columns in the file's terms.
	 * The copy's line 1 is the header; every row is one record, but a text holding line breaks takes more than
	 * one line, so the row of a line is kept where the two stop moving together.
	 */
	static final class Copy implements TableFileReader.Sink {
		private final Path bound;
		private final String sourceName;
		private final Path csv;
		private final ZoneId zone;
		private final SourceFormat format;
		private final Map<String, FieldSpec> fieldOfColumn = new HashMap<>();
		private Writer out;
		private TableFileReader.Places places;
		private final List<String> wanted = new ArrayList<>();
		private long headerRow;
		private List<String> columns;
		private FieldSpec[] fields;
		/** The character column where each header cell starts on the copy's first line. */
		private int[] headerColumns;
		private long line = 1;
		/** Lines from which on a line's row is {@code line + offset}: parallel arrays, ascending lines. */
		private long[] anchorLines = new long[8];
		private long[] anchorOffsets = new long[8];
		private int anchors;
		private final StringBuilder record = new StringBuilder();
		private final Texts texts;
		/** A duplicate key's earlier line, in the copy's terms: {@code (first on line 7)} in the run's language. */
		private final java.util.regex.Pattern firstOnLine;

		Copy(Path bound, Path csv, SourceSpec source, ZoneId zone, Texts texts) {
			this.texts = texts;
			String[] around = texts.get("load.firstOnLine", "\u0000").split("\u0000", -1);
			this.firstOnLine = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(around[0]) + "(\\d+)"
					+ java.util.regex.Pattern.quote(around[1]) + "$");
			this.bound = bound;
			this.sourceName = source.name();
			this.csv = csv;
			this.zone = zone;
			this.format = source.format();
			for (FieldSpec field : source.fields()) {
				fieldOfColumn.putIfAbsent(format.column(field.name()), field);
				wanted.add(format.column(field.name()));
			}
		}

		/** The CSV copy; the loader deletes it once read. */
		Path csv() {
			return csv;
		}

		@Override
		public List<String> wanted() {
			return wanted;
		}

		@Override
		public String language() {
			return texts.language();
		}

		@Override
		public void header(long row, List<String> names, TableFileReader.Places where) throws IOException {
			this.headerRow = row;
			this.places = where;
			this.columns = List.copyOf(names);
			this.fields = new FieldSpec[names.size()];
			this.headerColumns = new int[names.size()];
			record.setLength(0);
			int at = 1;
			for (int c = 0; c < names.size(); c++) {
				fields[c] = fieldOfColumn.get(names.get(c).strip());
				if (c > 0) {
					record.append(',');
					at++;
				}
				headerColumns[c] = at;
				int before = record.length();
				appendCell(names.get(c));
				at += record.codePointCount(before, record.length());
			}
			out.write(record.append('\n').toString());
			line = 2;
		}

		@Override
		public void row(long number, List<Object> values) throws IOException {
			record.setLength(0);
			String[] texts = new String[values.size()];
			int last = -1;
			for (int c = 0; c < values.size(); c++) {
				Object value = values.get(c);
				texts[c] = value == null ? "" : render(value, c < fields.length ? fields[c] : null);
				if (!texts[c].isEmpty()) {
					last = c;
				}
			}
			if (last < 0) {
				return;
			}
			// a row is as wide as the header, or wider when a cell past the header's columns holds something
			int width = Math.max(columns.size(), last + 1);
			for (int c = 0; c < width; c++) {
				if (c > 0) {
					record.append(',');
				}
				appendCell(c < texts.length ? texts[c] : "");
			}
			long offset = number - line;
			if (anchors == 0 || anchorOffsets[anchors - 1] != offset) {
				if (anchors == anchorLines.length) {
					anchorLines = Arrays.copyOf(anchorLines, anchors * 2);
					anchorOffsets = Arrays.copyOf(anchorOffsets, anchors * 2);
				}
				anchorLines[anchors] = line;
				anchorOffsets[anchors++] = offset;
			}
			line += 1 + lineBreaks(record);
			out.write(record.append('\n').toString());
		}

		private static int lineBreaks(CharSequence text) {
			int breaks = 0;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
					breaks++;
				}
			}
			return breaks;
		}

		private void appendCell(String text) {
			boolean quote = false;
			for (int i = 0; i < text.length() && !quote; i++) {
				char c = text.charAt(i);
				quote = c == ',' || c == '"' || c == '\n' || c == '\r';
			}
			if (!quote) {
				record.append(text);
				return;
			}
			record.append('"').append(text.replace("\"", "\"\"")).append('"');
		}

		/**
		 * A typed value as the source's format reads it back: a number with its decimal separator, a time in
		 * ISO 8601 (which the loader takes in a copy whatever the pattern of the texts), a bool as
		 * {@code true} or {@code false}. An instant becomes the template zone's local time when that names it
		 * exactly, else it keeps its offset ({@code Z}).
		 */
		String render(Object value, FieldSpec field) {
			FieldType type = field == null ? null : field.type();
			if (value instanceof String text) {
				return text;
			}
			if (value instanceof Boolean flag) {
				return flag ? "true" : "false";
			}
			if (value instanceof Number number) {
				return number(number, type);
			}
			if (value instanceof Instant instant) {
				LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
				return ZonedDateTime.ofLocal(local, zone, null).toInstant().equals(instant) ? render(local, field)
						: instant.toString();
			}
			if (value instanceof LocalDateTime time) {
				if (time.toLocalTime().equals(LocalTime.MIDNIGHT)) {
					return type == FieldType.DATE ? time.toLocalDate().toString() : time.toLocalDate() + "T00:00";
				}
				return time.toString();
			}
			return value.toString();
		}

		private String number(Number number, FieldType type) {
			String plain;
			if (number instanceof Double || number instanceof Float) {
				double d = number.doubleValue();
				plain = Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : Double.toString(d);
			} else if (number instanceof BigDecimal decimal) {
				plain = decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
			} else {
				plain = number.toString();
			}
			boolean numeric = type != null && type != FieldType.TEXT && type != FieldType.REFERENCE && type != FieldType.ENUM;
			return numeric && format.decimalSeparator() != '.' ? plain.replace('.', format.decimalSeparator()) : plain;
		}

		/** The row of a line of the copy: the file's own row number. */
		long rowOf(long copyLine) {
			int at = Arrays.binarySearch(anchorLines, 0, anchors, copyLine);
			int anchor = at >= 0 ? at : -at - 2;
			return anchor < 0 ? copyLine : copyLine + anchorOffsets[anchor];
		}

		/** The error told in the file's terms: its row, its column's number, and where that is. */
		DataError translate(DataError error) {
			if (error.line() <= 0 || places == null) {
				return error;
			}
			if (error.line() == 1) {
				int column = error.field() != null ? columnOf(error.field()) : headerColumnAt(error.column());
				return new DataError(error.file(), headerRow, column + 1, error.source(), error.field(),
						texts.get("table.at", places.header(), error.message()));
			}
			long row = rowOf(error.line());
			int column = error.field() != null ? columnOf(error.field()) : -1;
			String place = column >= 0 ? places.cell(row, column) : places.row(row);
			java.util.regex.Matcher first = firstOnLine.matcher(error.message());
			String message = first.find() ? first.replaceFirst(java.util.regex.Matcher.quoteReplacement(
					texts.get("load.firstInRow", rowOf(Long.parseLong(first.group(1)))))) : error.message();
			return new DataError(error.file(), row, column + 1, error.source(), error.field(),
					texts.get("table.at", place, message));
		}

		private int columnOf(String fieldName) {
			String column = format.column(fieldName);
			for (int c = 0; c < columns.size(); c++) {
				if (columns.get(c).strip().equals(column)) {
					return c;
				}
			}
			return -1;
		}

		private int headerColumnAt(int characterColumn) {
			int column = -1;
			for (int c = 0; c < headerColumns.length && headerColumns[c] <= characterColumn; c++) {
				column = c;
			}
			return column;
		}

		DataLoadException translate(DataLoadException failure) {
			List<DataError> errors = failure.errors().stream().map(this::translate).toList();
			return failure.isBadRow() ? DataLoadException.badRow(errors.get(0)) : new DataLoadException(errors);
		}

		/**
		 * The report in the file's terms: its errors' places, and the quarantine's lines as rows. A cell holding
		 * line breaks is no warning here: the warning is about stray quotes, which a workbook or a Parquet file
		 * cannot have.
		 */
		SourceReport translate(SourceReport report) throws IOException {
			if (report.quarantineFile() != null) {
				Quarantine.renumber(report.quarantineFile(), this::rowOf);
			}
			return new SourceReport(report.source(), report.file(), report.rowsRead(), report.rowsLoaded(),
					report.rowsRejected(), report.quarantineFile(), report.ignoredColumns(),
					report.firstErrors().stream().map(this::translate).toList(), report.millis(), report.lines(),
					report.blankLines(), report.continuationLines(), 0, List.of());
		}

		void delete() {
			Transcoding.delete(csv);
		}

		Path bound() {
			return bound;
		}

		String sourceName() {
			return sourceName;
		}
	}
}
