package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sheet names of results.xlsx: what Excel allows, one per layer. */
class ResultsXlsxTest {
	@Test
	void sheetNamesAreShortUniqueAndHoldNoForbiddenCharacter() {
		Set<String> taken = new HashSet<>();
		assertThat(ResultsXlsx.sheetName("战略层", taken)).isEqualTo("战略层");
		assertThat(ResultsXlsx.sheetName("Ops [daily]: a/b?", taken)).isEqualTo("Ops _daily__ a_b_");
		assertThat(ResultsXlsx.sheetName("战略层", taken)).isEqualTo("战略层 (2)");
		assertThat(ResultsXlsx.sheetName("Customer management and retention layer", taken))
				.isEqualTo("Customer management and retenti").hasSize(31);
		assertThat(ResultsXlsx.sheetName("customer management and retention layer", taken))
				.isEqualTo("customer management and ret (2)").hasSize(31);
		assertThat(ResultsXlsx.sheetName("  ", taken)).isEqualTo("_");
	}
}
