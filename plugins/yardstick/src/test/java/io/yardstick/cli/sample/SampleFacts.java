package io.yardstick.cli.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The generated files read back into typed rows, and the region × month figures of the template's metrics,
 * computed the way the template defines them: what the tests check the planted relations on.
 */
final class SampleFacts {
	record Customer(String id, String name, String region, String segment, LocalDate signedAt, LocalDate churnedAt) {
	}

	record Ticket(String id, String customer, String region, String productLine, LocalDateTime createdAt,
			LocalDateTime firstResponseAt, LocalDateTime resolvedAt, String status, int contacts, int followUps,
			boolean reopened, boolean isComplaint, Integer csat, Integer nps, double cost) {
		double firstResponseHours() {
			return firstResponseAt == null ? Double.NaN : hours(createdAt, firstResponseAt);
		}

		double resolutionHours() {
			return resolvedAt == null ? Double.NaN : hours(createdAt, resolvedAt);
		}
	}

	record Sale(String id, String customer, String productLine, LocalDateTime soldAt, double amount) {
	}

	final CsvTable customerTable;
	final CsvTable ticketTable;
	final CsvTable saleTable;
	final List<Customer> customers = new ArrayList<>();
	final List<Ticket> tickets = new ArrayList<>();
	final List<Sale> sales = new ArrayList<>();
	final LocalDate from;
	final int months;
	final List<String> regions = SampleDataGenerator.REGIONS;

	SampleFacts(Path dir, LocalDate from, int months) throws IOException {
		this.from = from;
		this.months = months;
		customerTable = CsvTable.read(dir.resolve(SampleDataGenerator.CUSTOMER_FILE));
		ticketTable = CsvTable.read(dir.resolve(SampleDataGenerator.TICKET_FILE));
		saleTable = CsvTable.read(dir.resolve(SampleDataGenerator.SALE_FILE));
		for (String[] r : customerTable.rows()) {
			customers.add(new Customer(r[0], r[1], r[2], r[3], LocalDate.parse(r[4]), date(r[5])));
		}
		for (String[] r : ticketTable.rows()) {
			tickets.add(new Ticket(r[0], r[1], r[2], r[3], LocalDateTime.parse(r[4]), timestamp(r[5]), timestamp(r[6]),
					r[7], Integer.parseInt(r[8]), Integer.parseInt(r[9]), bool(r[10]), bool(r[11]), integer(r[12]),
					integer(r[13]), Double.parseDouble(r[14])));
		}
		for (String[] r : saleTable.rows()) {
			sales.add(new Sale(r[0], r[1], r[2], LocalDateTime.parse(r[3]), Double.parseDouble(r[4])));
		}
	}

	static SampleFacts read(Path dir, SampleDataSettings settings) throws IOException {
		return new SampleFacts(dir, settings.from(), settings.months());
	}

	/** The month index of a time, -1 before the first month. */
	int month(LocalDateTime t) {
		return (int) ChronoUnit.MONTHS.between(from.atStartOfDay(), t.withDayOfMonth(1).toLocalDate().atStartOfDay());
	}

	int month(LocalDate d) {
		return month(d.atStartOfDay());
	}

	LocalDateTime monthStart(int m) {
		return from.plusMonths(m).atStartOfDay();
	}

	int region(String name) {
		return regions.indexOf(name);
	}

	/** avg(value) over the tickets of each region-month that pass the filter; NaN where there are none. */
	double[][] ticketAverage(Predicate<Ticket> filter, ToDoubleFunction<Ticket> value) {
		double[][] sum = new double[regions.size()][months];
		int[][] count = new int[regions.size()][months];
		for (Ticket t : tickets) {
			double v = filter.test(t) ? value.applyAsDouble(t) : Double.NaN;
			if (!Double.isNaN(v)) {
				sum[region(t.region())][month(t.createdAt())] += v;
				count[region(t.region())][month(t.createdAt())]++;
			}
		}
		for (int r = 0; r < sum.length; r++) {
			for (int m = 0; m < months; m++) {
				sum[r][m] = count[r][m] == 0 ? Double.NaN : sum[r][m] / count[r][m];
			}
		}
		return sum;
	}

	/** firstResponseTime in hours: avg(firstResponseAt - createdAt). */
	double[][] firstResponseHours() {
		return ticketAverage(t -> true, Ticket::firstResponseHours);
	}

	/** complaintHandlingTime in hours: avg(resolvedAt - createdAt where isComplaint). */
	double[][] complaintHours() {
		return ticketAverage(Ticket::isComplaint, Ticket::resolutionHours);
	}

	double[][] csat() {
		return ticketAverage(t -> t.csat() != null, t -> t.csat());
	}

	/** nps: 100 × (share of 9–10 − share of 0–6) among tickets with an nps. */
	double[][] nps() {
		return ticketAverage(t -> t.nps() != null, t -> t.nps() >= 9 ? 100 : t.nps() <= 6 ? -100 : 0);
	}

	/** backlogRate: share(resolvedAt is null or resolvedAt >= period.end). */
	double[][] backlog() {
		return ticketAverage(t -> true,
				t -> t.resolvedAt() == null || !t.resolvedAt().isBefore(monthStart(month(t.createdAt()) + 1)) ? 1 : 0);
	}

	/** churnRate: churned in the month among customers signed before it and not gone before it. */
	double[][] churnRate() {
		double[][] rate = new double[regions.size()][months];
		for (int m = 0; m < months; m++) {
			LocalDate start = from.plusMonths(m);
			LocalDate end = from.plusMonths(m + 1);
			int[] base = new int[regions.size()];
			int[] gone = new int[regions.size()];
			for (Customer c : customers) {
				if (c.signedAt().isBefore(start) && (c.churnedAt() == null || !c.churnedAt().isBefore(start))) {
					int r = region(c.region());
					base[r]++;
					if (c.churnedAt() != null && c.churnedAt().isBefore(end)) {
						gone[r]++;
					}
				}
			}
			for (int r = 0; r < regions.size(); r++) {
				rate[r][m] = base[r] == 0 ? Double.NaN : (double) gone[r] / base[r];
			}
		}
		return rate;
	}

	static double hours(LocalDateTime from, LocalDateTime to) {
		return Duration.between(from, to).getSeconds() / 3600.0;
	}

	/** Pearson correlation of the pairs where both are numbers. */
	static double correlation(double[] x, double[] y) {
		double sx = 0;
		double sy = 0;
		int n = 0;
		for (int i = 0; i < x.length; i++) {
			if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
				sx += x[i];
				sy += y[i];
				n++;
			}
		}
		double mx = sx / n;
		double my = sy / n;
		double sxy = 0;
		double sxx = 0;
		double syy = 0;
		for (int i = 0; i < x.length; i++) {
			if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
				sxy += (x[i] - mx) * (y[i] - my);
				sxx += (x[i] - mx) * (x[i] - mx);
				syy += (y[i] - my) * (y[i] - my);
			}
		}
		return sxy / Math.sqrt(sxx * syy);
	}

	/** The region-month cells of a table, row by row, optionally shifted: {@code lag} 1 pairs month m with m+1. */
	static double[] cells(double[][] table, int fromMonth, int toMonth) {
		double[] cells = new double[table.length * (toMonth - fromMonth)];
		int i = 0;
		for (double[] row : table) {
			for (int m = fromMonth; m < toMonth; m++) {
				cells[i++] = row[m];
			}
		}
		return cells;
	}

	private static LocalDate date(String cell) {
		return cell.isEmpty() ? null : LocalDate.parse(cell);
	}

	private static LocalDateTime timestamp(String cell) {
		return cell.isEmpty() ? null : LocalDateTime.parse(cell);
	}

	private static Integer integer(String cell) {
		return cell.isEmpty() ? null : Integer.valueOf(cell);
	}

	private static boolean bool(String cell) {
		if (!cell.equals("true") && !cell.equals("false")) {
			throw new IllegalArgumentException("not a bool: " + cell);
		}
		return cell.equals("true");
	}
}
