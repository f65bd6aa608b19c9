package io.yardstick.dsl.fuzz;

import io.yardstick.dsl.generator.CalculatorCompiler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Compiles many generated calculators in few javac runs: one javac start per source would make the suite slow. */
final class BatchCompiler {
	private static final int BATCH = 100;

	private BatchCompiler() {
	}

	/** @return one failure per javac error or warning, with the input its source came from */
	static List<String> compile(Map<String, String> sources, Map<String, String> inputs) {
		List<String> failures = new ArrayList<>();
		List<String> names = new ArrayList<>(sources.keySet());
		for (int from = 0; from < names.size(); from += BATCH) {
			Map<String, String> batch = new LinkedHashMap<>();
			names.subList(from, Math.min(names.size(), from + BATCH)).forEach(name -> batch.put(name, sources.get(name)));
			for (Diagnostic<? extends JavaFileObject> problem : CalculatorCompiler.check(batch)) {
				String file = problem.getSource() == null ? "?" : problem.getSource().getName();
				String className = file.replaceFirst("^/", "").replace(".java", "").replace('/', '.');
				failures.add(className + ":" + problem.getLineNumber() + ": " + problem.getMessage(null) + "\n"
						+ inputs.getOrDefault(className, ""));
			}
		}
		return failures;
	}
}
