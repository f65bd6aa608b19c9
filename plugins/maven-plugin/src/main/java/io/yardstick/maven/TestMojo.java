package io.yardstick.maven;

import io.yardstick.dsl.pipeline.JavaEngine;
import io.yardstick.dsl.templatetest.TestFailure;
import io.yardstick.dsl.templatetest.TestReport;
import io.yardstick.dsl.templatetest.TestResult;
import io.yardstick.dsl.templatetest.TestRunner;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code yardstick:test}: runs the template tests of the project's templates (and those they inherit) on the Java
 * calculator, prints each failure as a Maven error at its file, line and column, writes JUnit XML where Surefire's
 * reports go, and fails the build when a test fails. docs/testing.md describes the tests.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public final class TestMojo extends TemplatesMojo {
	/** The JUnit XML report, which CI servers pick up with Surefire's. */
	@Parameter(property = "yardstick.junit", defaultValue = "${project.build.directory}/surefire-reports/TEST-yardstick.xml")
	File junit;

	/** Maven's usual switch: skips the template tests with the unit tests. */
	@Parameter(property = "skipTests", defaultValue = "false")
	boolean skipTests;

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (skip || skipTests) {
			getLog().info("yardstick.skip or skipTests is set: template tests not run");
			return;
		}
		Loaded loaded = loadAndValidate(false);
		List<TestResult> results = new TestRunner(List.of(), null).runAll(loaded.validated().model(),
				loaded.validated().report().findings(),
				template -> loaded.ownFiles().contains(loaded.validated().model().nameOf(template.eResource())));
		for (TestResult result : results) {
			for (TestFailure failure : result.failures()) {
				getLog().error(failure.toText());
			}
		}
		String summary = TestReport.summary(results, List.of(JavaEngine.NAME));
		getLog().info(summary);
		try {
			Files.createDirectories(junit.toPath().toAbsolutePath().getParent());
			Files.writeString(junit.toPath(), TestReport.junitXml(results), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new MojoExecutionException("cannot write " + junit + ": " + e.getMessage(), e);
		}
		if (results.stream().anyMatch(result -> !result.passed())) {
			throw new MojoFailureException("template tests failed (listed above with file:line:column): " + summary);
		}
	}
}
