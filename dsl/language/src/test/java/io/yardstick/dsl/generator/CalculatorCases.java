package io.yardstick.dsl.generator;

import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.testing.Models;
import io.yardstick.dsl.workspace.LoadedModel;
import io.yardstick.runtime.calc.Calculator;
import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.load.Bindings;
import io.yardstick.runtime.load.DataLoader;
import io.yardstick.runtime.load.LoadOptions;
import io.yardstick.runtime.results.GroupingResult;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.time.Grain;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A calculator case folder: {@code model/} (the .kpi files, one template), {@code data/} (a CSV per
 * source), {@code run.properties} (grain, by, from, to), and {@code expected/} (the generated Java and
 * every computed value).
 */
public final class CalculatorCases {
	static final Path ROOT = Path.of("src/test/resources/calculators");

	private CalculatorCases() {
	}

	static Stream<Path> all() throws IOException {
		try (Stream<Path> folders = Files.list(ROOT)) {
			return folders.filter(Files::isDirectory).sorted().toList().stream();
		}
	}

	public static Template template(Path folder) throws IOException {
		LoadedModel loaded = Models.loadFolder(folder.resolve("model"));
		String findings = Models.findings(loaded);
		if (findings.contains(": error ")) {
			throw new AssertionError("case " + folder.getFileName() + " does not validate:\n" + findings);
		}
		for (String name : loaded.names()) {
			Model model = Models.model(loaded, name);
			for (Object element : model.getElements()) {
				if (element instanceof Template template) {
					return template;
				}
			}
		}
		throw new AssertionError("case " + folder.getFileName() + " has no template");
	}

	public static RunOptions options(Path folder) throws IOException {
		Properties properties = new Properties();
		Path file = folder.resolve("run.properties");
		if (Files.exists(file)) {
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
		}
		String from = properties.getProperty("from");
		String to = properties.getProperty("to");
		return new RunOptions(Grain.parse(properties.getProperty("grain", "month")),
				Grouping.parseList(properties.getProperty("by", "")), from == null ? null : LocalDate.parse(from),
				to == null ? null : LocalDate.parse(to));
	}

	/** A case's template, its calculator generated, compiled and run on the case's data with the case's options. */
	record Ran(Template template, Calculator calculator, Results results, RunOptions options) {
	}

	static Ran compileAndRun(Path folder) throws Exception {
		Template template = template(folder);
		var source = new CalculatorGenerator().generate(template, null);
		Class<?> compiled = CalculatorCompiler.compile(source.qualifiedClassName(), source.content());
		return new Ran(template, (Calculator) compiled.getDeclaredConstructor().newInstance(), run(compiled, folder),
				options(folder));
	}

	static Results run(Class<?> calculatorClass, Path folder) throws Exception {
		Calculator calculator = (Calculator) calculatorClass.getDeclaredConstructor().newInstance();
		Map<String, Path> files = new LinkedHashMap<>(
				Bindings.resolve(calculator.template(), folder.resolve("data"), List.of()));
		return calculator.run(DataLoader.load(calculator.template(), files, LoadOptions.defaults()).dataset(),
				options(folder));
	}

	/** Every value of a run, one line each: metric, grouping, group, period, value (7 significant digits). */
	static String values(Results results) {
		return values(results, period -> true);
	}

	/** {@link #values(Results)} of the periods the filter keeps. */
	public static String values(Results results, java.util.function.IntPredicate shownPeriod) {
		StringBuilder text = new StringBuilder();
		for (int m = 0; m < results.template().metrics().size(); m++) {
			String metric = results.template().metrics().get(m).id();
			for (GroupingResult grouping : results.groupings()) {
				if (!grouping.computed(m)) {
					continue;
				}
				for (int group = 0; group < grouping.groups().size(); group++) {
					String groupText = grouping.grouping().isTotal() ? "-"
							: String.join("*", grouping.groups().get(group).stream().map(String::valueOf).toList());
					for (int period = 0; period < results.periods().count(); period++) {
						if (!shownPeriod.test(period)) {
							continue;
						}
						text.append(metric).append('\t').append(grouping.grouping().name()).append('\t').append(groupText)
								.append('\t').append(results.periods().label(period)).append('\t')
								.append(number(grouping.value(m, period, group))).append('\n');
					}
				}
			}
		}
		return text.toString();
	}

	public static String number(double value) {
		if (Double.isNaN(value)) {
			return "null";
		}
		BigDecimal rounded = new BigDecimal(value).round(new MathContext(7)).stripTrailingZeros();
		return rounded.signum() == 0 ? "0" : rounded.toPlainString();
	}
}
