package io.yardstick.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top command: only chooses a subcommand, and answers --help and --version. */
@Command(name = "yardstick", mixinStandardHelpOptions = true, versionProvider = YardstickCommand.Version.class,
		sortOptions = false, usageHelpAutoWidth = true,
		description = {
				"Yardstick is a tool for authoring layered KPI systems. A template (a .kpi file) declares the data "
						+ "sources, the strategic, management and execution layers with their typed metrics, formulas "
						+ "and targets, and the causal links between metrics. Yardstick checks kinds and units, layer "
						+ "rules, links and targets, and reports every finding with a code, in the terminal or "
						+ "through its language server in any LSP editor.",
				"" },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = {
				"0:no errors (warnings and infos allowed)",
				"1:at least one error was found",
				"2:usage problem (unknown option, missing or wrong path, ...)",
				"3:unexpected failure inside Yardstick (a bug; --debug shows the stack trace)" },
		subcommands = { ValidateCommand.class, GenerateCommand.class, RunCommand.class, ReviewCommand.class,
				DiffCommand.class, DemoCommand.class, InitCommand.class, io.yardstick.cli.sample.SampleDataCommand.class,
				LspCommand.class, TestCommand.class })
public final class YardstickCommand implements Callable<Integer> {
	private final boolean interactive;

	@Spec
	CommandSpec spec;

	@Option(names = "--debug", scope = ScopeType.INHERIT,
			description = "On an unexpected failure, print the stack trace too.")
	boolean debug;

	public YardstickCommand(boolean interactive) {
		this.interactive = interactive;
	}

	/** Whether a person watches standard error (a console), so that progress is worth drawing. */
	public boolean interactive() {
		return interactive;
	}

	@Override
	public Integer call() {
		throw new ParameterException(spec.commandLine(), "missing command: use validate, generate, run, demo, sample-data or lsp");
	}

	/** The version Maven built, read from a filtered resource so that it works from classes and jar alike. */
	public static final class Version implements IVersionProvider {
		@Override
		public String[] getVersion() {
			return new String[] { "yardstick " + version(),
					"Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")" };
		}

		public static String version() {
			Properties properties = new Properties();
			try (InputStream in = YardstickCommand.class.getResourceAsStream("version.properties")) {
				if (in != null) {
					properties.load(in);
				}
			} catch (IOException e) {
				// fall through to "unknown"
			}
			return properties.getProperty("version", "unknown");
		}
	}
}
