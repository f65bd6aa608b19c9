package io.yardstick.dsl.generator.sql;

import io.yardstick.dsl.generator.sql.Sql.Binary;
import io.yardstick.dsl.generator.sql.Sql.Expr;
import io.yardstick.dsl.generator.sql.Sql.IsNull;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Shortens a condition that only selects rows (an aggregate's FILTER), where a null result and false alike
 * leave a row out. Translated conditions carry guards that make a comparison with a null false, as the
 * calculator's logic has it, and a share's hits repeat its base: {@code (x IS NULL OR x >= a) AND x >= a AND
 * x < b}. An engine evaluates every conjunct for every row, and in a scan that is a fifth of the work.
 *
 * <p>The rules, each exact where only true selects:
 * <ul>
 * <li>a conjunct that occurs twice is kept once;</li>
 * <li>absorption: {@code (p OR q) AND q} is {@code q}, in three-valued logic too;</li>
 * <li>{@code e IS NOT NULL} beside a comparison whose operand is {@code e}, or arithmetic over {@code e}, goes:
 * where {@code e} is null the comparison is null, so the conjunction does not select the row either way;</li>
 * <li>{@code e IS NOT NULL} in the filter of an aggregate that skips null values goes where the aggregated
 * value is {@code e} or arithmetic over it: the rows it would leave out add nothing
 * ({@code sum(a) FILTER (WHERE a IS NOT NULL AND b IS NOT NULL)} is {@code sum(a) FILTER (WHERE b IS NOT
 * NULL)}).</li>
 * </ul>
 * Only the top-level conjuncts are touched: under a NOT or inside an OR a guard decides the result.
 */
final class FilterConditions {
	private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", "<=", ">", ">=");
	/** Operators whose result is null when an operand is. */
	private static final Set<String> STRICT_ARITHMETIC = Set.of("+", "-", "*", "/");

	private FilterConditions() {
	}

	/** The condition with the same selected rows, shortened; null stays null. */
	static Expr shorten(Expr condition) {
		return shorten(condition, null);
	}

	/**
	 * The filter of an aggregate, shortened: one that selects the same rows, or, where {@code skippedWhenNull}
	 * (the value of an aggregate that skips nulls) is given, the same rows but those whose value is null.
	 */
	static Expr shorten(Expr condition, Expr skippedWhenNull) {
		if (condition == null) {
			return null;
		}
		Set<Expr> conjuncts = new LinkedHashSet<>();
		flatten(condition, "AND", conjuncts);
		List<Expr> kept = new ArrayList<>();
		for (Expr conjunct : conjuncts) {
			Expr notNull = notNullOperand(conjunct);
			boolean skipped = notNull != null && skippedWhenNull != null && nullWith(skippedWhenNull, notNull);
			if (!absorbed(conjunct, conjuncts) && !impliedNotNull(conjunct, conjuncts) && !skipped) {
				kept.add(conjunct);
			}
		}
		if (kept.isEmpty()) {
			// Only a test of the aggregated value for null can leave nothing (the others keep what absorbs or
			// implies them), and the aggregate makes that test itself: no filter is left.
			return skippedWhenNull != null ? null : condition;
		}
		Expr shortened = kept.get(0);
		for (int i = 1; i < kept.size(); i++) {
			shortened = new Binary("AND", shortened, kept.get(i));
		}
		return shortened;
	}

	/** The operand of {@code e IS NOT NULL} when the condition is exactly that, else null. */
	static Expr notNullOperand(Expr condition) {
		return condition instanceof IsNull test && test.negated() ? test.operand() : null;
	}

	private static void flatten(Expr expr, String operator, Set<Expr> into) {
		if (expr instanceof Binary binary && binary.operator().equals(operator)) {
			flatten(binary.left(), operator, into);
			flatten(binary.right(), operator, into);
		} else {
			into.add(expr);
		}
	}

	/** An OR one of whose disjuncts is itself a conjunct. */
	private static boolean absorbed(Expr conjunct, Set<Expr> conjuncts) {
		if (!(conjunct instanceof Binary binary && binary.operator().equals("OR"))) {
			return false;
		}
		Set<Expr> disjuncts = new LinkedHashSet<>();
		flatten(conjunct, "OR", disjuncts);
		for (Expr disjunct : disjuncts) {
			if (conjuncts.contains(disjunct)) {
				return true;
			}
		}
		return false;
	}

	/** {@code e IS NOT NULL} beside a comparison that is null wherever {@code e} is. */
	private static boolean impliedNotNull(Expr conjunct, Set<Expr> conjuncts) {
		Expr operand = notNullOperand(conjunct);
		if (operand == null) {
			return false;
		}
		for (Expr other : conjuncts) {
			if (other instanceof Binary comparison && COMPARISONS.contains(comparison.operator())
					&& (nullWith(comparison.left(), operand) || nullWith(comparison.right(), operand))) {
				return true;
			}
		}
		return false;
	}

	/** Whether {@code expr} is null wherever {@code operand} is: it is the operand, or strict arithmetic over it. */
	private static boolean nullWith(Expr expr, Expr operand) {
		if (expr.equals(operand)) {
			return true;
		}
		return expr instanceof Binary binary && STRICT_ARITHMETIC.contains(binary.operator())
				&& (nullWith(binary.left(), operand) || nullWith(binary.right(), operand));
	}
}
