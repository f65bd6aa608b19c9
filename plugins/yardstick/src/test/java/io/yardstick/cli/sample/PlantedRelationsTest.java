package io.yardstick.cli.sample;

import static io.yardstick.cli.sample.SampleFacts.cells;
import static io.yardstick.cli.sample.SampleFacts.correlation;
import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.cli.sample.SampleFacts.Customer;
import io.yardstick.cli.sample.SampleFacts.Sale;
import io.yardstick.cli.sample.SampleFacts.Ticket;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relations the generator plants, checked on the bundled (default) data the way a reviewer of the template's
 * links would see them: per region and month, with the template's metric definitions.
 */
class PlantedRelationsTest {
	@TempDir
	static Path dir;

	static SampleFacts facts;
	static int months;
	static Map<String, Customer> customers = new HashMap<>();

	@BeforeAll
	static void generateDefaults() throws IOException {
		new SampleDataGenerator(SampleDataSettings.DEFAULTS).write(dir);
		facts = SampleFacts.read(dir, SampleDataSettings.DEFAULTS);
		months = facts.months;
		facts.customers.forEach(c -> customers.put(c.id(), c));
	}

	@Test
	void regionsDifferInVolumeAndSpeed() {
		long[] tickets = new long[facts.regions.size()];
		facts.tickets.forEach(t -> tickets[facts.region(t.region())]++);
		for (int r = 1; r < tickets.length; r++) {
			assertThat(tickets[r]).as(facts.regions.get(r)).isLessThan(tickets[r - 1]);
		}
		assertThat(tickets[0]).isGreaterThan(3 * tickets[tickets.length - 1]);

		double[] speed = new double[facts.regions.size()];
		for (int r = 0; r < speed.length; r++) {
			String region = facts.regions.get(r);
			speed[r] = average(t -> t.region().equals(region) && t.firstResponseAt() != null,
					Ticket::firstResponseHours);
		}
		assertThat(Arrays.stream(speed).max().getAsDouble()).isGreaterThan(1.6 * Arrays.stream(speed).min().getAsDouble());
	}

	@Test
	void staffingLoadVariesMonthToMonthWithinEachRegion() {
		double[][] firstResponse = facts.firstResponseHours();
		double[][] complaints = facts.complaintHours();
		for (int r = 0; r < firstResponse.length; r++) {
			double[] months = firstResponse[r];
			assertThat(Arrays.stream(months).max().getAsDouble())
					.as(facts.regions.get(r)).isGreaterThan(1.6 * Arrays.stream(months).min().getAsDouble());
			double[] complaint = Arrays.stream(complaints[r]).filter(x -> !Double.isNaN(x)).toArray();
			assertThat(Arrays.stream(complaint).max().getAsDouble())
					.as(facts.regions.get(r)).isGreaterThan(2 * Arrays.stream(complaint).min().getAsDouble());
		}
	}

	@Test
	void slowRegionMonthsHaveLowerSatisfaction() {
		double[] firstResponse = cells(facts.firstResponseHours(), 0, months);
		double[] csat = cells(facts.csat(), 0, months);
		double[] nps = cells(facts.nps(), 0, months);
		Integer[] bySpeed = IntStream.range(0, firstResponse.length).boxed()
				.sorted(Comparator.comparingDouble(i -> firstResponse[i])).toArray(Integer[]::new);
		int quarter = bySpeed.length / 4;
		double fastest = IntStream.range(0, quarter).mapToDouble(i -> csat[bySpeed[i]]).average().getAsDouble();
		double slowest = IntStream.range(bySpeed.length - quarter, bySpeed.length).mapToDouble(i -> csat[bySpeed[i]])
				.average().getAsDouble();
		double fastestNps = IntStream.range(0, quarter).mapToDouble(i -> nps[bySpeed[i]]).average().getAsDouble();
		double slowestNps = IntStream.range(bySpeed.length - quarter, bySpeed.length).mapToDouble(i -> nps[bySpeed[i]])
				.average().getAsDouble();

		assertThat(slowest).isLessThan(fastest - 0.3);
		assertThat(slowestNps).isLessThan(fastestNps - 15);
		assertThat(correlation(firstResponse, csat)).isLessThan(-0.6);
	}

	@Test
	void slowComplaintHandlingLowersSatisfaction() {
		assertThat(correlation(cells(facts.complaintHours(), 0, months), cells(facts.csat(), 0, months)))
				.isLessThan(-0.5);
	}

	@Test
	void complaintsLowerSatisfaction() {
		double complaints = average(t -> t.isComplaint() && t.csat() != null, t -> t.csat());
		double others = average(t -> !t.isComplaint() && t.csat() != null, t -> t.csat());

		assertThat(complaints).isLessThan(others - 0.5);
	}

	@Test
	void satisfiedCustomersRecommend() {
		assertThat(correlation(cells(facts.csat(), 0, months), cells(facts.nps(), 0, months))).isGreaterThan(0.5);
		double promotersCsat = average(t -> t.nps() != null && t.nps() >= 9 && t.csat() != null, t -> t.csat());
		double detractorsCsat = average(t -> t.nps() != null && t.nps() <= 6 && t.csat() != null, t -> t.csat());
		assertThat(promotersCsat).isGreaterThan(detractorsCsat + 1);
	}

	@Test
	void slowResponseGrowsTheBacklogAndClosingShrinksIt() {
		double[] backlog = cells(facts.backlog(), 0, months);
		double[] closed = cells(facts.ticketAverage(t -> true, t -> t.status().equals("closed") ? 1 : 0), 0, months);

		assertThat(correlation(cells(facts.firstResponseHours(), 0, months), backlog)).isGreaterThan(0.4);
		assertThat(correlation(closed, backlog)).isLessThan(-0.4);
		assertThat(correlation(backlog, cells(facts.nps(), 0, months))).isLessThan(-0.3);
	}

	@Test
	void churnFollowsLowSatisfactionAMonthLater() {
		double[][] csat = facts.csat();
		double[][] churn = facts.churnRate();
		double lagOne = correlation(cells(csat, 0, months - 1), cells(churn, 1, months));
		double sameMonth = correlation(cells(csat, 0, months), cells(churn, 0, months));
		double reversed = correlation(cells(csat, 1, months), cells(churn, 0, months - 1));

		assertThat(lagOne).isLessThan(-0.45);
		assertThat(lagOne).isLessThan(sameMonth - 0.1).isLessThan(reversed - 0.1);
	}

	@Test
	void customersWithLowSatisfactionChurnMore() {
		Map<String, double[]> csatByCustomer = new HashMap<>();
		for (Ticket t : facts.tickets) {
			if (t.csat() != null) {
				double[] sumAndCount = csatByCustomer.computeIfAbsent(t.customer(), k -> new double[2]);
				sumAndCount[0] += t.csat();
				sumAndCount[1]++;
			}
		}
		int[] low = new int[2];
		int[] high = new int[2];
		csatByCustomer.forEach((id, sumAndCount) -> {
			double mean = sumAndCount[0] / sumAndCount[1];
			int[] group = mean < 3.5 ? low : mean >= 4.5 ? high : null;
			if (group != null) {
				group[0]++;
				group[1] += customers.get(id).churnedAt() != null ? 1 : 0;
			}
		});

		assertThat(low[0]).isGreaterThan(20);
		assertThat((double) low[1] / low[0]).isGreaterThan((double) high[1] / high[0] + 0.1);
	}

	@Test
	void followUpsLowerFirstContactResolutionWhichRaisesCost() {
		double previous = 1;
		for (int followUps = 0; followUps <= 3; followUps++) {
			int f = followUps;
			double resolvedFirstTime = average(t -> t.followUps() == f && t.resolvedAt() != null,
					t -> t.contacts() == 1 ? 1 : 0);
			assertThat(resolvedFirstTime).as(followUps + " follow-ups").isLessThan(previous - 0.08);
			previous = resolvedFirstTime;
		}
		double oneContact = average(t -> t.contacts() == 1, Ticket::cost);
		double more = average(t -> t.contacts() > 1, Ticket::cost);
		assertThat(more).isGreaterThan(1.3 * oneContact);

		double[] followUps = cells(facts.ticketAverage(t -> true, Ticket::followUps), 0, months);
		double[] fcr = cells(facts.ticketAverage(t -> t.resolvedAt() != null, t -> t.contacts() == 1 ? 1 : 0), 0,
				months);
		double[] cost = cells(facts.ticketAverage(t -> true, Ticket::cost), 0, months);
		assertThat(correlation(followUps, fcr)).isLessThan(-0.3);
		assertThat(correlation(fcr, cost)).isLessThan(-0.4);
	}

	@Test
	void afterSalesCostRateIsAFewPercent() {
		assertThat(costRate(t -> true, s -> true)).isBetween(0.02, 0.05);
		for (String region : facts.regions) {
			assertThat(costRate(t -> t.region().equals(region), s -> customers.get(s.customer()).region().equals(region)))
					.as(region).isBetween(0.02, 0.065);
		}
		for (String line : SampleDataGenerator.PRODUCT_LINES) {
			assertThat(costRate(t -> t.productLine().equals(line), s -> s.productLine().equals(line)))
					.as(line).isBetween(0.02, 0.06);
		}
	}

	@Test
	void productLinesAndSegmentsDiffer() {
		List<String> lines = SampleDataGenerator.PRODUCT_LINES;
		double[] lineCost = lines.stream().mapToDouble(l -> average(t -> t.productLine().equals(l), Ticket::cost)).toArray();
		assertThat(lineCost[0]).isGreaterThan(lineCost[1]);
		assertThat(lineCost[2]).isGreaterThan(lineCost[3]);
		assertThat(lineCost[0]).isGreaterThan(2 * lineCost[3]);

		double[] amount = new double[3];
		long[] orders = new long[3];
		long[] tickets = new long[3];
		long[] members = new long[3];
		for (Sale s : facts.sales) {
			int segment = SampleDataGenerator.SEGMENTS.indexOf(customers.get(s.customer()).segment());
			amount[segment] += s.amount();
			orders[segment]++;
		}
		facts.tickets.forEach(t -> tickets[SampleDataGenerator.SEGMENTS.indexOf(customers.get(t.customer()).segment())]++);
		facts.customers.forEach(c -> members[SampleDataGenerator.SEGMENTS.indexOf(c.segment())]++);
		// enterprise, smb, consumer: fewer customers, more tickets and orders each, larger orders
		assertThat(members[0]).isLessThan(members[1]);
		assertThat(members[1]).isLessThan(members[2]);
		assertThat(amount[0] / orders[0]).isGreaterThan(2 * amount[1] / orders[1]);
		assertThat(amount[1] / orders[1]).isGreaterThan(2 * amount[2] / orders[2]);
		assertThat((double) tickets[0] / members[0]).isGreaterThan(2 * (double) tickets[1] / members[1]);
		assertThat((double) tickets[1] / members[1]).isGreaterThan(2 * (double) tickets[2] / members[2]);
	}

	@Test
	void metricsLandNearTheTemplatesTargets() {
		assertThat(average(t -> t.csat() != null, t -> t.csat())).isBetween(4.0, 4.5);
		assertThat(average(t -> t.firstResponseAt() != null, Ticket::firstResponseHours)).isBetween(1.2, 2.5);
		assertThat(average(t -> t.isComplaint() && t.resolvedAt() != null, Ticket::resolutionHours)).isBetween(15.0, 36.0);
		assertThat(average(t -> t.resolvedAt() != null, t -> t.contacts() == 1 ? 1 : 0)).isBetween(0.65, 0.85);
		assertThat(average(t -> true, Ticket::followUps)).isBetween(0.8, 1.6);
		double[][] churn = facts.churnRate();
		double meanChurn = Arrays.stream(churn).flatMapToDouble(Arrays::stream).average().getAsDouble();
		assertThat(meanChurn).isBetween(0.01, 0.04);
	}

	private static double average(Predicate<Ticket> filter, ToDoubleFunction<Ticket> value) {
		return facts.tickets.stream().filter(filter).mapToDouble(value).average().getAsDouble();
	}

	private static double costRate(Predicate<Ticket> tickets, Predicate<Sale> sales) {
		double cost = facts.tickets.stream().filter(tickets).mapToDouble(Ticket::cost).sum();
		double amount = facts.sales.stream().filter(sales).mapToDouble(Sale::amount).sum();
		return cost / amount;
	}
}
