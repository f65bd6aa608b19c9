package io.yardstick.dsl.generator;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;

/**
 * Compiled calculators kept on disk between runs, so that a template run again skips javac (about half a second of
 * CPU and a thousand classes loaded). An entry is keyed by a hash of the generated source with everything else the
 * class files depend on: the runtime library's jar (path, size and time, which change with every build and
 * version), the Java version and the compiler. A changed template gives another source and so another entry.
 *
 * <p>Entries are written to a temporary file and moved into place, so that concurrent runs never read half an
 * entry; each carries a SHA-256 of its content, and one that is unreadable, truncated or does not load is compiled
 * again and replaced. The folder keeps the {@value #KEPT} entries used last.
 */
public final class CalculatorCache {
	/** {@code off} turns the cache off; another non-empty value is the cache's folder. */
	public static final String ENVIRONMENT_VARIABLE = "YARDSTICK_CACHE";
	public static final String OFF = "off";
	static final int KEPT = 100;
	private static final String SUFFIX = ".classes";
	/** Changed whenever the entry layout or the compiler's options change. */
	private static final int FORMAT = 1;
	private static final int MAGIC = 0x59534331; // "YSC1"
	private static final int DIGEST_LENGTH = 32;
	private static final long ABANDONED_AFTER_MILLIS = 60 * 60 * 1000L;

	/** Null when the cache is off. */
	private final Path folder;
	private final String fingerprint;

	private CalculatorCache(Path folder, String fingerprint) {
		this.folder = folder;
		this.fingerprint = fingerprint;
	}

	/** A cache that compiles every time. */
	public static CalculatorCache off() {
		return new CalculatorCache(null, "");
	}

	/**
	 * A cache in a folder; the fingerprint stands for what the class files depend on besides their source (the
	 * runtime library they were compiled against, the Java version, the compiler).
	 */
	public static CalculatorCache in(Path folder, String fingerprint) {
		return new CalculatorCache(folder, fingerprint);
	}

	/** The cache of this process: {@link #ENVIRONMENT_VARIABLE}, else the user's cache folder. */
	public static CalculatorCache standard() {
		return standard(System.getenv(), System.getProperty("user.home"), runtimeJar());
	}

	/**
	 * The cache the environment asks for: off when {@code YARDSTICK_CACHE=off}, or when the runtime library is not
	 * a jar (a build's classes folder changes without a sign this cache could read); else the folder
	 * {@code YARDSTICK_CACHE} names, {@code $XDG_CACHE_HOME/yardstick}, or {@code ~/.cache/yardstick}, under
	 * {@code calculators/}.
	 */
	static CalculatorCache standard(Map<String, String> environment, String userHome, Path runtimeJar) {
		String setting = environment.getOrDefault(ENVIRONMENT_VARIABLE, "").strip();
		if (setting.equalsIgnoreCase(OFF) || runtimeJar == null) {
			return off();
		}
		Path root;
		if (!setting.isEmpty()) {
			root = Path.of(setting);
		} else {
			String xdg = environment.getOrDefault("XDG_CACHE_HOME", "").strip();
			if (!xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
				root = Path.of(xdg, "yardstick");
			} else if (userHome != null && !userHome.isEmpty()) {
				root = Path.of(userHome, ".cache", "yardstick");
			} else {
				return off();
			}
		}
		String jar;
		try {
			jar = runtimeJar.toAbsolutePath() + "|" + Files.size(runtimeJar) + "|" + Files.getLastModifiedTime(runtimeJar).toMillis();
		} catch (IOException unreadable) {
			return off();
		}
		return in(root.resolve("calculators"), jar + "|" + Runtime.version() + "|" + System.getProperty("java.vm.name"));
	}

	/** The jar the runtime library was loaded from; null when it comes from a folder or cannot be told. */
	static Path runtimeJar() {
		return jarOf(io.yardstick.runtime.calc.Calculator.class);
	}

	/** The jar a class was loaded from; null when it comes from a folder or cannot be told. */
	public static Path jarOf(Class<?> type) {
		CodeSource source = type.getProtectionDomain().getCodeSource();
		if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
			return null;
		}
		try {
			Path location = Path.of(source.getLocation().toURI());
			return Files.isRegularFile(location) ? location : null;
		} catch (URISyntaxException | IllegalArgumentException unknown) {
			return null;
		}
	}

	public boolean enabled() {
		return folder != null;
	}

	/** The calculator class, from the cache or compiled (and then kept) with the process's compiler. */
	public Class<?> compile(String className, String source) throws ClassNotFoundException {
		return compile(className, source, CalculatorCompiler.compiler());
	}

	Class<?> compile(String className, String source, JavaCompiler compiler) throws ClassNotFoundException {
		if (folder == null) {
			return CalculatorCompiler.compile(className, source, compiler);
		}
		Path entry = entry(className, source, compiler);
		Map<String, byte[]> cached = read(entry);
		if (cached != null && cached.containsKey(className)) {
			try {
				Class<?> loaded = CalculatorCompiler.define(className, cached);
				// Linking and initializing now: a class file that passed the digest but does not verify is recompiled.
				Class.forName(className, true, loaded.getClassLoader());
				touch(entry);
				return loaded;
			} catch (LinkageError | ClassNotFoundException unusable) {
				// Compiled again below, and the entry replaced.
			}
		}
		Map<String, byte[]> classes = CalculatorCompiler.compileToClassFiles(className, source, compiler);
		write(entry, classes);
		return CalculatorCompiler.define(className, classes);
	}

	/** The entry's file: a SHA-256 over the format, the fingerprint, the compiler, the class name and the source. */
	Path entry(String className, String source, JavaCompiler compiler) {
		MessageDigest digest = sha256();
		for (String part : List.of(Integer.toString(FORMAT), fingerprint, compilerName(compiler), className, source)) {
			byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
			digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
			digest.update(bytes);
		}
		return folder.resolve(HexFormat.of().formatHex(digest.digest()) + SUFFIX);
	}

	private static String compilerName(JavaCompiler compiler) {
		return CalculatorCompiler.isJavac(compiler) ? "javac" : compiler.getClass().getName();
	}

	/** The class files of an entry; null when it is missing or damaged in any way. */
	static Map<String, byte[]> read(Path entry) {
		byte[] content;
		try {
			content = Files.readAllBytes(entry);
		} catch (IOException missingOrUnreadable) {
			return null;
		}
		if (content.length < DIGEST_LENGTH + 2 * Integer.BYTES) {
			return null;
		}
		int body = content.length - DIGEST_LENGTH;
		MessageDigest digest = sha256();
		digest.update(content, 0, body);
		if (!Arrays.equals(digest.digest(), Arrays.copyOfRange(content, body, content.length))) {
			return null;
		}
		try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(content, 0, body))) {
			if (in.readInt() != MAGIC) {
				return null;
			}
			int count = in.readInt();
			if (count <= 0 || count > 10_000) {
				return null;
			}
			Map<String, byte[]> classes = new LinkedHashMap<>();
			for (int i = 0; i < count; i++) {
				String name = in.readUTF();
				int length = in.readInt();
				if (length < 0 || length > in.available()) {
					return null;
				}
				classes.put(name, in.readNBytes(length));
			}
			return in.available() == 0 ? classes : null;
		} catch (IOException malformed) {
			return null;
		}
	}

	/**
	 * Writes an entry through a temporary file in the same folder and an atomic move, then forgets the entries used
	 * longest ago. A cache that cannot be written costs only the time it would have saved: failures are ignored.
	 */
	private void write(Path entry, Map<String, byte[]> classes) {
		Path temporary = null;
		try {
			Files.createDirectories(folder);
			temporary = Files.createTempFile(folder, entry.getFileName().toString(), ".tmp");
			Files.write(temporary, encode(classes));
			try {
				Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException notAtomic) {
				Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
			}
			temporary = null;
			prune();
		} catch (IOException | UncheckedIOException | SecurityException ignored) {
			// Next run compiles again.
		} finally {
			if (temporary != null) {
				try {
					Files.deleteIfExists(temporary);
				} catch (IOException leftBehind) {
					// A stray temporary file is pruned with the entries.
				}
			}
		}
	}

	static byte[] encode(Map<String, byte[]> classes) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(MAGIC);
			out.writeInt(classes.size());
			// Sorted, so that the same classes always give the same bytes.
			for (Map.Entry<String, byte[]> entry : new TreeMap<>(classes).entrySet()) {
				out.writeUTF(entry.getKey());
				out.writeInt(entry.getValue().length);
				out.write(entry.getValue());
			}
			out.flush();
			out.write(sha256().digest(bytes.toByteArray()));
		} catch (IOException inMemory) {
			throw new UncheckedIOException(inMemory);
		}
		return bytes.toByteArray();
	}

	/** Marks an entry as used now, so that pruning keeps it. */
	private static void touch(Path entry) {
		try {
			Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
		} catch (IOException | SecurityException readOnly) {
			// A read-only cache still serves its entries.
		}
	}

	/** Deletes all but the {@value #KEPT} entries used last, and the temporary files of interrupted runs. */
	private void prune() throws IOException {
		List<Path> files;
		try (Stream<Path> listed = Files.list(folder)) {
			files = listed.toList();
		}
		long abandoned = System.currentTimeMillis() - ABANDONED_AFTER_MILLIS;
		Map<Path, Long> used = new LinkedHashMap<>();
		for (Path file : files) {
			try {
				long modified = Files.getLastModifiedTime(file).toMillis();
				String name = file.getFileName().toString();
				if (name.endsWith(SUFFIX)) {
					used.put(file, modified);
				} else if (name.endsWith(".tmp") && modified < abandoned) {
					// Left by a run that died while writing; a younger one may be another run's, being written.
					Files.deleteIfExists(file);
				}
			} catch (IOException goneMeanwhile) {
				// Another run pruned it.
			}
		}
		if (used.size() <= KEPT) {
			return;
		}
		List<Path> oldestFirst = used.keySet().stream().sorted(Comparator.comparing(used::get)).toList();
		for (Path stale : oldestFirst.subList(0, Math.max(0, oldestFirst.size() - KEPT))) {
			Files.deleteIfExists(stale);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException everyJavaHasIt) {
			throw new IllegalStateException(everyJavaHasIt);
		}
	}
}
