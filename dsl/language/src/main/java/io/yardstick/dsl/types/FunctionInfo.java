package io.yardstick.dsl.types;

/**
 * One function of the formula language: its name, how many arguments it takes, and the text that
 * completion and hover show. {@code maxArguments} of -1 means no upper bound.
 */
public record FunctionInfo(String name, FunctionCategory category, int minArguments, int maxArguments,
		String signature, String summary) {

	public boolean acceptsWhere() {
		return category == FunctionCategory.AGGREGATE;
	}

	public boolean acceptsArgumentCount(int count) {
		return count >= minArguments && (maxArguments < 0 || count <= maxArguments);
	}

	public String arityText() {
		if (minArguments == maxArguments) {
			return minArguments + (minArguments == 1 ? " argument" : " arguments");
		}
		return maxArguments < 0 ? "at least " + minArguments + " arguments"
				: minArguments + " to " + maxArguments + " arguments";
	}
}
