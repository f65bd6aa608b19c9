package io.yardstick.dsl.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
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
 * Compiles many generated calculators in few javac runs, with the options CalculatorCompiler uses (lint
 * warnings are errors): one javac start per source would make the fuzz suite slow.
 */
final class BatchCompiler {
	private static final int BATCH = 100;

	private BatchCompiler() {
	}

	/** @return one failure per source that does not compile, with the input it came from */
	static List<String> compile(Map<String, String> sources, Map<String, String> inputs) {
		List<String> failures = new ArrayList<>();
		List<String> names = new ArrayList<>(sources.keySet());
		for (int from = 0; from < names.size(); from += BATCH) {
			List<String> batch = names.subList(from, Math.min(names.size(), from + BATCH));
			for (Diagnostic<? extends JavaFileObject> error : compileBatch(batch, sources)) {
				String file = error.getSource() == null ? "?" : error.getSource().getName();
				String className = file.replaceFirst("^/", "").replace(".java", "").replace('/', '.');
				failures.add(className + ":" + error.getLineNumber() + ": " + error.getMessage(null) + "\n"
						+ inputs.getOrDefault(className, ""));
			}
		}
		return failures;
	}

	private static List<Diagnostic<? extends JavaFileObject>> compileBatch(List<String> batch, Map<String, String> sources) {
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null);
		ForwardingJavaFileManager<StandardJavaFileManager> files = new ForwardingJavaFileManager<>(standard) {
			@Override
			public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
					FileObject sibling) {
				return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + kind.extension), kind) {
					@Override
					public OutputStream openOutputStream() {
						return new ByteArrayOutputStream();
					}
				};
			}
		};
		List<JavaFileObject> units = new ArrayList<>();
		for (String className : batch) {
			String source = sources.get(className);
			units.add(new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".java"),
					JavaFileObject.Kind.SOURCE) {
				@Override
				public CharSequence getCharContent(boolean ignoreEncodingErrors) {
					return source;
				}
			});
		}
		List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-Xlint:all", "-Werror",
				"-proc:none");
		javac.getTask(null, files, diagnostics, options, null, units).call();
		return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR
				|| d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING).toList();
	}
}
