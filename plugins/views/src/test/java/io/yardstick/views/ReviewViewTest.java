package io.yardstick.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.Severity;
import io.yardstick.views.ReviewContentProvider.RuleGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReviewViewTest {
	private Shell shell;

	@AfterEach
	void closeShell() {
		if (shell != null) {
			shell.dispose();
		}
	}

	/**
	 * The case folder is loaded whole, so findings are named {@code model/report.kpi} as in its golden
	 * findings.txt: the tree's rows must be exactly those lines, grouped by rule, errors first.
	 */
	@Test
	void findingsAreGroupedByRuleWithCountsAndPlaces() {
		TemplateInput input = TemplateInput.load(Fixtures.wrongCase("report-chart-unfit"));
		List<RuleGroup> groups = ReviewContentProvider.groups(input.findings());
		assertThat(groups).extracting(RuleGroup::code).containsExactly("report-chart-unfit", "no-time-axis");
		assertThat(groups).extracting(RuleGroup::severity).containsExactly(Severity.ERROR, Severity.WARNING);
		ReviewLabelProvider labels = new ReviewLabelProvider(null);
		assertThat(cells(labels, groups.get(0))).containsExactly("report-chart-unfit", "error", "5 errors");
		assertThat(cells(labels, groups.get(1))).containsExactly("no-time-axis", "warning", "1 warning");

		List<String> shown = new ArrayList<>();
		for (RuleGroup group : groups) {
			for (Finding finding : group.findings()) {
				List<String> cells = cells(labels, finding);
				shown.add(cells.get(0) + ": " + cells.get(1) + " " + group.code() + ": " + cells.get(2));
			}
		}
		List<String> golden = Fixtures.lines(Fixtures.wrongCase("report-chart-unfit").resolve("expected/findings.txt"));
		List<String> expected = new ArrayList<>(golden.subList(1, golden.size()));
		expected.add(golden.get(0));
		assertThat(shown).containsExactlyElementsOf(expected);
	}

	/**
	 * The template's tests run when the input is set and are listed after the rules with their outcomes: the
	 * language module's failing case has one failing and one passing test.
	 */
	@Test
	void templateTestsAreListedWithTheirOutcomes() {
		TemplateInput input = TemplateInput.load(Fixtures.BASE
				.resolve("../../dsl/language/src/test/resources/template-tests/failing/model").normalize());
		List<io.yardstick.dsl.templatetest.TestResult> tests = ReviewView.runTests(input);
		ReviewContentProvider content = new ReviewContentProvider();
		List<Object> elements = new ArrayList<>(input.findings());
		elements.addAll(tests);
		Object[] top = content.getElements(elements);
		Object group = top[top.length - 1];
		ReviewLabelProvider labels = new ReviewLabelProvider(null);
		assertThat(cells(labels, group)).containsExactly("template tests", "failed", "1 passed, 1 failed");
		List<List<String>> rows = new ArrayList<>();
		for (Object test : content.getChildren(group)) {
			rows.add(cells(labels, test));
		}
		String file = "shop.tests.kpi";
		assertThat(rows).containsExactly(
				List.of("wrongExpectations", "failed", file + ":16:3: wrongExpectations: expected fcr in 2026-03 = 75%, "
						+ "got 66.6667% (and 8 more)"),
				List.of("passes", "passed", "1 expectation met, at " + file + ":27:2"));
	}

	@Test
	void severitiesSortErrorsThenWarningsThenInfos() {
		TemplateInput input = TemplateInput.load(Fixtures.wrongCase("ratio-filter-not-narrower"));
		assertThat(ReviewContentProvider.groups(input.findings())).extracting(g -> g.code() + " " + g.findings().size())
				.containsExactly("ratio-filter-not-narrower 2", "zero-denominator 3");
	}

	@Test
	void doubleClickingAFindingTellsTheListenerAndScreenshot() {
		shell = Swt.shell("Review", 1100, 360);
		ReviewView view = new ReviewView(shell, SWT.NONE);
		AtomicReference<Finding> opened = new AtomicReference<>();
		view.setFindingOpenListener(opened::set);
		view.setInput(TemplateInput.load(Fixtures.wrongCase("report-chart-unfit")));
		view.getViewer().expandAll();
		shell.open();
		Swt.pump();
		assertThat(view.getSummary()).isEqualTo(
				"1 file: 5 errors, 1 warning, 0 infos, under 2 rules. Double-click a finding to go to it.");
		Tree tree = view.getViewer().getTree();
		assertThat(tree.getItemCount()).isEqualTo(2);
		assertThat(tree.getItem(0).getImage()).as("severity icon").isNotNull();
		TreeItem first = tree.getItem(0).getItem(0);
		assertThat(first.getText(ReviewLabelProvider.RULE)).isEqualTo("model/report.kpi:37:21");
		view.getViewer().setSelection(new StructuredSelection(first.getData()), true);
		assertThat(view.getDetails()).as("the whole message, which the column cuts").isEqualTo(
				((Finding) first.getData()).toText()).endsWith("use value, trend, bar or table");
		Event event = new Event();
		event.item = first;
		tree.notifyListeners(SWT.DefaultSelection, event);
		assertThat(opened.get()).isNotNull();
		assertThat(opened.get().line()).isEqualTo(37);
		assertThat(opened.get().column()).isEqualTo(21);
		Swt.screenshot(shell, "review");
	}

	@Test
	void aCleanTemplateAndAnUnusableOneSaySo() {
		shell = Swt.shell("Review", 600, 200);
		ReviewView view = new ReviewView(shell, SWT.NONE);
		view.setInput(Fixtures.afterSales());
		assertThat(view.getSummary()).as("the findings show while the tests run").startsWith("3 files: 0 errors, 0 warnings, ")
				.endsWith(" Template tests: running…");
		assertThat(view.isRunningTests()).isTrue();
		Swt.pumpUntil(() -> !view.isRunningTests(), java.time.Duration.ofMinutes(2), "the template's tests");
		// The template, its customers and its tests' file; the template's one test passes.
		assertThat(view.getSummary()).startsWith("3 files: 0 errors, 0 warnings, ")
				.endsWith(" Template tests: 1 passed, 0 failed.");
		view.setInput(TemplateInput.load(Fixtures.AFTER_SALES.resolve("nowhere")));
		assertThat(view.getSummary()).startsWith("no such folder: ");
		assertThat(view.getViewer().getTree().getItemCount()).isZero();
	}

	/** The icons tell severities apart by colour and are transparent outside their shape. */
	@Test
	void severityIconsDiffer() {
		ImageData error = SeverityImages.data(Severity.ERROR);
		ImageData warning = SeverityImages.data(Severity.WARNING);
		ImageData info = SeverityImages.data(Severity.INFO);
		assertThat(error.getAlpha(0, 0)).isZero();
		assertThat(error.getAlpha(8, 2)).isEqualTo(255);
		assertThat(error.palette.getRGB(error.getPixel(3, 8)).red).isGreaterThan(180);
		assertThat(warning.palette.getRGB(warning.getPixel(8, 14)).green).isGreaterThan(140);
		assertThat(info.palette.getRGB(info.getPixel(3, 8)).blue).isGreaterThan(180);
	}

	private static List<String> cells(ReviewLabelProvider labels, Object element) {
		List<String> cells = new ArrayList<>();
		for (int column = 0; column < ReviewLabelProvider.HEADERS.length; column++) {
			cells.add(labels.getColumnText(element, column));
		}
		return cells;
	}
}
