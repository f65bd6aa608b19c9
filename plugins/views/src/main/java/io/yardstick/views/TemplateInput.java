package io.yardstick.views;

import io.yardstick.dsl.generator.CalculatorGenerator;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.KpiFiles;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.LoadedModel;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.dsl.workspace.Severity;
import io.yardstick.dsl.workspace.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * What every view shows: one template of a loaded folder, the model it lives in (for positions and for the
 * generator), and the folder's validation findings. A folder that cannot be shown still gives an input, with
 * {@link #problem()} saying why, so that a view prints the reason instead of failing.
 *
 * @param folder the folder the template was loaded from; its {@code data/} holds the preview's sample data
 * @param template null when there is none to show (see {@link #problem()})
 * @param problem null when the template is there
 */
public record TemplateInput(Path folder, LoadedModel model, ValidationReport report, Template template,
		String problem) {

	public List<Finding> findings() {
		return report == null ? List.of() : report.findings();
	}

	public boolean hasErrors() {
		return report != null && report.hasErrors();
	}

	/** The folder's default sample data: {@code <folder>/data}. */
	public Path dataFolder() {
		return folder == null ? null : folder.resolve("data");
	}

	/** An input that shows only a message, for a view given nothing yet or something unusable. */
	public static TemplateInput unavailable(Path folder, String problem) {
		return new TemplateInput(folder, null, new ValidationReport(List.of(), List.of()), null, problem);
	}

	/** The only template of a folder's .kpi files. */
	public static TemplateInput load(Path folder) {
		return load(folder, List.of(), null);
	}

	/**
	 * Loads a folder's .kpi files as one model and picks a template from them.
	 *
	 * @param alsoLoad further folders loaded into the same model, such as the industry templates a client
	 *     template extends; their warnings and infos are left out, their errors kept (they stop a preview)
	 * @param templateName the template's simple or qualified name; null when the folder holds only one
	 */
	public static TemplateInput load(Path folder, List<Path> alsoLoad, String templateName) {
		if (folder == null || !Files.isDirectory(folder)) {
			return unavailable(folder, "no such folder: " + folder);
		}
		List<KpiFiles.InputFile> own;
		List<KpiFiles.InputFile> all = new ArrayList<>();
		try {
			own = relative(folder, KpiFiles.collect(List.of(folder)));
			all.addAll(own);
			for (Path other : alsoLoad) {
				all.addAll(relative(folder, KpiFiles.collect(List.of(other))));
			}
		} catch (IOException e) {
			return unavailable(folder, "cannot read " + folder + ": " + e.getMessage());
		}
		if (own.isEmpty()) {
			return unavailable(folder, "no .kpi files in " + folder);
		}
		KpiWorkspace.ValidatedModel validated = new KpiWorkspace().loadAndValidate(all, ProgressListener.NONE);
		Set<String> ownNames = new HashSet<>();
		own.forEach(file -> ownNames.add(file.displayPath()));
		List<Finding> kept = validated.report().findings().stream()
				.filter(finding -> finding.severity() == Severity.ERROR || ownNames.contains(finding.file())).toList();
		ValidationReport report = new ValidationReport(validated.report().files(), kept);
		List<Template> candidates = new ArrayList<>();
		for (String name : validated.model().names()) {
			Resource resource = validated.model().resource(name);
			if (!ownNames.contains(name) || resource.getContents().isEmpty()) {
				continue;
			}
			Model model = (Model) resource.getContents().get(0);
			model.getElements().stream().filter(Template.class::isInstance).map(Template.class::cast)
					.forEach(candidates::add);
		}
		Template chosen = null;
		String problem = null;
		if (templateName != null) {
			chosen = candidates.stream().filter(t -> templateName.equals(t.getName())
					|| templateName.equals(CalculatorGenerator.qualifiedName(t))).findFirst().orElse(null);
			problem = chosen == null ? "no template " + templateName + " in " + folder : null;
		} else if (candidates.size() == 1) {
			chosen = candidates.get(0);
		} else {
			problem = candidates.isEmpty() ? "no template in " + folder
					: "several templates in " + folder + ": choose one of " + String.join(", ",
							candidates.stream().map(CalculatorGenerator::qualifiedName).toList());
		}
		return new TemplateInput(folder, validated.model(), report, chosen, problem);
	}

	/** Files named relative to the folder, as a project explorer shows them: {@code after-sales.kpi}. */
	private static List<KpiFiles.InputFile> relative(Path folder, List<KpiFiles.InputFile> files) {
		Path base = folder.toAbsolutePath().normalize();
		List<KpiFiles.InputFile> named = new ArrayList<>();
		for (KpiFiles.InputFile file : files) {
			Path absolute = file.path().toAbsolutePath().normalize();
			String display = absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
			named.add(new KpiFiles.InputFile(display.replace('\\', '/'), file.path()));
		}
		return named;
	}
}
