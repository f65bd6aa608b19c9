package io.yardstick.dsl.generator;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * runtime library), and loads it: how {@code yardstick run} and the golden tests execute generated code.
 */
public final class CalculatorCompiler {
	private CalculatorCompiler() {
	}

	/** Why a generated source did not compile: javac's messages. A bug in the generator when it happens. */
	public static final class CompilationFailure extends RuntimeException {
		private static final long serialVersionUID = 1L;

		CompilationFailure(String message) {
			super(message);
		}
	}

	/** Compiles and loads the class; lint warnings count as errors, so generated code stays clean. */
	public static Class<?> compile(String className, String source) throws ClassNotFoundException {
		Map<String, ByteArrayOutputStream> classes = new HashMap<>();
		List<Diagnostic<? extends JavaFileObject>> diagnostics = javac(Map.of(className, source), classes);
		StringBuilder messages = new StringBuilder();
		for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
			messages.append(diagnostic.getLineNumber()).append(": ").append(diagnostic.getMessage(null)).append('\n');
		}
		if (diagnostics.stream().anyMatch(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)) {
			throw new CompilationFailure("generated source of " + className + " does not compile:\n" + messages);
		}
		ClassLoader loader = new ClassLoader(CalculatorCompiler.class.getClassLoader()) {
			@Override
			protected Class<?> findClass(String name) throws ClassNotFoundException {
				ByteArrayOutputStream bytes = classes.get(name);
				if (bytes == null) {
					throw new ClassNotFoundException(name);
				}
				byte[] code = bytes.toByteArray();
				return defineClass(name, code, 0, code.length);
			}
		};
		return loader.loadClass(className);
	}

	/**
	 * Compiles several sources in one javac run, as {@link #compile} does one (a javac start costs more than
	 * a calculator): for tests that compile many. Sources are keyed by qualified class name.
	 *
	 * @return javac's errors and warnings (lint warnings are errors here too), none when all compile
	 */
	public static List<Diagnostic<? extends JavaFileObject>> check(Map<String, String> sources) {
		return javac(sources, new HashMap<>());
	}

	private static List<Diagnostic<? extends JavaFileObject>> javac(Map<String, String> sources,
			Map<String, ByteArrayOutputStream> classes) {
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		if (javac == null) {
			throw new CompilationFailure("no Java compiler in this Java runtime: run Yardstick with a JDK, not a JRE");
		}
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
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
		List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-Xlint:all", "-Werror",
				"-proc:none");
		javac.getTask(null, files, diagnostics, options, null, units).call();
		return diagnostics.getDiagnostics().stream().filter(diagnostic -> diagnostic.getKind() != Diagnostic.Kind.NOTE)
				.toList();
	}
}
