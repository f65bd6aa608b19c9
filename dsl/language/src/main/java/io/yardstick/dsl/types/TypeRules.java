package io.yardstick.dsl.types;

import static io.yardstick.dsl.validation.IssueCodes.CURRENCY_MISMATCH;
import static io.yardstick.dsl.validation.IssueCodes.KIND_MISMATCH;

import java.util.Objects;

/**
 * The kind rules for operators, written once: the validator reports what they reject, and the
 * generator relies on what they accept. docs/language.md#kinds-and-units is the table in prose.
 */
public final class TypeRules {
	private static final Phrase DURATION_HINT = new Phrase("hint.durationUnit");

	private TypeRules() {
	}

	/** {@code +} and {@code -}. */
	public static Outcome additive(String operator, Typed left, Typed right) {
		KpiType l = left.type();
		KpiType r = right.type();
		if (l.kind().isWildcard() || r.kind().isWildcard()) {
			return Outcome.ok(l.kind().isWildcard() ? r : l);
		}
		boolean minus = "-".equals(operator);
		Phrase verb = minus ? new Phrase("rule.subtract", r.describe(), l.describe())
				: new Phrase("rule.add", l.describe(), r.describe());
		if (l.kind().isTemporal() || r.kind().isTemporal()) {
			return temporalArithmetic(minus, l, r, verb);
		}
		if (l.is(Kind.CURRENCY) || r.is(Kind.CURRENCY)) {
			return currencyMix(left, right, verb);
		}
		if (l.is(Kind.DURATION) || r.is(Kind.DURATION)) {
			if (l.is(Kind.DURATION) && r.is(Kind.DURATION)) {
				return Outcome.ok(l);
			}
			return Outcome.problem(KIND_MISMATCH, new Phrase("rule.cannot", verb), hintFor(left, right));
		}
		return dimensionlessMix(l, r, verb);
	}

	/** {@code *}. */
	public static Outcome multiply(Typed left, Typed right) {
		KpiType l = left.type();
		KpiType r = right.type();
		if (l.kind().isWildcard() || r.kind().isWildcard()) {
			return Outcome.ok(l.kind().isWildcard() ? r : l);
		}
		Phrase verb = new Phrase("rule.multiply", l.describe(), r.describe());
		if (!l.kind().isNumeric() || !r.kind().isNumeric()) {
			return Outcome.problem(KIND_MISMATCH, verb);
		}
		if (l.kind().isDimensionless() && r.kind().isDimensionless()) {
			if (l.is(Kind.NUMBER)) {
				return Outcome.ok(r);
			}
			if (r.is(Kind.NUMBER) || l.sameAs(r) && l.kind().isQuotient()) {
				return Outcome.ok(l);
			}
			return Outcome.ok(KpiType.NUMBER);
		}
		if (l.kind().isDimensionless()) {
			return Outcome.ok(r);
		}
		if (r.kind().isDimensionless()) {
			return Outcome.ok(l);
		}
		return Outcome.problem(KIND_MISMATCH, verb, new Phrase("hint.productUnit"));
	}

	/** {@code /} and the ratio aggregate. */
	public static Outcome divide(Typed left, Typed right) {
		KpiType l = left.type();
		KpiType r = right.type();
		if (l.kind().isWildcard() || r.kind().isWildcard()) {
			return Outcome.ok(l.kind().isWildcard() ? r : l);
		}
		Phrase verb = new Phrase("rule.divide", l.describe(), r.describe());
		if (!l.kind().isNumeric() || !r.kind().isNumeric()) {
			return Outcome.problem(KIND_MISMATCH, verb);
		}
		if (l.is(Kind.CURRENCY) && r.is(Kind.CURRENCY) && !Objects.equals(l.currency(), r.currency())) {
			return Outcome.problem(CURRENCY_MISMATCH, verb,
					new Phrase("hint.oneCurrency"));
		}
		if (l.kind() == r.kind()) {
			return Outcome.ok(KpiType.RATIO);
		}
		if (r.kind().isDimensionless()) {
			if (l.kind().isDimensionless() && !r.is(Kind.NUMBER)) {
				return Outcome.ok(l.kind().isQuotient() && r.kind().isQuotient() ? KpiType.RATIO : KpiType.NUMBER);
			}
			return Outcome.ok(l);
		}
		if (r.is(Kind.DURATION)) {
			return Outcome.problem(KIND_MISMATCH, verb,
					new Phrase("hint.ratePerSecond"));
		}
		return Outcome.problem(KIND_MISMATCH, verb);
	}

	/** {@code = != < <= > >=}; ordering only where it means something. */
	public static Outcome compare(String operator, Typed left, Typed right) {
		KpiType l = left.type();
		KpiType r = right.type();
		if (l.kind().isWildcard() || r.kind().isWildcard()) {
			return Outcome.ok(KpiType.BOOL);
		}
		boolean ordering = !"=".equals(operator) && !"!=".equals(operator);
		Phrase subject = new Phrase("rule.cannot", new Phrase("rule.compare", l.describe(), r.describe()));
		if (l.is(Kind.ROWS) || r.is(Kind.ROWS)) {
			return Outcome.problem(KIND_MISMATCH, subject);
		}
		if (ordering && (unordered(l) || unordered(r))) {
			return Outcome.problem(KIND_MISMATCH, new Phrase("rule.order", (unordered(l) ? l : r).describe(), operator),
					new Phrase("hint.onlyEquality"));
		}
		if (l.kind().isTemporal() && r.kind().isTemporal()) {
			return Outcome.ok(KpiType.BOOL);
		}
		if (l.is(Kind.ENUM) || r.is(Kind.ENUM)) {
			if (l.is(Kind.ENUM) && r.is(Kind.ENUM) && (l.enumKind() == r.enumKind() || l.enumKind() == null
					|| r.enumKind() == null)) {
				return Outcome.ok(KpiType.BOOL);
			}
			if (l.is(Kind.TEXT) || r.is(Kind.TEXT)) {
				return Outcome.problem(KIND_MISMATCH, subject, new Phrase("hint.enumQuotes"));
			}
			return Outcome.problem(KIND_MISMATCH, subject);
		}
		if (l.kind() == r.kind() && !l.is(Kind.CURRENCY)) {
			return Outcome.ok(KpiType.BOOL);
		}
		if (l.is(Kind.CURRENCY) || r.is(Kind.CURRENCY)) {
			Outcome mixed = currencyMix(left, right, new Phrase("rule.compare", l.describe(), r.describe()));
			return mixed.isProblem() ? mixed : Outcome.ok(KpiType.BOOL);
		}
		if (l.is(Kind.DURATION) || r.is(Kind.DURATION)) {
			return Outcome.problem(KIND_MISMATCH, subject, hintFor(left, right));
		}
		Outcome mixed = dimensionlessMix(l, r, new Phrase("rule.compare", l.describe(), r.describe()));
		return mixed.isProblem() ? mixed : Outcome.ok(KpiType.BOOL);
	}

	/** The type of a value that is one of two alternatives: the branches of if, the arguments of coalesce. */
	public static Outcome join(Typed first, Typed second) {
		KpiType a = first.type();
		KpiType b = second.type();
		if (a.kind().isWildcard() || b.kind().isWildcard()) {
			return Outcome.ok(a.kind().isWildcard() ? b : a);
		}
		Phrase verb = new Phrase("rule.combine", a.describe(), b.describe());
		if (a.sameAs(b)) {
			return Outcome.ok(a);
		}
		if (a.is(Kind.CURRENCY) || b.is(Kind.CURRENCY)) {
			return currencyMix(first, second, verb);
		}
		if (a.kind().isDimensionless() && b.kind().isDimensionless()) {
			return dimensionlessMix(a, b, verb);
		}
		if (a.is(Kind.DURATION) && b.is(Kind.DURATION)) {
			return Outcome.ok(a);
		}
		return Outcome.problem(KIND_MISMATCH, new Phrase("rule.cannot", verb), hintFor(first, second));
	}

	private static Outcome temporalArithmetic(boolean minus, KpiType l, KpiType r, Phrase verb) {
		if (minus && l.kind().isTemporal() && r.kind().isTemporal()) {
			return Outcome.ok(KpiType.duration(l.is(Kind.DATE) && r.is(Kind.DATE) ? "d" : null));
		}
		if (l.kind().isTemporal() && r.is(Kind.DURATION)) {
			return Outcome.ok(l);
		}
		if (!minus && l.is(Kind.DURATION) && r.kind().isTemporal()) {
			return Outcome.ok(r);
		}
		Phrase why = new Phrase(l.kind().isTemporal() && r.kind().isTemporal() ? "hint.timeMinusTime" : "hint.timeMoves");
		return Outcome.problem(KIND_MISMATCH, new Phrase("rule.cannot", verb), why);
	}

	/** A currency mixes with the same currency, and with a plain constant meaning an amount in it. */
	private static Outcome currencyMix(Typed left, Typed right, Phrase verb) {
		KpiType l = left.type();
		KpiType r = right.type();
		if (l.is(Kind.CURRENCY) && r.is(Kind.CURRENCY)) {
			return Objects.equals(l.currency(), r.currency()) ? Outcome.ok(l)
					: Outcome.problem(CURRENCY_MISMATCH, new Phrase("rule.cannot", verb),
							new Phrase("hint.currenciesDoNotMix"));
		}
		Typed other = l.is(Kind.CURRENCY) ? right : left;
		if (other.type().is(Kind.NUMBER) && other.level() == Level.CONSTANT) {
			return Outcome.ok(l.is(Kind.CURRENCY) ? l : r);
		}
		return Outcome.problem(KIND_MISMATCH, new Phrase("rule.cannot", verb));
	}

	private static Outcome dimensionlessMix(KpiType l, KpiType r, Phrase verb) {
		if (!l.kind().isDimensionless() || !r.kind().isDimensionless()) {
			return Outcome.problem(KIND_MISMATCH, new Phrase("rule.cannot", verb));
		}
		if (l.kind() == r.kind()) {
			return Outcome.ok(l);
		}
		if (l.is(Kind.NUMBER)) {
			return Outcome.ok(r);
		}
		if (r.is(Kind.NUMBER)) {
			return Outcome.ok(l);
		}
		if (l.kind().isQuotient() && r.kind().isQuotient()) {
			return Outcome.ok(KpiType.RATIO);
		}
		return Outcome.problem(KIND_MISMATCH, new Phrase("rule.cannot", verb), new Phrase("hint.differentScales"));
	}

	private static boolean unordered(KpiType type) {
		return type.is(Kind.TEXT) || type.is(Kind.BOOL) || type.is(Kind.ENUM);
	}

	private static Phrase hintFor(Typed left, Typed right) {
		boolean durationAndNumber = left.type().is(Kind.DURATION) && right.type().is(Kind.NUMBER)
				|| right.type().is(Kind.DURATION) && left.type().is(Kind.NUMBER);
		return durationAndNumber ? DURATION_HINT : null;
	}
}
