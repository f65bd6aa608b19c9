package io.yardstick.cli;

import io.yardstick.dsl.generator.ReportGenerator.GeneratedReport;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code yardstick generate}: writes the Java source of a template's calculator and its report definitions. */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = YardstickCommand.Version.class,
		sortOptions = false, usageHelpAutoWidth = true,
		description = {
				"Generate the Java calculator of a template: one class that depends only on the yardstick-runtime "
						+ "library. The template's folder is loaded as one model, so imports resolve; a template with "
						+ "errors is refused, with its findings. Each report of the template (or the one derived from its "
						+ "layers) is written as JSON to reports/<template>.<report>.json.",
				"" },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:written", "1:the template has errors (printed), nothing written",
				"2:usage problem", "3:unexpected failure inside Yardstick" })
public final class GenerateCommand implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "TEMPLATE", description = "A .kpi file, or a folder of .kpi files.")
	Path template;

	@Option(names = "--template", paramLabel = "NAME",
			description = "The template to generate when the files hold several (simple or qualified name).")
	String templateName;

	@Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the sources.")
	Path out;

	@Option(names = "--package", paramLabel = "PACKAGE",
			description = "Java package of the class (default: the template's package).")
	String packageName;

	@Override
	public Integer call() throws IOException {
		PrintWriter stdout = spec.commandLine().getOut();
		PrintWriter stderr = spec.commandLine().getErr();
		CalculatorBuild.Built built;
		try {
			built = CalculatorBuild.generate(template, templateName, packageName, ProgressListener.NONE);
		} catch (CalculatorBuild.BadSelection e) {
			throw new ParameterException(spec.commandLine(), e.getMessage());
		} catch (CalculatorBuild.Refused refused) {
			for (Finding finding : refused.findings) {
				stderr.println(finding.toText());
			}
			stderr.println("not generated: " + refused.findings.size() + " error(s)");
			return Main.EXIT_FINDINGS;
		}
		Path file = out.resolve(built.source().relativePath());
		Files.createDirectories(file.getParent());
		Files.writeString(file, built.source().content(), StandardCharsets.UTF_8);
		stdout.println("wrote " + file);
		for (GeneratedReport report : built.reports()) {
			Path json = out.resolve(report.relativePath());
			Files.createDirectories(json.getParent());
			Files.writeString(json, report.definition().toJson(), StandardCharsets.UTF_8);
			stdout.println("wrote " + json);
		}
		return Main.EXIT_OK;
	}
}
