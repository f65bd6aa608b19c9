package io.yardstick.dsl.validation;

import io.yardstick.dsl.kpi.Band;
import io.yardstick.dsl.kpi.Bound;
import io.yardstick.dsl.kpi.Condition;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.NumberLiteral;
import io.yardstick.dsl.kpi.OutsideBand;
import io.yardstick.dsl.model.Direction;
import io.yardstick.dsl.model.ModelText;
import io.yardstick.dsl.types.Functions;
import io.yardstick.dsl.types.Problem;
import io.yardstick.dsl.types.Units;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The issue data that makes a finding fixable: one string, the text that replaces the finding's
 * range. The validator knows what was meant; the editor's quick fix only writes it. A finding
 * without an obvious fix carries no data. Data never changes a finding's message, code,
 * severity or position.
 *
 * <p>Every editor titles a fix the same way ({@link #title}): the language server's code actions
 * and the Eclipse plugin's marker resolutions read the one table below.
 */
public final class QuickFixData {
	private static final String[] NONE = new String[0];

	/** The title of each fixable code's fix; %s is the replacement. A code not here gets no fix. */
	private static final Map<String, String> TITLES = Map.of(
			IssueCodes.UNRESOLVED_REFERENCE, "Change to `%s`",
			IssueCodes.UNKNOWN_FUNCTION, "Call `%s`",
			IssueCodes.UNKNOWN_UNIT, "Write the unit `%s`",
			IssueCodes.INVALID_KIND, "Write `%s`",
			IssueCodes.DUPLICATE_NAME, "Rename to `%s`",
			IssueCodes.TARGET_DIRECTION, "Declare the direction: `%s`",
			IssueCodes.DATA_FORMAT, "Write `%s`");

	/** Names people write for a unit, and the unit meant. */
	private static final Map<String, String> UNIT_ALIASES = Map.ofEntries(Map.entry("sec", "s"),
			Map.entry("secs", "s"), Map.entry("second", "s"), Map.entry("seconds", "s"), Map.entry("m", "min"),
			Map.entry("mins", "min"), Map.entry("minute", "min"), Map.entry("minutes", "min"), Map.entry("hr", "h"),
			Map.entry("hrs", "h"), Map.entry("hour", "h"), Map.entry("hours", "h"), Map.entry("day", "d"),
			Map.entry("days", "d"), Map.entry("wk", "w"), Map.entry("week", "w"), Map.entry("weeks", "w"),
			Map.entry("RMB", "CNY"), Map.entry("rmb", "CNY"), Map.entry("yuan", "CNY"));

	private QuickFixData() {
	}

	/** Whether findings of this code get a fix when they carry data. */
	public static boolean isFixable(String code) {
		return code != null && TITLES.containsKey(code);
	}

	/** The title of the fix that writes the replacement over a finding of this code, or null if the code has no fix. */
	public static String title(String code, String replacement) {
		String title = code == null ? null : TITLES.get(code);
		return title == null || replacement == null ? null : String.format(title, replacement);
	}

	/** For a problem of the formula analyzer: the function or unit meant, where one is clear. */
	public static String[] of(Problem problem) {
		if (IssueCodes.UNKNOWN_FUNCTION.equals(problem.code()) && problem.node() instanceof FunctionCall call) {
			return replacement(Functions.suggest(call.getFunction()));
		}
		if (IssueCodes.UNKNOWN_UNIT.equals(problem.code()) && problem.node() instanceof NumberLiteral literal) {
			return replacement(unit(literal.getUnit()));
		}
		return NONE;
	}

	/** For an unknown unit in {@code duration(...)}: the duration unit meant. */
	public static String[] durationUnit(String written) {
		String unit = unit(written);
		return unit != null && Units.isDurationUnit(unit) ? replacement(unit) : NONE;
	}

	/** For an unknown code in {@code currency(...)}: the ISO 4217 code meant. */
	public static String[] currency(String written) {
		String unit = unit(written);
		return unit != null && Units.isCurrencyCode(unit) ? replacement(unit) : NONE;
	}

	/** For a duplicate name: the name with the smallest number appended that no sibling has. */
	public static String[] freeName(String name, Collection<String> taken) {
		for (int suffix = 2;; suffix++) {
			String candidate = name + suffix;
			if (!taken.contains(candidate)) {
				return replacement(candidate);
			}
		}
	}

	/**
	 * For a metric with a target or threshold but no direction: its kind followed by the direction
	 * its target (or else its thresholds) implies, as in {@code percent higher-is-better}.
	 */
	public static String[] kindWithDirection(Metric metric) {
		Optional<Direction> direction = fromTarget(metric.getTarget());
		if (direction.isEmpty()) {
			direction = fromThreshold(metric.getWarning()).or(() -> fromThreshold(metric.getCritical()));
		}
		if (direction.isEmpty() || metric.getKind() == null) {
			return NONE;
		}
		return replacement(ModelText.full(metric.getKind()) + " " + direction.get().keyword());
	}

	private static Optional<Direction> fromTarget(Condition target) {
		if (target instanceof Bound bound) {
			return switch (bound.getOperator()) {
				case ">=", ">" -> Optional.of(Direction.HIGHER_IS_BETTER);
				case "<=", "<" -> Optional.of(Direction.LOWER_IS_BETTER);
				default -> Optional.empty();
			};
		}
		return target instanceof Band ? Optional.of(Direction.TARGET_BAND) : Optional.empty();
	}

	/** A threshold fires on the bad side, so it points away from the direction. */
	private static Optional<Direction> fromThreshold(Condition threshold) {
		if (threshold instanceof Bound bound) {
			return switch (bound.getOperator()) {
				case "<=", "<" -> Optional.of(Direction.HIGHER_IS_BETTER);
				case ">=", ">" -> Optional.of(Direction.LOWER_IS_BETTER);
				default -> Optional.empty();
			};
		}
		return threshold instanceof OutsideBand ? Optional.of(Direction.TARGET_BAND) : Optional.empty();
	}

	/**
	 * The unit meant by an unknown one: a common spelling (hrs, RMB), or a unit in the wrong case
	 * (H, usd). Nothing is matched by spelling distance: most three-letter words are one edit
	 * from some currency code, and a wrong currency is worse than no fix.
	 */
	static String unit(String written) {
		if (written == null) {
			return null;
		}
		String alias = UNIT_ALIASES.get(written);
		if (alias != null) {
			return alias;
		}
		String upper = written.toUpperCase(Locale.ROOT);
		if (!upper.equals(written) && Units.isCurrencyCode(upper)) {
			return upper;
		}
		String lower = written.toLowerCase(Locale.ROOT);
		return !lower.equals(written) && Units.isDurationUnit(lower) ? lower : null;
	}

	private static String[] replacement(String text) {
		return text == null ? NONE : new String[] { text };
	}
}
