package io.yardstick.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code --out} folder of a run, kept so that it never shows an earlier run's numbers as this run's. The
 * run writes into a staging folder inside {@code --out} ({@code .yardstick-run-*}); {@link #commit()} then
 * replaces the previous outputs with the staged ones. A run that ends without committing (template or data
 * errors, a usage error, a crash) has {@link #discard()} remove the staging folder and the previous
 * outputs, so {@code --out} then holds no results at all. Only Yardstick's own outputs ({@link #OUTPUTS}) are
 * removed: any other file in {@code --out} is left alone. {@code --out} and the staging folder are created
 * when the run first writes, so that a run refused before (a usage error) creates nothing. One run per
 * {@code --out} folder at a time.
 */
final class OutputFolder {
	/** What a run writes into {@code --out}: files, and the quarantine folder of rejected rows. */
	static final List<String> OUTPUTS = List.of("results.json", "results.csv", "cohorts.csv", "alerts.json", "report.json",
			"review.json", "report.html", "report.pdf", "results.xlsx", "quarantine");
	static final String QUARANTINE = "quarantine";
	/** The staging folders' names start so; one left behind by a killed run is removed by the next. */
	static final String STAGING_PREFIX = ".yardstick-run-";

	private final Path out;
	private Path staging;
	private boolean committed;

	private OutputFolder(Path out) {
		this.out = out;
	}

	/** The outputs of a run into {@code out}; nothing is created yet. */
	static OutputFolder open(Path out) {
		return new OutputFolder(out);
	}

	/**
	 * Where this run writes: on first use, creates {@code --out} when needed and a fresh staging folder inside
	 * it, after removing those that killed runs left behind.
	 */
	Path staging() throws IOException {
		if (staging == null) {
			Files.createDirectories(out);
			try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(out, STAGING_PREFIX + "*")) {
				for (Path leftover : leftovers) {
					deleteTree(leftover);
				}
			}
			staging = Files.createTempDirectory(out, STAGING_PREFIX);
		}
		return staging;
	}

	/** Where a path written under {@link #staging()} is after {@link #commit()}. */
	Path published(Path staged) {
		return out.resolve(staging.relativize(staged));
	}

	/** Replaces the previous outputs with this run's, and removes the staging folder. */
	void commit() throws IOException {
		staging();
		removePrevious();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(staging)) {
			for (Path entry : entries) {
				move(entry, out.resolve(entry.getFileName().toString()));
			}
		}
		Files.delete(staging);
		committed = true;
	}

	/**
	 * Ends a run that did not commit: removes the staging folder and the previous outputs, and returns the
	 * names of those removed from {@code --out}. Nothing after {@link #commit()}.
	 */
	List<String> discard() throws IOException {
		if (committed) {
			return List.of();
		}
		committed = true;
		if (staging != null) {
			deleteTree(staging);
		}
		return Files.isDirectory(out) ? removePrevious() : List.of();
	}

	/** Removes the outputs of an earlier run: its files, and the rejected-row files of its quarantine. */
	private List<String> removePrevious() throws IOException {
		List<String> removed = new ArrayList<>();
		for (String name : OUTPUTS) {
			Path previous = out.resolve(name);
			if (name.equals(QUARANTINE)) {
				if (Files.isDirectory(previous) && removeRejectedFiles(previous)) {
					removed.add(name + "/");
				}
			} else if (Files.deleteIfExists(previous)) {
				removed.add(name);
			}
		}
		return removed;
	}

	/** Removes the {@code *.rejected.csv} files and then the folder when nothing else is in it. */
	private static boolean removeRejectedFiles(Path quarantine) throws IOException {
		boolean any = false;
		try (DirectoryStream<Path> rejected = Files.newDirectoryStream(quarantine, "*.rejected.csv")) {
			for (Path file : rejected) {
				Files.delete(file);
				any = true;
			}
		}
		try (Stream<Path> rest = Files.list(quarantine)) {
			if (rest.findAny().isEmpty()) {
				Files.delete(quarantine);
			}
		}
		return any;
	}

	/** Moves a staged file, or the files of a staged folder into a folder that already exists. */
	private static void move(Path from, Path to) throws IOException {
		if (Files.isDirectory(from) && Files.isDirectory(to)) {
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
				for (Path entry : entries) {
					move(entry, to.resolve(entry.getFileName().toString()));
				}
			}
			Files.delete(from);
			return;
		}
		try {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}
}
