package io.yardstick.dsl.templatetest;

/**
 * One way a test failed: an expectation not met, a data error not expected (or expected and not found), an engine
 * that failed or disagreed with the Java calculator.
 *
 * @param position the expectation, the cell of the bad row, or the test itself
 * @param message {@code expected … got …}, without the position
 */
public record TestFailure(TestPosition position, String message) {
	/** {@code path:line:column: message}. */
	public String toText() {
		return position.toText() + ": " + message;
	}
}
