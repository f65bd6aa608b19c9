package io.yardstick.runtime.load;

import io.yardstick.runtime.text.Texts;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;

/** What was read, loaded and rejected, source by source, in the order the sources were loaded. */
public final class LoadReport {
	static final String TEXTS = LoadTexts.BASE;


	/** The code of the warning about a quoted cell that spans lines. */
	public static final String MULTI_LINE_CELL = "multi-line-cell";

	/** Warnings printed per source by {@link #summary()}; the rest are counted. */
	public static final int MAX_WARNINGS_SHOWN = 20;

	/**
	 * A quoted cell that holds line breaks, so that one record spans several physical lines. Legal CSV, and
	 * also what a stray or missing quote looks like: the rows it swallows are no records of their own.
	 *
	 * @param line the physical line the cell opens on (its opening quote)
	 * @param column the character column of its opening quote on that line
	 * @param endLine the physical line it closes on (its closing quote, or the file's last line)
	 * @param columnName the header's name of its column, or null for a cell past the header's columns
	 * @param field the field of its column, or null for a column that is no field
	 */
	public record MultiLineCell(long line, int column, long endLine, String columnName, String field) {

		/** The physical lines the cell spans, both ends included. */
		public long lines() {
			return endLine - line + 1;
		}

		/**
		 * {@code data/Ticket.csv:100:23: warning multi-line-cell: Ticket.note: a quoted cell spans lines 100-103
		 * (4 lines)}, with a hint that it may be a stray quote.
		 */
		public String toText(Path file, String source) {
			return toText(file, source, LoadTexts.of("en"));
		}

		/** {@link #toText(Path, String)} in the language of the texts. */
		public String toText(Path file, String source, Texts texts) {
			String where = field != null ? source + "." + field
					: source + (columnName == null ? texts.get("warning.pastHeader")
							: texts.get("warning.column", columnName));
			return file + ":" + line + ":" + column + ": " + texts.get("warning") + " " + MULTI_LINE_CELL + ": " + where
					+ ": " + texts.get("warning.multiLine", texts.get("load.cellSpansLines", line, endLine, lines()));
		}
	}

	/**
	 * One source's account. {@code rowsRead == rowsLoaded + rowsRejected} always: no row is dropped
	 * without being counted. And every physical line is accounted for: {@code lines == 1 + blankLines +
	 * rowsRead + continuationLines} for a file with a header (its first line).
	 *
	 * @param file the data file read
	 * @param rowsRead the data records read (the header and blank lines are not records)
	 * @param quarantineFile the file the rejected rows were written to, or null when none was rejected
	 * @param ignoredColumns the header's columns that are not fields of the source, in file order
	 * @param firstErrors the errors of the first rejected rows (at most {@link #MAX_ERRORS_KEPT})
	 * @param millis how long loading the source took
	 * @param lines the physical lines of the file, the header's included (0 when not counted)
	 * @param blankLines the empty lines skipped
	 * @param continuationLines the lines that continue a quoted cell of the line before: a cell that spans 4
	 *     lines has 3
	 * @param multiLineCellCount how many quoted cells span lines, in loaded and rejected rows
	 * @param multiLineCells the first of them (at most {@link #MAX_WARNINGS_KEPT}), in file order
	 */
	public record SourceReport(String source, Path file, long rowsRead, long rowsLoaded, long rowsRejected,
			Path quarantineFile, List<String> ignoredColumns, List<DataError> firstErrors, long millis, long lines,
			long blankLines, long continuationLines, long multiLineCellCount, List<MultiLineCell> multiLineCells) {

		public static final int MAX_ERRORS_KEPT = 20;
		public static final int MAX_WARNINGS_KEPT = 100;

		public SourceReport {
			ignoredColumns = List.copyOf(ignoredColumns);
			firstErrors = List.copyOf(firstErrors);
			multiLineCells = List.copyOf(multiLineCells);
		}

		/** An account without line counts, for data that was not read line by line. */
		public SourceReport(String source, Path file, long rowsRead, long rowsLoaded, long rowsRejected,
				Path quarantineFile, List<String> ignoredColumns, List<DataError> firstErrors, long millis) {
			this(source, file, rowsRead, rowsLoaded, rowsRejected, quarantineFile, ignoredColumns, firstErrors, millis,
					0, 0, 0, 0, List.of());
		}

		/** The same account with the quarantine file in another folder (where a run moved it). */
		public SourceReport withQuarantineIn(Path folder) {
			return new SourceReport(source, file, rowsRead, rowsLoaded, rowsRejected,
					quarantineFile == null ? null : folder.resolve(quarantineFile.getFileName().toString()),
					ignoredColumns, firstErrors, millis, lines, blankLines, continuationLines, multiLineCellCount,
					multiLineCells);
		}

		/**
		 * {@code Ticket: 9001 lines, 8997 records read from data/Ticket.csv, 8996 loaded, 1 rejected (written to
		 * ...)}, then one indented line per quoted cell that spans lines (at most {@link #MAX_WARNINGS_SHOWN}).
		 */
		public String summary() {
			return summary(Texts.of(TEXTS, "en"));
		}

		/** {@link #summary()} in the language of the texts. */
		public String summary(Texts texts) {
			StringBuilder text = new StringBuilder(texts.get("load.source", source,
					lines > 0 ? texts.plural("load.lines", lines) : "", texts.plural("load.records", rowsRead), file,
					rowsLoaded, rowsRejected));
			if (quarantineFile != null) {
				text.append(texts.get("load.quarantine", quarantineFile));
			}
			if (!ignoredColumns.isEmpty()) {
				text.append(texts.get("load.ignored", String.join(", ", ignoredColumns)));
			}
			int shown = (int) Math.min(multiLineCells.size(), MAX_WARNINGS_SHOWN);
			for (int i = 0; i < shown; i++) {
				text.append("\n  ").append(multiLineCells.get(i).toText(file, source, texts));
			}
			long more = multiLineCellCount - shown;
			if (more > 0) {
				text.append("\n  ").append(texts.plural("load.moreMultiLine", more, file));
			}
			return text.toString();
		}
	}

	private final List<SourceReport> sources;

	public LoadReport(List<SourceReport> sources) {
		this.sources = List.copyOf(sources);
	}

	public List<SourceReport> sources() {
		return sources;
	}

	public SourceReport source(String name) {
		return sources.stream().filter(report -> report.source().equals(name)).findFirst()
				.orElseThrow(() -> new NoSuchElementException("no report for source " + name));
	}

	public long rowsRead() {
		return sources.stream().mapToLong(SourceReport::rowsRead).sum();
	}

	public long rowsLoaded() {
		return sources.stream().mapToLong(SourceReport::rowsLoaded).sum();
	}

	public long rowsRejected() {
		return sources.stream().mapToLong(SourceReport::rowsRejected).sum();
	}

	/** The physical lines of all files. */
	public long lines() {
		return sources.stream().mapToLong(SourceReport::lines).sum();
	}

	/** How many quoted cells span lines, in all files. */
	public long multiLineCellCount() {
		return sources.stream().mapToLong(SourceReport::multiLineCellCount).sum();
	}

	/** The same report with every quarantine file in another folder (where a run moved them). */
	public LoadReport withQuarantineIn(Path folder) {
		return new LoadReport(sources.stream().map(source -> source.withQuarantineIn(folder)).toList());
	}

	/** One line per source (each followed by its warnings), then the totals. */
	public String summary() {
		return summary("en");
	}

	/** {@link #summary()} in English or Chinese ({@code load_en.properties}, {@code load_zh.properties}). */
	public String summary(String language) {
		Texts texts = Texts.of(TEXTS, language);
		StringBuilder text = new StringBuilder();
		for (SourceReport source : sources) {
			text.append(source.summary(texts)).append('\n');
		}
		long lines = lines();
		long multiLine = multiLineCellCount();
		text.append(texts.get("load.total", texts.plural("load.sources", sources.size()),
				lines > 0 ? texts.plural("load.lines", lines) : "", rowsRead(), rowsLoaded(), rowsRejected(),
				multiLine > 0 ? texts.plural("load.multiLine", multiLine) : ""));
		return text.toString();
	}

	@Override
	public String toString() {
		return summary();
	}
}
