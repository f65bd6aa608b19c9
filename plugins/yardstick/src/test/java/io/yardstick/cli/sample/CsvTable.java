package io.yardstick.cli.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for the tests: a header row, then rows of the same width; every row ends in LF. */
record CsvTable(List<String> header, List<String[]> rows) {

	static CsvTable read(Path file) throws IOException {
		return parse(Files.readString(file, StandardCharsets.UTF_8));
	}

	static CsvTable parse(String text) {
		if (!text.endsWith("\n")) {
			throw new IllegalArgumentException("the last row does not end in a line feed");
		}
		List<String[]> all = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		int i = 0;
		boolean cellStart = true;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (cellStart && c == '"') {
				i++;
				while (true) {
					char q = text.charAt(i);
					if (q == '"') {
						if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
							cell.append('"');
							i += 2;
							continue;
						}
						i++;
						break;
					}
					cell.append(q);
					i++;
				}
				cellStart = false;
				char after = text.charAt(i);
				if (after != ',' && after != '\n') {
					throw new IllegalArgumentException("text after a closing quote at " + i);
				}
				continue;
			}
			if (c == '\r') {
				throw new IllegalArgumentException("carriage return at " + i);
			}
			if (c == '"') {
				throw new IllegalArgumentException("quote inside an unquoted cell at " + i);
			}
			if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
				cellStart = true;
			} else if (c == '\n') {
				row.add(cell.toString());
				cell.setLength(0);
				all.add(row.toArray(String[]::new));
				row.clear();
				cellStart = true;
			} else {
				cell.append(c);
				cellStart = false;
			}
			i++;
		}
		List<String> header = List.of(all.get(0));
		List<String[]> rows = all.subList(1, all.size());
		for (String[] r : rows) {
			if (r.length != header.size()) {
				throw new IllegalArgumentException("row of " + r.length + " cells, header of " + header.size());
			}
		}
		return new CsvTable(header, rows);
	}

	int column(String name) {
		int index = header.indexOf(name);
		if (index < 0) {
			throw new IllegalArgumentException("no column " + name);
		}
		return index;
	}
}
