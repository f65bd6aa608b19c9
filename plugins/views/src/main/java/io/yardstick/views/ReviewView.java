package io.yardstick.views;

import io.yardstick.dsl.templatetest.TestFailure;
import io.yardstick.dsl.templatetest.TestPosition;
import io.yardstick.dsl.templatetest.TestResult;
import io.yardstick.dsl.templatetest.TestRunner;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.Severity;
import io.yardstick.dsl.workspace.ValidationReport;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;

/**
 * The Review view: every validation finding, grouped by rule with counts and severity icons; each group
 * expands to its findings at {@code file:line:column} with their messages. After the rules, the template's tests
 * (docs/testing.md) with their outcomes, run on the Java calculator in the background when the input is set. Double-clicking a finding tells
 * the open listener (a ViewPart opens the editor at the position).
 */
public final class ReviewView extends Composite {
	private static final int[] WIDTHS = { 300, 80, 640 };

	private final Label summary;
	private final TreeViewer viewer;
	private final Label details;
	private Consumer<Finding> openListener = finding -> {
	};
	private TemplateInput currentInput;
	private boolean testsRunning;

	public ReviewView(Composite parent, int style) {
		super(parent, style);
		setLayout(new GridLayout(1, false));
		summary = new Label(this, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
		viewer = new TreeViewer(this, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		Tree tree = viewer.getTree();
		tree.setHeaderVisible(true);
		tree.setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(tree);
		for (int i = 0; i < ReviewLabelProvider.HEADERS.length; i++) {
			TreeColumn column = new TreeColumn(tree, SWT.LEFT);
			column.setText(ReviewLabelProvider.HEADERS[i]);
			column.setWidth(WIDTHS[i]);
		}
		details = new Label(this, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(details);
		viewer.addSelectionChangedListener(event -> showDetails(event.getSelection()));
		viewer.setContentProvider(new ReviewContentProvider());
		viewer.setLabelProvider(new ReviewLabelProvider(new SeverityImages(tree)));
		viewer.addDoubleClickListener(event -> {
			if (event.getSelection() instanceof IStructuredSelection selection && !selection.isEmpty()) {
				Object element = selection.getFirstElement();
				if (element instanceof Finding finding) {
					openListener.accept(finding);
				} else if (element instanceof TestResult test) {
					openListener.accept(place(test));
				} else {
					viewer.setExpandedState(element, !viewer.getExpandedState(element));
				}
			}
		});
		setReport(null);
	}

	/** The findings of a loaded template's folder; an input that could not be loaded shows its problem. */
	public void setInput(TemplateInput input) {
		if (input != null && input.model() == null) {
			currentInput = input;
			testsRunning = false;
			setReport(null);
			summary.setText(input.problem());
			return;
		}
		currentInput = input;
		if (input == null || !hasTests(input)) {
			setReport(input == null ? null : input.report(), List.of());
			return;
		}
		// Compiling and running the tests takes seconds: the findings show at once, the tests when they are done,
		// unless another input came in the meantime.
		setReport(input.report(), List.of());
		summary.setText(summary.getText() + " Template tests: running…");
		testsRunning = true;
		Display display = getDisplay();
		Thread worker = new Thread(() -> {
			List<TestResult> tests = runTests(input);
			if (!display.isDisposed()) {
				display.asyncExec(() -> {
					if (!isDisposed() && currentInput == input) {
						testsRunning = false;
						setReport(input.report(), tests);
					}
				});
			}
		}, "yardstick-review-tests");
		worker.setDaemon(true);
		worker.start();
	}

	/** Whether the template's tests are still running for the current input. */
	public boolean isRunningTests() {
		return testsRunning;
	}

	private static boolean hasTests(TemplateInput input) {
		return input.model() != null && input.template() != null && !input.hasErrors();
	}

	/**
	 * The template's tests on the Java calculator, when it has any and its files have no errors. A template that
	 * cannot be generated gives each test a failure, which the tree shows.
	 */
	static List<TestResult> runTests(TemplateInput input) {
		if (!hasTests(input)) {
			return List.of();
		}
		try {
			return new TestRunner(List.of(), null).run(input.template(), input.model(), input.findings());
		} catch (RuntimeException cannotCompile) {
			// No Java compiler where the view runs: the findings are still worth showing without the tests.
			return List.of();
		}
	}

	/** Where double-clicking a test goes: its first failure, or the test. */
	private static Finding place(TestResult test) {
		TestPosition at = test.passed() ? test.position() : test.failures().get(0).position();
		return new Finding(at.file(), at.line(), at.column(), at.endLine(), at.endColumn(),
				test.passed() ? Severity.INFO : Severity.ERROR, "test-failed",
				test.passed() ? test.test() : test.failures().get(0).message());
	}

	public void setReport(ValidationReport report) {
		setReport(report, List.of());
	}

	/** The findings, and the outcomes of the template's tests after them. */
	public void setReport(ValidationReport report, List<TestResult> tests) {
		if (report == null) {
			summary.setText("Open a folder of .kpi templates to review its findings.");
			viewer.setInput(null);
		} else {
			long failed = tests.stream().filter(test -> !test.passed()).count();
			String testsText = tests.isEmpty() ? ""
					: " Template tests: " + (tests.size() - failed) + " passed, " + failed + " failed.";
			summary.setText((report.findings().isEmpty()
					? report.summary() + ": nothing to review."
					: report.summary() + ", under " + ReviewContentProvider.groups(report.findings()).size()
							+ " rules. Double-click a finding to go to it.") + testsText);
			List<Object> elements = new java.util.ArrayList<>(report.findings());
			elements.addAll(tests);
			viewer.setInput(elements);
		}
		showDetails(null);
		layout(true, true);
	}

	/** A message is often longer than its column: the selected finding's whole text, wrapped, below the tree. */
	private void showDetails(Object selection) {
		Object element = selection instanceof IStructuredSelection structured ? structured.getFirstElement() : null;
		details.setText(element instanceof Finding finding ? finding.toText()
				: element instanceof ReviewContentProvider.RuleGroup group
						? group.code() + ": " + ReviewLabelProvider.count(group.findings().size(), group.severity())
								+ "; docs/validation.md explains the rule and its fix."
						: element instanceof TestResult test
								? test.passed() ? test.test() + ": passed, " + test.checked() + " expectations met"
										: String.join("\n", test.failures().stream().map(TestFailure::toText).toList())
								: "Select a finding to read its whole message.");
		layout(true, true);
	}

	/** What the line below the tree says. */
	public String getDetails() {
		return details.getText();
	}

	public void setFindingOpenListener(Consumer<Finding> listener) {
		openListener = listener == null ? finding -> {
		} : listener;
	}

	public TreeViewer getViewer() {
		return viewer;
	}

	public String getSummary() {
		return summary.getText();
	}
}
