package io.yardstick.cli.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Writes deterministic sample data for the sources of the standard after-sales template
 * ({@code example-templates/after-sales-standard}): {@code Customer.csv}, {@code Ticket.csv} and
 * {@code Sale.csv}. The same settings always give byte-identical files, on any JVM and platform.
 *
 * <p>The data is simulated month by month, and the causal links the template declares are planted in it:
 * regions answer at different speeds and their staffing load changes from month to month; slow answers and slow
 * complaint handling lower satisfaction; a customer's low satisfaction raises their churn in the month after;
 * follow-ups lower first-contact resolution, and more contacts cost more. {@code docs/sample-data.md} describes
 * every column and every relation.
 *
 * <p>Tickets and orders are streamed: only the customers are held in memory (about 40 bytes each), so ten
 * million tickets take no more memory than ten thousand, and a few seconds per million rows.
 */
public final class SampleDataGenerator {
	public static final String CUSTOMER_FILE = "Customer.csv";
	public static final String TICKET_FILE = "Ticket.csv";
	public static final String SALE_FILE = "Sale.csv";

	/** The header of {@code Customer.csv}: the fields of the template's {@code Customer} source, in order. */
	public static final List<String> CUSTOMER_COLUMNS = List.of("customerId", "name", "region", "segment",
			"signedAt", "churnedAt");
	/** The header of {@code Ticket.csv}: the fields of the template's {@code Ticket} source, in order. */
	public static final List<String> TICKET_COLUMNS = List.of("ticketId", "customer", "region", "productLine",
			"createdAt", "firstResponseAt", "resolvedAt", "status", "contacts", "followUps", "reopened", "isComplaint",
			"csat", "nps", "cost");
	/** The header of {@code Sale.csv}: the fields of the template's {@code Sale} source, in order. */
	public static final List<String> SALE_COLUMNS = List.of("orderId", "customer", "productLine", "soldAt", "amount");

	/** The regions, from the largest customer base to the smallest. */
	public static final List<String> REGIONS = SampleModel.REGIONS;
	public static final List<String> PRODUCT_LINES = SampleModel.PRODUCT_LINES;
	/** The values of {@code Customer.segment}, as the template's enum declares them. */
	public static final List<String> SEGMENTS = SampleModel.SEGMENTS;

	/**
	 * What was written.
	 *
	 * @param churned how many customers have a {@code churnedAt}
	 */
	public record Summary(int customers, long tickets, long sales, int churned) {
	}

	private final SampleDataSettings settings;

	public SampleDataGenerator(SampleDataSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	public SampleDataSettings settings() {
		return settings;
	}

	/**
	 * Writes {@link #CUSTOMER_FILE}, {@link #TICKET_FILE} and {@link #SALE_FILE} into the folder, creating it
	 * when needed and replacing files of those names.
	 */
	public Summary write(Path dir) throws IOException {
		Files.createDirectories(dir);
		try (OutputStream tickets = Files.newOutputStream(dir.resolve(TICKET_FILE));
				OutputStream sales = Files.newOutputStream(dir.resolve(SALE_FILE));
				OutputStream customers = Files.newOutputStream(dir.resolve(CUSTOMER_FILE))) {
			return write(customers, tickets, sales);
		}
	}

	/**
	 * Writes the three files to the given streams, which are flushed but not closed. Tickets and orders are
	 * written first, month by month; the customers last, once their churn dates are known.
	 */
	public Summary write(OutputStream customers, OutputStream tickets, OutputStream sales) throws IOException {
		return new Simulation(settings).run(customers, tickets, sales);
	}
}
