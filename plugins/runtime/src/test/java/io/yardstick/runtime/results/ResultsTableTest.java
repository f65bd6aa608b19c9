package io.yardstick.runtime.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.calc.ResultsFixture;
import io.yardstick.runtime.time.Grain;
import io.yardstick.runtime.time.Periods;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

	@Test
	void matchesTheGoldenFilesInEachLanguage() {
		Golden.assertMatches("client-table-zh.txt", ResultsTable.render(Samples.client(), "zh"));
		Golden.assertMatches("client-table-en.txt", ResultsTable.render(Samples.client(), "en"));
		Golden.assertMatches("client-table-untagged.txt", ResultsTable.render(Samples.client(), null));
	}

	@Test
	void showsTheLatestPeriodOfTheTotalLayersHighestFirst() {
		String table = ResultsTable.render(Samples.client(), "en");
		assertThat(table).startsWith("Client template (demo.Client): period 2025-02, the latest of 2 monthly periods; "
				+ "3 groupings computed (total, region, region*segment).\n");
		assertThat(table.indexOf("Strategic (strategic, level 3)")).isPositive()
				.isLessThan(table.indexOf("管理层 (management, level 2)"));
		assertThat(table.indexOf("管理层 (management, level 2)")).isLessThan(table.indexOf("Execution (execution, level 1)"));
		assertThat(table).contains("| Churn rate |         4.6% | <= 5%          | met    |",
				"| Revenue    | 1,234.50 CNY | >= 1000000 CNY | missed |")
				.contains("| 满意度 ", "| critical ", "| 3.5 h", "| warning ", "| no-value ", "| tracked ")
				.contains("| lastTicketAt ", "2025-02-28T13:45:10+08:00", "| Say \"hi\", </script> & bye ")
				.doesNotContain("\r").endsWith("+\n");
	}

	@Test
	void alignsColumnsByDisplayWidth() {
		for (String language : new String[] { "zh", "en", null }) {
			List<String> block = new ArrayList<>();
			for (String line : (ResultsTable.render(Samples.client(), language) + "\n").split("\n", -1)) {
				if (line.startsWith("+") || line.startsWith("|")) {
					block.add(line);
					continue;
				}
				if (!block.isEmpty()) {
					int width = ResultsTable.width(block.get(0));
					assertThat(block).as(block.get(0)).allSatisfy(row -> assertThat(ResultsTable.width(row)).isEqualTo(width));
					String border = block.get(0);
					List<Integer> pipes = new ArrayList<>();
					for (int i = 0; i < border.length(); i++) {
						if (border.charAt(i) == '+') {
							pipes.add(i);
						}
					}
					for (String row : block) { // each | falls in the column of a + of the border
						int column = 0;
						for (int i = 0; i < row.length();) {
							int cp = row.codePointAt(i);
							if (cp == '|') {
								assertThat(pipes).as(row).contains(column);
							}
							column += ResultsTable.width(cp);
							i += Character.charCount(cp);
						}
					}
					block.clear();
				}
			}
		}
	}

	@Test
	void countsWideCharactersTwice() {
		assertThat(ResultsTable.width("abc")).isEqualTo(3);
		assertThat(ResultsTable.width("客户流失率")).isEqualTo(10);
		assertThat(ResultsTable.width("流失率（月）")).isEqualTo(12);
		assertThat(ResultsTable.width("「工单」、")).isEqualTo(10);
		assertThat(ResultsTable.width("\u2014")).isEqualTo(1);
		assertThat(ResultsTable.width("e\u0301")).isEqualTo(1);
		assertThat(ResultsTable.width("한국어")).isEqualTo(6);
		assertThat(ResultsTable.width("カタカナ")).isEqualTo(8);
		assertThat(ResultsTable.width("ｶﾀｶﾅ")).as("halfwidth katakana").isEqualTo(4);
		assertThat(ResultsTable.width("\uD840\uDC0B")).as("CJK extension B").isEqualTo(2);
		assertThat(ResultsTable.width("\uD83D\uDE00")).as("emoji").isEqualTo(2);
	}

	@Test
	void keepsEachRowOnOneLine() {
		assertThat(ResultsTable.clean("two\nlines\tand\rmore")).isEqualTo("two lines and more");
	}

	@Test
	void saysSoWhenThereAreNoPeriods() {
		Results empty = new Results(Samples.support().template(), Periods.none(Grain.WEEK, Samples.SHANGHAI),
				List.of(new GroupingResult(Grouping.TOTAL, List.of(List.of()), new double[][] { {}, {} })),
				ResultsFixture.diagnostics(new long[2]));
		String table = ResultsTable.render(empty, "en");
		assertThat(table).startsWith("After-sales (demo.Support): no weekly periods to show (the data has no time values "
				+ "in range); 1 grouping computed (total).\n");
		assertThat(table).contains("| First response |     \u2014 | <= 2h  | no-value |");
	}
}
