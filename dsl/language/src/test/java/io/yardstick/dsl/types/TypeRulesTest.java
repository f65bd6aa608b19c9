package io.yardstick.dsl.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The operator table of docs/language.md#kinds-and-units, row by row. {@code number!} is a plain
 * constant such as 2; {@code error:code} means the rule rejects the pair with that issue code.
 */
class TypeRulesTest {
	private static final Map<String, KpiType> TYPES = Map.ofEntries(
			Map.entry("count", KpiType.COUNT), Map.entry("number", KpiType.NUMBER), Map.entry("percent", KpiType.PERCENT),
			Map.entry("ratio", KpiType.RATIO), Map.entry("score", KpiType.score(BigDecimal.ONE, BigDecimal.valueOf(5))),
			Map.entry("duration", KpiType.duration("h")), Map.entry("CNY", KpiType.currency("CNY")),
			Map.entry("USD", KpiType.currency("USD")), Map.entry("timestamp", KpiType.TIMESTAMP),
			Map.entry("date", KpiType.DATE), Map.entry("text", KpiType.TEXT), Map.entry("bool", KpiType.BOOL),
			Map.entry("null", KpiType.NULL), Map.entry("unknown", KpiType.UNKNOWN));

	private static Typed typed(String name) {
		boolean constant = name.endsWith("!");
		KpiType type = TYPES.get(constant ? name.substring(0, name.length() - 1) : name);
		return new Typed(type, constant ? Level.CONSTANT : Level.AGGREGATE, null);
	}

	private static String result(Outcome outcome) {
		return outcome.isProblem() ? "error:" + outcome.code() : outcome.type().kind().keyword()
				+ (outcome.type().currency() == null ? "" : "(" + outcome.type().currency() + ")");
	}

	@ParameterizedTest(name = "{0} {1} {2} = {3}")
	@CsvSource(delimiter = '|', textBlock = """
			timestamp | - | timestamp | duration
			date      | - | date      | duration
			timestamp | - | date      | duration
			timestamp | + | duration  | timestamp
			duration  | + | timestamp | timestamp
			timestamp | - | duration  | timestamp
			date      | + | duration  | date
			timestamp | + | timestamp | error:kind-mismatch
			duration  | - | timestamp | error:kind-mismatch
			duration  | + | duration  | duration
			duration  | + | number!   | error:kind-mismatch
			duration  | + | percent   | error:kind-mismatch
			percent   | + | duration  | error:kind-mismatch
			count     | + | count     | count
			count     | + | number!   | count
			number!   | - | percent   | percent
			percent   | + | ratio     | ratio
			percent   | - | percent   | percent
			count     | + | percent   | error:kind-mismatch
			score     | + | count     | error:kind-mismatch
			CNY       | + | CNY       | currency(CNY)
			CNY       | + | number!   | currency(CNY)
			CNY       | + | number    | error:kind-mismatch
			CNY       | - | USD       | error:currency-mismatch
			CNY       | + | duration  | error:kind-mismatch
			text      | + | text      | error:kind-mismatch
			bool      | + | count     | error:kind-mismatch
			null      | + | duration  | duration
			unknown   | + | text      | text
			""")
	void additive(String left, String operator, String right, String expected) {
		assertThat(result(TypeRules.additive(operator, typed(left), typed(right)))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} / {1} = {2}")
	@CsvSource(delimiter = '|', textBlock = """
			count     | count     | ratio
			duration  | duration  | ratio
			CNY       | CNY       | ratio
			CNY       | USD       | error:currency-mismatch
			CNY       | count     | currency(CNY)
			duration  | count     | duration
			duration  | number!   | duration
			percent   | number!   | percent
			percent   | ratio     | ratio
			count     | percent   | number
			number!   | count     | number
			count     | duration  | error:kind-mismatch
			CNY       | duration  | error:kind-mismatch
			timestamp | count     | error:kind-mismatch
			text      | count     | error:kind-mismatch
			""")
	void division(String left, String right, String expected) {
		assertThat(result(TypeRules.divide(typed(left), typed(right)))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} * {1} = {2}")
	@CsvSource(delimiter = '|', textBlock = """
			number!   | percent   | percent
			percent   | number!   | percent
			percent   | percent   | percent
			count     | count     | number
			duration  | number!   | duration
			count     | CNY       | currency(CNY)
			duration  | duration  | error:kind-mismatch
			CNY       | CNY       | error:kind-mismatch
			timestamp | number!   | error:kind-mismatch
			""")
	void multiplication(String left, String right, String expected) {
		assertThat(result(TypeRules.multiply(typed(left), typed(right)))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} {1} {2} = {3}")
	@CsvSource(delimiter = '|', textBlock = """
			duration  | >  | duration  | bool
			duration  | >  | number!   | error:kind-mismatch
			timestamp | <  | date      | bool
			percent   | >= | number!   | bool
			percent   | >= | ratio     | bool
			count     | >  | percent   | error:kind-mismatch
			CNY       | >  | number!   | bool
			CNY       | >  | USD       | error:currency-mismatch
			text      | =  | text      | bool
			text      | <  | text      | error:kind-mismatch
			bool      | =  | bool      | bool
			bool      | >  | bool      | error:kind-mismatch
			count     | =  | null      | bool
			""")
	void comparison(String left, String operator, String right, String expected) {
		assertThat(result(TypeRules.compare(operator, typed(left), typed(right)))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "join {0} and {1} = {2}")
	@CsvSource(delimiter = '|', textBlock = """
			count    | number!  | count
			percent  | ratio    | ratio
			CNY      | number!  | currency(CNY)
			duration | duration | duration
			null     | duration | duration
			count    | CNY      | error:kind-mismatch
			duration | number!  | error:kind-mismatch
			""")
	void join(String first, String second, String expected) {
		assertThat(result(TypeRules.join(typed(first), typed(second)))).isEqualTo(expected);
	}
}
