package io.yardstick.engines;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.generator.sql.SourceTable;
import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.results.Results;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan gives the values of the breakdowns it groups by, where a query of their own would read the source
 * again (performance.md, run 11): a scan without a time axis all of them, a scan that keeps the rows of the
 * run's periods those of its rows, and a query lists the values of the rows it leaves out. The calculator
 * lists a value that only rows outside every period have: a ticket without a creation time, and, with
 * {@code --from}, a ticket before it; and a region only a customer without tickets has, which the scan of
 * Customer finds. Leaving the rows without a time out of that query, or taking the values of every scan as
 * all, fails this test.
 */
class BreakdownValuesFromScansTest {
	private static final String TEMPLATE = """
			package engines.values

			template BreakdownValues "分组取值" {
				timezone "Asia/Shanghai"
				core-limit 30

				source Customer "客户" {
					key id: text
					region: text? dimension
				}

				source Ticket "工单" {
					key id: text
					customer -> Customer?
					createdAt: timestamp? time
					channel: text? dimension
					cost: number?
				}

				dimension region "区域" { Ticket.customer.region, Customer.region }

				layer execution {
					metric tickets "工单量" : count {
						= count(Ticket)
						by channel, region
					}
					metric cost "成本" : number {
						= sum(Ticket.cost)
						by channel, region
					}
					metric customers "客户数" : count {
						= count(Customer)
						by region
					}
				}
			}
			""";

	private static final Map<String, String> DATA = Map.of("Customer", """
			id,region
			C1,east
			C2,west
			C3,north
			C4,south
			""", "Ticket", """
			id,customer,createdAt,channel,cost
			T1,C1,2025-01-05T10:00:00,phone,10
			T2,C2,2025-02-05T10:00:00,mail,20
			T3,C3,,chat,30
			T4,C1,2024-11-05T10:00:00,shop,40
			""");

	@Test
	void aValueOnlyRowsWithoutATimeHaveIsListed(@TempDir Path folder) throws Exception {
		EngineCases engineCase = EngineCases.write(folder, TEMPLATE, DATA, "grain=month\nby=channel,region,channel*region\n");
		Results oracle = engineCase.calculator().run(engineCase.data(), engineCase.options());
		assertThat(oracle.grouping("channel").groups()).contains(List.of("chat"), List.of("shop"));
		assertThat(oracle.grouping("region").groups()).contains(List.of("south"));
		for (SourceTable.TimeStorage times : SourceTable.TimeStorage.values()) {
			assertThat(differences(engineCase, engineCase.options(), oracle, times)).as(times.name()).isEmpty();
		}
	}

	@Test
	void aValueOnlyRowsBeforeFromHaveIsListed(@TempDir Path folder) throws Exception {
		EngineCases engineCase = EngineCases.write(folder, TEMPLATE, DATA, "grain=month\nby=channel,region\n");
		RunOptions options = new RunOptions(engineCase.options().grain(), engineCase.options().groupings(),
				LocalDate.of(2025, 1, 1), null);
		Results oracle = engineCase.calculator().run(engineCase.data(), options);
		assertThat(oracle.grouping("channel").groups()).contains(List.of("shop"));
		assertThat(differences(engineCase, options, oracle, SourceTable.TimeStorage.NATIVE)).isEmpty();
	}

	private static List<String> differences(EngineCases engineCase, RunOptions options, Results oracle,
			SourceTable.TimeStorage times) throws Exception {
		try (Engine engine = DuckDbEngine.open(null)) {
			Results other = new EngineRun(engine, engineCase.model(), engineCase.calculator(),
					engineCase.push(engine, times)).run(options);
			return ResultsComparison.differences(oracle, other, 20);
		}
	}
}
