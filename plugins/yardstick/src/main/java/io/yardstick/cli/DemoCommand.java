package io.yardstick.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code yardstick demo}: the general after-sales template on its bundled sample data. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = YardstickCommand.Version.class,
		sortOptions = false, usageHelpAutoWidth = true,
		description = {
				"Run the general after-sales template (example-templates/after-sales-standard) on its bundled "
						+ "sample data, by month and by region, and write the results to --out.",
				"" })
public final class DemoCommand implements Callable<Integer> {
	static final Path TEMPLATE = Path.of("example-templates", "after-sales-standard");

	@Spec
	CommandSpec spec;

	@ParentCommand
	YardstickCommand parent;

	@Option(names = "--out", paramLabel = "DIR", defaultValue = "out/demo",
			description = "Where to write the results (default: ${DEFAULT-VALUE}).")
	Path out;

	@Option(names = "--language", paramLabel = "LANG", defaultValue = "en",
			description = "Language of the labels in the printed table: en or zh (default: ${DEFAULT-VALUE}).")
	String language;

	@Option(names = "--home", paramLabel = "DIR", defaultValue = ".",
			description = "The Yardstick checkout that holds example-templates/ (default: the current folder).")
	Path home;

	@Override
	public Integer call() throws Exception {
		Path template = home.resolve(TEMPLATE).normalize();
		if (!Files.isDirectory(template.resolve("data"))) {
			throw new ParameterException(spec.commandLine(), "no sample data at " + template.resolve("data")
					+ ": run the demo from the root of a Yardstick checkout, or name it with --home");
		}
		RunCommand run = new RunCommand();
		run.spec = spec;
		run.parent = parent;
		run.input.template = template;
		run.input.data = template.resolve("data");
		run.input.language = language;
		run.input.out = out;
		run.by = "region,productLine,segment";
		return run.execute(spec.commandLine().getOut(), spec.commandLine().getErr());
	}
}
