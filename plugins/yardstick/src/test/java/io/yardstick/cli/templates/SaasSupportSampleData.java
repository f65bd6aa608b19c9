package io.yardstick.cli.templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
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
 * Sample data for {@code example-templates/saas-support}: a SaaS vendor with accounts in five
 * regions, simulated month by month over 18 months from January 2025. The causal links the
 * template declares are planted (see the comments marked "link"), so that {@code yardstick review}
 * has something to find. Self-contained, JDK only; run it as a single file:
 *
 * <pre>
 * java plugins/yardstick/src/test/java/io/yardstick/cli/templates/SaasSupportSampleData.java example-templates/saas-support/data
 * </pre>
 *
 * Deterministic: one {@link Random} with a fixed seed drawn in a fixed order, {@link StrictMath}
 * for every logarithm and exponential, {@link Locale#ROOT} for every number, no clock.
 */
public final class SaasSupportSampleData {
	private static final long SEED = 20250102L;
	private static final YearMonth FIRST_MONTH = YearMonth.of(2025, 1);
	private static final int MONTHS = 18;
	private static final LocalDateTime END = FIRST_MONTH.plusMonths(MONTHS).atDay(1).atStartOfDay();

	// ---------------------------------------------------------------- accounts

	private static final String[] REGIONS = { "华东", "华北", "华南", "西南", "西北" };
	private static final double[] REGION_SHARE = { 0.32, 0.24, 0.20, 0.14, 0.10 };
	private static final String[] SEGMENTS = { "enterprise", "midmarket", "smb" };
	private static final double[] SEGMENT_SHARE = { 0.12, 0.30, 0.58 };
	/** Share of each segment on annual contracts; the others pay monthly. */
	private static final double[] ANNUAL_SHARE = { 1.00, 0.85, 0.40 };
	/** Median MRR in yuan at signing, and the spread of the logarithm. */
	private static final double[] MEDIAN_MRR = { 30000, 8000, 1500 };
	private static final double MRR_SPREAD = 0.5;
	/** Accounts signed in the four years before the first month, and new ones a month after it. */
	private static final int INITIAL_ACCOUNTS = 1000;
	private static final LocalDate INITIAL_FROM = LocalDate.of(2021, 1, 1);
	private static final double NEW_ACCOUNTS_PER_MONTH = 22;

	// ---------------------------------------------------------------- support

	/** Base slowness of each region's support team, and by calendar month (Spring Festival, 618, Double 11). */
	private static final double[] REGION_SLOWNESS = { 0.85, 0.95, 0.90, 1.05, 1.15 };
	private static final double[] SEASON_SLOWNESS = { 1.05, 1.20, 1.00, 0.95, 0.95, 1.05, 1.00, 0.95, 1.00, 1.05, 1.15, 1.05 };
	/** Memory of the month-to-month random parts (AR(1) coefficient) and their spread. */
	private static final double MEMORY = 0.5;
	private static final double SLOWNESS_SPREAD = 0.30;
	/** Tickets an account opens a month, by segment. */
	private static final double[] TICKETS_PER_MONTH = { 0.70, 0.25, 0.09 };
	private static final String[] PRIORITIES = { "urgent", "high", "normal", "low" };
	private static final double[] PRIORITY_SHARE = { 0.05, 0.20, 0.55, 0.20 };
	/** How long each priority waits, relative to normal. */
	private static final double[] PRIORITY_WAIT = { 0.3, 0.6, 1.0, 1.6 };
	private static final double FIRST_RESPONSE_BASE_H = 1.5;
	private static final double RESOLUTION_BASE_H = 16;
	/** Share of tickets that wait for engineering (a bug, a missing feature), and the mean extra wait. */
	private static final double ENGINEERING_SHARE = 0.15;
	private static final double ENGINEERING_H = 96;
	/** A rushed fix comes back: reopen probability at slowness 1, growing with slowness^1.5. */
	private static final double REOPEN_BASE = 0.04;
	private static final double CSAT_ASKED = 0.7;
	/** Backlog share that leaves next month's slowness unchanged, and the slowness each point above it adds. */
	private static final double BACKLOG_REFERENCE = 0.05;
	private static final double CARRY_OVER = 2.0;

	/** Latent satisfaction of a ticket (csat scale): base, costs of waiting, resolving and reopening. */
	private static final double SATISFACTION_BASE = 5.05;
	private static final double SATISFACTION_PER_LOG_RESPONSE = 0.35;
	private static final double SATISFACTION_PER_LOG_RESOLUTION = 0.30;
	private static final double SATISFACTION_REOPEN = 0.7;
	private static final double SATISFACTION_NOISE = 0.55;

	// ---------------------------------------------------------------- customer success

	/** Satisfaction that leaves churn, renewal and expansion at their base rates. */
	private static final double SATISFACTION_REFERENCE = 4.3;
	/** Weight of an account's own tickets in its view of support; the rest is the region's. */
	private static final double OWN_WEIGHT = 0.3;
	/** Monthly churn hazard of monthly-plan accounts, by segment, and its sensitivity to satisfaction. */
	private static final double[] MONTHLY_CHURN = { 0.004, 0.010, 0.020 };
	private static final double CHURN_PER_POINT = 2.5;
	/** Renewal probability with and without a success review, and its sensitivity to satisfaction. */
	private static final double RENEW_WITH_REVIEW = 0.97;
	private static final double RENEW_WITHOUT_REVIEW = 0.55;
	private static final double RENEW_PER_POINT = 5.0;
	/** Renewal-review coverage each region's customer success team manages, and its monthly spread. */
	private static final double[] REGION_REVIEW = { 0.86, 0.82, 0.84, 0.76, 0.72 };
	private static final double REVIEW_SPREAD = 0.10;
	/** Monthly chance of a seat expansion or a contraction, and their sensitivity to satisfaction. */
	private static final double EXPANSION = 0.04;
	private static final double CONTRACTION = 0.010;
	private static final double MOVEMENT_PER_POINT = 1.5;

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

	private SaasSupportSampleData() {
	}

	/** File name to complete CSV text, in the order the template declares its sources. */
	public static Map<String, String> files() {
		Simulation simulation = new Simulation();
		simulation.run();
		Map<String, String> files = new LinkedHashMap<>();
		files.put("Account.csv", simulation.accountCsv());
		files.put("MrrChange.csv", simulation.mrrChange.toString());
		files.put("Renewal.csv", simulation.renewal.toString());
		files.put("Ticket.csv", simulation.ticket.toString());
		return files;
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			System.err.println("usage: java SaasSupportSampleData.java <output folder>");
			System.exit(2);
		}
		Path folder = Path.of(args[0]);
		Files.createDirectories(folder);
		for (Map.Entry<String, String> file : files().entrySet()) {
			Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
			System.out.println(folder.resolve(file.getKey()) + ": " + (file.getValue().split("\n").length - 1) + " rows");
		}
	}

	private static final class Account {
		final String id;
		final int region;
		final int segment;
		final boolean annual;
		final LocalDate signedAt;
		LocalDate churnedAt;
		double mrr;
		/** Latent satisfaction of the account's tickets last month: sum and count. */
		double ownSatisfaction;
		int ownTickets;
		double nextOwnSatisfaction;
		int nextOwnTickets;

		Account(String id, int region, int segment, boolean annual, LocalDate signedAt, double mrr) {
			this.id = id;
			this.region = region;
			this.segment = segment;
			this.annual = annual;
			this.signedAt = signedAt;
			this.mrr = mrr;
		}
	}

	/** What a ticket leaves behind for the next month: its latent satisfaction, and whether it is in the backlog. */
	private record TicketOutcome(double satisfaction, boolean openAtMonthEnd) {
	}

	/** A movement of MRR, kept until its month is written in date order. */
	private record Movement(Account account, LocalDate on, String kind, double before, double after) {
	}

	private static final class Simulation {
		private final Random random = new Random(SEED);
		private final List<Account> accounts = new ArrayList<>();
		private final StringBuilder mrrChange = new StringBuilder("changeId,account,changedAt,movement,mrrBefore,mrrAfter\n");
		private final StringBuilder renewal = new StringBuilder("renewalId,account,dueOn,reviewHeld,renewed\n");
		private final StringBuilder ticket = new StringBuilder(
				"ticketId,account,priority,createdAt,firstResponseAt,resolvedAt,reopened,csat\n");
		private int changeIds;
		private int renewalIds;
		private int ticketIds;
		private final double[] slownessNoise = new double[REGIONS.length];
		private final double[] reviewNoise = new double[REGIONS.length];
		/** Mean latent satisfaction of each region's tickets last month. */
		private final double[] regionSatisfaction = new double[REGIONS.length];
		/** Share of each region's tickets of last month still open at its end: the backlog carried over. */
		private final double[] lastBacklog = new double[REGIONS.length];

		void run() {
			java.util.Arrays.fill(regionSatisfaction, SATISFACTION_REFERENCE);
			java.util.Arrays.fill(lastBacklog, BACKLOG_REFERENCE);
			// The accounts signed before the first month, in signing order, with their first MRR.
			long span = ChronoUnit.DAYS.between(INITIAL_FROM, FIRST_MONTH.atDay(1));
			List<LocalDate> days = new ArrayList<>();
			for (int i = 0; i < INITIAL_ACCOUNTS; i++) {
				days.add(INITIAL_FROM.plusDays(random.nextInt((int) span)));
			}
			days.sort(Comparator.naturalOrder());
			List<Movement> initial = new ArrayList<>();
			for (LocalDate day : days) {
				initial.add(sign(day));
			}
			write(initial);
			for (int m = 0; m < MONTHS; m++) {
				month(m);
			}
		}

		private Movement sign(LocalDate day) {
			int segment = pick(SEGMENT_SHARE);
			double mrr = StrictMath.round(MEDIAN_MRR[segment] * StrictMath.exp(MRR_SPREAD * random.nextGaussian()));
			Account account = new Account(String.format(Locale.ROOT, "A%05d", accounts.size() + 1), pick(REGION_SHARE), segment,
					random.nextDouble() < ANNUAL_SHARE[segment], day, mrr);
			accounts.add(account);
			return new Movement(account, day, "new", 0, mrr);
		}

		private void month(int m) {
			YearMonth month = FIRST_MONTH.plusMonths(m);
			LocalDate first = month.atDay(1);
			LocalDate next = first.plusMonths(1);
			int regions = REGIONS.length;
			List<Movement> movements = new ArrayList<>();

			// Each region's support slowness and review coverage this month: a base, the season and an
			// AR(1) part, so that a bad month tends to follow a bad month. link backlogRate ->
			// resolutionTime (lag 1 month): the backlog carried over from last month slows this month.
			double[] slowness = new double[regions];
			double[] coverage = new double[regions];
			for (int r = 0; r < regions; r++) {
				slownessNoise[r] = ar1(slownessNoise[r]);
				reviewNoise[r] = ar1(reviewNoise[r]);
				slowness[r] = clamp(REGION_SLOWNESS[r] * SEASON_SLOWNESS[month.getMonthValue() - 1]
						* StrictMath.exp(SLOWNESS_SPREAD * slownessNoise[r]) * (1 + CARRY_OVER * (lastBacklog[r] - BACKLOG_REFERENCE)), 0.5, 3);
				coverage[r] = clamp(REGION_REVIEW[r] + REVIEW_SPREAD * reviewNoise[r], 0.4, 0.99);
			}

			// Accounts active at the start of the month: renewals, churn, expansion and contraction,
			// all driven by last month's satisfaction (the lag of the links from csat).
			int activeAtStart = accounts.size();
			for (int a = 0; a < activeAtStart; a++) {
				Account account = accounts.get(a);
				if (account.churnedAt != null) {
					continue;
				}
				// What the account thinks of support: partly its own tickets of last month, mostly the
				// region's (word of mouth, the account manager's mood), or the region's alone without tickets.
				double satisfaction = account.ownTickets > 0
						? OWN_WEIGHT * account.ownSatisfaction / account.ownTickets + (1 - OWN_WEIGHT) * regionSatisfaction[account.region]
						: regionSatisfaction[account.region];
				double gap = satisfaction - SATISFACTION_REFERENCE;
				LocalDate due = anniversary(account, month);
				if (due != null) {
					// link renewalReviewRate -> renewalRate: a success review before the due date
					// raises the odds of renewing; link csat -> renewalRate (lag 1 month): so does
					// last month's satisfaction.
					boolean review = random.nextDouble() < coverage[account.region];
					double base = review ? RENEW_WITH_REVIEW : RENEW_WITHOUT_REVIEW;
					double odds = base / (1 - base) * StrictMath.exp(RENEW_PER_POINT * gap);
					boolean renewed = random.nextDouble() < odds / (1 + odds);
					renewal.append(String.format(Locale.ROOT, "R%05d,%s,%s,%b,%b\n", ++renewalIds, account.id, due, review, renewed));
					if (!renewed) {
						// link renewalRate -> nrr: a lapsed contract is churned MRR.
						account.churnedAt = due;
						movements.add(new Movement(account, due, "churn", account.mrr, 0));
						continue;
					}
				} else if (!account.annual) {
					// link csat -> churnRate (lag 1 month): monthly-plan accounts leave more often after a
					// month of poor service; link churnRate -> nrr: their MRR goes with them.
					double hazard = Math.min(0.5, MONTHLY_CHURN[account.segment] * StrictMath.exp(-CHURN_PER_POINT * gap));
					if (random.nextDouble() < hazard) {
						LocalDate day = first.plusDays(random.nextInt(month.lengthOfMonth()));
						account.churnedAt = day;
						movements.add(new Movement(account, day, "churn", account.mrr, 0));
						continue;
					}
				}
				// Satisfied accounts add seats; dissatisfied ones drop some.
				LocalDate day = first.plusDays(random.nextInt(month.lengthOfMonth()));
				if (random.nextDouble() < EXPANSION * StrictMath.exp(MOVEMENT_PER_POINT * gap)) {
					double after = StrictMath.round(account.mrr * (1.1 + 0.4 * random.nextDouble()));
					movements.add(new Movement(account, day, "expansion", account.mrr, after));
					account.mrr = after;
				} else if (random.nextDouble() < CONTRACTION * StrictMath.exp(-MOVEMENT_PER_POINT * gap)) {
					double after = StrictMath.round(account.mrr * (0.7 + 0.2 * random.nextDouble()));
					movements.add(new Movement(account, day, "contraction", account.mrr, after));
					account.mrr = after;
				}
			}

			// New accounts of the month, in signing order.
			int signups = poisson(NEW_ACCOUNTS_PER_MONTH);
			List<LocalDate> days = new ArrayList<>();
			for (int i = 0; i < signups; i++) {
				days.add(first.plusDays(random.nextInt(month.lengthOfMonth())));
			}
			days.sort(Comparator.naturalOrder());
			for (LocalDate day : days) {
				movements.add(sign(day));
			}
			movements.sort(Comparator.comparing(Movement::on));
			write(movements);

			// Tickets of every account active during part of the month.
			double[] satisfactionSum = new double[regions];
			int[] satisfactionCount = new int[regions];
			int[] openAtEnd = new int[regions];
			for (Account account : accounts) {
				LocalDate from = account.signedAt.isAfter(first) ? account.signedAt : first;
				LocalDate to = account.churnedAt != null && account.churnedAt.isBefore(next) ? account.churnedAt : next;
				if (!from.isBefore(to)) {
					continue;
				}
				double activeDays = ChronoUnit.DAYS.between(from, to);
				int count = poisson(TICKETS_PER_MONTH[account.segment] * activeDays / month.lengthOfMonth());
				for (int t = 0; t < count; t++) {
					TicketOutcome outcome = ticket(account, from, (int) activeDays, slowness[account.region], next);
					double latent = outcome.satisfaction();
					if (outcome.openAtMonthEnd()) {
						openAtEnd[account.region]++;
					}
					satisfactionSum[account.region] += latent;
					satisfactionCount[account.region]++;
					account.nextOwnSatisfaction += latent;
					account.nextOwnTickets++;
				}
			}
			for (int r = 0; r < regions; r++) {
				if (satisfactionCount[r] > 0) {
					regionSatisfaction[r] = satisfactionSum[r] / satisfactionCount[r];
					lastBacklog[r] = (double) openAtEnd[r] / satisfactionCount[r];
				}
			}
			for (Account account : accounts) {
				account.ownSatisfaction = account.nextOwnSatisfaction;
				account.ownTickets = account.nextOwnTickets;
				account.nextOwnSatisfaction = 0;
				account.nextOwnTickets = 0;
			}
		}

		/** Writes one ticket and returns its latent satisfaction and whether it is open when the month ends. */
		private TicketOutcome ticket(Account account, LocalDate from, int activeDays, double slowness, LocalDate monthEnd) {
			LocalDate day = from.plusDays(random.nextInt(activeDays));
			while (day.getDayOfWeek().getValue() >= 6 && random.nextDouble() < 0.6) {
				day = from.plusDays(random.nextInt(activeDays));
			}
			LocalDateTime created = day.atTime(8 + random.nextInt(14), random.nextInt(60), random.nextInt(60));
			int priority = pick(PRIORITY_SHARE);
			// link firstResponseTime: answers come later when the region's team is stretched.
			double responseH = 0.03 + gamma2(FIRST_RESPONSE_BASE_H * PRIORITY_WAIT[priority] * StrictMath.pow(slowness, 1.2));
			// link reopenRate: rushed fixes come back more often when the team is stretched;
			// link reopenRate -> resolutionTime: a reopened ticket stays open one to three days more.
			boolean reopened = random.nextDouble() < REOPEN_BASE * StrictMath.pow(slowness, 1.5);
			// A ticket waiting for engineering waits longer when support is stretched too (slower triage).
			boolean engineering = random.nextDouble() < ENGINEERING_SHARE;
			double resolutionH = responseH + gamma2(RESOLUTION_BASE_H * PRIORITY_WAIT[priority] * StrictMath.pow(slowness, 1.3))
					+ (engineering ? gamma2(ENGINEERING_H * StrictMath.pow(slowness, 1.5)) : 0) + (reopened ? 24 + 48 * random.nextDouble() : 0);
			// link firstResponseTime / resolutionTime -> csat: waiting and resolving cost satisfaction, a
			// reopen costs more. link firstResponseTime -> backlogRate follows from the same times: a slow
			// month leaves more of its tickets open at its end.
			double latent = SATISFACTION_BASE - SATISFACTION_PER_LOG_RESPONSE * StrictMath.log(1 + responseH)
					- SATISFACTION_PER_LOG_RESOLUTION * StrictMath.log(1 + resolutionH / 8) - (reopened ? SATISFACTION_REOPEN : 0)
					+ SATISFACTION_NOISE * random.nextGaussian();
			LocalDateTime responded = created.plusSeconds((long) (responseH * 3600));
			LocalDateTime resolved = created.plusSeconds((long) (resolutionH * 3600));
			boolean isResolved = resolved.isBefore(END);
			String csat = "";
			if (isResolved && random.nextDouble() < CSAT_ASKED) {
				csat = Long.toString((long) clamp(StrictMath.round(latent), 1, 5));
			}
			ticket.append(String.format(Locale.ROOT, "T%06d,%s,%s,%s,%s,%s,%b,%s\n", ++ticketIds, account.id, PRIORITIES[priority],
					stamp(created), responded.isBefore(END) ? stamp(responded) : "", isResolved ? stamp(resolved) : "",
					isResolved && reopened, csat));
			return new TicketOutcome(latent, !resolved.isBefore(monthEnd.atStartOfDay()));
		}

		/** The day an annual account's contract is due in this month, or null. */
		private static LocalDate anniversary(Account account, YearMonth month) {
			if (!account.annual || account.signedAt.getMonthValue() != month.getMonthValue()
					|| account.signedAt.getYear() >= month.getYear()) {
				return null;
			}
			return month.atDay(Math.min(account.signedAt.getDayOfMonth(), month.lengthOfMonth()));
		}

		private void write(List<Movement> movements) {
			for (Movement movement : movements) {
				mrrChange.append(String.format(Locale.ROOT, "M%06d,%s,%s,%s,%.2f,%.2f\n", ++changeIds, movement.account().id,
						movement.on(), movement.kind(), movement.before(), movement.after()));
			}
		}

		String accountCsv() {
			StringBuilder csv = new StringBuilder("accountId,region,segment,plan,signedAt,churnedAt\n");
			for (Account account : accounts) {
				csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s\n", account.id, REGIONS[account.region],
						SEGMENTS[account.segment], account.annual ? "annual" : "monthly", account.signedAt,
						account.churnedAt == null ? "" : account.churnedAt.toString()));
			}
			return csv.toString();
		}

		private int pick(double[] shares) {
			double u = random.nextDouble();
			for (int i = 0; i < shares.length - 1; i++) {
				u -= shares[i];
				if (u < 0) {
					return i;
				}
			}
			return shares.length - 1;
		}

		private double ar1(double previous) {
			return MEMORY * previous + StrictMath.sqrt(1 - MEMORY * MEMORY) * random.nextGaussian();
		}

		/** Gamma with shape 2 and the given mean: the sum of two exponentials. */
		private double gamma2(double mean) {
			return -mean / 2 * (StrictMath.log(1 - random.nextDouble()) + StrictMath.log(1 - random.nextDouble()));
		}

		private int poisson(double mean) {
			double limit = StrictMath.exp(-mean);
			double product = random.nextDouble();
			int k = 0;
			while (product > limit) {
				product *= random.nextDouble();
				k++;
			}
			return k;
		}
	}

	private static String stamp(LocalDateTime time) {
		return TIMESTAMP.format(time);
	}

	private static double clamp(double value, double low, double high) {
		return Math.max(low, Math.min(high, value));
	}
}
