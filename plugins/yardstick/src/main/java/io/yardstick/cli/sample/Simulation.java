package io.yardstick.cli.sample;

import static io.yardstick.cli.sample.SampleModel.*;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * One run of the sample data generator: the customers in memory, tickets and orders simulated and written month
 * by month, then the customers with the churn dates the months gave them. Times are local epoch seconds (see
 * {@link CsvOutput}).
 */
final class Simulation {
	private static final long DAY = 86_400L;
	private static final int NO_CHURN = Integer.MAX_VALUE;
	private static final int OPEN = 0;
	private static final int RESOLVED = 1;
	private static final int CLOSED = 2;

	private static final byte[][] REGION_CELLS = cells(REGIONS.toArray(String[]::new));
	private static final byte[][] LINE_CELLS = cells(PRODUCT_LINES.toArray(String[]::new));
	private static final byte[][] SEGMENT_CELLS = cells(SEGMENTS.toArray(String[]::new));
	private static final byte[][] STATUS_CELLS = cells("open", "resolved", "closed");
	private static final double[] LINE_TICKET_TOTALS = Draw.cumulative(LINE_TICKET_SHARE);
	private static final double[] LINE_SALE_TOTALS = Draw.cumulative(LINE_SALE_SHARE);
	private static final double[] REGION_TOTALS = Draw.cumulative(REGION_CUSTOMER_SHARE);
	private static final double[] SEGMENT_TOTALS = Draw.cumulative(SEGMENT_SHARE);
	private static final double[] HOUR_TOTALS = Draw.cumulative(HOUR_WEIGHT);

	private final SampleDataSettings settings;
	private final int months;
	/** Local epoch second of the start of month m; index {@code months} is the end of the last month. */
	private final long[] monthStart;
	private final int[] monthStartDay;
	private final long until;
	/** Slowness of region r in month m, and slowness to the power {@link SampleModel#RESOLUTION_EXPONENT}. */
	private final double[][] slowness;
	private final double[][] resolutionSlowness;
	/** Slowness to the power 1.5: how often a ticket waits for parts. */
	private final double[][] partsSlowness;

	private final int customerCount;
	private final byte[] region;
	private final byte[] segment;
	private final int[] signedDay;
	private final int[] churnDay;
	/** The latent satisfaction of each customer's tickets this month: sum and count. */
	private final double[] satisfactionSum;
	private final int[] satisfactionCount;
	private final boolean[] complained;
	private final double[] regionSatisfactionSum = new double[REGIONS.size()];
	private final int[] regionSatisfactionCount = new int[REGIONS.size()];
	/** Running totals of the customers' weights, for drawing the customer of a ticket or an order. */
	private final double[] weightTotals;
	private final int[] weightGuide;

	private final int customerWidth;
	private final int ticketWidth;
	private final int saleWidth;

	private final Draw customerDraw;
	private final Draw loadDraw;
	private final Draw churnDraw;
	private final Draw ticketDraw;
	private final Draw saleDraw;
	private final Draw nameDraw;

	private long ticketNumber;
	private long saleNumber;
	private int churned;

	Simulation(SampleDataSettings settings) {
		this.settings = settings;
		Draw root = new Draw(settings.seed());
		customerDraw = root.split();
		loadDraw = root.split();
		churnDraw = root.split();
		ticketDraw = root.split();
		saleDraw = root.split();
		nameDraw = root.split();

		months = settings.months();
		monthStart = new long[months + 1];
		monthStartDay = new int[months + 1];
		for (int m = 0; m <= months; m++) {
			LocalDate start = settings.from().plusMonths(m);
			monthStartDay[m] = (int) start.toEpochDay();
			monthStart[m] = start.toEpochDay() * DAY;
		}
		until = monthStart[months];

		slowness = new double[REGIONS.size()][months];
		resolutionSlowness = new double[REGIONS.size()][months];
		partsSlowness = new double[REGIONS.size()][months];
		for (int r = 0; r < REGIONS.size(); r++) {
			double load = loadDraw.gaussian();
			for (int m = 0; m < months; m++) {
				if (m > 0) {
					load = LOAD_MEMORY * load + StrictMath.sqrt(1 - LOAD_MEMORY * LOAD_MEMORY) * loadDraw.gaussian();
				}
				double s = REGION_SLOWNESS[r] * MONTH_LOAD[calendarMonth(m)] * StrictMath.exp(LOAD_SPREAD * load);
				s = Math.min(MAX_SLOWNESS, Math.max(MIN_SLOWNESS, s));
				slowness[r][m] = s;
				resolutionSlowness[r][m] = StrictMath.pow(s, RESOLUTION_EXPONENT);
				partsSlowness[r][m] = StrictMath.pow(s, 1.5);
			}
		}

		customerCount = settings.customers();
		region = new byte[customerCount];
		segment = new byte[customerCount];
		signedDay = new int[customerCount];
		churnDay = new int[customerCount];
		satisfactionSum = new double[customerCount];
		satisfactionCount = new int[customerCount];
		complained = new boolean[customerCount];
		weightTotals = new double[customerCount];
		weightGuide = new int[customerCount];
		createCustomers();

		customerWidth = Math.max(6, digits(customerCount));
		ticketWidth = Math.max(7, digits(settings.tickets()));
		saleWidth = Math.max(6, digits(Math.max(1, settings.sales())));
	}

	SampleDataGenerator.Summary run(OutputStream customersOut, OutputStream ticketsOut, OutputStream salesOut)
			throws IOException {
		CsvOutput tickets = new CsvOutput(ticketsOut);
		CsvOutput sales = new CsvOutput(salesOut);
		tickets.header(SampleDataGenerator.TICKET_COLUMNS);
		sales.header(SampleDataGenerator.SALE_COLUMNS);
		long[] ticketsPerMonth = spread(settings.tickets(), MONTH_TICKETS);
		long[] salesPerMonth = spread(settings.sales(), MONTH_SALES);
		for (int m = 0; m < months; m++) {
			churn(m);
			double total = weigh(m, SEGMENT_TICKET_RATE);
			for (long i = 0; i < ticketsPerMonth[m]; i++) {
				ticket(m, total, tickets);
			}
			total = weigh(m, SEGMENT_ORDER_RATE);
			for (long i = 0; i < salesPerMonth[m]; i++) {
				sale(m, total, sales);
			}
		}
		tickets.close();
		sales.close();
		CsvOutput customers = new CsvOutput(customersOut);
		writeCustomers(customers);
		customers.close();
		return new SampleDataGenerator.Summary(customerCount, ticketNumber, saleNumber, churned);
	}

	// ---- Customers --------------------------------------------------------------------------------------

	/** Signing days first (sorted, so ids follow signing order), then each customer's region and segment. */
	private void createCustomers() {
		int fromDay = monthStartDay[0];
		int signedBefore = (int) Math.round(customerCount * SIGNED_BEFORE_SHARE);
		for (int c = 0; c < customerCount; c++) {
			signedDay[c] = c < signedBefore ? fromDay - 1 - customerDraw.below(SIGNED_BEFORE_DAYS)
					: fromDay + customerDraw.below(monthStartDay[months] - fromDay);
		}
		Arrays.sort(signedDay);
		for (int c = 0; c < customerCount; c++) {
			region[c] = (byte) customerDraw.pick(REGION_TOTALS);
			segment[c] = (byte) customerDraw.pick(SEGMENT_TOTALS);
			churnDay[c] = NO_CHURN;
		}
	}

	/**
	 * At the start of month m, each customer signed before it decides whether to leave during it, by how
	 * satisfied they were last month: with their own tickets if they had any, and with their region's service.
	 * Then last month's satisfaction is cleared. At least a tenth of the customers always stay, so that a long
	 * run keeps someone to open tickets.
	 */
	private void churn(int m) {
		double[] regionMean = new double[REGIONS.size()];
		for (int r = 0; r < regionMean.length; r++) {
			regionMean[r] = regionSatisfactionCount[r] > 0 ? regionSatisfactionSum[r] / regionSatisfactionCount[r]
					: NEUTRAL_SATISFACTION;
		}
		int startDay = monthStartDay[m];
		int days = monthStartDay[m + 1] - startDay;
		int active = 0;
		for (int c = 0; c < customerCount; c++) {
			if (signedDay[c] < startDay && churnDay[c] == NO_CHURN) {
				active++;
			}
		}
		int keep = Math.max(1, customerCount / 10);
		for (int c = 0; c < customerCount && active > keep; c++) {
			if (signedDay[c] >= startDay || churnDay[c] != NO_CHURN) {
				continue;
			}
			double satisfaction = regionMean[region[c]];
			if (satisfactionCount[c] > 0) {
				satisfaction = OWN_EXPERIENCE * satisfactionSum[c] / satisfactionCount[c]
						+ (1 - OWN_EXPERIENCE) * satisfaction;
			}
			double hazard = SEGMENT_CHURN[segment[c]]
					* StrictMath.exp(CHURN_SENSITIVITY * (NEUTRAL_SATISFACTION - satisfaction))
					* (complained[c] ? COMPLAINT_CHURN : 1);
			if (churnDraw.chance(Math.min(MAX_CHURN, hazard))) {
				churnDay[c] = startDay + churnDraw.below(days);
				active--;
				churned++;
			}
		}
		Arrays.fill(satisfactionSum, 0);
		Arrays.fill(satisfactionCount, 0);
		Arrays.fill(complained, false);
		Arrays.fill(regionSatisfactionSum, 0);
		Arrays.fill(regionSatisfactionCount, 0);
	}

	/**
	 * Fills the running totals of the customers' weights in month m: the segment's rate times the share of the
	 * month the customer was signed and not yet gone. Returns the total.
	 */
	private double weigh(int m, double[] segmentRate) {
		double length = monthStart[m + 1] - monthStart[m];
		double total = 0;
		for (int c = 0; c < customerCount; c++) {
			long from = activeFrom(c, m);
			long to = activeUntil(c, m);
			if (to > from) {
				total += segmentRate[segment[c]] * ((to - from) / length);
			}
			weightTotals[c] = total;
		}
		if (!(total > 0)) {
			throw new IllegalStateException("no customer is active in month " + m);
		}
		Draw.guide(weightTotals, weightGuide, customerCount, total);
		return total;
	}

	/** The first second of month m on which customer c is signed: midnight of a day. */
	private long activeFrom(int c, int m) {
		return Math.max(monthStart[m], signedDay[c] * DAY);
	}

	/** The end of customer c's part of month m: the next month's start, or midnight of the churn day. */
	private long activeUntil(int c, int m) {
		long end = monthStart[m + 1];
		return churnDay[c] == NO_CHURN ? end : Math.min(end, churnDay[c] * DAY);
	}

	// ---- Tickets ----------------------------------------------------------------------------------------

	private void ticket(int m, double total, CsvOutput out) throws IOException {
		Draw draw = ticketDraw;
		int c = draw.pick(weightTotals, weightGuide, customerCount, total);
		long created = businessTime(draw, activeFrom(c, m), activeUntil(c, m));
		int r = region[c];
		double s = slowness[r][m];
		int line = draw.pick(LINE_TICKET_TOTALS);
		boolean complaint = draw.chance(COMPLAINT_RATE * (0.55 + 0.45 * s) * LINE_COMPLAINT[line]);

		long firstResponseSeconds = Math.max(60,
				Math.round(FIRST_RESPONSE_HOURS * 3600 * s * draw.gamma2() * (complaint ? 0.8 : 1)));
		double resolutionHours = (complaint ? COMPLAINT_HOURS : LINE_RESOLUTION_HOURS[line])
				* resolutionSlowness[r][m] * draw.gamma2();
		if (!complaint && draw.chance(PARTS_RATE * partsSlowness[r][m])) {
			resolutionHours += 24 * PARTS_DAYS * draw.gamma2();
		}

		int followUps = draw.poisson(LINE_FOLLOW_UPS[line] * (0.7 + 0.3 * s) * (complaint ? 1.5 : 1));
		double firstContact = Math.min(0.95, Math.max(0.1, 0.93 - 0.14 * followUps - (complaint ? 0.12 : 0)));
		int contacts = draw.chance(firstContact) ? 1 : 2 + draw.geometric(0.55);
		boolean reopened = draw.chance(contacts >= 3 ? 0.08 : 0.02);
		if (reopened) {
			contacts++;
			resolutionHours += 24 * (1 + draw.gamma2());
		}
		long resolutionSeconds = Math.max(firstResponseSeconds + 600, Math.round(resolutionHours * 3600));

		long firstResponse = created + firstResponseSeconds;
		long resolved = created + resolutionSeconds;
		boolean stuck = draw.chance(STUCK_RATE * s * s);
		boolean open = stuck || resolved >= until;
		boolean responded = firstResponse < until && !(stuck && draw.chance(0.3));
		int status = open ? OPEN
				: resolved + 2 * DAY <= until && draw.chance(closeProbability(s)) ? CLOSED : RESOLVED;

		double firstResponseHours = firstResponseSeconds / 3600.0;
		double resolvedHours = resolutionSeconds / 3600.0;
		double satisfaction = 4.95
				- 0.45 * StrictMath.log(1 + firstResponseHours)
				- 0.20 * StrictMath.log(1 + resolvedHours / 8)
				- 0.12 * (contacts - 1)
				- (reopened ? 0.45 : 0)
				- (complaint ? 0.5 + 0.012 * Math.min(resolvedHours, 120) : 0)
				- (stuck ? 0.8 : 0)
				+ 0.5 * draw.gaussian();
		satisfactionSum[c] += satisfaction;
		satisfactionCount[c]++;
		complained[c] |= complaint;
		regionSatisfactionSum[r] += satisfaction;
		regionSatisfactionCount[r]++;

		int csat = -1;
		int nps = -1;
		if (!open) {
			boolean surveyed = draw.chance(CSAT_RESPONSE);
			if (surveyed) {
				csat = (int) Math.min(5, Math.max(1, Math.round(satisfaction)));
			}
			if (draw.chance(surveyed ? NPS_WITH_CSAT : NPS_WITHOUT_CSAT)) {
				nps = (int) Math.min(10, Math.max(0, Math.round(2.3 * satisfaction - 1.3 + draw.gaussian())));
			}
		}

		double cost = (LINE_BASE_COST[line] + 60 * (contacts - 1) + 25 * followUps + (complaint ? 150 : 0))
				* draw.logNormal(0.25);

		out.id('T', ++ticketNumber, ticketWidth).id('C', c + 1L, customerWidth)
				.encoded(REGION_CELLS[r]).encoded(LINE_CELLS[line]).timestamp(created);
		if (responded) {
			out.timestamp(firstResponse);
		} else {
			out.empty();
		}
		if (open) {
			out.empty();
		} else {
			out.timestamp(resolved);
		}
		out.encoded(STATUS_CELLS[status]).integer(contacts).integer(followUps).bool(reopened).bool(complaint);
		if (csat < 0) {
			out.empty();
		} else {
			out.integer(csat);
		}
		if (nps < 0) {
			out.empty();
		} else {
			out.integer(nps);
		}
		out.cents(Math.round(cost * 100)).endRow();
	}

	/** Busy months close fewer tickets: a resolved ticket waits for its confirmation call. */
	private static double closeProbability(double slowness) {
		return Math.min(0.99, Math.max(0.7, 0.99 - 0.09 * (slowness - 0.6)));
	}

	// ---- Orders -----------------------------------------------------------------------------------------

	private void sale(int m, double total, CsvOutput out) throws IOException {
		Draw draw = saleDraw;
		int c = draw.pick(weightTotals, weightGuide, customerCount, total);
		long soldAt = businessTime(draw, activeFrom(c, m), activeUntil(c, m));
		int line = draw.pick(LINE_SALE_TOTALS);
		long yuan = Math.max(20,
				Math.round(SEGMENT_ORDER_MEDIAN[segment[c]] * LINE_PRICE[line] * draw.logNormal(ORDER_SPREAD)));
		out.id('O', ++saleNumber, saleWidth).id('C', c + 1L, customerWidth).encoded(LINE_CELLS[line])
				.timestamp(soldAt).cents(yuan * 100).endRow();
	}

	// ---- Shared -----------------------------------------------------------------------------------------

	/**
	 * A second in [from, until), both at midnight: a day drawn uniformly, kept on a weekend with probability
	 * {@link SampleModel#WEEKEND}, then an hour drawn by {@link SampleModel#HOUR_WEIGHT}, then a second in it.
	 */
	private static long businessTime(Draw draw, long from, long until) {
		long firstDay = Math.floorDiv(from, DAY);
		int days = (int) ((until - from) / DAY);
		long day = firstDay + draw.below(days);
		for (int attempt = 0; attempt < 16 && isWeekend(day) && !draw.chance(WEEKEND); attempt++) {
			day = firstDay + draw.below(days);
		}
		return day * DAY + draw.pick(HOUR_TOTALS) * 3600L + draw.below(3600);
	}

	private static boolean isWeekend(long epochDay) {
		return Math.floorMod(epochDay + 3, 7) >= 5; // epoch day 0 was a Thursday
	}

	/** The total split over the months by calendar-month weights and growth, in whole numbers that add up. */
	private long[] spread(long total, double[] calendarWeights) {
		double[] totals = new double[months + 1];
		for (int m = 0; m < months; m++) {
			totals[m + 1] = totals[m] + calendarWeights[calendarMonth(m)] * (1 + MONTHLY_GROWTH * m);
		}
		long[] counts = new long[months];
		long before = 0;
		for (int m = 0; m < months; m++) {
			long upTo = Math.round(total * (totals[m + 1] / totals[months]));
			counts[m] = upTo - before;
			before = upTo;
		}
		return counts;
	}

	/** 0 for January. */
	private int calendarMonth(int m) {
		return (settings.from().getMonthValue() - 1 + m) % 12;
	}

	private void writeCustomers(CsvOutput out) throws IOException {
		out.header(SampleDataGenerator.CUSTOMER_COLUMNS);
		for (int c = 0; c < customerCount; c++) {
			out.id('C', c + 1L, customerWidth).text(name(c)).encoded(REGION_CELLS[region[c]])
					.encoded(SEGMENT_CELLS[segment[c]]).date(signedDay[c]);
			if (churnDay[c] == NO_CHURN) {
				out.empty();
			} else {
				out.date(churnDay[c]);
			}
			out.endRow();
		}
	}

	/** A made-up name: a company for enterprises, a shop or small firm for SMBs, a person for consumers. */
	private String name(int c) {
		Draw draw = nameDraw;
		String[] cities = CITIES[region[c]];
		String city = cities[draw.below(cities.length)];
		String core = NAME_CORES[draw.below(NAME_CORES.length)];
		switch (segment[c]) {
		case 0:
			if (draw.chance(0.03)) {
				return FOREIGN_NAMES[draw.below(FOREIGN_NAMES.length)] + " (" + city + ") Co., Ltd.";
			}
			return city + core + COMPANY_KINDS[draw.below(COMPANY_KINDS.length)]
					+ (draw.chance(0.3) ? "股份有限公司" : "有限公司");
		case 1:
			String shop = SHOP_KINDS[draw.below(SHOP_KINDS.length)];
			if (draw.chance(0.01)) {
				return city + "\"" + core + "\"" + shop; // a quoted brand: the cell's quotes are doubled
			}
			return draw.chance(0.4) ? city + core + shop : city + core + COMPANY_KINDS[draw.below(COMPANY_KINDS.length)]
					+ "有限公司";
		default:
			String surname = SURNAMES[draw.below(SURNAMES.length)];
			String given = GIVEN[draw.below(GIVEN.length)];
			return draw.chance(0.6) ? surname + given + GIVEN[draw.below(GIVEN.length)] : surname + given;
		}
	}

	private static int digits(long value) {
		return Long.toString(value).length();
	}

	private static byte[][] cells(String... values) {
		byte[][] cells = new byte[values.length][];
		for (int i = 0; i < values.length; i++) {
			cells[i] = CsvOutput.encode(values[i]);
		}
		return cells;
	}
}
