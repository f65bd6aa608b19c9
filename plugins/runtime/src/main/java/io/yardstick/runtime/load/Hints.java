package io.yardstick.runtime.load;

import io.yardstick.runtime.text.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** What a file or a folder holds, told to someone whose column or file is not there. */
final class Hints {
	/** Columns listed in a message at most; a wider file's list ends with how many more it has. */
	static final int LISTED = 30;

	private Hints() {
	}

	/**
	 * {@code missing column "csat" in data/Ticket.csv; its columns are id, CSAT, cost; the closest is "CSAT"}:
	 * the columns the file has, the one most like the missing name (when one is close), and for a header that
	 * is one column holding semicolons or tabs, the delimiter to declare.
	 */
	static String missingColumn(String column, String field, Path file, List<String> header, String source,
			Texts texts) {
		StringBuilder message = new StringBuilder(texts.get("hint.missingColumn", column));
		if (!column.equals(field)) {
			message.append(texts.get("hint.columnOf", field));
		}
		message.append(texts.get("hint.columnsAre", file, listed(header, texts)));
		String closest = closest(column, header);
		if (closest != null) {
			message.append(texts.get("hint.closest", closest));
		}
		if (header.size() == 1) {
			String only = header.get(0);
			String delimiter = only.indexOf(';') >= 0 ? ";" : only.indexOf('\t') >= 0 ? "\\t" : null;
			if (delimiter != null) {
				message.append(texts.get("hint.delimiter", delimiter, source));
			}
		} else if (closest == null) {
			message.append(texts.get("hint.mapField", source, field));
		}
		return message.toString();
	}

	/**
	 * {@code data file not found: data/Order.csv; data holds Customer.csv, orders.csv: bind the source to its file,
	 * --bind Order=data/orders.csv}: the folder's data files, and the binding for the one most like the
	 * source's name (or a placeholder).
	 */
	static String fileNotFound(Path file, String source, Texts texts) {
		String message = texts.get("hint.fileNotFound", file);
		Path folder = file.toAbsolutePath().getParent();
		List<String> names = new ArrayList<>();
		if (folder != null && Files.isDirectory(folder)) {
			try (Stream<Path> files = Files.list(folder)) {
				files.filter(Files::isRegularFile).map(path -> path.getFileName().toString())
						.filter(Hints::isDataFile).sorted().forEach(names::add);
			} catch (IOException | UncheckedIOException e) {
				names.clear();
			}
		}
		Path shownFolder = file.getParent() == null ? Path.of(".") : file.getParent();
		if (folder == null || !Files.isDirectory(folder)) {
			return message + texts.get("hint.noFolder", shownFolder, source);
		}
		if (names.isEmpty()) {
			return message + texts.get("hint.noDataFile", shownFolder, source);
		}
		String likely = closestFile(source, names);
		return message + texts.get("hint.folderHolds", shownFolder, listed(names, texts), source,
				likely == null ? "<file>" : shownFolder.resolve(likely));
	}

	private static boolean isDataFile(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt") || lower.endsWith(".xlsx")
				|| lower.endsWith(".parquet");
	}

	/** The file named most like the source (orders.csv for Order), among files no other convention claims. */
	private static String closestFile(String source, List<String> names) {
		List<String> stems = new ArrayList<>();
		for (String name : names) {
			int dot = name.lastIndexOf('.');
			stems.add(dot > 0 ? name.substring(0, dot) : name);
		}
		String wanted = normal(source);
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (int i = 0; i < names.size(); i++) {
			String stem = normal(stems.get(i));
			int distance = stem.startsWith(wanted) || wanted.startsWith(stem) ? Math.abs(stem.length() - wanted.length())
					: distance(wanted, stem);
			if (distance < bestDistance) {
				best = names.get(i);
				bestDistance = distance;
			}
		}
		return bestDistance <= Math.max(2, wanted.length() / 2) ? best : null;
	}

	private static String listed(List<String> header, Texts texts) {
		List<String> names = new ArrayList<>();
		for (String name : header) {
			if (names.size() == LISTED) {
				break;
			}
			names.add(name.strip().isEmpty() ? texts.get("hint.unnamed") : name.strip());
		}
		String list = String.join(", ", names);
		return header.size() > LISTED ? list + texts.get("hint.more", header.size() - LISTED) : list;
	}

	/** The header most like the name, ignoring case, spaces, '_' and '-', when it is close enough to be a typo. */
	static String closest(String name, List<String> header) {
		String wanted = normal(name);
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : header) {
			String column = candidate.strip();
			if (column.isEmpty()) {
				continue;
			}
			int distance = distance(wanted, normal(column));
			if (distance < bestDistance) {
				best = column;
				bestDistance = distance;
			}
		}
		int allowed = Math.max(1, wanted.length() / 3);
		return best != null && bestDistance <= allowed ? best : null;
	}

	private static String normal(String name) {
		return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
	}

	/** Levenshtein distance between two strings, by code unit. */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}
}
