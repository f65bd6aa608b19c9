package io.yardstick.dsl.ide.server;

import io.yardstick.dsl.workspace.KpiFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files a .kpi file opened outside every workspace folder needs: those that declare what it imports, and
 * what they import in turn. They are looked for where {@code yardstick generate} looks (docs/cli.md): in the
 * file's folder and in the folders beside it, as a client template sits beside the industry template it
 * extends. Only the {@code package} and {@code import} lines are read, so that a folder of unrelated
 * templates costs a scan, not a parse; the search is bounded in depth and in files.
 */
final class LooseFileImports {
	static final int MAX_DEPTH = 4;
	static final int MAX_CANDIDATES = 2_000;
	static final long MAX_FILE_BYTES = 4L << 20;

	private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([A-Za-z_][\\w]*(?:\\.[A-Za-z_][\\w]*)*)");
	private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([A-Za-z_][\\w]*(?:\\.[A-Za-z_][\\w]*)*)(\\.\\*)?");

	private LooseFileImports() {
	}

	/**
	 * The files, other than {@code file} itself, that {@code text} (the file's text in the editor) imports,
	 * directly or through other files, in a stable order; files for which {@code elsewhere} holds (they are in
	 * a workspace folder, which the file sees anyway) are left out.
	 */
	static List<Path> of(Path file, String text, Predicate<Path> elsewhere) {
		Path folder = file.toAbsolutePath().normalize().getParent();
		if (folder == null) {
			return List.of();
		}
		Map<Path, String> packages = new LinkedHashMap<>();
		Map<Path, String> contents = new LinkedHashMap<>();
		for (Path candidate : candidates(folder)) {
			if (!candidate.equals(file.toAbsolutePath().normalize()) && !elsewhere.test(candidate)) {
				String content = read(candidate);
				if (content != null) {
					contents.put(candidate, content);
					packages.put(candidate, packageOf(content));
				}
			}
		}
		Set<Path> needed = new LinkedHashSet<>();
		Deque<String> texts = new ArrayDeque<>();
		Deque<Path> origins = new ArrayDeque<>();
		texts.add(text);
		origins.add(file.toAbsolutePath().normalize());
		while (!texts.isEmpty()) {
			String current = texts.poll();
			Path origin = origins.poll();
			String ownPackage = packageOf(current);
			List<String> imports = importsOf(current);
			for (Map.Entry<Path, String> candidate : packages.entrySet()) {
				if (needed.contains(candidate.getKey())) {
					continue;
				}
				if (samePackage(ownPackage, origin, candidate.getValue(), candidate.getKey())
						|| imports.stream().anyMatch(imported -> declares(candidate.getValue(), imported))) {
					needed.add(candidate.getKey());
					texts.add(contents.get(candidate.getKey()));
					origins.add(candidate.getKey());
				}
			}
		}
		return new ArrayList<>(needed);
	}

	/** Names refer within their own package without an import; the default package only within a folder. */
	private static boolean samePackage(String ownPackage, Path origin, String otherPackage, Path other) {
		if (ownPackage.isEmpty()) {
			return otherPackage.isEmpty() && other.getParent().equals(origin.getParent());
		}
		return ownPackage.equals(otherPackage);
	}

	/** {@code a.b.*} needs package {@code a.b}; {@code a.b.Name} or {@code a.b.Template.metric} a package it starts with. */
	private static boolean declares(String filePackage, String imported) {
		if (filePackage.isEmpty()) {
			return false;
		}
		if (imported.endsWith(".*")) {
			return imported.substring(0, imported.length() - 2).equals(filePackage);
		}
		return imported.startsWith(filePackage + ".");
	}

	static String packageOf(String text) {
		Matcher matcher = PACKAGE.matcher(text);
		return matcher.find() ? matcher.group(1) : "";
	}

	static List<String> importsOf(String text) {
		List<String> imports = new ArrayList<>();
		Matcher matcher = IMPORT.matcher(text);
		while (matcher.find()) {
			imports.add(matcher.group(1) + (matcher.group(2) == null ? "" : ".*"));
		}
		return imports;
	}

	/** The .kpi files of the folder and of the folders beside it, nearest first, within the bounds. */
	private static List<Path> candidates(Path folder) {
		List<Path> found = new ArrayList<>();
		List<Path> roots = new ArrayList<>();
		roots.add(folder);
		Path library = folder.getParent();
		if (library != null) {
			try (Stream<Path> siblings = Files.list(library)) {
				siblings.filter(Files::isDirectory).filter(sibling -> !sibling.equals(folder)).sorted().forEach(roots::add);
			} catch (IOException | RuntimeException unreadable) {
				// Only the file's own folder, then.
			}
		}
		for (Path root : roots) {
			int depth = root.equals(folder) ? 1 : MAX_DEPTH;
			try (Stream<Path> walk = Files.walk(root, depth)) {
				walk.filter(path -> path.getFileName().toString().endsWith(KpiFiles.EXTENSION)).filter(Files::isRegularFile)
						.sorted().limit(MAX_CANDIDATES - found.size()).forEach(path -> found.add(path.toAbsolutePath().normalize()));
			} catch (IOException | RuntimeException unreadable) {
				// A folder that cannot be listed holds nothing we can load either.
			}
			if (found.size() >= MAX_CANDIDATES) {
				break;
			}
		}
		return found;
	}

	private static String read(Path file) {
		try {
			if (Files.size(file) > MAX_FILE_BYTES) {
				return null;
			}
			return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		} catch (IOException | RuntimeException unreadable) {
			return null;
		}
	}
}
