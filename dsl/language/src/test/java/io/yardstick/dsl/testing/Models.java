package io.yardstick.dsl.testing;

import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.LoadedModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.xtext.EcoreUtil2;

/** Loads templates from strings for tests, through the same workspace the CLI uses. */
public final class Models {
	private static KpiWorkspace workspace;

	private Models() {
	}

	public static synchronized KpiWorkspace workspace() {
		if (workspace == null) {
			workspace = new KpiWorkspace();
		}
		return workspace;
	}

	/** Loads name/text pairs: {@code load("a.kpi", textA, "b.kpi", textB)}. */
	public static LoadedModel load(String... namesAndTexts) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (int i = 0; i < namesAndTexts.length; i += 2) {
			texts.put(namesAndTexts[i], namesAndTexts[i + 1]);
		}
		return workspace().load(texts);
	}

	/** Loads the .kpi files of a folder (not its subfolders), by file name. */
	public static LoadedModel loadFolder(Path folder) throws IOException {
		List<Path> files;
		try (Stream<Path> list = Files.list(folder)) {
			files = list.filter(path -> path.toString().endsWith(".kpi")).sorted().toList();
		}
		Map<String, String> texts = new LinkedHashMap<>();
		for (Path file : files) {
			texts.put(file.getFileName().toString(),
					Files.readString(file, StandardCharsets.UTF_8));
		}
		return workspace().load(texts);
	}

	public static Model model(LoadedModel loaded, String name) {
		return (Model) loaded.resource(name).getContents().get(0);
	}

	/** Parses one file called test.kpi. */
	public static Model parse(String text) {
		return model(load("test.kpi", text), "test.kpi");
	}

	/** The findings of every file, one {@link Finding#toText()} line each. */
	public static String findings(LoadedModel loaded) {
		List<Finding> findings = workspace().validate(loaded, io.yardstick.dsl.workspace.ProgressListener.NONE);
		return findings.stream().map(Finding::toText).collect(Collectors.joining("\n"));
	}

	public static String findings(String text) {
		return findings(load("test.kpi", text));
	}

	public static Template template(Model model, String name) {
		return EcoreUtil2.typeSelect(model.getElements(), Template.class).stream()
				.filter(t -> name.equals(t.getName())).findFirst().orElseThrow();
	}

	public static Metric metric(Template template, String name) {
		return TemplateHierarchy.metrics(template).stream().filter(m -> name.equals(m.getName())).findFirst()
				.orElseThrow();
	}
}
