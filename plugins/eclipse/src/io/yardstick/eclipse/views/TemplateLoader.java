package io.yardstick.eclipse.views;

import io.yardstick.dsl.generator.CalculatorGenerator;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.views.TemplateInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * From the file in the editor to what the views show: the template of the file's folder, loaded as
 * {@code yardstick run} loads it. When the folder imports or extends something it does not hold, its sibling
 * folders are loaded too (a client template kept beside the industry templates it builds on), as the CLI's
 * calculator build does. When the folder holds several templates, the one declared in the edited file is
 * shown. Reads the files as saved: the views follow saves, the editor's markers follow typing.
 */
final class TemplateLoader {
	/** The validator's code for an import that names nothing the loaded files declare. */
	private static final String UNRESOLVED_IMPORT = "unresolved-import";

	/** What was loaded, and the further folders it took (their .kpi files' changes reload it too). */
	record Loaded(TemplateInput input, List<Path> alsoLoad) {
		List<Path> folders() {
			List<Path> all = new ArrayList<>();
			if (input.folder() != null) {
				all.add(input.folder());
			}
			all.addAll(alsoLoad);
			return all;
		}
	}

	private TemplateLoader() {
	}

	static Loaded load(Path file) {
		Path folder = file.toAbsolutePath().normalize().getParent();
		List<Path> alsoLoad = List.of();
		TemplateInput input = TemplateInput.load(folder);
		if (reachesOut(input) && folder.getParent() != null) {
			alsoLoad = siblings(folder);
			input = TemplateInput.load(folder, alsoLoad, null);
		}
		if (input.template() == null && input.model() != null) {
			String own = templateDeclaredIn(input, file);
			if (own != null) {
				input = TemplateInput.load(folder, alsoLoad, own);
			}
		}
		return new Loaded(input, alsoLoad);
	}

	private static boolean reachesOut(TemplateInput input) {
		return input.findings().stream().anyMatch(finding -> finding.code().equals(UNRESOLVED_IMPORT));
	}

	private static List<Path> siblings(Path folder) {
		try (Stream<Path> list = Files.list(folder.getParent())) {
			return list.filter(Files::isDirectory).map(path -> path.toAbsolutePath().normalize())
					.filter(path -> !path.equals(folder) && !path.getFileName().toString().startsWith("."))
					.sorted().toList();
		} catch (IOException e) {
			// Without the siblings the import stays unresolved, and Review shows that finding.
			return List.of();
		}
	}

	/** The qualified name of the only template the edited file declares, or null. */
	private static String templateDeclaredIn(TemplateInput input, Path file) {
		Path wanted = file.toAbsolutePath().normalize();
		List<String> names = new ArrayList<>();
		for (String name : input.model().names()) {
			Resource resource = input.model().resource(name);
			if (resource.getURI().isFile() && Path.of(resource.getURI().toFileString()).toAbsolutePath().normalize()
					.equals(wanted) && !resource.getContents().isEmpty()) {
				((Model) resource.getContents().get(0)).getElements().stream().filter(Template.class::isInstance)
						.map(element -> CalculatorGenerator.qualifiedName((Template) element)).forEach(names::add);
			}
		}
		return names.size() == 1 ? names.get(0) : null;
	}
}
