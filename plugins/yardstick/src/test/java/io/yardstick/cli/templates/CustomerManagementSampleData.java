package io.yardstick.cli.templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Sample data for example-templates/customer-management: a B2B supplier with about 1,500 customers under annual
 * service contracts in 4 regions, won through 4 acquisition channels, 18 months from January 2025. Writes
 * Customer.csv, Acquisition.csv (spend per region, channel and month), Order.csv, Contract.csv (contracts reaching
 * their end date, renewed or not) and Ticket.csv (service requests with a satisfaction score).
 *
 * <p>The order table is kept as a client keeps it, with no precomputed column: it also holds the 2024 history
 * that the reported months read, each older customer's last order of 2024, so that "ordered again within 90 days
 * of the previous order" is true from the first reported month. The template reports from 2025-01-01
 * ({@code expected/run.args}); the history orders come from a random stream of their own, so the 18 simulated
 * months are the same with or without them.
 *
 * <p>The simulation plants the template's links: a region's service load slows its first responses, and slow
 * responses lower satisfaction (responseTime -> csat); the satisfaction a customer remembers up to last month sets
 * their chance to renew at the contract's end or to cancel early (csat -> renewalRate, csat -> churnRate,
 * renewalRate -> churnRate) and to buy (csat -> repurchaseRate); a customer with no order in the last 90 days is
 * more likely to leave (activeShare -> churnRate); gross profit per customer and churn make the lifetime value,
 * spend over new customers the acquisition cost (repurchaseRate, churnRate -> clv; clv, cac -> clvToCac). For the
 * churn alarm, three competitor price campaigns are planted (西部 May-June 2025, 华南 September-November 2025, 华北
 * March-April 2026): they raise churn and squeeze margins while service, and so satisfaction, stays as it was.
 *
 * <p>Deterministic: one {@link Random} with a fixed seed, draws in a fixed order, {@link StrictMath}, no clock, no
 * hash iteration, {@link Locale#ROOT} formatting. Regenerate with {@code java
 * plugins/yardstick/src/test/java/io/yardstick/cli/templates/CustomerManagementSampleData.java
 * example-templates/customer-management/data}.
 */
public final class CustomerManagementSampleData {
	static final long SEED = 20250102L;
	static final LocalDate FIRST_MONTH = LocalDate.of(2025, 1, 1);
	static final int MONTHS = 18;
	/** Orders from this day on, before {@link #FIRST_MONTH}, are written as the history the reported months read. */
	static final LocalDate HISTORY_FROM = LocalDate.of(2024, 1, 1);

	/** A sales region: its share of customers, how fast its service desk answers, how engaged its account managers keep customers. */
	record Region(String name, double share, double responseHours, double engagement, double acquisitionCost) {
	}

	static final List<Region> REGIONS = List.of(
			new Region("华东", 0.36, 2.0, 1.15, 1.00),
			new Region("华北", 0.26, 3.2, 1.00, 1.05),
			new Region("华南", 0.22, 2.6, 1.05, 1.00),
			new Region("西部", 0.16, 5.0, 0.80, 1.35));

	/** An acquisition channel: its share of new customers, planned cost per new customer, churn, buying and order size. */
	record Channel(String name, double share, double plannedCac, double churnFactor, double orderRate, double orderSize) {
	}

	static final List<Channel> CHANNELS = List.of(
			new Channel("直销", 0.30, 12500, 0.80, 0.19, 1.40),
			new Channel("渠道伙伴", 0.30, 7000, 1.00, 0.16, 1.00),
			new Channel("线上", 0.25, 5500, 1.50, 0.11, 0.60),
			new Channel("转介绍", 0.15, 2500, 0.70, 0.17, 1.00));

	// Customers: those on the books on 2025-01-01 signed over the four years before; new ones sign every month.
	static final int INITIAL_CUSTOMERS = 1250;
	static final double NEW_PER_MONTH = 40;
	static final double[] NEW_SEASON = { 0.9, 0.6, 1.1, 1.0, 1.0, 1.1, 1.0, 0.9, 1.0, 1.1, 1.1, 1.2 };

	// Service: requests per customer-month; response time gamma (shape 1.5) with the region-month's mean.
	static final double TICKETS_PER_MONTH = 0.12;
	static final double LOAD_SD = 0.45;
	static final double LOAD_MEMORY = 0.5;
	static final double[] LOAD_SEASON = { 1.0, 1.3, 1.05, 0.95, 0.95, 1.0, 1.05, 1.05, 0.95, 1.0, 1.05, 1.15 };
	static final double SURVEYED = 0.85;
	/** Satisfaction of a request: 4.85 − 0.42 ln(1 + response hours) + noise. */
	static final double SATISFACTION_TOP = 4.85;
	static final double SATISFACTION_PER_LOG_HOUR = 0.42;
	static final double SATISFACTION_SD = 0.5;
	static final double SATISFACTION_PIVOT = 4.3;
	/** A customer remembers satisfaction month to month: remembered = 0.5 × remembered + 0.5 × this month's. */
	static final double SATISFACTION_MEMORY = 0.5;

	// Buying: monthly chance to order = the channel's rate × the region-month's engagement × e^(2.5 (s − 4.3)).
	static final double ORDER_SATISFACTION = 2.5;
	static final double ENGAGEMENT_SD = 0.2;
	static final double ENGAGEMENT_MEMORY = 0.7;
	static final double SECOND_ORDER = 0.12;
	static final double ORDER_MEDIAN = 4600; // CNY
	static final double MARGIN = 0.36;
	static final double ONBOARDING_ORDER = 0.85; // a new customer's first order, in the month they sign

	// Leaving: at the contract's end, and a small chance to cancel early every month.
	static final double NON_RENEWAL = 0.075;
	static final double EARLY_CANCEL = 0.0015;
	static final double CHURN_SATISFACTION = 2.5; // hazard × e^(2.5 (4.3 − s)), s = the remembered satisfaction
	static final double INACTIVE_CHURN = 3.0; // no order in the last 90 days

	/** A competitor's price campaign in one region: churn rises and margins shrink, service is untouched. */
	record PriceWar(String region, LocalDate from, LocalDate to) {
	}

	static final List<PriceWar> PRICE_WARS = List.of(
			new PriceWar("西部", LocalDate.of(2025, 5, 1), LocalDate.of(2025, 7, 1)),
			new PriceWar("华南", LocalDate.of(2025, 9, 1), LocalDate.of(2025, 12, 1)),
			new PriceWar("华北", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 1)));
	static final double PRICE_WAR_CHURN = 3.0;
	static final double PRICE_WAR_MARGIN = 0.05;

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

	private CustomerManagementSampleData() {
	}

	/** File name → CSV text, in source order. */
	public static Map<String, String> files() {
		return new Simulation().run();
	}

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args[0]);
		Files.createDirectories(dir);
		for (Map.Entry<String, String> file : files().entrySet()) {
			Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
			System.out.println(dir.resolve(file.getKey()) + ": " + (file.getValue().split("\n", -1).length - 2) + " rows");
		}
	}

	static final class Customer {
		String id;
		final Region region;
		final Channel channel;
		final LocalDate signedOn;
		LocalDate churnedOn;
		LocalDate contractEnds;
		LocalDate lastOrderOn;
		double satisfaction = SATISFACTION_PIVOT; // as the customer remembers it, up to last month
		double ownSum;
		int ownCount;

		Customer(Region region, Channel channel, LocalDate signedOn) {
			this.region = region;
			this.channel = channel;
			this.signedOn = signedOn;
			LocalDate end = signedOn.plusYears(1);
			while (end.isBefore(FIRST_MONTH)) {
				end = end.plusYears(1);
			}
			this.contractEnds = end;
		}

		boolean onBooks(LocalDate from, LocalDate to) {
			return signedOn.isBefore(to) && (churnedOn == null || !churnedOn.isBefore(from));
		}
	}

	record Row(LocalDateTime at, String[] cells) {
	}

	private static final class Simulation {
		private final Random random = new Random(SEED);
		private final Random history = new Random(SEED + 1);
		private final List<Customer> customers = new ArrayList<>();
		private final StringBuilder acquisitionCsv = new StringBuilder("spendId,region,channel,spentOn,amount\n");
		private final StringBuilder orderCsv = new StringBuilder(
				"orderId,customer,orderedOn,amount,cost\n");
		private final StringBuilder contractCsv = new StringBuilder("contractId,customer,endsOn,renewed\n");
		private final StringBuilder ticketCsv = new StringBuilder(
				"ticketId,customer,createdAt,firstResponseAt,csat\n");
		private int customerSerial;
		private int spendSerial;
		private int orderSerial;
		private int contractSerial;
		private int ticketSerial;

		Map<String, String> run() {
			createInitialCustomers();
			write(historyOrders(), orderCsv, "O%05d", () -> ++orderSerial);
			int regions = REGIONS.size();
			double[] loadState = new double[regions];
			double[] engagementState = new double[regions];
			LocalDate dataEnd = FIRST_MONTH.plusMonths(MONTHS);
			for (int m = 0; m < MONTHS; m++) {
				LocalDate from = FIRST_MONTH.plusMonths(m);
				LocalDate to = from.plusMonths(1);
				int calendarMonth = from.getMonthValue() - 1;
				double[] load = new double[regions];
				double[] engagement = new double[regions];
				for (int r = 0; r < regions; r++) {
					loadState[r] = LOAD_MEMORY * loadState[r] + StrictMath.sqrt(1 - LOAD_MEMORY * LOAD_MEMORY) * random.nextGaussian();
					engagementState[r] = ENGAGEMENT_MEMORY * engagementState[r]
							+ StrictMath.sqrt(1 - ENGAGEMENT_MEMORY * ENGAGEMENT_MEMORY) * random.nextGaussian();
					load[r] = StrictMath.exp(LOAD_SD * loadState[r]) * LOAD_SEASON[calendarMonth];
					engagement[r] = REGIONS.get(r).engagement() * StrictMath.exp(ENGAGEMENT_SD * engagementState[r]);
				}
				List<Row> contracts = new ArrayList<>();
				decideWhoLeaves(from, to, contracts);
				List<Customer> newcomers = acquire(from, to, calendarMonth);
				double[] regionSum = new double[regions];
				int[] regionCount = new int[regions];
				List<Row> tickets = serve(from, to, dataEnd, load, regionSum, regionCount);
				List<Row> orders = sell(from, to, engagement, newcomers);
				// The month's satisfaction of a customer: 0.6 × own requests + 0.4 × the region's, or the region's alone
				// (the region's service level reaches everyone); remembered into the next months.
				for (Customer customer : customers) {
					int r = REGIONS.indexOf(customer.region);
					double regionMean = regionCount[r] == 0 ? SATISFACTION_PIVOT : regionSum[r] / regionCount[r];
					double month = customer.ownCount == 0 ? regionMean
							: 0.6 * customer.ownSum / customer.ownCount + 0.4 * regionMean;
					customer.satisfaction = SATISFACTION_MEMORY * customer.satisfaction + (1 - SATISFACTION_MEMORY) * month;
					customer.ownSum = 0;
					customer.ownCount = 0;
				}
				write(contracts, contractCsv, "K%05d", () -> ++contractSerial);
				write(tickets, ticketCsv, "T%05d", () -> ++ticketSerial);
				write(orders, orderCsv, "O%05d", () -> ++orderSerial);
			}
			StringBuilder customerCsv = new StringBuilder("customerId,region,channel,signedAt,churnedAt\n");
			for (Customer customer : customers) {
				customerCsv.append(csv(customer.id, customer.region.name(), customer.channel.name(),
						customer.signedOn.toString(), customer.churnedOn == null ? "" : customer.churnedOn.toString()))
						.append('\n');
			}
			Map<String, String> files = new LinkedHashMap<>();
			files.put("Customer.csv", customerCsv.toString());
			files.put("Acquisition.csv", acquisitionCsv.toString());
			files.put("Order.csv", orderCsv.toString());
			files.put("Contract.csv", contractCsv.toString());
			files.put("Ticket.csv", ticketCsv.toString());
			return files;
		}

		private void createInitialCustomers() {
			List<Customer> initial = new ArrayList<>();
			LocalDate first = LocalDate.of(2021, 1, 1);
			int days = (int) ChronoUnit.DAYS.between(first, FIRST_MONTH);
			for (int i = 0; i < INITIAL_CUSTOMERS; i++) {
				Customer customer = new Customer(pick(REGIONS.stream().mapToDouble(Region::share).toArray(), REGIONS),
						pick(CHANNELS.stream().mapToDouble(Channel::share).toArray(), CHANNELS),
						first.plusDays(random.nextInt(days)));
				// their last order before the data starts: a few weeks to several months back
				LocalDate last = FIRST_MONTH.minusDays(1 + (long) (-StrictMath.log(1 - random.nextDouble()) * 75));
				customer.lastOrderOn = last.isBefore(customer.signedOn) ? null : last;
				initial.add(customer);
			}
			initial.sort(Comparator.comparing((Customer c) -> c.signedOn));
			for (Customer customer : initial) {
				register(customer);
			}
		}

		/** Each older customer's last order before the simulated months, when it falls in the history written. */
		private List<Row> historyOrders() {
			List<Row> rows = new ArrayList<>();
			for (Customer customer : customers) {
				if (customer.lastOrderOn == null || customer.lastOrderOn.isBefore(HISTORY_FROM)) {
					continue;
				}
				double amount = ORDER_MEDIAN * customer.channel.orderSize() * StrictMath.exp(0.5 * history.nextGaussian());
				double cost = amount * (1 - clamp(MARGIN + 0.06 * history.nextGaussian(), 0.05, 0.7));
				rows.add(new Row(customer.lastOrderOn.atStartOfDay(), new String[] { null, customer.id,
						customer.lastOrderOn.toString(), yuan(amount), yuan(cost) }));
			}
			return rows;
		}

		private void register(Customer customer) {
			customer.id = String.format(Locale.ROOT, "C%04d", ++customerSerial);
			customers.add(customer);
		}

		/** Contracts ending this month are renewed or not; others may be cancelled early. */
		private void decideWhoLeaves(LocalDate from, LocalDate to, List<Row> contracts) {
			for (Customer customer : customers) {
				if (!customer.signedOn.isBefore(from) || customer.churnedOn != null) {
					continue;
				}
				// Planted: the remembered satisfaction (up to last month) and the customer's activity set the hazard
				// (csat -> churnRate, csat -> renewalRate, activeShare -> churnRate); the price war adds to it.
				boolean inactive = customer.lastOrderOn == null || customer.lastOrderOn.isBefore(from.minusDays(90));
				double hazard = customer.channel.churnFactor()
						* StrictMath.exp(CHURN_SATISFACTION * (SATISFACTION_PIVOT - customer.satisfaction))
						* (inactive ? INACTIVE_CHURN : 1) * (priceWar(customer.region, from) ? PRICE_WAR_CHURN : 1);
				if (customer.contractEnds.isBefore(to)) {
					boolean renewed = random.nextDouble() >= Math.min(0.9, NON_RENEWAL * hazard);
					contracts.add(new Row(customer.contractEnds.atStartOfDay(), new String[] { null, customer.id,
							customer.contractEnds.toString(), Boolean.toString(renewed) }));
					if (renewed) {
						customer.contractEnds = customer.contractEnds.plusYears(1);
					} else {
						customer.churnedOn = customer.contractEnds; // Planted: not renewing is churning (renewalRate -> churnRate)
					}
				} else if (random.nextDouble() < Math.min(0.3, EARLY_CANCEL * hazard)) {
					customer.churnedOn = from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, to)));
				}
			}
		}

		/** The month's new customers and the spend that won them, by region and channel. */
		private List<Customer> acquire(LocalDate from, LocalDate to, int calendarMonth) {
			List<Customer> newcomers = new ArrayList<>();
			int days = (int) ChronoUnit.DAYS.between(from, to);
			for (Region region : REGIONS) {
				for (Channel channel : CHANNELS) {
					double expected = NEW_PER_MONTH * NEW_SEASON[calendarMonth] * region.share() * channel.share();
					int count = poisson(expected);
					for (int i = 0; i < count; i++) {
						newcomers.add(new Customer(region, channel, from.plusDays(random.nextInt(days))));
					}
					// the budget is planned on the expected number of new customers; CAC moves with how many come
					double spend = channel.plannedCac() * region.acquisitionCost() * expected * lognormal(0.12);
					acquisitionCsv.append(csv(String.format(Locale.ROOT, "S%04d", ++spendSerial), region.name(),
							channel.name(), from.toString(), money(spend))).append('\n');
				}
			}
			newcomers.sort(Comparator.comparing((Customer c) -> c.signedOn));
			for (Customer customer : newcomers) {
				register(customer);
			}
			return newcomers;
		}

		/** Service requests: the region-month's load sets the response time, the response time the satisfaction. */
		private List<Row> serve(LocalDate from, LocalDate to, LocalDate dataEnd, double[] load, double[] regionSum,
				int[] regionCount) {
			List<Row> rows = new ArrayList<>();
			for (Customer customer : customers) {
				if (!customer.onBooks(from, to)) {
					continue;
				}
				LocalDate start = customer.signedOn.isAfter(from) ? customer.signedOn : from;
				LocalDate end = customer.churnedOn != null && customer.churnedOn.isBefore(to) ? customer.churnedOn : to;
				int days = (int) ChronoUnit.DAYS.between(start, end);
				if (days <= 0) {
					continue;
				}
				int requests = poisson(TICKETS_PER_MONTH * days / ChronoUnit.DAYS.between(from, to));
				int r = REGIONS.indexOf(customer.region);
				for (int i = 0; i < requests; i++) {
					LocalDateTime created = start.plusDays(random.nextInt(days)).atTime(8, 0)
							.plusSeconds(random.nextInt(11 * 3600));
					// Planted: responseTime -> csat
					double responseHours = gamma(1.5, customer.region.responseHours() * load[r]);
					LocalDateTime responded = created.plusSeconds(Math.round(responseHours * 3600));
					double satisfaction = SATISFACTION_TOP - SATISFACTION_PER_LOG_HOUR * StrictMath.log(1 + responseHours)
							+ SATISFACTION_SD * random.nextGaussian();
					String csat = "";
					if (random.nextDouble() < SURVEYED) {
						csat = Long.toString(Math.max(1, Math.min(5, Math.round(satisfaction))));
					}
					regionSum[r] += satisfaction;
					regionCount[r]++;
					customer.ownSum += satisfaction;
					customer.ownCount++;
					boolean answered = responded.isBefore(dataEnd.atStartOfDay());
					rows.add(new Row(created, new String[] { null, customer.id, timestamp(created),
							answered ? timestamp(responded) : "", answered ? csat : "" }));
				}
			}
			return rows;
		}

		/** Orders: satisfied, engaged customers buy more often (csat -> repurchaseRate, activeShare). */
		private List<Row> sell(LocalDate from, LocalDate to, double[] engagement, List<Customer> newcomers) {
			List<Row> rows = new ArrayList<>();
			for (Customer customer : customers) {
				if (!customer.onBooks(from, to)) {
					continue;
				}
				LocalDate start = customer.signedOn.isAfter(from) ? customer.signedOn : from;
				LocalDate end = customer.churnedOn != null && customer.churnedOn.isBefore(to) ? customer.churnedOn : to;
				int days = (int) ChronoUnit.DAYS.between(start, end);
				if (days <= 0) {
					continue;
				}
				double chance;
				if (newcomers.contains(customer)) {
					chance = ONBOARDING_ORDER;
				} else {
					int r = REGIONS.indexOf(customer.region);
					chance = Math.min(0.9, customer.channel.orderRate() * engagement[r]
							* StrictMath.exp(ORDER_SATISFACTION * (customer.satisfaction - SATISFACTION_PIVOT)))
							* days / ChronoUnit.DAYS.between(from, to);
				}
				if (random.nextDouble() >= chance) {
					continue;
				}
				int count = random.nextDouble() < SECOND_ORDER ? 2 : 1;
				List<LocalDate> dates = new ArrayList<>();
				for (int i = 0; i < count; i++) {
					dates.add(start.plusDays(random.nextInt(days)));
				}
				dates.sort(Comparator.naturalOrder());
				double margin = MARGIN - (priceWar(customer.region, from) ? PRICE_WAR_MARGIN : 0);
				for (LocalDate date : dates) {
					double amount = ORDER_MEDIAN * customer.channel.orderSize() * lognormal(0.5);
					double cost = amount * (1 - clamp(margin + 0.06 * random.nextGaussian(), 0.05, 0.7));
					rows.add(new Row(date.atStartOfDay(), new String[] { null, customer.id, date.toString(), yuan(amount),
							yuan(cost) }));
					customer.lastOrderOn = date;
				}
			}
			return rows;
		}

		private interface Serial {
			int next();
		}

		/** The month's rows in time order, each given the next key. */
		private static void write(List<Row> rows, StringBuilder out, String keyFormat, Serial serial) {
			rows.sort(Comparator.comparing(Row::at));
			for (Row row : rows) {
				String[] cells = row.cells().clone();
				cells[0] = String.format(Locale.ROOT, keyFormat, serial.next());
				out.append(csv(cells)).append('\n');
			}
		}

		private static boolean priceWar(Region region, LocalDate month) {
			for (PriceWar war : PRICE_WARS) {
				if (region.name().equals(war.region()) && !month.isBefore(war.from()) && month.isBefore(war.to())) {
					return true;
				}
			}
			return false;
		}

		private <T> T pick(double[] weights, List<T> items) {
			double total = 0;
			for (double weight : weights) {
				total += weight;
			}
			double u = random.nextDouble() * total;
			for (int i = 0; i < weights.length; i++) {
				u -= weights[i];
				if (u < 0) {
					return items.get(i);
				}
			}
			return items.get(items.size() - 1);
		}

		private int poisson(double mean) {
			double limit = StrictMath.exp(-mean);
			double product = random.nextDouble();
			int n = 0;
			while (product > limit) {
				product *= random.nextDouble();
				n++;
			}
			return n;
		}

		/** Gamma with the given shape (at least 1) and mean: Marsaglia and Tsang. */
		private double gamma(double shape, double mean) {
			double d = shape - 1.0 / 3;
			double c = 1 / StrictMath.sqrt(9 * d);
			while (true) {
				double x = random.nextGaussian();
				double v = 1 + c * x;
				if (v <= 0) {
					continue;
				}
				v = v * v * v;
				double u = random.nextDouble();
				if (StrictMath.log(u) < 0.5 * x * x + d - d * v + d * StrictMath.log(v)) {
					return d * v * mean / shape;
				}
			}
		}

		/** Log-normal noise with median 1. */
		private double lognormal(double sd) {
			return StrictMath.exp(sd * random.nextGaussian());
		}
	}

	static double clamp(double value, double low, double high) {
		return Math.max(low, Math.min(high, value));
	}

	static String timestamp(LocalDateTime time) {
		return TIMESTAMP.format(time);
	}

	static String money(double amount) {
		return String.format(Locale.ROOT, "%.2f", amount);
	}

	/** Order amounts are invoiced in whole yuan. */
	static String yuan(double amount) {
		return String.format(Locale.ROOT, "%.0f", amount);
	}

	/** One CSV record, RFC 4180: a cell is quoted only when it holds a comma, a quote or a line break. */
	static String csv(String... cells) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				line.append(',');
			}
			String cell = cells[i];
			if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
				line.append('"').append(cell.replace("\"", "\"\"")).append('"');
			} else {
				line.append(cell);
			}
		}
		return line.toString();
	}
}
