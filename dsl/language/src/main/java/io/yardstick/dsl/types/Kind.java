package io.yardstick.dsl.types;

/** The kinds a value can have. docs/language.md#kinds-and-units gives their rules. */
public enum Kind {
	COUNT("count"),
	NUMBER("number"),
	PERCENT("percent"),
	RATIO("ratio"),
	SCORE("score"),
	DURATION("duration"),
	CURRENCY("currency"),
	TIMESTAMP("timestamp"),
	DATE("date"),
	TEXT("text"),
	BOOL("bool"),
	ENUM("enum"),
	/** A whole source, as in {@code count(Ticket)}: only count takes it. */
	ROWS("rows"),
	/** The {@code null} literal, which fits wherever a value does. */
	NULL("null"),
	/**
	 * What an expression has after an error was reported inside it. It fits everywhere, so one
	 * mistake gives one diagnostic, not a cascade.
	 */
	UNKNOWN("unknown");

	private final String keyword;

	Kind(String keyword) {
		this.keyword = keyword;
	}

	public String keyword() {
		return keyword;
	}

	/** Pure numbers on some scale: they mix with each other under the rules of {@link TypeRules}. */
	public boolean isDimensionless() {
		return this == COUNT || this == NUMBER || this == PERCENT || this == RATIO || this == SCORE;
	}

	/**
	 * Quotients, stored unscaled: a percent (a part of a whole, shown x100) and a ratio (any
	 * quotient). They mix with each other, giving a ratio.
	 */
	public boolean isQuotient() {
		return this == PERCENT || this == RATIO;
	}

	/** What arithmetic and numeric aggregates accept. */
	public boolean isNumeric() {
		return isDimensionless() || this == DURATION || this == CURRENCY;
	}

	public boolean isTemporal() {
		return this == TIMESTAMP || this == DATE;
	}

	/** Kinds that only an error or the null literal produce; they never cause a further diagnostic. */
	public boolean isWildcard() {
		return this == UNKNOWN || this == NULL;
	}
}
