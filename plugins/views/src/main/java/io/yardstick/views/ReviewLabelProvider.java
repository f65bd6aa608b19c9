package io.yardstick.views;

import io.yardstick.dsl.templatetest.TestResult;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.Severity;
import io.yardstick.views.ReviewContentProvider.RuleGroup;
import org.eclipse.jface.viewers.ITableLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;

/** The Review tree's columns: the rule or the place ({@code file:line:column}), the severity, the count or message. */
public final class ReviewLabelProvider extends LabelProvider implements ITableLabelProvider {
	public static final int RULE = 0;
	public static final int SEVERITY = 1;
	public static final int MESSAGE = 2;
	public static final String[] HEADERS = { "Rule / location", "Severity", "Findings / message" };

	private final SeverityImages images;

	/** @param images the severity icons; null for text only */
	public ReviewLabelProvider(SeverityImages images) {
		this.images = images;
	}

	@Override
	public Image getColumnImage(Object element, int column) {
		if (images == null || column != RULE) {
			return null;
		}
		if (element instanceof RuleGroup group) {
			return images.get(group.severity());
		}
		if (element instanceof ReviewContentProvider.TestGroup tests) {
			return tests.failed() > 0 ? images.get(Severity.ERROR) : null;
		}
		if (element instanceof TestResult test) {
			return test.passed() ? null : images.get(Severity.ERROR);
		}
		return element instanceof Finding finding ? images.get(finding.severity()) : null;
	}

	@Override
	public String getColumnText(Object element, int column) {
		if (element instanceof RuleGroup group) {
			return switch (column) {
				case RULE -> group.code();
				case SEVERITY -> group.severity().word();
				case MESSAGE -> count(group.findings().size(), group.severity());
				default -> "";
			};
		}
		if (element instanceof ReviewContentProvider.TestGroup tests) {
			return switch (column) {
				case RULE -> "template tests";
				case SEVERITY -> tests.failed() > 0 ? "failed" : "passed";
				case MESSAGE -> (tests.results().size() - tests.failed()) + " passed, " + tests.failed() + " failed";
				default -> "";
			};
		}
		if (element instanceof TestResult test) {
			return switch (column) {
				case RULE -> test.test() + (test.inherited() ? " (from " + test.declaredFor() + ")" : "");
				case SEVERITY -> test.passed() ? "passed" : "failed";
				case MESSAGE -> test.passed()
						? test.checked() + (test.checked() == 1 ? " expectation" : " expectations") + " met, at "
								+ test.position().toText()
						: test.failures().get(0).toText() + (test.failures().size() == 1 ? ""
								: " (and " + (test.failures().size() - 1) + " more)");
				default -> "";
			};
		}
		if (element instanceof Finding finding) {
			return switch (column) {
				case RULE -> finding.file() + ":" + finding.line() + ":" + finding.column();
				case SEVERITY -> finding.severity().word();
				case MESSAGE -> finding.message();
				default -> "";
			};
		}
		return "";
	}

	/** {@code 1 error}, {@code 3 warnings}, {@code 2 infos}. */
	static String count(int count, Severity severity) {
		return count + " " + severity.word() + (count == 1 ? "" : "s");
	}
}
