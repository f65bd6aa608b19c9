package io.yardstick.cli;

import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.pipeline.ComputeEngine;
import io.yardstick.dsl.pipeline.ComputeException;
import io.yardstick.dsl.pipeline.JavaEngine;
import io.yardstick.dsl.pipeline.Pipeline;
import io.yardstick.dsl.templatetest.CoverageReport;
import io.yardstick.dsl.templatetest.TestCoverage;
import io.yardstick.dsl.templatetest.TestReport;
import io.yardstick.dsl.templatetest.TestResult;
import io.yardstick.dsl.templatetest.TestRunner;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.dsl.workspace.Severity;
import io.yardstick.engines.Engines;
import io.yardstick.runtime.text.Texts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code yardstick test}: runs the template tests of the named templates (docs/testing.md). */
@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = YardstickCommand.Version.class,
		sortOptions = false, usageHelpAutoWidth = true,
		description = {
				"Run the template tests ('test' blocks) of the templates in a .kpi file or a folder: each test's rows "
						+ "are computed by the Java calculator and by DuckDB, and every expectation is checked. Prints each "
						+ "failure as 'path:line:column: test: expected ... got ...', then a summary line.",
				"" },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = {
				"0:every test passed",
				"1:a test failed, or the templates have errors (then no test runs)",
				"2:usage problem: a path that does not exist, a folder without .kpi files, a bad option",
				"3:unexpected failure inside Yardstick (a bug; --debug shows the stack trace)" })
public final class TestCommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "FILE|DIR", arity = "1",
			description = "A .kpi file or a folder (searched recursively); templates it extends are found beside it.")
	Path path;

	@Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML, for CI servers.")
	Path junit;

	@Option(names = "--coverage", description = "Print what the tests exercised, per template, and write it as JSON "
			+ "(to --coverage-json, by default yardstick-coverage.json in the current folder).")
	boolean coverage;

	@Option(names = "--coverage-json", paramLabel = "FILE", description = "Where --coverage writes its JSON.")
	Path coverageJson;

	@Option(names = "--java-only", description = "Run the tests on the Java calculator only, not on DuckDB too.")
	boolean javaOnly;

	@Option(names = "--threads", paramLabel = "N", description = RunInputs.THREADS_HELP)
	Integer threads;

	@Option(names = "--language", paramLabel = "LANG", description = "Language of the messages, findings, summary "
			+ "and coverage: zh or en (default: the locale's language). Failures' expected/got lines stay English.")
	String language;

	@Override
	public Integer call() throws IOException {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		Texts texts = CliTexts.of(language);
		Integer scanThreads = RunInputs.scanThreads(threads);
		if (scanThreads == null) {
			throw new ParameterException(spec.commandLine(), texts.get("usage.threads", threads));
		}
		KpiWorkspace.ValidatedModel validated;
		try {
			validated = Pipeline.validate(path, ProgressListener.NONE, texts.language());
		} catch (Pipeline.BadSelection e) {
			throw new ParameterException(spec.commandLine(), CliTexts.selection(e, texts));
		}
		List<Finding> errors = validated.report().findings().stream()
				.filter(finding -> finding.severity() == Severity.ERROR).toList();
		if (!errors.isEmpty()) {
			errors.forEach(finding -> err.println(CliTexts.finding(finding, texts)));
			err.println(texts.plural("test.refused", errors.size()));
			err.flush();
			return Main.EXIT_FINDINGS;
		}
		Path under = path.toAbsolutePath().normalize();
		List<ComputeEngine> others = new ArrayList<>();
		List<String> engineNames = new ArrayList<>(List.of(JavaEngine.NAME));
		TestCoverage recorded = coverage || coverageJson != null ? new TestCoverage() : null;
		List<TestResult> results;
		try {
			if (!javaOnly) {
				others.add(Engines.open("duckdb", null, null, System.getenv()));
				engineNames.add("duckdb");
			}
			results = new TestRunner(others, recorded, scanThreads).runAll(validated.model(), validated.report().findings(),
					template -> within(template, under));
		} catch (ComputeException e) {
			err.println(texts.get("test.noDuckdb", e.getMessage()));
			err.flush();
			return Main.EXIT_FINDINGS;
		} finally {
			others.forEach(ComputeEngine::close);
		}
		Texts reportTexts = TestReport.texts(texts.language());
		out.print(TestReport.text(results, engineNames, reportTexts));
		if (recorded != null) {
			out.print(CoverageReport.text(recorded, reportTexts));
			Path json = coverageJson == null ? Path.of("yardstick-coverage.json") : coverageJson;
			write(json, CoverageReport.json(recorded));
			out.println(texts.get("test.coverage", json));
		}
		if (junit != null) {
			write(junit, TestReport.junitXml(results));
		}
		out.flush();
		return results.stream().allMatch(TestResult::passed) ? Main.EXIT_OK : Main.EXIT_FINDINGS;
	}

	/** Whether the template's file is the path given or lies under it (siblings are loaded only to resolve). */
	private static boolean within(Template template, Path under) {
		org.eclipse.emf.common.util.URI uri = template.eResource().getURI();
		return uri.isFile() && Path.of(uri.toFileString()).toAbsolutePath().normalize().startsWith(under);
	}

	private static void write(Path file, String text) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}
}
