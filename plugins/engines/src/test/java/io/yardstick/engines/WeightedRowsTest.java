package io.yardstick.engines;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.generator.sql.DuckDbDialect;
import io.yardstick.dsl.generator.sql.ScanQueries;
import io.yardstick.dsl.generator.sql.ScanQueries.ScanQuery;
import io.yardstick.dsl.generator.sql.SourceTable;
import io.yardstick.dsl.generator.sql.SqlWriter;
import io.yardstick.runtime.calc.Run;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.time.Periods;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan without a time axis whose aggregates all count rows takes each combination of the columns it reads
 * once, with its number of rows (performance.md, run 12), and gives the calculator's numbers: here customers
 * that agree on region, signing day and churn day (three, two, and two without a region) make fewer
 * combinations than rows, so counting the combinations instead of summing their rows, or a combination that
 * left a column out, fails this test. A scan that reads the key, or sums a value, is left as it is.
 */
class WeightedRowsTest {
	private static final String TEMPLATE = """
			package engines.weighted

			template WeightedRows "按组合计数" {
				timezone "Europe/Berlin"
				core-limit 30

				source Customer "客户" {
					key id: text
					region: text? dimension
					signedAt: date
					churnedAt: date?
					spend: number?
				}

				source Ticket "工单" {
					key id: text
					customer -> Customer
					createdAt: timestamp time
				}

				dimension region "区域" { Customer.region, Ticket.customer.region }

				layer execution {
					metric churnRate "流失率" : percent {
						= share(Customer.churnedAt in period
							where Customer.signedAt < period.start and (Customer.churnedAt is null or Customer.churnedAt >= period.start))
						by region
					}
					metric customers "客户数" : count {
						= count(Customer)
						by region
					}
					metric churned "曾流失" : count {
						= count(Customer.churnedAt)
						by region
					}
					metric tickets "工单量" : count {
						= count(Ticket)
						by region
					}
				}
			}
			""";

	private static final Map<String, String> DATA = Map.of("Customer", """
			id,region,signedAt,churnedAt,spend
			C1,east,2024-12-01,2025-02-10,1
			C2,east,2024-12-01,2025-02-10,2
			C3,east,2024-12-01,2025-02-10,3
			C4,east,2024-12-01,,4
			C5,east,2024-12-01,,5
			C6,west,2025-01-15,2025-03-03,6
			C7,,2024-12-01,2025-02-10,7
			C8,,2024-12-01,2025-02-10,8
			""", "Ticket", """
			id,customer,createdAt
			T1,C1,2025-01-05T10:00:00
			T2,C6,2025-02-05T10:00:00
			T3,C7,2025-03-30T02:30:00
			""");

	@Test
	void aScanOfCountsOverCombinationsGivesTheCalculatorsNumbers(@TempDir Path folder) throws Exception {
		EngineCases engineCase = EngineCases.write(folder, TEMPLATE, DATA, "grain=month\nby=region\n");
		Results oracle = engineCase.calculator().run(engineCase.data(), engineCase.options());
		for (SourceTable.TimeStorage times : SourceTable.TimeStorage.values()) {
			try (Engine engine = DuckDbEngine.open(null)) {
				Map<String, SourceTable> tables = engineCase.push(engine, times);
				String customerScan = customerScan(engineCase, tables);
				assertThat(customerScan).as(times.name()).contains("\"row_count\"").doesNotContain("count(*) FILTER");
				Results other = new EngineRun(engine, engineCase.model(), engineCase.calculator(), tables)
						.run(engineCase.options());
				assertThat(ResultsComparison.differences(oracle, other, 20)).as(times.name() + "\n" + customerScan)
						.isEmpty();
			}
		}
	}

	@Test
	void aScanThatReadsTheKeyOrSumsAValueIsLeftAsItIs(@TempDir Path folder) throws Exception {
		String keyed = TEMPLATE.replace("= count(Customer.churnedAt)", "= count(Customer where Customer.id != \"C1\")");
		String summed = TEMPLATE.replace("= count(Customer.churnedAt)", "= sum(Customer.spend)");
		for (String template : List.of(keyed, summed)) {
			EngineCases engineCase = EngineCases.write(folder.resolve(Integer.toString(template.hashCode())), template,
					DATA, "grain=month\nby=region\n");
			try (Engine engine = DuckDbEngine.open(null)) {
				String customerScan = customerScan(engineCase, engineCase.push(engine));
				assertThat(customerScan).doesNotContain("row_count").contains("count(*) FILTER");
			}
		}
	}

	/** The SQL of the scan of Customer over the case's three months, grouped in total and by region. */
	private static String customerScan(EngineCases engineCase, Map<String, SourceTable> tables) {
		ScanQueries queries = new ScanQueries(engineCase.model(), engineCase.calculator().template(),
				DuckDbDialect.INSTANCE, tables);
		Periods periods = Run.periods(engineCase.calculator().template(), engineCase.options(),
				Instant.parse("2025-01-05T09:00:00Z").toEpochMilli(), Instant.parse("2025-03-30T00:30:00Z").toEpochMilli());
		List<ScanQuery> scans = queries.scans(engineCase.options().grain(),
				ScanQueries.periodRows(engineCase.options().grain(), periods), List.of(List.of(), List.of("region")));
		ScanQuery customer = scans.stream().filter(scan -> scan.source().equals("Customer")).findFirst().orElseThrow();
		return new SqlWriter(DuckDbDialect.INSTANCE).select(customer.select());
	}
}
