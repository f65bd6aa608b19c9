package io.yardstick.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code yardstick:validate}: fails the build when a template has errors, printing each as file:line:column. */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class ValidateMojo extends TemplatesMojo {
	/** Fail on warnings too, not only on errors. */
	@Parameter(property = "yardstick.failOnWarning", defaultValue = "false")
	boolean failOnWarning;

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (skip) {
			getLog().info("yardstick.skip is set: templates not validated");
			return;
		}
		loadAndValidate(failOnWarning);
	}
}
