package io.yardstick.runtime.load;

import io.yardstick.runtime.text.Texts;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Excel workbooks ({@code .xlsx}): a named sheet or the first one. The header is the first row that names
 * every column the source reads, among the sheet's first 20 rows that hold anything, so a title or notes above
 * the table are skipped; without such a row it is the first of the widest of those rows. Columns start at A. Cells keep the type Excel gave them: numbers, booleans, text, and
 * numbers shown as dates or times (by their number format), which are serial days in the workbook's 1900 or
 * 1904 date system. A formula cell gives its cached result; an error cell ({@code #N/A}) its text.
 */
final class XlsxReader implements TableFileReader {
	private static final long MILLIS_A_DAY = 86_400_000L;
	/** Rows above a table (a title, notes) looked through for its header at most. */
	private static final int HEADER_ROWS = 20;

	@Override
	public List<String> extensions() {
		return List.of(".xlsx");
	}

	@Override
	public void read(Path file, String sheetName, Sink sink) throws IOException {
		Texts texts = LoadTexts.of(sink.language());
		try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
			Sheet sheet = sheetOf(workbook, file, sheetName, texts);
			boolean date1904 = workbook.isDate1904() || declaresDate1904(file);
			String shownSheet = texts.get("xlsx.sheet", sheet.getName());
			List<String> columns = null;
			List<Row> above = new ArrayList<>();
			try (Stream<Row> rows = sheet.openStream()) {
				for (Row row : (Iterable<Row>) rows::iterator) {
					if (columns != null) {
						sink.row(row.getRowNum(), values(row, date1904));
						continue;
					}
					List<Object> values = values(row, date1904);
					if (values.stream().allMatch(XlsxReader::isBlank)) {
						continue;
					}
					above.add(row);
					if (header(values).containsAll(sink.wanted()) || above.size() == HEADER_ROWS) {
						columns = startTable(above, sink, shownSheet, date1904, texts);
					}
				}
			}
			if (columns == null && !above.isEmpty()) {
				startTable(above, sink, shownSheet, date1904, texts);
			}
		} catch (org.dhatim.fastexcel.reader.ExcelReaderException e) {
			throw new IllegalArgumentException(texts.get("xlsx.unreadable", file, e.getMessage()), e);
		}
	}

	/**
	 * Starts the table at the last of the rows read so far when it names every wanted column; else at the
	 * first of the widest of them, whose missing columns are then reported. The rows after the header are the
	 * table's first rows; the rows above it are its title.
	 */
	private static List<String> startTable(List<Row> above, Sink sink, String sheet, boolean date1904,
			Texts texts) throws IOException {
		int header = above.size() - 1;
		if (!header(values(above.get(header), date1904)).containsAll(sink.wanted())) {
			header = 0;
			for (int r = 1; r < above.size(); r++) {
				if (width(above.get(r), date1904) > width(above.get(header), date1904)) {
					header = r;
				}
			}
		}
		Row first = above.get(header);
		List<String> columns = header(values(first, date1904));
		sink.header(first.getRowNum(), columns, places(sheet, columns, first.getRowNum(), texts));
		for (Row row : above.subList(header + 1, above.size())) {
			sink.row(row.getRowNum(), values(row, date1904));
		}
		return columns;
	}

	private static long width(Row row, boolean date1904) {
		return values(row, date1904).stream().filter(value -> !isBlank(value)).count();
	}

	private static List<Object> values(Row row, boolean date1904) {
		List<Object> values = new ArrayList<>(row.getCellCount());
		for (int c = 0; c < row.getCellCount(); c++) {
			values.add(value(row.getCell(c), date1904));
		}
		return values;
	}

	private static boolean isBlank(Object value) {
		return value == null || value.toString().isBlank();
	}

	private static final java.util.regex.Pattern DATE_1904 = java.util.regex.Pattern
			.compile("<(?:\\w+:)?workbookPr\\b[^>]*\\bdate1904=\"(?:1|true)\"");

	/**
	 * Whether the workbook counts days from 1904. Excel writes {@code date1904="1"}, which the reader's own
	 * check (it takes only {@code "true"}) misses.
	 */
	private static boolean declaresDate1904(Path file) throws IOException {
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
			java.util.zip.ZipEntry entry = zip.getEntry("xl/workbook.xml");
			if (entry == null) {
				return false;
			}
			try (java.io.InputStream in = zip.getInputStream(entry)) {
				String xml = new String(in.readNBytes(1 << 16), java.nio.charset.StandardCharsets.UTF_8);
				return DATE_1904.matcher(xml).find();
			}
		}
	}

	private static Sheet sheetOf(ReadableWorkbook workbook, Path file, String name, Texts texts) {
		if (name == null) {
			return workbook.getFirstSheet();
		}
		Optional<Sheet> sheet = workbook.findSheet(name);
		if (sheet.isPresent()) {
			return sheet.get();
		}
		throw new IllegalArgumentException(texts.get("xlsx.noSheet", name, file,
				workbook.getSheets().map(each -> "\"" + each.getName() + "\"").collect(Collectors.joining(", "))));
	}

	private static List<String> header(List<Object> values) {
		List<String> names = new ArrayList<>();
		int last = values.size() - 1;
		while (last >= 0 && isBlank(values.get(last))) {
			last--;
		}
		for (int c = 0; c <= last; c++) {
			Object value = values.get(c);
			names.add(value == null ? "" : value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString()
					: value.toString().strip());
		}
		return names;
	}

	private static Places places(String sheet, List<String> columns, int headerRow, Texts texts) {
		return new Places() {
			@Override
			public String cell(long row, int column) {
				String name = column < columns.size() ? columns.get(column) : "";
				return texts.get("xlsx.cell", sheet, letters(column) + row, name.isEmpty() ? "" : texts.get("xlsx.column", name));
			}

			@Override
			public String row(long row) {
				return texts.get("xlsx.row", sheet, row);
			}

			@Override
			public String header() {
				return texts.get("xlsx.header", sheet, headerRow);
			}
		};
	}

	/** The letters of a column from 0: A, …, Z, AA, …. */
	static String letters(int column) {
		StringBuilder letters = new StringBuilder();
		for (int c = column + 1; c > 0; c = (c - 1) / 26) {
			letters.insert(0, (char) ('A' + (c - 1) % 26));
		}
		return letters.toString();
	}

	private static Object value(Cell cell, boolean date1904) {
		if (cell == null) {
			return null;
		}
		Object value = cell.getValue();
		CellType type = cell.getType();
		if (type == CellType.EMPTY || value == null) {
			return null;
		}
		if (type == CellType.ERROR) {
			return cell.getRawValue();
		}
		if (value instanceof BigDecimal number) {
			return isDateFormat(cell.getDataFormatId(), cell.getDataFormatString()) ? fromSerial(number, date1904) : number;
		}
		return value;
	}

	/**
	 * Serial days as a local time: day 1 is 1900-01-01 in the 1900 system (which counts a 29 February 1900
	 * that never was, so days from 61 on are one less), day 0 is 1904-01-01 in the 1904 system; the fraction is
	 * the time of day, to the millisecond. A whole number is a date.
	 */
	static Object fromSerial(BigDecimal serial, boolean date1904) {
		long days = serial.setScale(0, RoundingMode.FLOOR).longValueExact();
		long millis = serial.subtract(BigDecimal.valueOf(days)).multiply(BigDecimal.valueOf(MILLIS_A_DAY))
				.setScale(0, RoundingMode.HALF_UP).longValueExact();
		LocalDate day = date1904 ? LocalDate.of(1904, 1, 1).plusDays(days)
				: LocalDate.of(1899, 12, 31).plusDays(days >= 61 ? days - 1 : days);
		return millis == 0 ? day : day.atStartOfDay().plusNanos(millis * 1_000_000L);
	}

	/**
	 * Whether a number format shows a date or a time: Excel's built-in date formats (14 to 22, 45 to 47, and
	 * the East Asian 27 to 36 and 50 to 58), or a custom format with a year, day, hour or second outside
	 * quotes and brackets.
	 */
	static boolean isDateFormat(Integer id, String format) {
		if (id != null && (id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58)) {
			return true;
		}
		if (format == null || format.equalsIgnoreCase("General")) {
			return false;
		}
		boolean quoted = false;
		boolean bracketed = false;
		for (int i = 0; i < format.length(); i++) {
			char c = format.charAt(i);
			if (c == '\\' || c == '_' || c == '*') {
				i++;
			} else if (c == '"') {
				quoted = !quoted;
			} else if (!quoted && c == '[') {
				bracketed = true;
			} else if (!quoted && c == ']') {
				bracketed = false;
			} else if (!quoted && !bracketed && "yYdDhHsS".indexOf(c) >= 0) {
				return true;
			}
		}
		return false;
	}

}
