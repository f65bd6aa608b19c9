package io.yardstick.dsl.generator;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a generated calculator with javac in memory against the current class path (which holds the
 * runtime library), and loads it: how {@code yardstick run} and the golden tests execute generated code. In a Java
 * runtime without javac (a JRE), it uses a compiler the class path provides: the CLI jar carries Eclipse's.
 */
public final class CalculatorCompiler {
	private CalculatorCompiler() {
	}

	/** Why a generated source did not compile: javac's messages. A bug in the generator when it happens. */
	public static final class CompilationFailure extends RuntimeException {
		private static final long serialVersionUID = 1L;

		public CompilationFailure(String message) {
			super(message);
		}
	}

	/** Compiles and loads the class; with javac, lint warnings count as errors, so generated code stays clean. */
	public static Class<?> compile(String className, String source) throws ClassNotFoundException {
		return compile(className, source, compiler());
	}

	/** The JDK's javac, else the first {@link JavaCompiler} service on the class path. */
	static JavaCompiler compiler() {
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		if (javac != null) {
			return javac;
		}
		return ServiceLoader.load(JavaCompiler.class, CalculatorCompiler.class.getClassLoader()).findFirst()
				.orElseThrow(() -> new CompilationFailure(
						"no Java compiler in this Java runtime, and none on the class path: run Yardstick with a JDK"));
	}

	static Class<?> compile(String className, String source, JavaCompiler compiler) throws ClassNotFoundException {
		return define(className, compileToClassFiles(className, source, compiler));
	}

	/**
	 * Compiles the source to class files without loading them: what {@link CalculatorCache} keeps.
	 *
	 * @return per binary class name (nested classes included) its class file
	 */
	static Map<String, byte[]> compileToClassFiles(String className, String source, JavaCompiler compiler) {
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		String classPath = classPath();
		Map<String, byte[]> classes;
		boolean ok;
		if (isJavac(compiler)) {
			Map<String, ByteArrayOutputStream> written = new HashMap<>();
			ok = compileInMemory(compiler, Map.of(className, source), diagnostics, written,
					List.of("-classpath", classPath, "-Xlint:all", "-Werror", "-proc:none"));
			classes = new HashMap<>();
			written.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
		} else {
			// Lint is javac's own (the golden tests hold generated code to it); the Eclipse compiler warns about other
			// things. It reads sources from files only, so the source goes through a temporary folder.
			classes = new HashMap<>();
			ok = compileOnDisk(compiler, className, source, diagnostics, classes,
					List.of("-classpath", classPath, "-proc:none", "-source", "17", "-target", "17", "-nowarn"));
		}
		StringBuilder messages = new StringBuilder();
		for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
			messages.append(diagnostic.getLineNumber()).append(": ").append(diagnostic.getMessage(null)).append('\n');
		}
		if (!ok) {
			throw new CompilationFailure("generated source of " + className + " does not compile:\n" + messages);
		}
		return classes;
	}

	static boolean isJavac(JavaCompiler compiler) {
		return "jdk.compiler".equals(compiler.getClass().getModule().getName());
	}

	/** Loads compiled classes in a class loader of their own, whose parent sees the runtime library. */
	static Class<?> define(String className, Map<String, byte[]> classes) throws ClassNotFoundException {
		ClassLoader loader = new ClassLoader(CalculatorCompiler.class.getClassLoader()) {
			@Override
			protected Class<?> findClass(String name) throws ClassNotFoundException {
				byte[] code = classes.get(name);
				if (code == null) {
					throw new ClassNotFoundException(name);
				}
				return defineClass(name, code, 0, code.length);
			}
		};
		return loader.loadClass(className);
	}

	/**
	 * The JVM's class path, and the runtime library's jar or folder when it is not on it: inside a Maven plugin or
	 * an OSGi bundle the runtime comes from a class loader of its own, and the generated source needs it.
	 */
	private static String classPath() {
		String classPath = System.getProperty("java.class.path", "");
		try {
			java.security.CodeSource runtime = io.yardstick.runtime.calc.Calculator.class.getProtectionDomain().getCodeSource();
			if (runtime != null && runtime.getLocation() != null && "file".equals(runtime.getLocation().getProtocol())) {
				String location = java.nio.file.Path.of(runtime.getLocation().toURI()).toString();
				if (!List.of(classPath.split(java.io.File.pathSeparator)).contains(location)) {
					classPath = classPath.isEmpty() ? location : classPath + java.io.File.pathSeparator + location;
				}
			}
		} catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
			// The JVM's class path alone, as before.
		}
		return classPath;
	}

	private static boolean compileInMemory(JavaCompiler javac, Map<String, String> sources,
			DiagnosticCollector<JavaFileObject> diagnostics, Map<String, ByteArrayOutputStream> classes, List<String> options) {
		StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null);
		ForwardingJavaFileManager<StandardJavaFileManager> files = new ForwardingJavaFileManager<>(standard) {
			@Override
			public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
					FileObject sibling) {
				return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + kind.extension), kind) {
					@Override
					public OutputStream openOutputStream() {
						return classes.computeIfAbsent(name, n -> new ByteArrayOutputStream());
					}
				};
			}
		};
		List<JavaFileObject> units = new java.util.ArrayList<>();
		for (Map.Entry<String, String> source : sources.entrySet()) {
			units.add(new SimpleJavaFileObject(URI.create("mem:///" + source.getKey().replace('.', '/') + ".java"),
					JavaFileObject.Kind.SOURCE) {
				@Override
				public CharSequence getCharContent(boolean ignoreEncodingErrors) {
					return source.getValue();
				}
			});
		}
		return javac.getTask(null, files, diagnostics, options, null, units).call();
	}

	/**
	 * Compiles several sources in one javac run, as {@link #compile} does one (a javac start costs more than
	 * a calculator): for tests that compile many. Sources are keyed by qualified class name; needs a JDK.
	 *
	 * @return javac's errors and warnings (lint warnings are errors here too), none when all compile
	 */
	public static List<Diagnostic<? extends JavaFileObject>> check(Map<String, String> sources) {
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		if (javac == null) {
			throw new CompilationFailure("no javac in this Java runtime: run the checks with a JDK");
		}
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		compileInMemory(javac, sources, diagnostics, new HashMap<>(), List.of("-classpath",
				System.getProperty("java.class.path"), "-Xlint:all", "-Werror", "-proc:none"));
		return diagnostics.getDiagnostics().stream().filter(diagnostic -> diagnostic.getKind() != Diagnostic.Kind.NOTE)
				.toList();
	}

	private static boolean compileOnDisk(JavaCompiler compiler, String className, String source,
			DiagnosticCollector<JavaFileObject> diagnostics, Map<String, byte[]> classes, List<String> options) {
		Path folder = null;
		try {
			folder = Files.createTempDirectory("yardstick-calculator");
			Path sourceFile = folder.resolve("src").resolve(className.replace('.', '/') + ".java");
			Files.createDirectories(sourceFile.getParent());
			Files.writeString(sourceFile, source, StandardCharsets.UTF_8);
			Path output = Files.createDirectories(folder.resolve("classes"));
			List<String> withOutput = new ArrayList<>(options);
			withOutput.addAll(List.of("-encoding", "UTF-8", "-d", output.toString()));
			StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
			// The compiler's own printout would reach standard output, which belongs to the command.
			boolean ok = compiler.getTask(new StringWriter(), files, diagnostics, withOutput, null,
					files.getJavaFileObjects(sourceFile.toFile())).call();
			try (Stream<Path> written = Files.walk(output)) {
				for (Path file : written.filter(path -> path.toString().endsWith(".class")).toList()) {
					String relative = output.relativize(file).toString();
					String name = relative.substring(0, relative.length() - ".class".length()).replace(File.separatorChar, '.');
					classes.put(name, Files.readAllBytes(file));
				}
			}
			return ok;
		} catch (IOException e) {
			throw new CompilationFailure("cannot compile " + className + " in a temporary folder: " + e);
		} finally {
			deleteQuietly(folder);
		}
	}

	private static void deleteQuietly(Path folder) {
		if (folder == null) {
			return;
		}
		try (Stream<Path> all = Files.walk(folder)) {
			all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		} catch (IOException leftBehind) {
			// A temporary folder left behind is harmless; the compiled classes are already in memory.
		}
	}
}
