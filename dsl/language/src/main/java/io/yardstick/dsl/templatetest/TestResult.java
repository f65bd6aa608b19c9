package io.yardstick.dsl.templatetest;

import java.util.List;

/**
 * How one test went on one template.
 *
 * @param template the qualified name of the template it ran on
 * @param test the test's name
 * @param declaredFor the qualified name of the template it was written for (an ancestor when inherited)
 * @param position where the test is declared
 * @param checked how many expectations were checked
 * @param skipped per expectation not checked, why (an inherited one whose metric the template overrides)
 * @param failures empty when the test passed
 */
public record TestResult(String template, String test, String declaredFor, TestPosition position, int checked,
		List<String> skipped, List<TestFailure> failures) {

	public TestResult {
		skipped = List.copyOf(skipped);
		failures = List.copyOf(failures);
	}

	public boolean passed() {
		return failures.isEmpty();
	}

	public boolean inherited() {
		return !template.equals(declaredFor);
	}
}
