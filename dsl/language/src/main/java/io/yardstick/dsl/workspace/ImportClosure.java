package io.yardstick.dsl.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files one .kpi file needs: itself, the files that declare what it imports or extends, and theirs in
 * turn, found among the .kpi files of its folder (subfolders included) and, when an import is not found
 * there (a template kept beside an industry library), of the folders beside it. Not every .kpi below the folder: an old version kept in
 * {@code v1/} declares the same names, and loading it too would make them duplicates.
 *
 * <p>The files are scanned as text, before any parsing: comments and strings are blanked, then the package,
 * the imports, the qualified names after {@code extends} and {@code ->}, the words (any of which may name a
 * template or source of the file's own package) and the declared {@code template} and {@code source} names
 * are read. A name declared by several candidate files is taken from the one nearest
 * the file: its own folder first, then by the fewest folders between them, then by path. What the scan does
 * not find stays out, and the validator then reports it as unresolved, as it would for a file alone.
 */
public final class ImportClosure {
	private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
			"//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\])*\"", Pattern.DOTALL);
	private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)");
	private static final Pattern IMPORT = Pattern.compile("\\bimport\\s+([\\w.]+?)(\\.\\*)?(?=\\s|$)");
	private static final Pattern USE = Pattern.compile("(?:\\bextends|->)\\s*\\^?([\\w.]+)");
	private static final Pattern WORD = Pattern.compile("\\b[A-Za-z_]\\w*\\b");
	private static final Pattern DECLARATION = Pattern.compile("\\b(?:template|source)\\s+\\^?(\\w+)");

	private ImportClosure() {
	}

	/** What a file holds, as far as finding its dependencies goes. */
	private record Scanned(Path path, String pkg, Set<String> declared, List<String> imports, List<String> wildcards,
			Set<String> used) {
	}

	/**
	 * The file and the files it needs, the file first, then in the order they were found.
	 *
	 * @param file a .kpi file
	 */
	public static List<KpiFiles.InputFile> of(Path file) throws IOException {
		Path absolute = file.toAbsolutePath().normalize();
		Path folder = absolute.getParent();
		List<Path> candidates = new ArrayList<>(kpiFiles(folder));
		boolean[] unresolved = new boolean[1];
		List<KpiFiles.InputFile> needed = closure(file, absolute, candidates, unresolved);
		Path library = folder.getParent();
		if (!unresolved[0] || library == null) {
			return needed;
		}
		// an import the folder cannot serve: a client template kept beside the industry library it extends
		try (Stream<Path> siblings = Files.list(library)) {
			for (Path sibling : siblings.filter(Files::isDirectory).filter(path -> !path.equals(folder)).sorted()
					.toList()) {
				candidates.addAll(kpiFiles(sibling));
			}
		}
		return closure(file, absolute, candidates, unresolved);
	}

	private static List<KpiFiles.InputFile> closure(Path file, Path absolute, List<Path> candidates,
			boolean[] unresolved) {
		Path folder = absolute.getParent();
		Map<Path, Scanned> scanned = new LinkedHashMap<>();
		for (Path candidate : candidates) {
			Scanned text = scan(candidate);
			if (text != null) {
				scanned.put(candidate, text);
			}
		}
		Comparator<Path> nearest = Comparator.<Path>comparingInt(path -> distance(folder, path))
				.thenComparing(Path::toString);
		Map<Path, KpiFiles.InputFile> needed = new LinkedHashMap<>();
		needed.put(absolute, new KpiFiles.InputFile(file.toString(), file));
		Deque<Scanned> queue = new ArrayDeque<>();
		Scanned start = scanned.containsKey(absolute) ? scanned.get(absolute) : scan(absolute);
		if (start != null) {
			queue.add(start);
		}
		unresolved[0] = false;
		while (!queue.isEmpty()) {
			Scanned current = queue.poll();
			for (Path dependency : dependencies(current, scanned.values(), nearest, unresolved)) {
				if (!needed.containsKey(dependency)) {
					needed.put(dependency, new KpiFiles.InputFile(shown(file, absolute, dependency), dependency));
					queue.add(scanned.get(dependency));
				}
			}
		}
		return new ArrayList<>(needed.values());
	}

	/**
	 * The named files followed by the files that the named files (not folders: a folder keeps its meaning, its
	 * .kpi files and nothing else) import, each once.
	 *
	 * @param paths the paths as given: files and folders
	 * @param named the .kpi files of those paths ({@link KpiFiles#collect})
	 */
	public static List<KpiFiles.InputFile> withImports(List<Path> paths, List<KpiFiles.InputFile> named)
			throws IOException {
		Map<Path, KpiFiles.InputFile> all = new LinkedHashMap<>();
		for (KpiFiles.InputFile file : named) {
			all.putIfAbsent(file.path().toAbsolutePath().normalize(), file);
		}
		for (Path path : paths) {
			if (Files.isRegularFile(path)) {
				for (KpiFiles.InputFile needed : of(path)) {
					all.putIfAbsent(needed.path().toAbsolutePath().normalize(), needed);
				}
			}
		}
		return new ArrayList<>(all.values());
	}

	/** The files that declare what a file imports, or uses from its own package without importing. */
	private static List<Path> dependencies(Scanned file, Iterable<Scanned> all, Comparator<Path> nearest,
			boolean[] unresolved) {
		Set<Path> found = new LinkedHashSet<>();
		for (String imported : file.imports()) {
			int dot = imported.lastIndexOf('.');
			if (dot > 0 && !nearestDeclaring(imported.substring(0, dot), imported.substring(dot + 1), file, all, nearest,
					found)) {
				unresolved[0] = true;
			}
		}
		for (String pkg : file.wildcards()) {
			Set<String> names = new LinkedHashSet<>();
			for (Scanned other : all) {
				if (pkg.equals(other.pkg())) {
					names.addAll(other.declared());
				}
			}
			if (names.isEmpty()) {
				unresolved[0] = true;
			}
			for (String name : names) {
				nearestDeclaring(pkg, name, file, all, nearest, found);
			}
		}
		for (String used : file.used()) {
			int dot = used.lastIndexOf('.');
			if (dot > 0) {
				nearestDeclaring(used.substring(0, dot), used.substring(dot + 1), file, all, nearest, found);
			} else if (!file.declared().contains(used)) {
				nearestDeclaring(file.pkg(), used, file, all, nearest, found);
			}
		}
		return new ArrayList<>(found);
	}

	/** Adds the nearest file that declares the name in the package; whether one does (the file itself included). */
	private static boolean nearestDeclaring(String pkg, String name, Scanned from, Iterable<Scanned> all,
			Comparator<Path> nearest, Set<Path> found) {
		if (from.pkg().equals(pkg) && from.declared().contains(name)) {
			return true;
		}
		Path best = null;
		for (Scanned other : all) {
			if (other.path().equals(from.path()) || !other.pkg().equals(pkg) || !other.declared().contains(name)) {
				continue;
			}
			if (best == null || nearest.compare(other.path(), best) < 0) {
				best = other.path();
			}
		}
		if (best != null) {
			found.add(best);
		}
		return best != null;
	}

	private static Scanned scan(Path path) {
		String text;
		try {
			text = Files.readString(path, StandardCharsets.UTF_8);
		} catch (IOException | RuntimeException unreadable) {
			// the workspace reports an unreadable file when it is loaded; here it only declares nothing
			return null;
		}
		String code = COMMENTS_AND_STRINGS.matcher(text).replaceAll(" ");
		Matcher pkg = PACKAGE.matcher(code);
		String packageName = pkg.find() ? pkg.group(1) : "";
		List<String> imports = new ArrayList<>();
		List<String> wildcards = new ArrayList<>();
		Matcher imported = IMPORT.matcher(code);
		while (imported.find()) {
			(imported.group(2) != null ? wildcards : imports).add(imported.group(1));
		}
		// qualified names after extends and ->, and every word: a name of the package may be used anywhere
		Set<String> used = new LinkedHashSet<>();
		Matcher use = USE.matcher(code);
		while (use.find()) {
			used.add(use.group(1));
		}
		Matcher word = WORD.matcher(code);
		while (word.find()) {
			used.add(word.group());
		}
		Set<String> declared = new LinkedHashSet<>();
		Matcher declaration = DECLARATION.matcher(code);
		while (declaration.find()) {
			declared.add(declaration.group(1));
		}
		return new Scanned(path.toAbsolutePath().normalize(), packageName, declared, imports, wildcards, used);
	}

	/** The .kpi files below a folder; a folder that vanishes or cannot be read while it is walked has none. */
	private static List<Path> kpiFiles(Path folder) {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(path -> path.getFileName().toString().endsWith(KpiFiles.EXTENSION))
					.filter(Files::isRegularFile).map(path -> path.toAbsolutePath().normalize()).sorted().toList();
		} catch (IOException | java.io.UncheckedIOException e) {
			return List.of();
		}
	}

	/** Folders between the file's folder and a candidate: up to their common folder, then down. */
	private static int distance(Path folder, Path candidate) {
		Path other = candidate.getParent();
		int common = 0;
		while (common < folder.getNameCount() && common < other.getNameCount()
				&& folder.getName(common).equals(other.getName(common))) {
			common++;
		}
		return (folder.getNameCount() - common) + (other.getNameCount() - common);
	}

	/** A dependency's path as the user would write it: relative like the file given, when the file was. */
	private static String shown(Path file, Path absolute, Path dependency) {
		if (file.isAbsolute()) {
			return dependency.toString();
		}
		Path base = absolute.getParent();
		Path relativeFolder = file.getParent();
		Path relative = base.relativize(dependency);
		return (relativeFolder == null ? relative : relativeFolder.resolve(relative)).normalize().toString();
	}
}
