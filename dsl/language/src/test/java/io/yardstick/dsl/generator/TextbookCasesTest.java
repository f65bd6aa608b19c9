package io.yardstick.dsl.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.yardstick.dsl.generator.CalculatorGenerator.GeneratedSource;
import io.yardstick.runtime.results.Results;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Textbook definitions, computed end to end (template → generated calculator → compiled → run on CSV data) and
 * checked against numbers worked out by hand, written out in each test.
 */
class TextbookCasesTest {
	private static final double EXACT = 1e-9;

	@TempDir
	Path folder;

	/**
	 * NPS = % promoters (9–10) − % detractors (0–6) among those who answered. Ten answers: three promoters,
	 * five passives (7–8), two detractors: 30% − 20% = +10. Unanswered rows do not count.
	 */
	@Test
	void npsWithThirtyPercentPromotersAndTwentyPercentDetractorsIsPlusTen() throws Exception {
		write("model/nps.kpi", """
				package textbook

				template Survey {
					source Response {
						key id: text
						answeredAt: timestamp time
						score: score(0..10)?
					}
					layer execution {
						metric nps : score(-100..100) {
							= 100 * (share(Response.score >= 9 where Response.score is not null)
								- share(Response.score <= 6 where Response.score is not null))
						}
						metric promoters : percent {
							= share(Response.score >= 9 where Response.score is not null)
						}
						metric detractors : percent {
							= share(Response.score <= 6 where Response.score is not null)
						}
					}
				}
				""");
		write("data/Response.csv", csv("id,answeredAt,score",
				// January: promoters 10, 9, 9; passives 8, 7, 7, 8, 7; detractors 3, 6; two rows without an answer
				"R01,2025-01-02T10:00:00,10", "R02,2025-01-03T10:00:00,9", "R03,2025-01-04T10:00:00,9",
				"R04,2025-01-05T10:00:00,8", "R05,2025-01-06T10:00:00,7", "R06,2025-01-07T10:00:00,7",
				"R07,2025-01-08T10:00:00,8", "R08,2025-01-09T10:00:00,7", "R09,2025-01-10T10:00:00,3",
				"R10,2025-01-11T10:00:00,6", "R11,2025-01-12T10:00:00,", "R12,2025-01-13T10:00:00,",
				// February: one promoter (10), three detractors (0, 5, 6): 25% − 75% = −50
				"R13,2025-02-01T10:00:00,10", "R14,2025-02-02T10:00:00,0", "R15,2025-02-03T10:00:00,5",
				"R16,2025-02-04T10:00:00,6"));
		write("run.properties", "grain=month\n");

		Results results = run();

		assertThat(results.value("promoters", 0)).isCloseTo(0.3, within(EXACT));
		assertThat(results.value("detractors", 0)).isCloseTo(0.2, within(EXACT));
		assertThat(results.value("nps", 0)).isCloseTo(10.0, within(EXACT));
		assertThat(results.value("nps", 1)).isCloseTo(-50.0, within(EXACT));
	}

	/**
	 * Percentiles interpolate linearly between order statistics (R-7, Excel PERCENTILE.INC, NumPy's default): the
	 * p-th percentile of n sorted values x[0..n-1] is x[h] interpolated at h = (n − 1)·p.
	 */
	@Test
	void percentilesAndMedianFollowR7() throws Exception {
		write("model/p.kpi", """
				package textbook

				template Latency {
					core-limit 10
					source Request {
						key id: text
						at: timestamp time
						ms: number
					}
					layer execution {
						metric median : number {
							= median(Request.ms)
						}
						metric p90 : number {
							= percentile(0.9, Request.ms)
						}
						metric p25 : number {
							= percentile(25%, Request.ms)
						}
						metric p10 : number {
							= percentile(10%, Request.ms)
						}
						metric p0 : number {
							= percentile(0, Request.ms)
						}
						metric p100 : number {
							= percentile(100%, Request.ms)
						}
					}
				}
				""");
		write("data/Request.csv", csv("id,at,ms",
				// January: 1, 2, 3, 4 (written out of order)
				"A,2025-01-01T00:00:00,3", "B,2025-01-02T00:00:00,1", "C,2025-01-03T00:00:00,4",
				"D,2025-01-04T00:00:00,2",
				// February, ten values; sorted: 15 20 35 40 50 55 60 70 80 100
				"E,2025-02-01T00:00:00,100", "F,2025-02-02T00:00:00,15", "G,2025-02-03T00:00:00,80",
				"H,2025-02-04T00:00:00,20", "I,2025-02-05T00:00:00,70", "J,2025-02-06T00:00:00,35",
				"K,2025-02-07T00:00:00,60", "L,2025-02-08T00:00:00,40", "M,2025-02-09T00:00:00,55",
				"N,2025-02-10T00:00:00,50"));
		write("run.properties", "grain=month\n");

		Results results = run();

		// 1, 2, 3, 4: median h = 1.5 → 2.5; P90 h = 2.7 → 3 + 0.7·(4 − 3) = 3.7; P25 h = 0.75 → 1.75;
		// P10 h = 0.3 → 1.3; P0 the minimum, P100 the maximum
		assertThat(results.value("median", 0)).isCloseTo(2.5, within(EXACT));
		assertThat(results.value("p90", 0)).isCloseTo(3.7, within(EXACT));
		assertThat(results.value("p25", 0)).isCloseTo(1.75, within(EXACT));
		assertThat(results.value("p10", 0)).isCloseTo(1.3, within(EXACT));
		assertThat(results.value("p0", 0)).isEqualTo(1.0);
		assertThat(results.value("p100", 0)).isEqualTo(4.0);
		// ten values: median h = 4.5 → 50 + 0.5·(55 − 50) = 52.5; P90 h = 8.1 → 80 + 0.1·(100 − 80) = 82;
		// P25 h = 2.25 → 35 + 0.25·(40 − 35) = 36.25; P10 h = 0.9 → 15 + 0.9·(20 − 15) = 19.5
		assertThat(results.value("median", 1)).isCloseTo(52.5, within(EXACT));
		assertThat(results.value("p90", 1)).isCloseTo(82.0, within(EXACT));
		assertThat(results.value("p25", 1)).isCloseTo(36.25, within(EXACT));
		assertThat(results.value("p10", 1)).isCloseTo(19.5, within(EXACT));
		assertThat(results.value("p0", 1)).isEqualTo(15.0);
		assertThat(results.value("p100", 1)).isEqualTo(100.0);
	}

	/**
	 * Churn rate = customers lost in the period / customers active at its start. Twenty customers are active on
	 * 1 March and three of them leave in March: 3 / 20 = 15%. Customers who left before March, and those who
	 * signed in March (even one who also left in March), are in neither count.
	 */
	@Test
	void churnRateIsChurnedOverActiveAtTheStart() throws Exception {
		write("model/churn.kpi", """
				package textbook

				template Retention {
					source Customer {
						key id: text
						signedAt: date
						churnedAt: date?
					}
					layer execution {
						metric activeAtStart : count {
							= count(Customer where Customer.signedAt < period.start
								and (Customer.churnedAt is null or Customer.churnedAt >= period.start))
						}
						metric leftInPeriod : count {
							= count(Customer where Customer.churnedAt in period)
						}
						metric churnRate : percent {
							= share(Customer.churnedAt in period
								where Customer.signedAt < period.start
								and (Customer.churnedAt is null or Customer.churnedAt >= period.start))
						}
					}
				}
				""");
		List<String> rows = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			String churned = switch (i) {
				case 1 -> "2025-03-01"; // leaves on the first day of March: active at its start, lost in it
				case 2 -> "2025-03-15";
				case 3 -> "2025-03-31";
				case 4 -> "2025-04-10"; // leaves after March
				default -> "";
			};
			rows.add(String.format("C%02d,2024-%02d-10,%s", i, 1 + i % 12, churned));
		}
		rows.add("D1,2024-06-01,2025-02-14"); // left before March
		rows.add("D2,2024-07-01,2025-02-28");
		rows.add("E1,2025-03-01,2025-03-20"); // signed on 1 March (not before its start), left in March
		rows.add("E2,2025-03-10,"); // signed in March
		write("data/Customer.csv", csv("id,signedAt,churnedAt", rows.toArray(String[]::new)));
		write("run.properties", "grain=month\nfrom=2025-03-01\nto=2025-03-31\n");

		Results results = run();

		assertThat(results.periods().count()).isEqualTo(1);
		assertThat(results.value("activeAtStart", 0)).isEqualTo(20.0);
		assertThat(results.value("leftInPeriod", 0)).isEqualTo(4.0); // C01, C02, C03 and E1
		assertThat(results.value("churnRate", 0)).isCloseTo(0.15, within(EXACT));
	}

	/**
	 * A cost rate is a ratio of sums, not an average of per-row rates: 10 / 100 (10%) and 270 / 900 (30%) give
	 * (10 + 270) / (100 + 900) = 28%, where the average of the two rates would be 20%.
	 */
	@Test
	void costRateIsRatioOfSumsNotAverageOfRates() throws Exception {
		write("model/cost.kpi", """
				package textbook

				template Costs {
					source Job {
						key id: text
						doneAt: timestamp time
						cost: currency(CNY)
						revenue: currency(CNY)
					}
					layer execution {
						metric costRate : percent {
							= ratio(Job.cost, Job.revenue)
						}
						metric costOverRevenue : percent {
							= sum(Job.cost) / sum(Job.revenue)
						}
						metric averageOfRates : percent {
							= avg(Job.cost / Job.revenue)
						}
					}
				}
				""");
		write("data/Job.csv", csv("id,doneAt,cost,revenue", "J1,2025-05-01T09:00:00,10,100",
				"J2,2025-05-02T09:00:00,270 CNY,900 CNY"));
		write("run.properties", "grain=month\n");

		Results results = run();

		assertThat(results.value("costRate", 0)).isCloseTo(0.28, within(EXACT));
		assertThat(results.value("costOverRevenue", 0)).isCloseTo(0.28, within(EXACT));
		assertThat(results.value("averageOfRates", 0)).isCloseTo(0.2, within(EXACT));
	}

	// ------------------------------------------------------------------ helpers

	private void write(String relative, String text) throws IOException {
		Path file = folder.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	private static String csv(String header, String... rows) {
		return header + "\n" + String.join("\n", rows) + "\n";
	}

	/** Validates the template (no errors), generates, compiles and runs its calculator on the folder's data. */
	private Results run() throws Exception {
		GeneratedSource source = new CalculatorGenerator().generate(CalculatorCases.template(folder), null);
		Class<?> compiled = CalculatorCompiler.compile(source.qualifiedClassName(), source.content());
		Results results = CalculatorCases.run(compiled, folder);
		assertThat(results.template().metrics()).extracting(metric -> metric.id()).doesNotHaveDuplicates();
		return results;
	}
}
