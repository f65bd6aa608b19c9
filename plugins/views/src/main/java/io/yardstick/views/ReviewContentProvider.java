package io.yardstick.views;

import io.yardstick.dsl.templatetest.TestResult;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jface.viewers.ITreeContentProvider;

/**
 * Findings grouped by rule (issue code): errors' rules first, then warnings', then infos', each rule's
 * findings in file and position order; then the template tests with their outcomes. The input is a list of
 * {@link Finding}s and {@link TestResult}s.
 */
public final class ReviewContentProvider implements ITreeContentProvider {

	/** The template tests the template runs, with their outcomes, after the rules. */
	public record TestGroup(List<TestResult> results) {
		public long failed() {
			return results.stream().filter(result -> !result.passed()).count();
		}
	}

	/** One rule and its findings; every finding of a code has the code's one severity. */
	public record RuleGroup(String code, Severity severity, List<Finding> findings) {
	}

	@Override
	public Object[] getElements(Object input) {
		if (input instanceof List<?> list) {
			List<Finding> findings = new ArrayList<>();
			List<TestResult> tests = new ArrayList<>();
			for (Object item : list) {
				if (item instanceof Finding finding) {
					findings.add(finding);
				} else if (item instanceof TestResult test) {
					tests.add(test);
				}
			}
			List<Object> elements = new ArrayList<>(groups(findings));
			if (!tests.isEmpty()) {
				elements.add(new TestGroup(List.copyOf(tests)));
			}
			return elements.toArray();
		}
		return new Object[0];
	}

	public static List<RuleGroup> groups(List<Finding> findings) {
		Map<String, List<Finding>> byCode = new LinkedHashMap<>();
		findings.stream().sorted(Finding.ORDER)
				.forEach(finding -> byCode.computeIfAbsent(finding.code(), code -> new ArrayList<>()).add(finding));
		List<RuleGroup> groups = new ArrayList<>();
		byCode.forEach((code, list) -> groups.add(new RuleGroup(code, worst(list), List.copyOf(list))));
		groups.sort(Comparator.comparing(RuleGroup::severity).thenComparing(RuleGroup::code));
		return groups;
	}

	/** The code's severity; should one ever be reported at two, the group sorts by the worse. */
	private static Severity worst(List<Finding> findings) {
		return findings.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElse(Severity.INFO);
	}

	@Override
	public Object[] getChildren(Object parent) {
		if (parent instanceof TestGroup tests) {
			return tests.results().toArray();
		}
		return parent instanceof RuleGroup group ? group.findings().toArray() : new Object[0];
	}

	@Override
	public Object getParent(Object element) {
		return null;
	}

	@Override
	public boolean hasChildren(Object element) {
		return element instanceof RuleGroup group && !group.findings().isEmpty()
				|| element instanceof TestGroup tests && !tests.results().isEmpty();
	}
}
