package io.yardstick.runtime.load;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;

/** What was read, loaded and rejected, source by source, in the order the sources were loaded. */
public final class LoadReport {

	/**
	 * One source's account. {@code rowsRead == rowsLoaded + rowsRejected} always: no row is dropped
	 * without being counted.
	 *
	 * @param file the data file read
	 * @param rowsRead the data records read (the header and blank lines are not records)
	 * @param quarantineFile the file the rejected rows were written to, or null when none was rejected
	 * @param ignoredColumns the header's columns that are not fields of the source, in file order
	 * @param firstErrors the errors of the first rejected rows (at most {@link #MAX_ERRORS_KEPT})
	 * @param millis how long loading the source took
	 */
	public record SourceReport(String source, Path file, long rowsRead, long rowsLoaded, long rowsRejected,
			Path quarantineFile, List<String> ignoredColumns, List<DataError> firstErrors, long millis) {

		public static final int MAX_ERRORS_KEPT = 20;

		public SourceReport {
			ignoredColumns = List.copyOf(ignoredColumns);
			firstErrors = List.copyOf(firstErrors);
		}

		/** {@code Ticket: 5 rows read from data/Ticket.csv, 3 loaded, 2 rejected (written to ...)}. */
		public String summary() {
			StringBuilder text = new StringBuilder().append(source).append(": ").append(rowsRead)
					.append(rowsRead == 1 ? " row" : " rows").append(" read from ").append(file).append(", ")
					.append(rowsLoaded).append(" loaded, ").append(rowsRejected).append(" rejected");
			if (quarantineFile != null) {
				text.append(" (written to ").append(quarantineFile).append(')');
			}
			if (!ignoredColumns.isEmpty()) {
				text.append("; ignored columns: ").append(String.join(", ", ignoredColumns));
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

	/** One line per source, then the totals. */
	public String summary() {
		StringBuilder text = new StringBuilder();
		for (SourceReport source : sources) {
			text.append(source.summary()).append('\n');
		}
		return text.append(sources.size()).append(sources.size() == 1 ? " source: " : " sources: ").append(rowsRead())
				.append(" rows read, ").append(rowsLoaded()).append(" loaded, ").append(rowsRejected())
				.append(" rejected").toString();
	}

	@Override
	public String toString() {
		return summary();
	}
}
