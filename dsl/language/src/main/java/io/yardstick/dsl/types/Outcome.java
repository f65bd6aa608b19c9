package io.yardstick.dsl.types;

/**
 * What a typing rule gives: a type, or a problem with its issue code, what is wrong (about the
 * kinds involved) and, optionally, how to put it right.
 */
public record Outcome(KpiType type, String code, Phrase message, Phrase hint) {

	public static Outcome ok(KpiType type) {
		return new Outcome(type, null, null, null);
	}

	public static Outcome problem(String code, Phrase message) {
		return new Outcome(KpiType.UNKNOWN, code, message, null);
	}

	public static Outcome problem(String code, Phrase message, Phrase hint) {
		return new Outcome(KpiType.UNKNOWN, code, message, hint);
	}

	/** The message with the place it is about: {@code cannot add a and b in `x + y`: hint}. */
	public Phrase messageAt(String place) {
		return hint == null ? new Phrase("outcome.at", message, place) : new Phrase("outcome.atHint", message, place, hint);
	}

	/** The message alone, with its hint. */
	public Phrase fullMessage() {
		return hint == null ? message : new Phrase("outcome.hint", message, hint);
	}

	public boolean isProblem() {
		return code != null;
	}
}
