package io.yardstick.cli.sample;

import io.yardstick.cli.Main;
import io.yardstick.cli.YardstickCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code yardstick sample-data}: deterministic sample CSV files for the after-sales template's sources. */
@Command(name = "sample-data", mixinStandardHelpOptions = true, versionProvider = YardstickCommand.Version.class,
		sortOptions = false, usageHelpAutoWidth = true,
		description = {
				"Write sample data for the sources of the standard after-sales template: Customer.csv, Ticket.csv "
						+ "and Sale.csv in the output folder (created when needed; files of those names are "
						+ "replaced). The same options always give byte-identical files. The data is simulated: "
						+ "regions answer at different speeds, slow service lowers satisfaction, dissatisfied "
						+ "customers churn the month after, follow-ups lower first-contact resolution and raise "
						+ "cost. Customers and orders scale with the tickets: 2 customers and 5 orders for every "
						+ "15 tickets. Prints one line per file written.",
				"" },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = {
				"0:the files were written",
				"2:usage problem: a bad option value, or an output folder that cannot be created or written",
				"3:unexpected failure inside Yardstick (a bug; --debug shows the stack trace)" })
public final class SampleDataCommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	@Option(names = "--tickets", paramLabel = "N", defaultValue = "" + SampleDataSettings.DEFAULT_TICKETS,
			description = "Number of tickets, 1 to " + SampleDataSettings.MAX_TICKETS + " (default: ${DEFAULT-VALUE}).")
	long tickets;

	@Option(names = "--seed", paramLabel = "S", defaultValue = "" + SampleDataSettings.DEFAULT_SEED,
			description = "Seed of the random draws (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--from", paramLabel = "DATE", defaultValue = "2025-01-01",
			description = "First day of the first month, yyyy-MM-dd (default: ${DEFAULT-VALUE}).")
	LocalDate from;

	@Option(names = "--months", paramLabel = "N", defaultValue = "" + SampleDataSettings.DEFAULT_MONTHS,
			description = "Number of months covered, 1 to 1200 (default: ${DEFAULT-VALUE}).")
	int months;

	@Option(names = { "-o", "--out" }, paramLabel = "DIR", required = true,
			description = "Folder to write the three files to.")
	Path out;

	@Override
	public Integer call() {
		SampleDataSettings settings;
		try {
			settings = new SampleDataSettings(tickets, seed, from, months);
		} catch (IllegalArgumentException bad) {
			throw usage(bad.getMessage());
		}
		if (Files.exists(out) && !Files.isDirectory(out)) {
			throw usage("not a folder: " + out);
		}
		SampleDataGenerator.Summary summary;
		try {
			summary = new SampleDataGenerator(settings).write(out);
		} catch (IOException failed) {
			throw usage("cannot write to " + out + ": " + describe(failed));
		}
		PrintWriter printed = spec.commandLine().getOut();
		printed.print(out.resolve(SampleDataGenerator.CUSTOMER_FILE) + ": " + summary.customers() + " customers ("
				+ summary.churned() + " churned)\n"
				+ out.resolve(SampleDataGenerator.TICKET_FILE) + ": " + summary.tickets() + " tickets\n"
				+ out.resolve(SampleDataGenerator.SALE_FILE) + ": " + summary.sales() + " orders\n");
		printed.flush();
		return Main.EXIT_OK;
	}

	private static String describe(IOException failed) {
		String message = failed.getMessage();
		return failed.getClass().getSimpleName() + (message == null ? "" : " " + message);
	}

	private ParameterException usage(String message) {
		return new ParameterException(spec.commandLine(), message);
	}
}
