package io.yardstick.cli;

import io.yardstick.runtime.text.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
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

	@Option(names = "--language", paramLabel = "LANG",
			description = "Language of the messages, the printed table and report.html: zh or en (default: the locale's "
					+ "language).")
	String language;

	@Option(names = "--pdf", description = "Also write report.pdf, as run --pdf does.")
	boolean pdf;

	@Option(names = "--threads", paramLabel = "N", description = RunInputs.THREADS_HELP)
	Integer threads;

	@Option(names = "--home", paramLabel = "DIR",
			description = "The Yardstick checkout or unzipped release that holds example-templates/ (default: the current "
					+ "folder if it holds them, else the release or checkout this jar belongs to).")
	Path home;

	@Override
	public Integer call() throws Exception {
		List<Path> homes = home != null ? List.of(home) : candidateHomes(Path.of(""), runningJar());
		Path template = findTemplate(homes);
		if (template == null) {
			Texts texts = CliTexts.of(language);
			throw new ParameterException(spec.commandLine(), texts.get("usage.noHome",
					homes.stream().map(candidate -> candidate.resolve(TEMPLATE).resolve("data").toString())
							.collect(Collectors.joining(texts.get("usage.or")))));
		}
		RunCommand run = new RunCommand();
		run.spec = spec;
		run.parent = parent;
		run.input.template = template;
		run.input.data = template.resolve("data");
		run.input.language = language;
		run.input.out = out;
		run.by = "region,productLine,segment";
		run.exports.pdf = pdf;
		run.input.threads = threads;
		return run.execute(spec.commandLine().getOut(), spec.commandLine().getErr());
	}

	/**
	 * Where the demo's template may be, in order: the current folder, then the folders above the jar's own, which
	 * are the release's root for {@code lib/yardstick.jar} and the checkout's root for
	 * {@code plugins/yardstick/target/yardstick.jar}. So the demo runs from anywhere once the jar is unpacked.
	 */
	static List<Path> candidateHomes(Path currentFolder, Path jar) {
		List<Path> homes = new ArrayList<>(List.of(currentFolder));
		if (jar != null && Files.isRegularFile(jar)) {
			Path folder = jar.toAbsolutePath().normalize().getParent();
			for (int level = 1; level <= 3 && folder != null && folder.getParent() != null; level++) {
				folder = folder.getParent();
				homes.add(folder);
			}
		}
		return homes;
	}

	/** The template folder of the first home that has its sample data; null when none has. */
	static Path findTemplate(List<Path> homes) {
		for (Path candidate : homes) {
			Path template = candidate.resolve(TEMPLATE).normalize();
			if (Files.isDirectory(template.resolve("data"))) {
				return template;
			}
		}
		return null;
	}

	/** The jar this class was loaded from; null when it runs from a classes folder or the location is unknown. */
	static Path runningJar() {
		return io.yardstick.dsl.generator.CalculatorCache.jarOf(DemoCommand.class);
	}
}
