package io.yardstick.runtime.load;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The rejected rows of one source, {@code <dir>/<Source>.rejected.csv}: a header {@code line,endLine,reason,}
 * followed by the data file's own header, then per rejected row the physical lines it took (the first and
 * the last: more than one when a quoted cell spans lines), its reason and its cells as read, each escaped
 * again as CSV. The file is created with the first rejected row.
 */
final class Quarantine implements AutoCloseable {
	private final Path file;
	private final List<String> header;
	private Writer out;

	Quarantine(Path dir, String source, List<String> header) {
		this.file = dir.resolve(source + ".rejected.csv");
		this.header = header;
	}

	static Path fileOf(Path dir, String source) {
		return dir.resolve(source + ".rejected.csv");
	}

	/** The file, or null while no row was written. */
	Path file() {
		return out == null ? null : file;
	}

	void write(long line, long endLine, String reason, CsvReader reader, int record) throws IOException {
		if (out == null) {
			Files.createDirectories(file.toAbsolutePath().getParent());
			out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
			out.write("line,endLine,reason");
			for (String name : header) {
				out.write(',');
				out.write(escape(name));
			}
			out.write('\n');
		}
		out.write(Long.toString(line));
		out.write(',');
		out.write(Long.toString(endLine));
		out.write(',');
		out.write(escape(reason));
		int first = reader.firstCell(record);
		for (int cell = 0; cell < reader.recordCells(record); cell++) {
			out.write(',');
			out.write(escape(reader.cellText(first + cell)));
		}
		out.write('\n');
	}

	/** A cell as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
	/**
	 * Rewrites the lines of every rejected row ({@code line} and {@code endLine}) as the row of the file they
	 * came from, both the row of {@code line}: for a file read through a CSV copy, one row is one record.
	 */
	static void renumber(Path file, java.util.function.LongUnaryOperator rowOfLine) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		StringBuilder out = new StringBuilder(text.length() + 64);
		int at = text.indexOf('\n') + 1;
		out.append(text, 0, at);
		while (at < text.length()) {
			int lineEnd = text.indexOf(',', at);
			int endLineEnd = text.indexOf(',', lineEnd + 1);
			long row = rowOfLine.applyAsLong(Long.parseLong(text.substring(at, lineEnd)));
			out.append(row).append(',').append(row);
			int end = endLineEnd;
			boolean quoted = false;
			while (end < text.length() && (quoted || text.charAt(end) != '\n')) {
				if (text.charAt(end) == '"') {
					quoted = !quoted;
				}
				end++;
			}
			out.append(text, endLineEnd, Math.min(end + 1, text.length()));
			at = end + 1;
		}
		Files.writeString(file, out, StandardCharsets.UTF_8);
	}

	static String escape(String cell) {
		for (int i = 0; i < cell.length(); i++) {
			char c = cell.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				return '"' + cell.replace("\"", "\"\"") + '"';
			}
		}
		return cell;
	}

	@Override
	public void close() throws IOException {
		if (out != null) {
			out.close();
		}
	}
}
