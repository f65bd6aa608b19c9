package io.yardstick.dsl.model;

/**
 * How far a template may go before Yardstick refuses it with a positioned error instead of running
 * out of stack or range. Each limit is far beyond what a person writes and well inside what every
 * recursive step of parsing, checking, formatting and generating handles; docs/validation.md
 * (`too-deep`, `number-out-of-range`) and docs/reliability.md state them.
 */
public final class Limits {
	/**
	 * Levels of nesting the parser follows: each pair of parentheses, call, {@code in} list, branch of
	 * an {@code if}, {@code not}, sign {@code -} and step of a field path counts one.
	 */
	public static final int MAX_NESTING = 200;
	/**
	 * Levels of a formula's syntax tree (a formula, a bound, a filter with all it contains): each binary
	 * operator of a chain, each step of a reference path and each nested call or operand counts one, so a
	 * sum of about 1,200 terms reaches it. Chains are read in a loop, but every later recursive step
	 * (checking, formatting, generating) walks the tree.
	 */
	public static final int MAX_DEPTH = 1200;
	/** Levels a recursive walk descends before it stops with a too-deep problem; parsed text never gets there. */
	public static final int MAX_WALK_DEPTH = MAX_DEPTH + 50;
	/** Grammar rules the parser may have open at once: a backstop, about ten per level of nesting. */
	public static final int MAX_OPEN_RULES = 20 * MAX_NESTING + 100;

	/** The largest magnitude of a number written in a template: generated calculators compute in doubles. */
	public static final java.math.BigDecimal MAX_NUMBER = java.math.BigDecimal.TEN.pow(15);
	/** Significant digits a number may have: what a double holds exactly. */
	public static final int MAX_SIGNIFICANT_DIGITS = 15;
	/** The largest core-limit, layer level, lag and number of periods back (previous(m, n)). */
	public static final int MAX_COUNT_SETTING = 10_000;

	private Limits() {
	}
}
