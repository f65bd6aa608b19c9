package io.yardstick.maven;

import io.yardstick.dsl.generator.CalculatorGenerator;
import io.yardstick.dsl.generator.CalculatorGenerator.GeneratedSource;
import io.yardstick.dsl.generator.GeneratorException;
import io.yardstick.dsl.generator.ReportGenerator;
import io.yardstick.dsl.generator.ReportGenerator.GeneratedReport;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.LoadedModel;
import io.yardstick.dsl.workspace.Severity;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * {@code yardstick:generate}: validates the templates, then writes one calculator class per template into a source
 * folder the compiler reads, and the templates' report definitions (JSON) into a resource folder that lands in the jar.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends TemplatesMojo {
	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	MavenProject project;

	/** Where the calculators' Java sources go; added to the project's compile source roots. */
	@Parameter(property = "yardstick.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/yardstick")
	File outputDirectory;

	/** Where the report definitions go (as reports/TEMPLATE.REPORT.json); added to the project's resources. */
	@Parameter(property = "yardstick.reportsDirectory", defaultValue = "${project.build.directory}/generated-resources/yardstick")
	File reportsDirectory;

	/** The Java package of the classes; default: each template's own package. */
	@Parameter(property = "yardstick.package")
	String packageName;

	/** The templates to generate, by simple or qualified name; default: every template in the project's files. */
	@Parameter
	List<String> templateNames = new ArrayList<>();

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (skip) {
			getLog().info("yardstick.skip is set: no calculators generated");
			return;
		}
		Loaded loaded = loadAndValidate(false);
		List<Template> chosen = choose(loaded);
		try {
			// The folders belong to this goal: what a renamed or removed template left behind must not be compiled.
			clear(outputDirectory.toPath());
			clear(reportsDirectory.toPath());
			for (Template template : chosen) {
				write(loaded.validated().model(), template);
			}
		} catch (IOException e) {
			throw new MojoExecutionException("cannot write the generated files: " + e.getMessage(), e);
		}
		project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
		Resource reports = new Resource();
		reports.setDirectory(reportsDirectory.getAbsolutePath());
		project.addResource(reports);
	}

	private List<Template> choose(Loaded loaded) throws MojoFailureException {
		LoadedModel model = loaded.validated().model();
		List<Template> found = new ArrayList<>();
		for (String name : model.names()) {
			org.eclipse.emf.ecore.resource.Resource resource = model.resource(name);
			if (!loaded.ownFiles().contains(name) || resource.getContents().isEmpty()) {
				continue;
			}
			((Model) resource.getContents().get(0)).getElements().stream().filter(Template.class::isInstance)
					.map(Template.class::cast).forEach(found::add);
		}
		if (templateNames.isEmpty()) {
			if (found.isEmpty()) {
				throw new MojoFailureException("no template in " + templates + " (only sources): nothing to generate");
			}
			return found;
		}
		List<Template> chosen = new ArrayList<>();
		for (String wanted : templateNames) {
			Template match = found.stream().filter(template -> template.getName().equals(wanted)
					|| CalculatorGenerator.qualifiedName(template).equals(wanted)).findFirst().orElse(null);
			if (match == null) {
				throw new MojoFailureException("no template " + wanted + " in " + templates + "; it has "
						+ String.join(", ", found.stream().map(CalculatorGenerator::qualifiedName).toList()));
			}
			chosen.add(match);
		}
		return chosen;
	}

	private void write(LoadedModel model, Template template) throws IOException, MojoFailureException {
		GeneratedSource source;
		List<GeneratedReport> reports;
		try {
			source = new CalculatorGenerator().generate(template, packageName);
			reports = new ReportGenerator().generate(template);
		} catch (GeneratorException e) {
			print(List.of(KpiWorkspace.findingAt(model, e.where(), Severity.ERROR, "not-generated", e.getMessage())));
			throw new MojoFailureException("template " + CalculatorGenerator.qualifiedName(template)
					+ " cannot be generated (listed above with file:line:column)");
		}
		Path file = outputDirectory.toPath().resolve(source.relativePath());
		Files.createDirectories(file.getParent());
		Files.writeString(file, source.content(), StandardCharsets.UTF_8);
		getLog().info("generated " + source.qualifiedClassName() + " in " + outputDirectory);
		for (GeneratedReport report : reports) {
			Path json = reportsDirectory.toPath().resolve(report.relativePath());
			Files.createDirectories(json.getParent());
			Files.writeString(json, report.definition().toJson(), StandardCharsets.UTF_8);
		}
	}

	private static void clear(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				if (!path.equals(folder)) {
					Files.delete(path);
				}
			}
		}
	}
}
