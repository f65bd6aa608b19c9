package io.yardstick.cli;

import io.yardstick.runtime.text.Texts;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code yardstick} command. Exit codes: 0 no errors, 1 errors found, 2 usage problem, 3 unexpected
 * failure (a bug: the message says so, {@code --debug} adds the stack trace) or out of memory (the message
 * says how to give Java more), 4 (run only) results written but report.pdf or a notification failed.
 */
public final class Main {
	public static final int EXIT_OK = 0;
	public static final int EXIT_FINDINGS = 1;
	public static final int EXIT_USAGE = 2;
	public static final int EXIT_INTERNAL = 3;
	/** run: the results are written, but report.pdf or a notification could not be made or delivered. */
	public static final int EXIT_UNDELIVERED = 4;

	private Main() {
	}

	/** Yardstick's log4j configuration: WARN and above, to standard error. See {@link #configureLogging()}. */
	static final String LOG4J_CONFIGURATION = "io/yardstick/cli/log4j.properties";

	public static void main(String[] args) {
		configureLogging();
		// UTF-8 whatever the locale: messages carry the templates' Chinese labels, and scripts read stdout.
		PrintWriter out = new PrintWriter(
				new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
		PrintWriter err = new PrintWriter(
				new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
		int code = run(args, out, err, System.console() != null);
		out.flush();
		err.flush();
		System.exit(code);
	}

	/**
	 * Points log4j (Xtext logs through its 1.x API) at Yardstick's configuration before anything logs.
	 * Xtext's own jar carries a {@code log4j.properties} that logs INFO to standard output, which would
	 * corrupt the findings and the LSP channel; naming ours explicitly does not depend on class path order.
	 * A {@code -Dlog4j.configuration} given by the user is kept.
	 */
	static void configureLogging() {
		if (System.getProperty("log4j.configuration") == null) {
			System.setProperty("log4j.configuration", LOG4J_CONFIGURATION);
		}
	}

	/**
	 * Runs one command line with the given streams and returns the exit code; never throws.
	 *
	 * @param interactive whether a person watches standard error, so that progress is worth showing
	 */
	public static int run(String[] args, PrintWriter out, PrintWriter err, boolean interactive) {
		try {
			return commandLine(out, err, interactive, CliTexts.requested(args)).execute(args);
		} catch (Throwable unexpected) {
			// picocli reports exceptions through the handler below; this is for Errors thrown past it.
			String outOfMemory = OutOfMemoryAdvice.of(unexpected, CliTexts.of(CliTexts.requested(args)));
			if (outOfMemory != null) {
				err.println(outOfMemory);
				err.flush();
				return EXIT_INTERNAL;
			}
			err.println(CliTexts.of(CliTexts.requested(args)).get("error.internal", describe(unexpected)));
			if (hasDebugFlag(args)) {
				unexpected.printStackTrace(err);
			}
			err.flush();
			return EXIT_INTERNAL;
		}
	}

	/** The command line with Yardstick's streams, exit codes and error messages: what tests drive. */
	public static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean interactive) {
		return commandLine(out, err, interactive, null);
	}

	/**
	 * The same, its --help in {@code language} (null: the locale's): Chinese from {@link CliTexts#HELP}, English
	 * from the commands' annotations. The language is read from the arguments before picocli parses them.
	 */
	static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean interactive, String language) {
		CommandLine commandLine = new CommandLine(new YardstickCommand(interactive));
		if (Texts.textLanguage(language).equals("zh")) {
			commandLine.setResourceBundle(CliTexts.help("zh"));
		}
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setCaseInsensitiveEnumValuesAllowed(false);
		commandLine.setParameterExceptionHandler((problem, args) -> usageError(problem, err, CliTexts.of(CliTexts.requested(args))));
		commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
			PrintWriter errors = err;
			String outOfMemory = OutOfMemoryAdvice.of(exception,
					CliTexts.of(CliTexts.requested(parseResult.originalArgs().toArray(String[]::new))));
			if (outOfMemory != null) {
				errors.println(outOfMemory);
				errors.flush();
				return EXIT_INTERNAL;
			}
			Texts texts = CliTexts.of(CliTexts.requested(parseResult.originalArgs().toArray(String[]::new)));
			errors.println(texts.get("error.internal", describe(exception)));
			if (debug(parseResult)) {
				exception.printStackTrace(errors);
			} else {
				errors.println(texts.get("error.bug"));
			}
			errors.flush();
			return EXIT_INTERNAL;
		});
		return commandLine;
	}

	private static int usageError(ParameterException problem, PrintWriter errors, Texts texts) {
		CommandLine command = problem.getCommandLine();
		errors.println(texts.get("error.usage", ParseErrors.message(problem, texts)));
		String name = command.getCommandSpec().qualifiedName();
		errors.println(texts.get("error.tryHelp", name));
		errors.flush();
		return EXIT_USAGE;
	}

	private static boolean debug(ParseResult parseResult) {
		for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
			if (result.hasMatchedOption("--debug")) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasDebugFlag(String[] args) {
		for (String arg : args) {
			if ("--debug".equals(arg)) {
				return true;
			}
		}
		return false;
	}

	private static String describe(Throwable problem) {
		String message = problem.getMessage();
		return problem.getClass().getName() + (message == null ? "" : ": " + message);
	}
}
