package io.yardstick.dsl.types;

/** What a typing rule gives: a type, or a problem with its issue code and a message about the kinds involved. */
public record Outcome(KpiType type, String code, String message) {

	public static Outcome ok(KpiType type) {
		return new Outcome(type, null, null);
	}

	public static Outcome problem(String code, String message) {
		return new Outcome(KpiType.UNKNOWN, code, message);
	}

	public boolean isProblem() {
		return code != null;
	}
}
