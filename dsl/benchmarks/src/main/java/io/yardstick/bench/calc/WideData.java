package io.yardstick.bench.calc;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The input of the wide workload ({@code templates/wide}): one {@code Ticket.csv} of N tickets with eighteen
 * columns, among them a unique ticket id and a customer id drawn from N / 8 customers (about 1.25 million
 * distinct at 10 million tickets). Deterministic (fixed seed), 18 months from 2025-01 in local times, into
 * {@code <root>/wide-<N>/}; a marker written after the file records the settings, and a later run with the same
 * settings reuses it.
 */
final class WideData {
	static final String FILE = "Ticket.csv";
	static final String MARKER = "wide-data.settings";
	static final String HEADER = "ticketId,customerId,region,productLine,channel,priority,createdAt,firstResponseAt,"
			+ "resolvedAt,status,contacts,followUps,reopened,isComplaint,csat,nps,cost,agent";
	static final long SEED = 20261206;
	static final LocalDate FROM = LocalDate.of(2025, 1, 1);
	static final int MONTHS = 18;

	private static final String[] REGIONS = { "华东", "华北", "华南", "华中", "西南", "西北", "东北" };
	private static final String[] LINES = { "冰箱", "洗衣机", "空调", "电视", "厨房电器" };
	private static final String[] CHANNELS = { "phone", "email", "chat", "web" };
	private static final String[] PRIORITIES = { "low", "normal", "normal", "normal", "high", "high", "urgent" };
	private static final int AGENTS = 2_000;

	private WideData() {
	}

	/** The folder holding the data of N tickets, generated into it unless it is already there. */
	static Path ensure(Path root, long tickets, PrintStream log) throws IOException {
		Path dir = root.resolve("wide-" + tickets);
		Path marker = dir.resolve(MARKER);
		String expected = "generator=" + WideData.class.getName() + "\ntickets=" + tickets + "\nseed=" + SEED
				+ "\nfrom=" + FROM + "\nmonths=" + MONTHS + "\n";
		if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(expected)
				&& Files.isRegularFile(dir.resolve(FILE))) {
			log.println("wide data: reusing " + dir);
			return dir;
		}
		Files.createDirectories(dir);
		Files.deleteIfExists(marker);
		log.println("wide data: generating " + tickets + " tickets into " + dir + " ...");
		long start = System.nanoTime();
		try (Writer out = new BufferedWriter(Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8),
				1 << 20)) {
			write(out, tickets);
		}
		log.printf(Locale.ROOT, "wide data: %d tickets in %.1f s%n", tickets, (System.nanoTime() - start) / 1e9);
		Files.writeString(marker, expected, StandardCharsets.UTF_8);
		return dir;
	}

	static long size(Path dir) throws IOException {
		return Files.size(dir.resolve(FILE));
	}

	/** Writes the header and the tickets, each row from the one random stream in order. */
	static void write(Writer out, long tickets) throws IOException {
		SplittableRandom random = new SplittableRandom(SEED);
		int days = (int) (FROM.plusMonths(MONTHS).toEpochDay() - FROM.toEpochDay());
		long start = FROM.toEpochDay() * 86_400L;
		long customers = Math.max(1, tickets / 8);
		StringBuilder row = new StringBuilder(256);
		out.write(HEADER);
		out.write('\n');
		for (long i = 1; i <= tickets; i++) {
			row.setLength(0);
			long created = start + random.nextInt(days) * 86_400L + random.nextInt(86_400);
			boolean answered = random.nextInt(20) != 0;
			long responded = created + (long) (-Math.log(1 - random.nextDouble()) * 7_200);
			boolean resolved = random.nextInt(8) != 0;
			long resolvedAt = (answered ? responded : created) + (long) (-Math.log(1 - random.nextDouble()) * 129_600);
			pad(row.append('T'), i, 9).append(',');
			pad(row.append('C'), random.nextLong(customers), 8).append(',');
			row.append(REGIONS[random.nextInt(REGIONS.length)]).append(',');
			row.append(LINES[random.nextInt(LINES.length)]).append(',');
			row.append(CHANNELS[random.nextInt(CHANNELS.length)]).append(',');
			row.append(PRIORITIES[random.nextInt(PRIORITIES.length)]).append(',');
			time(row, created).append(',');
			if (answered) {
				time(row, responded);
			}
			row.append(',');
			if (resolved) {
				time(row, resolvedAt);
			}
			row.append(',');
			row.append(!resolved ? "open" : random.nextBoolean() ? "resolved" : "closed").append(',');
			int contacts = 1 + (random.nextInt(3) == 0 ? random.nextInt(4) : 0);
			row.append(contacts).append(',');
			row.append(random.nextInt(5)).append(',');
			row.append(random.nextInt(12) == 0).append(',');
			row.append(random.nextInt(10) == 0).append(',');
			if (random.nextInt(10) >= 3) {
				row.append(Math.min(5, 1 + random.nextInt(3) + random.nextInt(3)));
			}
			row.append(',');
			if (random.nextInt(10) >= 4) {
				row.append(random.nextInt(11));
			}
			row.append(',');
			int cents = 1_000 + random.nextInt(49_000);
			row.append(cents / 100).append('.');
			pad(row, cents % 100, 2).append(',');
			pad(row.append('A'), random.nextInt(AGENTS), 4).append('\n');
			out.append(row);
		}
	}

	/** A local time as the loader reads it: {@code 2025-01-06T15:40:48}. */
	private static StringBuilder time(StringBuilder row, long epochSecond) {
		LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400));
		int second = (int) Math.floorMod(epochSecond, 86_400);
		pad(row, day.getYear(), 4).append('-');
		pad(row, day.getMonthValue(), 2).append('-');
		pad(row, day.getDayOfMonth(), 2).append('T');
		pad(row, second / 3600, 2).append(':');
		pad(row, second / 60 % 60, 2).append(':');
		return pad(row, second % 60, 2);
	}

	private static StringBuilder pad(StringBuilder row, long value, int width) {
		String digits = Long.toString(value);
		for (int i = digits.length(); i < width; i++) {
			row.append('0');
		}
		return row.append(digits);
	}
}
