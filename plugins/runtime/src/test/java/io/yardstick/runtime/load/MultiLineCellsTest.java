package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.currency;
import static io.yardstick.runtime.load.Fixtures.field;
import static io.yardstick.runtime.load.Fixtures.key;
import static io.yardstick.runtime.load.Fixtures.optional;
import static io.yardstick.runtime.load.Fixtures.read;
import static io.yardstick.runtime.load.Fixtures.source;
import static io.yardstick.runtime.load.Fixtures.template;
import static io.yardstick.runtime.load.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.load.LoadReport.MultiLineCell;
import io.yardstick.runtime.load.LoadReport.SourceReport;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.TemplateSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quoted cells that span lines: legal CSV, and the usual sign of a stray quote, which silently merged rows
 * before (issue 19: exit 0, "8997 rows read, 0 rejected", one ticket taking another's dates and cost). Every
 * such cell is a warning; one in a field that cannot hold a line break, or over too many lines, is a bad row;
 * and the counts say how many lines as well as how many records were read.
 */
class MultiLineCellsTest {
	private static final FieldSpec PRODUCT_LINE = new FieldSpec("productLine", FieldType.TEXT, false, false, true,
			false, null, null, null, List.of(), null);
	static final TemplateSpec TICKETS = template("UTC", source("Ticket", key("id", FieldType.TEXT), PRODUCT_LINE,
			field("createdAt", FieldType.TIMESTAMP), currency("cost", "CNY"), optional("note", FieldType.TEXT)));

	@TempDir
	Path dir;

	/** A header and 9,000 tickets: ticket i (from 0) on line i + 2. */
	private static List<String> ticketLines() {
		List<String> lines = new ArrayList<>();
		lines.add("id,productLine,createdAt,cost,note");
		for (int i = 0; i < 9000; i++) {
			lines.add(String.format("T%07d,%s,2025-%02d-%02dT10:00,%d.50,ok", i, i % 3 == 0 ? "Hardware" : "Software",
					1 + i % 12, 1 + i % 28, i % 500));
		}
		return lines;
	}

	private static String text(List<String> lines) {
		return String.join("\n", lines) + "\n";
	}

	private Path quarantine() {
		return dir.resolve("rejected");
	}

	private LoadResult skipping() {
		return DataLoader.load(TICKETS, Bindings.byConvention(dir, TICKETS),
				LoadOptions.defaults().skipBadRows(quarantine()));
	}

	private DataError failing() {
		DataLoadException failure = catchThrowableOfType(DataLoadException.class, () -> DataLoader.load(TICKETS, dir));
		assertThat(failure).as("loading should fail").isNotNull();
		assertThat(failure.errors()).hasSize(1);
		return failure.errors().get(0);
	}

	/** Two stray quotes three lines apart: before a product line on line 100, after another on line 103. */
	private Path twoStrayQuotes() {
		List<String> lines = ticketLines();
		lines.set(99, lines.get(99).replace(",Software,", ",\"Software,"));
		lines.set(102, lines.get(102).replace(",Software,", ",Software\","));
		return write(dir, "Ticket.csv", text(lines));
	}

	@Test
	void twoStrayQuotesFailLoudlyAtTheLineTheyOpen() {
		Path file = twoStrayQuotes();
		assertThat(failing().toText()).isEqualTo(file + ":100:10: error bad-data: Ticket.productLine: a quoted cell"
				+ " spans lines 100-103 (4 lines), but a dimension cannot hold a line break: a quote is probably"
				+ " missing or stray there");
	}

	@Test
	void twoStrayQuotesUnderSkipAreOneRejectedRecordThatNamesItsLines() {
		Path file = twoStrayQuotes();
		SourceReport report = skipping().report().source("Ticket");
		assertThat(report.lines()).isEqualTo(9001);
		assertThat(report.rowsRead()).isEqualTo(8997);
		assertThat(report.rowsLoaded()).isEqualTo(8996);
		assertThat(report.rowsRejected()).isEqualTo(1);
		assertThat(report.continuationLines()).isEqualTo(3);
		assertThat(report.lines()).isEqualTo(1 + report.blankLines() + report.rowsRead() + report.continuationLines());
		assertThat(report.multiLineCells()).containsExactly(new MultiLineCell(100, 10, 103, "productLine", "productLine"));
		String[] quarantined = read(quarantine().resolve("Ticket.rejected.csv")).split("\n", 2);
		assertThat(quarantined[0]).isEqualTo("line,endLine,reason,id,productLine,createdAt,cost,note");
		assertThat(quarantined[1]).startsWith("100,103,\"Ticket.productLine: a quoted cell spans lines 100-103 (4 lines),"
				+ " but a dimension cannot hold a line break: a quote is probably missing or stray there\",T0000098,"
				+ "\"Software,2025-03-15T10:00,98.50,ok\nT0000099,Hardware,");
		assertThat(report.summary()).isEqualTo("Ticket: 9001 lines, 8997 records read from " + file
				+ ", 8996 loaded, 1 rejected (written to " + quarantine().resolve("Ticket.rejected.csv") + ")\n  " + file
				+ ":100:10: warning multi-line-cell: Ticket.productLine: a quoted cell spans lines 100-103 (4 lines);"
				+ " if its text is not meant to hold line breaks, a quote is missing or stray there");
		// no ticket took another's values: the three swallowed tickets are gone with the one they were merged into
		Table tickets = skipping().dataset().table("Ticket");
		assertThat(tickets.rows()).isEqualTo(8996);
	}

	@Test
	void strayQuotesInFreeTextAreLoadedAndReportedAsAWarning() {
		List<String> lines = ticketLines();
		lines.set(99, lines.get(99).replace(",ok", ",\"ok"));
		lines.set(102, lines.get(102).replace(",ok", ",ok\""));
		// the swallowed lines end the note, so the merged record has the header's five cells
		Path file = write(dir, "Ticket.csv", text(lines));
		LoadResult result = DataLoader.load(TICKETS, dir);
		SourceReport report = result.report().source("Ticket");
		assertThat(report.rowsRead()).isEqualTo(8997);
		assertThat(report.rowsLoaded()).isEqualTo(8997);
		assertThat(report.multiLineCellCount()).isEqualTo(1);
		assertThat(result.report().summary()).isEqualTo("Ticket: 9001 lines, 8997 records read from " + file
				+ ", 8997 loaded, 0 rejected\n  " + file + ":100:42: warning multi-line-cell: Ticket.note: a quoted cell"
				+ " spans lines 100-103 (4 lines); if its text is not meant to hold line breaks, a quote is missing or"
				+ " stray there\n1 source: 9001 lines, 8997 records read, 8997 loaded, 0 rejected; 1 quoted cell spans"
				+ " lines (see the warnings above)");
	}

	/** One unclosed quote at line 8000 swallows the last 1,002 lines. */
	private Path unclosedQuote() {
		List<String> lines = ticketLines();
		lines.set(7999, lines.get(7999).replace(",ok", ",\"ok"));
		return write(dir, "Ticket.csv", text(lines));
	}

	@Test
	void anUnclosedQuoteFailsLoudlyAndSaysWhatItSwallowed() {
		Path file = unclosedQuote();
		assertThat(failing().toText()).isEqualTo(file + ":8000:43: error bad-data: Ticket: unterminated quoted cell:"
				+ " no closing quote before the end of the file (the record spans lines 8000-9001: 1002 lines)");
	}

	@Test
	void anUnclosedQuoteUnderSkipAccountsForEveryLine() {
		Path file = unclosedQuote();
		SourceReport report = skipping().report().source("Ticket");
		assertThat(report.lines()).isEqualTo(9001);
		assertThat(report.rowsRead()).isEqualTo(7999);
		assertThat(report.rowsLoaded()).isEqualTo(7998);
		assertThat(report.rowsRejected()).isEqualTo(1);
		assertThat(report.continuationLines()).isEqualTo(1001);
		assertThat(report.multiLineCells()).containsExactly(new MultiLineCell(8000, 43, 9001, "note", "note"));
		assertThat(read(quarantine().resolve("Ticket.rejected.csv")).split("\n")[1]).startsWith(
				"8000,9001,Ticket: unterminated quoted cell: no closing quote before the end of the file (the record"
						+ " spans lines 8000-9001: 1002 lines),T0007998,Hardware,2025-07-19T10:00,498.50,\"ok");
		assertThat(report.summary()).startsWith("Ticket: 9001 lines, 7999 records read from " + file
				+ ", 7998 loaded, 1 rejected");
	}

	@Test
	void aCellOverMoreLinesThanTheLimitIsABadRow() {
		String note = "\"" + "line\n".repeat(LoadOptions.DEFAULT_MAX_CELL_LINES) + "end\"";
		String fits = "\"" + "line\n".repeat(LoadOptions.DEFAULT_MAX_CELL_LINES - 1) + "end\"";
		Path file = write(dir, "Ticket.csv", "id,productLine,createdAt,cost,note\nT1,Hardware,2025-01-01,1," + fits
				+ "\nT2,Hardware,2025-01-01,1," + note + "\n");
		assertThat(failing().toText()).isEqualTo(file + ":102:26: error bad-data: Ticket.note: a quoted cell spans"
				+ " lines 102-202 (101 lines), more than the 100 lines one cell may span: a quote is probably missing"
				+ " or stray there");
		LoadResult three = DataLoader.load(TICKETS, Bindings.byConvention(dir, TICKETS),
				LoadOptions.defaults().skipBadRows(quarantine()).withMaxCellLines(3));
		assertThat(three.report().source("Ticket").rowsRejected()).isEqualTo(2);
		assertThat(three.report().source("Ticket").multiLineCellCount()).isEqualTo(2);
	}

	@Test
	void aLineBreakInAKindThatCannotHoldOneIsABadRow() {
		String header = "id,productLine,createdAt,cost,note\n";
		for (String[] row : new String[][] {
				{"\"T\n1\",Hardware,2025-01-01,1,", "1", "a key"},
				{"T1,Hardware,\"2025-01-01\n\",1,", "13", "a timestamp field"},
				{"T1,Hardware,2025-01-01,\"1\r\n\",", "24", "a currency field"}}) {
			Path file = write(dir, "Ticket.csv", header + row[0] + "\n");
			assertThat(failing().message()).as(row[0]).isEqualTo("a quoted cell spans lines 2-3 (2 lines), but "
					+ row[2] + " cannot hold a line break: a quote is probably missing or stray there");
			assertThat(failing().toText()).startsWith(file + ":2:" + row[1] + ":");
		}
	}

	@Test
	void theSummaryShowsTwentyWarningsAndCountsTheRest() {
		StringBuilder csv = new StringBuilder("id,productLine,createdAt,cost,note\n");
		for (int i = 0; i < 125; i++) {
			csv.append("T").append(i).append(",Hardware,2025-01-01,1,\"line\nline\"\n");
		}
		Path file = write(dir, "Ticket.csv", csv.toString());
		SourceReport report = DataLoader.load(TICKETS, dir).report().source("Ticket");
		assertThat(report.multiLineCellCount()).isEqualTo(125);
		assertThat(report.multiLineCells()).hasSize(SourceReport.MAX_WARNINGS_KEPT);
		assertThat(report.multiLineCells().get(99)).isEqualTo(new MultiLineCell(200, 27, 201, "note", "note"));
		String[] lines = report.summary().split("\n");
		assertThat(lines).hasSize(1 + LoadReport.MAX_WARNINGS_SHOWN + 1);
		assertThat(lines[LoadReport.MAX_WARNINGS_SHOWN]).startsWith("  " + file + ":40:27: warning multi-line-cell:");
		assertThat(lines[LoadReport.MAX_WARNINGS_SHOWN + 1]).isEqualTo("  and 105 more quoted cells span lines in " + file);
	}

	@Test
	void blankLinesAndALastLineWithoutBreakAreCounted() {
		write(dir, "Ticket.csv", "\nid,productLine,createdAt,cost,note\r\n\r\nT1,Hardware,2025-01-01,1,\"a\r\nb\"\n\n"
				+ "T2,Software,2025-01-01,2,x");
		SourceReport report = DataLoader.load(TICKETS, dir).report().source("Ticket");
		assertThat(report.lines()).isEqualTo(7);
		assertThat(report.blankLines()).isEqualTo(3);
		assertThat(report.rowsRead()).isEqualTo(2);
		assertThat(report.continuationLines()).isEqualTo(1);
	}

	/**
	 * A bad cell after a quoted CRLF, in a file with a byte order mark and CRLF line ends, is named by its
	 * record's line and its column on the line it starts on, wherever the batches and chunks end and on one
	 * or two threads: the loader finds the position again from the record's first byte.
	 */
	@Test
	void aBadCellAfterAQuotedLineBreakIsNamedWhereverTheChunksEnd() {
		StringBuilder text = new StringBuilder("\uFEFFid,note,productLine,createdAt,cost\r\n");
		int line = 2;
		for (int i = 0; i < 40; i++) {
			text.append(String.format("T%03d,\"ok\r\n华北\",Hardware,2025-01-%02dT10:00,%s\r\n", i, 1 + i % 28,
					i == 29 ? "12x" : "1.50"));
			line += i < 29 ? 2 : 0;
		}
		Path file = write(dir, "Ticket.csv", text.toString());
		// ticket 29 starts on line 60; its cost on the next line, column 31, after 华北",Hardware,2025-01-02T10:00,
		String expected = file + ":" + line + ":31: error bad-data: Ticket.cost: \"12x\" is not an amount";
		LoaderSettings saved = new LoaderSettings();
		try {
			for (int threads = 1; threads <= 2; threads++) {
				for (int batch : new int[] {1, 2, 3, 7, 16_384}) {
					for (long chunk : new long[] {1, 37, 100, 2L << 20}) {
						SourceLoader.threads = threads;
						SourceLoader.parallelFromBytes = 0;
						SourceLoader.batchSize = batch;
						SourceLoader.chunkBytes = chunk;
						SourceLoader.readBufferSize = batch == 1 ? 64 : CsvReader.DEFAULT_BUFFER;
						assertThat(failing().toText()).as("%d threads, batches of %d, chunks of %d", threads, batch, chunk)
								.startsWith(expected);
					}
				}
			}
		} finally {
			saved.restore();
		}
	}
}
