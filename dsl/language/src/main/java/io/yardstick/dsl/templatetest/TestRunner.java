package io.yardstick.dsl.templatetest;

import io.yardstick.dsl.generator.CalculatorCompiler;
import io.yardstick.dsl.generator.CalculatorGenerator;
import io.yardstick.dsl.kpi.ErrorExpectation;
import io.yardstick.dsl.kpi.Expectation;
import io.yardstick.dsl.kpi.GroupValue;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.kpi.TemplateTest;
import io.yardstick.dsl.kpi.TestBreakdown;
import io.yardstick.dsl.kpi.ValueExpectation;
import io.yardstick.dsl.model.ModelText;
import io.yardstick.dsl.model.Overrides;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.pipeline.CompiledTemplate;
import io.yardstick.dsl.pipeline.ComputeEngine;
import io.yardstick.dsl.pipeline.ComputeException;
import io.yardstick.dsl.pipeline.JavaEngine;
import io.yardstick.dsl.pipeline.Pipeline;
import io.yardstick.dsl.pipeline.SourceData;
import io.yardstick.dsl.validation.TestValidator;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.LoadedModel;
import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.load.DataError;
import io.yardstick.runtime.load.DataLoadException;
import io.yardstick.runtime.load.LoadOptions;
import io.yardstick.runtime.load.LoadReport;
import io.yardstick.runtime.load.LoadResult;
import io.yardstick.runtime.results.GroupingResult;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.spec.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Runs template tests through the {@link Pipeline}: the template is generated and compiled once, then each test's
 * rows are loaded by the runtime loader and computed on the Java calculator, and on every other engine given, whose
 * results must agree with Java's. docs/testing.md describes what is checked and how failures read.
 */
public final class TestRunner {
	/** Relative slack of an expectation written without a tolerance: float noise, nothing a reader could see. */
	static final double EXACT = 1e-9;

	/** Failures in the order a reader meets them in the file; messages keep the order they were found in. */
	private static final Comparator<TestFailure> FAILURE_ORDER = Comparator
			.comparing((TestFailure failure) -> failure.position().file())
			.thenComparingInt(failure -> failure.position().line())
			.thenComparingInt(failure -> failure.position().column());

	private final List<ComputeEngine> others;
	private final TestCoverage coverage;
	private final int threads;

	/**
	 * @param others engines to run every test on besides Java (DuckDB in the CLI); the caller closes them
	 * @param coverage where to record what the tests exercised; null for none
	 */
	public TestRunner(List<ComputeEngine> others, TestCoverage coverage) {
		this(others, coverage, 0);
	}

	/** @param threads the threads a scan may use ({@link RunOptions#threads}): 0 for one per processor */
	public TestRunner(List<ComputeEngine> others, TestCoverage coverage, int threads) {
		this.others = List.copyOf(others);
		this.coverage = coverage;
		this.threads = threads;
	}

	/** Runs the tests of every template of the model that {@code which} accepts, template by template. */
	public List<TestResult> runAll(LoadedModel model, List<Finding> findings, java.util.function.Predicate<Template> which) {
		List<TestResult> results = new ArrayList<>();
		for (Template template : TemplateTests.tested(model)) {
			if (which.test(template)) {
				results.addAll(run(template, model, findings));
			}
		}
		return results;
	}

	/** Runs the tests the template runs (its own and its ancestors'), in order. */
	public List<TestResult> run(Template template, LoadedModel model, List<Finding> findings) {
		List<TemplateTests.Case> cases = TemplateTests.of(template, model);
		List<TestResult> results = new ArrayList<>();
		if (cases.isEmpty()) {
			return results;
		}
		CompiledTemplate compiled;
		try {
			compiled = Pipeline.compile(Pipeline.generate(Pipeline.selected(template, model, findings), null));
		} catch (Pipeline.Refused refused) {
			Finding finding = refused.findings().get(0);
			TestFailure failure = new TestFailure(new TestPosition(finding.file(), finding.line(), finding.column(),
					finding.endLine(), finding.endColumn()), "the template cannot be generated: " + finding.message());
			for (TemplateTests.Case testCase : cases) {
				results.add(result(template, testCase, model, 0, List.of(), new ArrayList<>(List.of(failure))));
			}
			return results;
		} catch (CalculatorCompiler.CompilationFailure e) {
			throw new IllegalStateException("the calculator of " + CalculatorGenerator.qualifiedName(template)
					+ " does not compile, a generator bug: " + e.getMessage(), e);
		}
		if (coverage != null) {
			coverage.begin(template, compiled, model);
		}
		for (TemplateTests.Case testCase : cases) {
			results.add(runCase(template, testCase, compiled, model));
		}
		return results;
	}

	private TestResult result(Template template, TemplateTests.Case testCase, LoadedModel model, int checked,
			List<String> skipped, List<TestFailure> failures) {
		failures.sort(FAILURE_ORDER);
		return new TestResult(CalculatorGenerator.qualifiedName(template), testCase.test().getName(),
				CalculatorGenerator.qualifiedName(testCase.declaredFor()), start(model, testCase.test()), checked, skipped,
				failures);
	}

	private TestResult runCase(Template template, TemplateTests.Case testCase, CompiledTemplate compiled,
			LoadedModel model) {
		TemplateTest test = testCase.test();
		List<TestFailure> failures = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		int checked = 0;
		Path folder = null;
		try {
			folder = Files.createTempDirectory("yardstick-test");
			TestInputs inputs = TestInputs.prepare(test, compiled.spec(), model, folder);
			inputs.problems().forEach(problem -> failures.add(new TestFailure(problem.position(), problem.message())));
			List<DataError> errors = new ArrayList<>();
			LoadResult loaded = null;
			try {
				loaded = Pipeline.load(compiled, inputs.bindings(), LoadOptions.defaults()
						.skipBadRows(folder.resolve("rejected")).keepingUnreferencedKeys(true));
				for (LoadReport.SourceReport source : loaded.report().sources()) {
					errors.addAll(source.firstErrors());
				}
			} catch (DataLoadException e) {
				errors.addAll(e.errors());
			}
			checked += matchErrors(test, errors, inputs, model, failures);
			if (loaded == null) {
				return result(template, testCase, model, checked, skipped, failures);
			}
			RunOptions options = options(test).withThreads(threads);
			Results java;
			try (JavaEngine engine = new JavaEngine()) {
				java = Pipeline.compute(compiled, engine, SourceData.loaded(loaded.dataset()), options);
			} catch (ComputeException e) {
				failures.add(new TestFailure(start(model, test), "the Java calculator failed: " + e.getMessage()));
				return result(template, testCase, model, checked, skipped, failures);
			}
			if (coverage != null) {
				coverage.record(template, test, compiled, loaded, options, java);
			}
			Template declared = testCase.declaredFor();
			for (Expectation expectation : test.getExpectations()) {
				if (expectation instanceof ValueExpectation value) {
					Metric metric = TemplateHierarchy.metric(template, value.getMetric());
					if (metric == null) {
						skipped.add(value.getMetric() + ": " + template.getName() + " excludes it");
						continue;
					}
					// An inherited expectation holds where the client left what it depends on as it was: the formula
					// for a value, and the thresholds too for a status.
					Metric changedBy = value.getStatus() == null ? Overrides.formulaOwner(metric) : metric;
					if (testCase.inherited(template) && !TemplateHierarchy.lineage(declared)
							.contains(TemplateHierarchy.templateOf(changedBy))) {
						skipped.add(value.getMetric() + ": " + TemplateHierarchy.templateOf(changedBy).getName()
								+ (value.getStatus() == null ? " overrides its formula" : " overrides it"));
						continue;
					}
					checked++;
					if (coverage != null) {
						coverage.expected(template, metric.getName());
					}
					String problem = check(value, metric, java);
					if (problem != null) {
						failures.add(new TestFailure(TestPosition.of(model, value), test.getName() + ": " + problem));
					}
				}
			}
			for (ComputeEngine other : others) {
				compare(test, compiled, loaded, options, java, other, model, failures);
			}
		} catch (IOException e) {
			failures.add(new TestFailure(start(model, test), "cannot write the test's rows: " + e.getMessage()));
		} finally {
			delete(folder);
		}
		return result(template, testCase, model, checked, skipped, failures);
	}

	/** The test's own options, with every grouping an expectation asks for. */
	static RunOptions options(TemplateTest test) {
		List<Grouping> groupings = new ArrayList<>();
		for (TestBreakdown breakdown : test.getBreakdowns()) {
			groupings.add(new Grouping(breakdown.getDimensions()));
		}
		for (Expectation expectation : test.getExpectations()) {
			if (expectation instanceof ValueExpectation value && !value.getGroup().isEmpty()) {
				groupings.add(new Grouping(value.getGroup().stream().map(GroupValue::getDimension).toList()));
			}
		}
		return new RunOptions(TestValidator.grainOf(test), groupings, TestPeriods.day(test.getFrom()),
				TestPeriods.day(test.getTo()));
	}

	/** Matches the loader's errors with the expected ones; the rest fail the test. Gives how many were expected. */
	private int matchErrors(TemplateTest test, List<DataError> errors, TestInputs inputs, LoadedModel model,
			List<TestFailure> failures) {
		List<DataError> pool = new ArrayList<>(errors);
		int expected = 0;
		for (Expectation expectation : test.getExpectations()) {
			if (!(expectation instanceof ErrorExpectation wanted)) {
				continue;
			}
			expected++;
			DataError found = pool.stream().filter(error -> wanted.getSource().equals(error.source())
					&& (wanted.getRow() == null || TestInputs.rowOf(error) == wanted.getRow().longValue())
					&& (wanted.getMessage() == null || wanted.getMessage().equals(inputs.reason(error, model)))).findFirst()
					.orElse(null);
			if (found != null) {
				pool.remove(found);
				continue;
			}
			List<String> got = pool.stream().filter(error -> wanted.getSource().equals(error.source()))
					.map(error -> "row " + TestInputs.rowOf(error) + " \"" + inputs.reason(error, model) + "\"").toList();
			failures.add(new TestFailure(TestPosition.of(model, wanted), test.getName() + ": expected error "
					+ wanted.getSource() + (wanted.getRow() == null ? "" : " row " + ModelText.number(wanted.getRow()))
					+ (wanted.getMessage() == null ? "" : " \"" + wanted.getMessage() + "\"") + ", got "
					+ (got.isEmpty() ? "no data error in " + wanted.getSource() : String.join("; ", got))));
		}
		for (DataError error : pool) {
			failures.add(new TestFailure(inputs.positionOf(error, model), test.getName() + ": unexpected data error: "
					+ inputs.reason(error, model)));
		}
		return expected;
	}

	/** Why the results do not meet the expectation, or null when they do. */
	static String check(ValueExpectation expectation, Metric metric, Results results) {
		String what = describe(expectation);
		int m = results.template().metricIndex(metric.getName());
		int period = -1;
		for (int p = 0; p < results.periods().count(); p++) {
			if (results.periods().label(p).equals(expectation.getPeriod())) {
				period = p;
			}
		}
		if (period < 0) {
			List<String> labels = new ArrayList<>();
			for (int p = 0; p < results.periods().count(); p++) {
				labels.add(results.periods().label(p));
			}
			return "expected " + what + ", got no period " + expectation.getPeriod() + " (the run has "
					+ (labels.isEmpty() ? "no periods: no rows with a time" : String.join(", ", labels)) + ")";
		}
		Grouping grouping = new Grouping(expectation.getGroup().stream().map(GroupValue::getDimension).toList());
		GroupingResult values = results.groupings().stream().filter(g -> g.grouping().equals(grouping)).findFirst()
				.orElse(null);
		if (values == null || !values.computed(m)) {
			return "expected " + what + ", got no values by " + grouping.name() + " for " + metric.getName();
		}
		List<String> wanted = expectation.getGroup().stream().map(GroupValue::getValue).toList();
		int group = values.groups().indexOf(wanted);
		if (group < 0) {
			return "expected " + what + ", got no group " + groupText(expectation) + " (the run has "
					+ (values.groups().isEmpty() ? "none" : String.join("; ", values.groups().stream()
							.map(g -> String.join(", ", g.stream().map(String::valueOf).toList())).toList())) + ")";
		}
		double actual = values.value(m, period, group);
		if (expectation.isExpectsNull()) {
			return Double.isNaN(actual) ? null
					: "expected " + what + ", got " + TestQuantities.display(actual, null, metric);
		}
		if (expectation.getStatus() != null) {
			Status status = results.metric(m).status(actual);
			return status.keyword().equals(expectation.getStatus()) ? null
					: "expected " + what + ", got " + status.keyword() + " ("
							+ TestQuantities.display(actual, expectation.getValue(), metric) + ")";
		}
		double wantedValue = TestQuantities.stored(expectation.getValue(), metric).value();
		double tolerance = expectation.getTolerance() == null ? 0
				: TestQuantities.stored(expectation.getTolerance(), metric).value();
		if (!Double.isNaN(actual) && Math.abs(actual - wantedValue) <= tolerance
				+ EXACT * Math.max(1, Math.abs(wantedValue))) {
			return null;
		}
		return "expected " + what + ", got " + TestQuantities.display(actual, expectation.getValue(), metric);
	}

	/** {@code fcr in 2026-03 for region = "East" = 75% within 0.1%}, as written. */
	private static String describe(ValueExpectation expectation) {
		StringBuilder text = new StringBuilder(expectation.getMetric()).append(" in ").append(expectation.getPeriod());
		if (!expectation.getGroup().isEmpty()) {
			text.append(" for ").append(groupText(expectation));
		}
		if (expectation.isExpectsNull()) {
			text.append(" is null");
		} else if (expectation.getStatus() != null) {
			text.append(" status ").append(expectation.getStatus());
		} else {
			text.append(" = ").append(written(expectation.getValue()));
			if (expectation.getTolerance() != null) {
				text.append(" within ").append(written(expectation.getTolerance()));
			}
		}
		return text.toString();
	}

	private static String groupText(ValueExpectation expectation) {
		return String.join(", ", expectation.getGroup().stream()
				.map(group -> group.getDimension() + " = \"" + group.getValue() + "\"").toList());
	}

	private static String written(org.eclipse.emf.ecore.EObject element) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		return node == null ? ModelText.of(element) : node.getText().strip();
	}

	/** Runs the test on another engine and reports the first cell of each metric where it differs from Java. */
	private void compare(TemplateTest test, CompiledTemplate compiled, LoadResult loaded, RunOptions options,
			Results java, ComputeEngine other, LoadedModel model, List<TestFailure> failures) {
		Results results;
		try {
			results = Pipeline.compute(compiled, other, SourceData.loaded(loaded.dataset()), options);
		} catch (ComputeException e) {
			failures.add(new TestFailure(start(model, test), test.getName() + ": " + other.name() + " failed: "
					+ String.join("; ", e.problems())));
			return;
		} catch (RuntimeException e) {
			failures.add(new TestFailure(start(model, test), test.getName() + ": " + other.name() + " failed: " + e));
			return;
		}
		for (String difference : EngineAgreement.differences(java, results, other.name())) {
			failures.add(new TestFailure(start(model, test), test.getName() + ": " + difference));
		}
	}

	/** Where a test starts: its {@code test} keyword. */
	private static TestPosition start(LoadedModel model, TemplateTest test) {
		TestPosition whole = TestPosition.of(model, test);
		return new TestPosition(whole.file(), whole.line(), whole.column(), whole.line(), whole.column() + 4);
	}

	private static void delete(Path folder) {
		if (folder == null) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> {
				try {
					Files.deleteIfExists(path);
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		} catch (IOException | UncheckedIOException e) {
			// A temporary folder left behind harms nothing.
		}
	}
}
