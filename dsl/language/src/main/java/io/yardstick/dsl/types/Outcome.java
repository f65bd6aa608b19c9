package io.yardstick.dsl.types;

/**
 * What a typing rule gives: a type, or a problem with its issue code, what is wrong (about the
 * kinds involved) and, optionally, how to put it right.
 */
public record Outcome(KpiType type, String code, String message, String hint) {

	public static Outcome ok(KpiType type) {
		return new Outcome(type, null, null, null);
	}

	public static Outcome problem(String code, String message) {
		return new Outcome(KpiType.UNKNOWN, code, message, null);
	}

	public static Outcome problem(String code, String message, String hint) {
		return new Outcome(KpiType.UNKNOWN, code, message, hint);
	}

	/** The message with the place it is about: {@code cannot add a and b in `x + y`: hint}. */
	public String messageAt(String place) {
		return message + " in " + place + (hint == null ? "" : ": " + hint);
	}

	/** The message alone, with its hint. */
	public String fullMessage() {
		return message + (hint == null ? "" : ": " + hint);
	}

	public boolean isProblem() {
		return code != null;
	}
}
