package io.yardstick.bench.calc;

import io.yardstick.cli.sample.SampleDataGenerator;
import io.yardstick.cli.sample.SampleDataSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's input: the CLI's deterministic sample data for the standard after-sales template, in
 * {@code <root>/tickets-<N>/}. Generated once; a marker file written after the three CSV files are complete
 * records the settings, and a later run with the same settings reuses the files.
 */
final class SampleData {
	static final String MARKER = "sample-data.settings";
	static final List<String> FILES = List.of(SampleDataGenerator.CUSTOMER_FILE, SampleDataGenerator.TICKET_FILE,
			SampleDataGenerator.SALE_FILE);

	private SampleData() {
	}

	/** The settings of a benchmark with that many tickets: the CLI's defaults otherwise (seed, 18 months). */
	static SampleDataSettings settings(long tickets) {
		return new SampleDataSettings(tickets, SampleDataSettings.DEFAULT_SEED, SampleDataSettings.DEFAULT_FROM,
				SampleDataSettings.DEFAULT_MONTHS);
	}

	/** The folder holding the data of these settings, generated into it unless it is already there. */
	static Path ensure(Path root, SampleDataSettings settings, PrintStream log) throws IOException {
		Path dir = root.resolve("tickets-" + settings.tickets());
		Path marker = dir.resolve(MARKER);
		String expected = describe(settings);
		if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(expected)
				&& FILES.stream().allMatch(file -> Files.isRegularFile(dir.resolve(file)))) {
			log.println("sample data: reusing " + dir + " (" + expected.trim().replace('\n', ' ') + ")");
			return dir;
		}
		Files.createDirectories(dir);
		Files.deleteIfExists(marker);
		log.println("sample data: generating " + settings.tickets() + " tickets into " + dir + " ...");
		long start = System.nanoTime();
		SampleDataGenerator.Summary summary = new SampleDataGenerator(settings).write(dir);
		log.printf(Locale.ROOT, "sample data: %d customers, %d tickets, %d orders in %.1f s%n", summary.customers(),
				summary.tickets(), summary.sales(), (System.nanoTime() - start) / 1e9);
		Files.writeString(marker, expected, StandardCharsets.UTF_8);
		return dir;
	}

	/** Bytes of the three CSV files. */
	static long size(Path dir) throws IOException {
		long bytes = 0;
		for (String file : FILES) {
			bytes += Files.size(dir.resolve(file));
		}
		return bytes;
	}

	private static String describe(SampleDataSettings settings) {
		return "generator=io.yardstick.cli.sample.SampleDataGenerator\n"
				+ "tickets=" + settings.tickets() + "\n"
				+ "seed=" + settings.seed() + "\n"
				+ "from=" + settings.from() + "\n"
				+ "months=" + settings.months() + "\n";
	}
}
