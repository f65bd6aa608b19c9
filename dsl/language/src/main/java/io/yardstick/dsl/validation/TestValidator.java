package io.yardstick.dsl.validation;

import static io.yardstick.dsl.validation.IssueCodes.TEST_BAD_GROUP;
import static io.yardstick.dsl.validation.IssueCodes.TEST_BAD_PERIOD;
import static io.yardstick.dsl.validation.IssueCodes.TEST_BAD_ROWS;
import static io.yardstick.dsl.validation.IssueCodes.TEST_UNKNOWN_NAME;
import static io.yardstick.dsl.validation.IssueCodes.TEST_VALUE_KIND;

import io.yardstick.dsl.kpi.ErrorExpectation;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.GroupValue;
import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.kpi.TemplateTest;
import io.yardstick.dsl.kpi.TestBreakdown;
import io.yardstick.dsl.kpi.TestInput;
import io.yardstick.dsl.kpi.TestQuantity;
import io.yardstick.dsl.kpi.ValueExpectation;
import io.yardstick.dsl.model.Overrides;
import io.yardstick.dsl.model.Sources;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.templatetest.TemplateTests;
import io.yardstick.dsl.templatetest.TestInputs;
import io.yardstick.dsl.templatetest.TestPeriods;
import io.yardstick.dsl.templatetest.TestQuantities;
import io.yardstick.dsl.templatetest.TestTables;
import io.yardstick.runtime.time.Grain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

/**
 * Template tests (docs/testing.md) against the template they were written for: every name a test uses is the
 * template's, periods are periods of the test's grain, expected values are in their metric's unit, and inline
 * rows fit their source. Cell values are read by the runtime loader when the test runs, which reports a cell of
 * the wrong kind at its place in the table.
 */
public class TestValidator extends AbstractKpiCheck {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;
	/** The statuses an expectation can name, as results write them. */
	public static final List<String> STATUSES = List.of("met", "missed", "warning", "critical", "tracked");

	@Check
	public void checkOptions(TemplateTest test) {
		Template template = TemplateTests.declaredFor(test);
		if (template == null) {
			return;
		}
		LocalDate from = day(test, test.getFrom(), KPI.getTemplateTest_From());
		LocalDate to = day(test, test.getTo(), KPI.getTemplateTest_To());
		if (from != null && to != null && to.isBefore(from)) {
			error(message(test, "test-bad-period.range", to, from), test, KPI.getTemplateTest_To(),
					TEST_BAD_PERIOD);
		}
		Set<String> breakdowns = breakdownNames(template);
		for (int i = 0; i < test.getBreakdowns().size(); i++) {
			TestBreakdown breakdown = test.getBreakdowns().get(i);
			for (String dimension : breakdown.getDimensions()) {
				if (!breakdowns.contains(dimension)) {
					error(message(test, "test-unknown-name.breakdown", dimension, template.getName(),
							listOrNone(test, breakdowns)), test, KPI.getTemplateTest_Breakdowns(), i, TEST_UNKNOWN_NAME);
				}
			}
		}
		Set<String> given = new HashSet<>();
		for (TestInput input : test.getInputs()) {
			if (input.getSource() != null && !given.add(input.getSource())) {
				error(message(input, "test-bad-rows.twice", input.getSource(), test.getName()), input,
						KPI.getTestInput_Source(), TEST_BAD_ROWS);
			}
		}
	}

	private LocalDate day(TemplateTest test, String text, org.eclipse.emf.ecore.EStructuralFeature feature) {
		if (text == null) {
			return null;
		}
		LocalDate day = TestPeriods.day(text);
		if (day == null) {
			error(message(test, "test-bad-period.day", text), test, feature, TEST_BAD_PERIOD);
		}
		return day;
	}

	@Check
	public void checkInput(TestInput input) {
		Template template = templateOf(input);
		if (template == null || input.getSource() == null) {
			return;
		}
		Source source = source(template, input.getSource());
		if (source == null) {
			error(message(input, "test-unknown-name.source", input.getSource(), template.getName(),
					listOrNone(input, sourceNames(template))), input, KPI.getTestInput_Source(), TEST_UNKNOWN_NAME);
			return;
		}
		if (input.getFile() != null) {
			Path file = TestInputs.fileOf(input);
			if (file != null && !Files.isRegularFile(file)) {
				error(message(input, "test-bad-rows.noFile", input.getFile()), input,
						KPI.getTestInput_File(), TEST_BAD_ROWS);
			}
			return;
		}
		List<INode> rowNodes = NodeModelUtils.findNodesForFeature(input, KPI.getTestInput_Rows());
		INode headerNode = NodeModelUtils.findNodesForFeature(input, KPI.getTestInput_Header()).stream().findFirst()
				.orElse(null);
		if (headerNode == null || input.getHeader() == null) {
			return;
		}
		TestTables.Row header = TestTables.split(input.getHeader());
		if (header.problem() != null) {
			problem(input, headerNode, header.problem());
			return;
		}
		List<Field> fields = Sources.fields(source, template);
		Set<String> columns = new HashSet<>();
		for (TestTables.Cell cell : header.cells()) {
			Field field = fields.stream().filter(f -> cell.text().equals(f.getName())).findFirst().orElse(null);
			if (field == null) {
				cellError(input, headerNode, cell, message(input, "test-unknown-name.field", cell.text(), source.getName(),
						listOrNone(input, fields.stream().map(Field::getName).toList())), TEST_UNKNOWN_NAME);
			} else if (!columns.add(cell.text())) {
				cellError(input, headerNode, cell, message(input, "test-bad-rows.column", cell.text()), TEST_BAD_ROWS);
			}
		}
		List<String> missing = new ArrayList<>();
		for (Field field : fields) {
			if (!field.isOptional() && !columns.contains(field.getName())) {
				missing.add(field.getName());
			}
		}
		if (!missing.isEmpty()) {
			getMessageAcceptor().acceptError(message(input, "test-bad-rows.missing", source.getName(),
					String.join(", ", missing)), input, headerNode.getOffset(),
					headerNode.getLength(), TEST_BAD_ROWS);
		}
		for (int r = 0; r < input.getRows().size() && r < rowNodes.size(); r++) {
			INode node = rowNodes.get(r);
			TestTables.Row row = TestTables.split(input.getRows().get(r));
			if (row.problem() != null) {
				problem(input, node, row.problem());
				continue;
			}
			if (row.cells().size() != header.cells().size()) {
				getMessageAcceptor().acceptError(message(input,
						row.cells().size() == 1 ? "test-bad-rows.cells.one" : "test-bad-rows.cells.other", r + 1,
						source.getName(), row.cells().size(), header.cells().size()),
						input, node.getOffset(), node.getLength(), TEST_BAD_ROWS);
				continue;
			}
			for (int c = 0; c < row.cells().size(); c++) {
				TestTables.Cell cell = row.cells().get(c);
				String column = header.cells().get(c).text();
				Field field = fields.stream().filter(f -> column.equals(f.getName())).findFirst().orElse(null);
				if (cell.isNull() && field != null && !field.isOptional()) {
					cellError(input, node, cell, message(input, "test-bad-rows.value", source.getName(), column, r + 1),
							TEST_BAD_ROWS);
				}
			}
		}
	}

	private void problem(TestInput input, INode node, TestTables.Problem problem) {
		getMessageAcceptor().acceptError(message(input, problem.key()), input, node.getOffset() + problem.offset(),
				Math.max(1, problem.length()), TEST_BAD_ROWS);
	}

	private void cellError(TestInput input, INode node, TestTables.Cell cell, String message, String code) {
		getMessageAcceptor().acceptError(message, input, node.getOffset() + cell.offset(), Math.max(1,
				cell.length()), code);
	}

	@Check
	public void checkExpectation(ValueExpectation expectation) {
		TemplateTest test = (TemplateTest) expectation.eContainer();
		Template template = TemplateTests.declaredFor(test);
		if (template == null || expectation.getMetric() == null) {
			return;
		}
		Metric metric = TemplateHierarchy.metric(template, expectation.getMetric());
		if (metric == null) {
			error(message(expectation, "test-unknown-name.metric", expectation.getMetric(), template.getName(),
					listOrNone(expectation, TemplateHierarchy.metrics(template).stream().map(Metric::getName).toList())),
					expectation,
					KPI.getValueExpectation_Metric(), TEST_UNKNOWN_NAME);
			return;
		}
		Grain grain = grainOf(test);
		if (expectation.getPeriod() != null && TestPeriods.start(grain, expectation.getPeriod()) == null) {
			error(message(expectation, "test-bad-period.period", expectation.getPeriod(), grain.keyword(),
					TestPeriods.example(grain)), expectation, KPI.getValueExpectation_Period(), TEST_BAD_PERIOD);
		}
		List<String> offered = Overrides.breakdowns(metric).stream().filter(symbol -> symbol != null && !symbol.eIsProxy())
				.map(symbol -> symbol.getName()).toList();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < expectation.getGroup().size(); i++) {
			GroupValue group = expectation.getGroup().get(i);
			if (!offered.contains(group.getDimension())) {
				error(offered.isEmpty() ? message(expectation, "test-bad-group.noBy", metric.getName(),
						group.getDimension())
						: message(expectation, "test-bad-group.by", metric.getName(), group.getDimension(),
								String.join(", ", offered)),
						expectation, KPI.getValueExpectation_Group(), i, TEST_BAD_GROUP);
			} else if (!seen.add(group.getDimension())) {
				error(message(expectation, "test-bad-group.twice", group.getDimension()), expectation,
						KPI.getValueExpectation_Group(), i,
						TEST_BAD_GROUP);
			}
		}
		if (expectation.getValue() != null) {
			quantity(expectation.getValue(), metric, expectation, KPI.getValueExpectation_Value());
		}
		if (expectation.getTolerance() != null) {
			TestQuantity tolerance = expectation.getTolerance();
			if (tolerance.isNegative()) {
				error(message(expectation, "test-value-kind.negativeTolerance"), expectation,
						KPI.getValueExpectation_Tolerance(),
						TEST_VALUE_KIND);
			} else {
				quantity(tolerance, metric, expectation, KPI.getValueExpectation_Tolerance());
			}
		}
		if (expectation.getStatus() != null) {
			status(expectation, metric);
		}
	}

	private void quantity(TestQuantity quantity, Metric metric, EObject owner,
			org.eclipse.emf.ecore.EStructuralFeature feature) {
		String problem = TestQuantities.stored(quantity, metric, settings(owner).language()).problem();
		if (problem != null) {
			error(problem, owner, feature, TEST_VALUE_KIND);
		}
	}

	private void status(ValueExpectation expectation, Metric metric) {
		String status = expectation.getStatus();
		if (!STATUSES.contains(status)) {
			error(message(expectation, "test-value-kind.status", status, String.join(", ", STATUSES)), expectation,
					KPI.getValueExpectation_Status(), TEST_VALUE_KIND);
			return;
		}
		String missing = switch (status) {
			case "warning" -> Overrides.warning(metric) == null ? "test-value-kind.noWarning" : null;
			case "critical" -> Overrides.critical(metric) == null ? "test-value-kind.noCritical" : null;
			case "met", "missed" -> Overrides.target(metric) == null ? "test-value-kind.noTarget" : null;
			default -> null;
		};
		if (missing != null) {
			error(message(expectation, missing, metric.getName(), status), expectation,
					KPI.getValueExpectation_Status(), TEST_VALUE_KIND);
		}
	}

	@Check
	public void checkError(ErrorExpectation expectation) {
		Template template = templateOf(expectation);
		if (template == null || expectation.getSource() == null) {
			return;
		}
		if (source(template, expectation.getSource()) == null) {
			error(message(expectation, "test-unknown-name.source", expectation.getSource(), template.getName(),
					listOrNone(expectation, sourceNames(template))), expectation,
							KPI.getErrorExpectation_Source(), TEST_UNKNOWN_NAME);
		}
	}

	/** The test's grain: month unless it says otherwise. */
	public static Grain grainOf(TemplateTest test) {
		return test.getGrain() == null ? Grain.MONTH : Grain.parse(test.getGrain());
	}

	private static Template templateOf(EObject element) {
		EObject current = element;
		while (current != null && !(current instanceof TemplateTest)) {
			current = current.eContainer();
		}
		return current == null ? null : TemplateTests.declaredFor((TemplateTest) current);
	}

	private static Source source(Template template, String name) {
		return TemplateTests.sources(template).stream().filter(source -> name.equals(source.getName())).findFirst()
				.orElse(null);
	}

	private static List<String> sourceNames(Template template) {
		return TemplateTests.sources(template).stream().map(Source::getName).toList();
	}

	/** The names a run can break down by: the template's dimensions and whatever its metrics are broken down by. */
	public static Set<String> breakdownNames(Template template) {
		Set<String> names = new TreeSet<>();
		TemplateHierarchy.dimensions(template).forEach(dimension -> names.add(dimension.getName()));
		for (Metric metric : TemplateHierarchy.metrics(template)) {
			Overrides.breakdowns(metric).stream().filter(symbol -> symbol != null && !symbol.eIsProxy())
					.forEach(symbol -> names.add(symbol.getName()));
		}
		return names;
	}

	private String listOrNone(EObject element, java.util.Collection<String> names) {
		return names.isEmpty() ? message(element, "none") : String.join(", ", new LinkedHashSet<>(names));
	}
}
