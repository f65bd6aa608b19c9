package io.yardstick.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The peer: the JDK's own compiler, run in process on sources held in memory, writing class files
 * to memory. Annotation processing is off ({@code -proc:none}) and the class path holds only the
 * classes given as already compiled, so javac reads nothing but the JDK and these inputs. One
 * instance keeps one standard file manager (and so its cache of the JDK's own classes) across
 * compilations, as the Yardstick side keeps one Xtext injector.
 */
public final class InMemoryJavac {
	private static final List<String> OPTIONS = List.of("-proc:none", "-encoding", "UTF-8");

	private final JavaCompiler compiler;
	private final StandardJavaFileManager standard;

	/** What one compilation gave: class files by binary name, and every diagnostic. */
	public record Result(boolean success, Map<String, byte[]> classes, List<String> diagnostics) {
		public List<String> errors() {
			return diagnostics.stream().filter(d -> d.startsWith("ERROR")).toList();
		}
	}

	public InMemoryJavac() {
		compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null) {
			throw new IllegalStateException("no system Java compiler: run the benchmarks on a JDK, not a JRE");
		}
		standard = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
		try {
			standard.setLocation(StandardLocation.CLASS_PATH, List.of());
			standard.setLocation(StandardLocation.SOURCE_PATH, List.of());
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Compiles {@code sources} (binary class name → Java text) against {@code compiled} (binary
	 * class name → class file), everything in memory.
	 */
	public Result compile(Map<String, String> sources, Map<String, byte[]> compiled) {
		List<JavaFileObject> units = new ArrayList<>();
		sources.forEach((name, text) -> units.add(new Source(name, text)));
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		MemoryFileManager files = new MemoryFileManager(standard, compiled);
		boolean success = compiler.getTask(null, files, diagnostics, OPTIONS, null, units).call();
		List<String> messages = new ArrayList<>();
		for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
			messages.add(d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber())
					+ " " + d.getMessage(Locale.ROOT));
		}
		return new Result(success, files.output, messages);
	}

	/** A source held as text. */
	private static final class Source extends SimpleJavaFileObject {
		private final String text;

		Source(String binaryName, String text) {
			super(URI.create("string:///" + binaryName.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
			this.text = text;
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return text;
		}
	}

	/** A class file held as bytes: compiled before, or being written now. */
	private static final class ClassFile extends SimpleJavaFileObject {
		final String binaryName;
		private byte[] bytes;
		private final Map<String, byte[]> sink;

		ClassFile(String binaryName, byte[] bytes, Map<String, byte[]> sink) {
			super(URI.create("mem:///" + binaryName.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
			this.binaryName = binaryName;
			this.bytes = bytes;
			this.sink = sink;
		}

		@Override
		public InputStream openInputStream() {
			return new ByteArrayInputStream(bytes);
		}

		@Override
		public OutputStream openOutputStream() {
			return new ByteArrayOutputStream() {
				@Override
				public void close() throws IOException {
					super.close();
					bytes = toByteArray();
					sink.put(binaryName, bytes);
				}
			};
		}
	}

	/** Serves already compiled classes from memory on the class path and collects the output. */
	private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
		private final Map<String, List<ClassFile>> classPathByPackage = new LinkedHashMap<>();
		final Map<String, byte[]> output = new LinkedHashMap<>();

		MemoryFileManager(StandardJavaFileManager standard, Map<String, byte[]> compiled) {
			super(standard);
			compiled.forEach((name, bytes) -> {
				int dot = name.lastIndexOf('.');
				String packageName = dot < 0 ? "" : name.substring(0, dot);
				classPathByPackage.computeIfAbsent(packageName, p -> new ArrayList<>()).add(new ClassFile(name, bytes, null));
			});
		}

		@Override
		public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
				boolean recurse) throws IOException {
			Iterable<JavaFileObject> standardFiles = super.list(location, packageName, kinds, recurse);
			if (location != StandardLocation.CLASS_PATH || !kinds.contains(JavaFileObject.Kind.CLASS)) {
				return standardFiles;
			}
			List<ClassFile> own = classPathByPackage.get(packageName);
			if (own == null) {
				return standardFiles;
			}
			List<JavaFileObject> all = new ArrayList<>(own);
			standardFiles.forEach(all::add);
			return all;
		}

		@Override
		public String inferBinaryName(Location location, JavaFileObject file) {
			if (file instanceof ClassFile classFile) {
				return classFile.binaryName;
			}
			return super.inferBinaryName(location, file);
		}

		@Override
		public boolean hasLocation(Location location) {
			return location == StandardLocation.CLASS_PATH || super.hasLocation(location);
		}

		@Override
		public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
				FileObject sibling) {
			return new ClassFile(className, new byte[0], output);
		}

		@Override
		public boolean isSameFile(FileObject a, FileObject b) {
			if (a instanceof ClassFile || b instanceof ClassFile || a instanceof Source || b instanceof Source) {
				return a.equals(b);
			}
			return super.isSameFile(a, b);
		}
	}

	/** For the documentation: what ran. */
	public static String describe() {
		return "javac " + System.getProperty("java.version") + " (javax.tools, in memory, " + String.join(" ", OPTIONS) + ")";
	}
}
