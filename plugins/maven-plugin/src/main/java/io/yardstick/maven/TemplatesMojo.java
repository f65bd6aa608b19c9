package io.yardstick.maven;

import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.KpiFiles;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.dsl.workspace.Severity;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What both goals share: the project's templates loaded as one model with the libraries they import or extend,
 * validated, and the findings printed the way {@code yardstick validate} prints them, so that IDE consoles link them.
 */
abstract class TemplatesMojo extends AbstractMojo {
	/** A folder of .kpi files (searched recursively), or one .kpi file. */
	@Parameter(property = "yardstick.templates", defaultValue = "${project.basedir}/src/main/kpi", required = true)
	File templates;

	/**
	 * Folders of templates that the project's templates import or extend, such as an industry template library. They
	 * are loaded so names resolve; their errors fail the build too, their warnings are not printed, and nothing is
	 * generated from them.
	 */
	@Parameter
	List<File> libraries = new ArrayList<>();

	@Parameter(property = "yardstick.skip", defaultValue = "false")
	boolean skip;

	/** The validated model, and the display paths of the project's own files (not the libraries'). */
	record Loaded(KpiWorkspace.ValidatedModel validated, Set<String> ownFiles) {
	}

	/**
	 * Loads and validates; prints every finding of the project's files and every error of the libraries. Errors fail
	 * the build, and so do warnings when {@code failOnWarning}.
	 */
	Loaded loadAndValidate(boolean failOnWarning) throws MojoExecutionException, MojoFailureException {
		if (!templates.exists()) {
			throw new MojoFailureException("no templates at " + templates
					+ ": put the .kpi files there, or name their folder with <templates> in the plugin's configuration");
		}
		List<Path> roots = new ArrayList<>();
		roots.add(templates.toPath());
		libraries.forEach(library -> roots.add(library.toPath()));
		List<KpiFiles.InputFile> own;
		List<KpiFiles.InputFile> all;
		try {
			own = KpiFiles.collect(List.of(templates.toPath()));
			all = KpiFiles.collect(roots);
		} catch (IOException e) {
			throw new MojoFailureException("cannot read the templates: " + e.getMessage(), e);
		}
		if (own.isEmpty()) {
			throw new MojoFailureException("no .kpi files in " + templates);
		}
		Set<String> ownFiles = own.stream().map(KpiFiles.InputFile::displayPath).collect(Collectors.toSet());
		KpiWorkspace.ValidatedModel validated = new KpiWorkspace().loadAndValidate(all, ProgressListener.NONE);
		List<Finding> shown = validated.report().findings().stream()
				.filter(finding -> finding.severity() == Severity.ERROR || ownFiles.contains(finding.file())).toList();
		print(shown);
		long errors = count(shown, Severity.ERROR);
		long warnings = count(shown, Severity.WARNING);
		getLog().info(own.size() + " template file(s) in " + templates + ": " + errors + " error(s), " + warnings
				+ " warning(s), " + count(shown, Severity.INFO) + " info(s)");
		if (errors > 0) {
			throw new MojoFailureException(errors + " error(s) in the templates (listed above with file:line:column)");
		}
		if (failOnWarning && warnings > 0) {
			throw new MojoFailureException(warnings + " warning(s) in the templates, and failOnWarning is set");
		}
		return new Loaded(validated, ownFiles);
	}

	void print(List<Finding> findings) {
		for (Finding finding : findings) {
			switch (finding.severity()) {
			case ERROR -> getLog().error(finding.toText());
			case WARNING -> getLog().warn(finding.toText());
			default -> getLog().info(finding.toText());
			}
		}
	}

	private static long count(List<Finding> findings, Severity severity) {
		return findings.stream().filter(finding -> finding.severity() == severity).count();
	}
}
