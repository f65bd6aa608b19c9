package io.yardstick.cli.sample;

import java.time.LocalDate;

/**
 * What the sample data generator is asked for: the number of tickets, the seed, and the months covered
 * ({@code months} calendar months from {@code from}, the first day of a month). The numbers of customers and
 * sales orders follow from the number of tickets: 2 customers and 5 orders for every 15 tickets, so the
 * defaults give 9,000 tickets, 1,200 customers and 3,000 orders.
 *
 * @param tickets how many tickets to write, at least 1
 * @param seed the seed of every random draw: the same settings give byte-identical files
 * @param from the first day of the first month, the first day of a month between 1900 and 9000
 * @param months how many months the tickets and orders cover, 1 to 1200
 */
public record SampleDataSettings(long tickets, long seed, LocalDate from, int months) {
	public static final long DEFAULT_TICKETS = 9_000;
	public static final long DEFAULT_SEED = 2025;
	public static final LocalDate DEFAULT_FROM = LocalDate.of(2025, 1, 1);
	public static final int DEFAULT_MONTHS = 18;
	/** The most tickets: the customers (2 for every 15 tickets) are held in memory, about 40 bytes each. */
	public static final long MAX_TICKETS = 100_000_000L;
	/** Even a handful of tickets gets this many customers, so that every region and segment has some. */
	public static final int MIN_CUSTOMERS = 20;

	/** The bundled sample data's settings. */
	public static final SampleDataSettings DEFAULTS = new SampleDataSettings(DEFAULT_TICKETS, DEFAULT_SEED,
			DEFAULT_FROM, DEFAULT_MONTHS);

	/** @throws IllegalArgumentException with a message for the user when a setting is out of range */
	public SampleDataSettings {
		if (tickets < 1 || tickets > MAX_TICKETS) {
			throw new IllegalArgumentException("tickets must be between 1 and " + MAX_TICKETS + ", not " + tickets);
		}
		if (from == null) {
			throw new IllegalArgumentException("a start date is needed");
		}
		if (from.getDayOfMonth() != 1) {
			throw new IllegalArgumentException("the start date must be the first day of a month, not " + from);
		}
		if (from.getYear() < 1900 || from.getYear() > 9000) {
			throw new IllegalArgumentException("the start date must lie between 1900 and 9000, not " + from);
		}
		if (months < 1 || months > 1200) {
			throw new IllegalArgumentException("months must be between 1 and 1200, not " + months);
		}
	}

	/** Customers: 2 for every 15 tickets, at least {@link #MIN_CUSTOMERS}. */
	public int customers() {
		return (int) Math.max(MIN_CUSTOMERS, (tickets * 2 + 7) / 15);
	}

	/** Sales orders: 1 for every 3 tickets, rounded. */
	public long sales() {
		return (tickets + 1) / 3;
	}

	/** The first day after the last month: nothing happens on or after it. */
	public LocalDate until() {
		return from.plusMonths(months);
	}
}
