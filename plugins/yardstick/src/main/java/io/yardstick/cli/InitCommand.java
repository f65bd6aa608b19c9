package io.yardstick.cli;

import io.yardstick.dsl.clienttemplate.ClientTemplateWriter;
import io.yardstick.dsl.clienttemplate.TemplateChoice;
import io.yardstick.dsl.clienttemplate.TemplateFolders;
import io.yardstick.dsl.pipeline.Pipeline;
import io.yardstick.dsl.services.KpiGrammarAccess;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.dsl.workspace.Severity;
import io.yardstick.runtime.text.Texts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.xtext.resource.XtextResourceSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code yardstick init}: the Eclipse wizard's client template from the command line. Writes
 * {@code <out>/<name>/<name>.kpi}, a template that extends the industry template and changes nothing yet, with a
 * commented skeleton naming the industry template's real metrics and sources, and copies the industry template's
 * folder beside it (its .kpi files, README and sample data) unless it is there already, so that validate and run
 * work at once.
 */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = YardstickCommand.Version.class,
		sortOptions = false, usageHelpAutoWidth = true,
		description = { "Start a client template that extends an industry template: writes <out>/<name>/<name>.kpi and "
				+ "copies the industry template's folder beside it, then validates the result.", "" },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:written, and it validates", "1:written, but it does not validate (printed); or not written",
				"2:usage problem", "3:unexpected failure inside Yardstick" })
public final class InitCommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "NAME", description = "The client template's name, such as AcmeAfterSales.")
	String name;

	@Option(names = "--from", paramLabel = "TEMPLATE", required = true,
			description = "The industry template: a folder of the template library (after-sales-standard), a "
					+ "template's name (StandardAfterSales or aftersales.standard.StandardAfterSales), or the path of "
					+ "a folder or .kpi file.")
	String from;

	@Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
			description = "Where the client's folder and the industry template's folder go (default: the current folder).")
	Path out;

	@Option(names = "--package", paramLabel = "PACKAGE",
			description = "The client file's package (default: the industry package's first part and the name, such as "
					+ "aftersales.acmeaftersales).")
	String packageName;

	@Option(names = "--label-zh", paramLabel = "TEXT", description = "The template's Chinese label.")
	String zhLabel = "";

	@Option(names = "--label-en", paramLabel = "TEXT", description = "The template's English label.")
	String enLabel = "";

	@Option(names = "--home", paramLabel = "DIR",
			description = "The Yardstick checkout or unzipped release whose example-templates/ is the library "
					+ "(default: as for demo).")
	Path home;

	@Option(names = "--language", paramLabel = "LANG",
			description = "Language of the messages and findings: zh or en (default: the locale's language).")
	String language;

	/** The words of the messages, in the language of --language or the locale. */
	private Texts texts;

	@Override
	public Integer call() throws Exception {
		PrintWriter stdout = spec.commandLine().getOut();
		PrintWriter stderr = spec.commandLine().getErr();
		texts = CliTexts.of(language);
		KpiWorkspace workspace = new KpiWorkspace();
		Set<String> reserved = TemplateFolders.reservedWords(workspace.injector().getInstance(KpiGrammarAccess.class));
		String problem = ClientTemplateWriter.nameProblem(name, reserved);
		if (problem != null) {
			throw usage(problem);
		}
		TemplateChoice parent = choose(workspace);
		String pkg = packageName != null ? packageName : ClientTemplateWriter.packageFor(parent.qualifiedName(), name);
		String packageProblem = ClientTemplateWriter.packageProblem(pkg, reserved);
		if (packageProblem != null) {
			throw usage(packageProblem);
		}
		String clientFolderName = ClientTemplateWriter.fileName(name).replace(".kpi", "");
		Path clientFolder = out.resolve(clientFolderName);
		Path clientFile = clientFolder.resolve(ClientTemplateWriter.fileName(name));
		if (Files.exists(clientFile)) {
			stderr.println(texts.get("init.exists", clientFile));
			return Main.EXIT_FINDINGS;
		}
		if (parent.folder().equals(clientFolderName)) {
			throw usage(texts.get("init.ownFolder", clientFolderName));
		}
		Path parentCopy = out.resolve(parent.folder());
		if (!Files.isDirectory(parentCopy)) {
			copyFolder(parent, parentCopy, stdout);
		} else {
			stdout.println(texts.get("init.kept", parentCopy));
		}
		Files.createDirectories(clientFolder);
		String text = ClientTemplateWriter.write(new ClientTemplateWriter.Client(pkg, name, zhLabel, enLabel,
				parent.qualifiedName(), parent.title(), parent.examples()));
		Files.writeString(clientFile, text, StandardCharsets.UTF_8);
		stdout.println(texts.get("run.wrote", clientFile));
		List<Finding> errors = Pipeline.validate(clientFolder, ProgressListener.NONE, Texts.labelLanguage(language))
				.report().findings().stream()
				.filter(finding -> finding.severity() == Severity.ERROR).toList();
		if (!errors.isEmpty()) {
			errors.forEach(finding -> stderr.println(CliTexts.finding(finding, texts)));
			stderr.println(texts.get("init.invalid", errors.size()));
			return Main.EXIT_FINDINGS;
		}
		stdout.println(texts.get("init.done", name, parent.qualifiedName()));
		// validate checks the folders it is given, so both: the client's extends the copied one.
		stdout.println("  yardstick validate " + out);
		Path data = parentCopy.resolve("data");
		if (Files.isDirectory(data)) {
			stdout.println("  yardstick run " + clientFolder + " --data " + data + " --out " + out.resolve("out"));
		}
		stdout.println(texts.get("init.nextDiff", clientFolder));
		return Main.EXIT_OK;
	}

	/** The industry template --from names: a path, a library folder, or a template's name in the library. */
	private TemplateChoice choose(KpiWorkspace workspace) throws IOException {
		Path asPath = Path.of(from);
		if (Files.exists(asPath)) {
			Path folder = Files.isDirectory(asPath) ? asPath : asPath.toAbsolutePath().getParent();
			List<TemplateChoice> found = templates(workspace, folder, Files.isDirectory(asPath) ? null : asPath, false);
			if (found.size() == 1) {
				return found.get(0);
			}
			throw usage(found.isEmpty() ? texts.get("init.noTemplateIn", from)
					: texts.get("init.severalIn", from, names(found)));
		}
		Path library = library();
		if (library == null) {
			throw usage(texts.get("init.noLibrary"));
		}
		if (Files.isDirectory(library.resolve(from))) {
			List<TemplateChoice> found = templates(workspace, library.resolve(from), null, true);
			if (found.size() == 1) {
				return found.get(0);
			}
		}
		List<TemplateChoice> all = new ArrayList<>();
		try (Stream<Path> folders = Files.list(library)) {
			for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
				all.addAll(templates(workspace, folder, null, true));
			}
		}
		List<TemplateChoice> matching = all.stream().filter(choice -> choice.qualifiedName().equals(from)
				|| choice.simpleName().equals(from)).toList();
		if (matching.size() == 1) {
			return matching.get(0);
		}
		throw usage(matching.isEmpty() ? texts.get("init.notInLibrary", from, library, names(all))
				: texts.get("init.ambiguous", from, names(all)));
	}

	private static String names(List<TemplateChoice> choices) {
		return choices.stream().map(choice -> choice.folder() + " (" + choice.qualifiedName() + ")")
				.collect(Collectors.joining(", "));
	}

	/**
	 * A folder's templates, each with the folder's files; only those of {@code file} when one is given.
	 *
	 * @param industryOnly leave out templates that extend another, as the library's listing does
	 */
	private static List<TemplateChoice> templates(KpiWorkspace workspace, Path folder, Path file, boolean industryOnly)
			throws IOException {
		Map<String, byte[]> files = new TreeMap<>();
		try (Stream<Path> entries = Files.list(folder)) {
			for (Path entry : entries.filter(Files::isRegularFile).sorted().toList()) {
				String fileName = entry.getFileName().toString();
				if (fileName.endsWith(".kpi") || fileName.equals("README.md")) {
					files.put(fileName, Files.readAllBytes(entry));
				}
			}
		}
		XtextResourceSet set = workspace.injector().getInstance(XtextResourceSet.class);
		Path name = folder.toAbsolutePath().normalize().getFileName();
		List<TemplateChoice> choices = TemplateFolders.templatesOf(set, name == null ? "template" : name.toString(), files,
				folder.toString(), null, industryOnly);
		if (file == null) {
			return choices;
		}
		// Only the templates declared in the given file, as its parse tree has them: a comment or a string that
		// mentions another template must not select it.
		String fileName = file.getFileName().toString();
		Set<String> declared = TemplateFolders.templatesOf(workspace.injector().getInstance(XtextResourceSet.class),
				name == null ? "template" : name.toString(), Map.of(fileName, files.getOrDefault(fileName, Files.readAllBytes(file))),
				folder.toString(), null, industryOnly).stream().map(TemplateChoice::qualifiedName).collect(Collectors.toSet());
		return choices.stream().filter(choice -> declared.contains(choice.qualifiedName())).toList();
	}

	/** example-templates of the first home that has it. */
	private Path library() {
		List<Path> homes = home != null ? List.of(home) : DemoCommand.candidateHomes(Path.of(""), DemoCommand.runningJar());
		for (Path candidate : homes) {
			Path library = candidate.resolve("example-templates");
			if (Files.isDirectory(library)) {
				return library;
			}
		}
		return null;
	}

	/** The industry template's folder, its sample data included, so that the client can run at once. */
	private void copyFolder(TemplateChoice parent, Path target, PrintWriter stdout) throws IOException {
		Path source = Path.of(parent.origin());
		Files.createDirectories(target);
		try (Stream<Path> walk = Files.walk(source)) {
			for (Path path : walk.sorted().toList()) {
				Path relative = source.relativize(path);
				if (relative.toString().isEmpty() || relative.getFileName().toString().startsWith(".")) {
					continue;
				}
				boolean kept = relative.getNameCount() == 1 ? parent.files().containsKey(relative.toString())
						: relative.getName(0).toString().equals("data");
				if (!kept && !(Files.isDirectory(path) && relative.toString().equals("data"))) {
					continue;
				}
				Path copy = target.resolve(relative.toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(copy);
				} else {
					Files.copy(path, copy);
				}
			}
		}
		stdout.println(texts.get("init.copied", parent.qualifiedName(), target));
	}

	private ParameterException usage(String message) {
		return new ParameterException(spec.commandLine(), message);
	}
}
