package io.yardstick.cli.templates;

import io.yardstick.cli.sample.SampleDataGenerator;
import io.yardstick.cli.sample.SampleDataSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Acme's sample data: the after-sales simulation (docs/sample-data.md), smaller and with another seed, since
 * Acme's template reads the sources of the template it extends. Regenerate with
 * {@code ./yardstick sample-data --tickets 3000 --seed 7 --out example-templates/acme-after-sales/data}.
 */
public final class AcmeAfterSalesSampleData {
	static final SampleDataSettings SETTINGS = new SampleDataSettings(3_000, 7, SampleDataSettings.DEFAULTS.from(),
			SampleDataSettings.DEFAULTS.months());

	private AcmeAfterSalesSampleData() {
	}

	public static Map<String, String> files() {
		ByteArrayOutputStream customers = new ByteArrayOutputStream();
		ByteArrayOutputStream tickets = new ByteArrayOutputStream();
		ByteArrayOutputStream sales = new ByteArrayOutputStream();
		try {
			new SampleDataGenerator(SETTINGS).write(customers, tickets, sales);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Map<String, String> files = new LinkedHashMap<>();
		files.put("Customer.csv", customers.toString(StandardCharsets.UTF_8));
		files.put("Ticket.csv", tickets.toString(StandardCharsets.UTF_8));
		files.put("Sale.csv", sales.toString(StandardCharsets.UTF_8));
		return files;
	}

	public static void main(String[] args) throws IOException {
		Path folder = Path.of(args[0]);
		Files.createDirectories(folder);
		for (Map.Entry<String, String> file : files().entrySet()) {
			Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
		}
	}
}
