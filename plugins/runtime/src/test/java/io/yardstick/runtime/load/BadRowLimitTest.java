package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.currency;
import static io.yardstick.runtime.load.Fixtures.field;
import static io.yardstick.runtime.load.Fixtures.key;
import static io.yardstick.runtime.load.Fixtures.source;
import static io.yardstick.runtime.load.Fixtures.template;
import static io.yardstick.runtime.load.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.TemplateSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Under SKIP, a source with more rejected rows than the limit stops loading, with its reasons counted. */
class BadRowLimitTest {
	private static final TemplateSpec TEMPLATE = template("UTC", source("Order", key("id", FieldType.TEXT),
			field("createdAt", FieldType.TIMESTAMP), currency("amount", "CNY")));

	@TempDir
	Path dir;

	/** Twenty rows: the first {@code badDates} with a slash date, the next {@code badAmounts} with a bad amount. */
	private void orders(int badDates, int badAmounts) {
		StringBuilder csv = new StringBuilder("id,createdAt,amount\n");
		for (int i = 1; i <= 20; i++) {
			String date = i <= badDates ? "2025/1/" + i : "2025-01-0" + (i % 9 + 1);
			String amount = i > badDates && i <= badDates + badAmounts ? "1,219.45" : "\"12.50\"";
			csv.append("O").append(i).append(',').append(date).append(',').append(amount).append('\n');
		}
		write(dir, "Order.csv", csv.toString());
	}

	private LoadResult load(String limit) {
		return DataLoader.load(TEMPLATE, Bindings.byConvention(dir, TEMPLATE),
				LoadOptions.defaults().skipBadRows(dir.resolve("rejected")).withMaxBadRows(BadRowLimit.parse(limit)));
	}

	@Test
	void belowAndAtACountLimitTheRowsAreSetAside() {
		orders(2, 1);
		assertThat(load("4").report().rowsRejected()).isEqualTo(3);
		assertThat(load("3").report().rowsRejected()).isEqualTo(3);
	}

	@Test
	void aboveACountLimitLoadingStopsWithTheReasonsCounted() {
		orders(2, 1);
		DataLoadException failure = catchThrowableOfType(DataLoadException.class, () -> load("2"));
		assertThat(failure.isBadRow()).isFalse();
		assertThat(failure.getMessage()).isEqualTo(dir.resolve("Order.csv") + ": error bad-data: Order: 3 of 20 rows"
				+ " rejected (15.0%), more than the limit of 2 rows (--max-bad-rows); by reason:\n"
				+ "  2 × Order.createdAt: \"…\" is not a timestamp (such as 2025-03-01T08:30:00, 2025-03-01 08:30 or"
				+ " 2025-03-01, optionally followed by an offset: Z or +08:00)\n"
				+ "  1 × Order: … cells, but the header has 3");
	}

	@Test
	void aPercentLimitCountsAgainstTheRowsRead() {
		orders(2, 0);
		assertThat(load("10%").report().rowsRejected()).isEqualTo(2);
		assertThat(load("10.5%").report().rowsRejected()).isEqualTo(2);
		DataLoadException failure = catchThrowableOfType(DataLoadException.class, () -> load("9.9%"));
		assertThat(failure.getMessage()).startsWith(dir.resolve("Order.csv") + ": error bad-data: Order: 2 of 20 rows"
				+ " rejected (10.0%), more than the limit of 9.9% (--max-bad-rows); by reason:\n  2 × Order.createdAt: ");
	}

	@Test
	void mostlyRejectedIsStoppedByTheCommandLinesDefault() {
		orders(18, 0);
		DataLoadException failure = catchThrowableOfType(DataLoadException.class, () -> DataLoader.load(TEMPLATE,
				Bindings.byConvention(dir, TEMPLATE), LoadOptions.defaults().skipBadRows(dir.resolve("rejected"))
						.withMaxBadRows(BadRowLimit.COMMAND_LINE)));
		assertThat(failure.getMessage()).contains("Order: 18 of 20 rows rejected (90.0%), more than the limit of 5%");
	}

	@Test
	void theLibrarysDefaultHasNoLimit() {
		orders(20, 0);
		LoadResult result = DataLoader.load(TEMPLATE, Bindings.byConvention(dir, TEMPLATE),
				LoadOptions.defaults().skipBadRows(dir.resolve("rejected")));
		assertThat(result.report().rowsRejected()).isEqualTo(20);
	}

	@Test
	void aBadRowUnderFailSaysSkippingWouldGoOnAFileProblemDoesNot() {
		orders(1, 0);
		DataLoadException bad = catchThrowableOfType(DataLoadException.class, () -> DataLoader.load(TEMPLATE, dir));
		assertThat(bad.isBadRow()).isTrue();
		write(dir, "Order.csv", "id,amount\n");
		DataLoadException file = catchThrowableOfType(DataLoadException.class, () -> DataLoader.load(TEMPLATE, dir));
		assertThat(file.isBadRow()).isFalse();
	}

	@Test
	void limitsAreParsedOrRefusedWithWhatIsExpected() {
		assertThat(BadRowLimit.parse("0").toString()).isEqualTo("0 rows");
		assertThat(BadRowLimit.parse(" 2.5% ").toString()).isEqualTo("2.5%");
		for (String wrong : new String[] {"-1", "5 %x", "150%", "ten", ""}) {
			assertThatThrownBy(() -> BadRowLimit.parse(wrong)).isInstanceOf(IllegalArgumentException.class)
					.hasMessage("\"" + wrong + "\" is not a bad-row limit: write a number of rows (such as 100) or a"
							+ " percentage of the rows read from 0% to 100% (such as 2.5%)");
		}
	}
}
