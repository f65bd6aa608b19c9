package io.yardstick.dsl.types;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Units a number can carry. Durations are stored in seconds and shown in their declared unit;
 * currencies are ISO 4217 codes; a percent literal is stored as a fraction.
 */
public final class Units {
	/** Seconds per duration unit, in the order the docs list them. Months and years vary in length, so they are grains, not units. */
	public static final Map<String, Long> DURATION_SECONDS;

	static {
		Map<String, Long> seconds = new LinkedHashMap<>();
		seconds.put("s", 1L);
		seconds.put("min", 60L);
		seconds.put("h", 3_600L);
		seconds.put("d", 86_400L);
		seconds.put("w", 604_800L);
		DURATION_SECONDS = java.util.Collections.unmodifiableMap(seconds);
	}

	private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
	private static final Set<String> ISO_CURRENCIES = Currency.getAvailableCurrencies().stream()
			.map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

	private Units() {
	}

	public static boolean isDurationUnit(String unit) {
		return DURATION_SECONDS.containsKey(unit);
	}

	public static boolean isCurrencyCode(String code) {
		return code != null && CURRENCY_CODE.matcher(code).matches() && ISO_CURRENCIES.contains(code);
	}

	public static BigDecimal toSeconds(BigDecimal amount, String unit) {
		return amount.multiply(BigDecimal.valueOf(DURATION_SECONDS.get(unit)));
	}

	public static String durationUnitList() {
		return String.join(", ", DURATION_SECONDS.keySet());
	}
}
