package io.yardstick.dsl.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.generator.ReportGenerator.GeneratedReport;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.testing.GoldenFiles;
import io.yardstick.dsl.testing.Models;
import io.yardstick.dsl.workspace.LoadedModel;
import io.yardstick.report.SchemaValidation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The report definitions of every template of each case folder ({@code model/} holds the .kpi files,
 * {@code expected/} one JSON file per report, named as {@code yardstick generate} names it) and of every example
 * template ({@code example-templates/<name>/expected/}): each equals its golden file and validates against the
 * published schema.
 */
class ReportGoldenTest {
	private static final Path CASES = Path.of("src/test/resources/reports");
	private static final Path EXAMPLES = Path.of("../../example-templates");
	private static final Path SCHEMA = SchemaValidation.docs("report.schema.json");

	@TestFactory
	Stream<DynamicTest> everyReportEqualsItsGoldenFileAndValidates() throws IOException {
		List<DynamicTest> tests = new ArrayList<>();
		for (Path folder : folders(CASES)) {
			tests.add(test("case " + folder.getFileName(), () -> templates(Models.loadFolder(folder.resolve("model")), ""),
					folder.resolve("expected")));
		}
		// The library is one model: a client template extends an industry template of a sibling folder.
		LoadedModel library = library();
		for (Path folder : folders(EXAMPLES)) {
			if (hasKpiFiles(folder)) {
				String prefix = folder.getFileName() + "/";
				tests.add(test("example " + folder.getFileName(), () -> templates(library, prefix), folder.resolve("expected")));
			}
		}
		assertThat(tests).hasSizeGreaterThanOrEqualTo(3);
		return tests.stream();
	}

	/** The templates of a model whose file names start with a prefix. */
	private interface Templates {
		List<Template> get() throws IOException;
	}

	private static DynamicTest test(String name, Templates templates, Path expected) {
		return DynamicTest.dynamicTest(name, () -> {
			List<GeneratedReport> reports = new ArrayList<>();
			for (Template template : templates.get()) {
				reports.addAll(new ReportGenerator().generate(template));
			}
			assertThat(reports).isNotEmpty();
			List<String> written = new ArrayList<>();
			for (GeneratedReport report : reports) {
				String json = report.definition().toJson();
				SchemaValidation.assertValid(SCHEMA, json);
				GoldenFiles.assertMatches(expected.resolve(report.relativePath()), json);
				written.add(report.relativePath());
			}
			// A golden file no template produces any more would go stale unnoticed.
			Path reportsFolder = expected.resolve("reports");
			try (Stream<Path> files = Files.list(reportsFolder)) {
				assertThat(files.map(file -> "reports/" + file.getFileName()).sorted())
						.containsExactlyElementsOf(written.stream().sorted().toList());
			}
		});
	}

	private static List<Template> templates(LoadedModel loaded, String prefix) {
		assertThat(Models.findings(loaded)).as("findings").doesNotContain(": error ");
		List<Template> templates = new ArrayList<>();
		for (String name : loaded.names()) {
			if (!name.startsWith(prefix)) {
				continue;
			}
			Model model = Models.model(loaded, name);
			model.getElements().stream().filter(Template.class::isInstance).map(Template.class::cast)
					.forEach(templates::add);
		}
		return templates;
	}

	/** Every .kpi file of every example folder, named folder/file. */
	private static LoadedModel library() throws IOException {
		List<String> namesAndTexts = new ArrayList<>();
		for (Path folder : folders(EXAMPLES)) {
			try (Stream<Path> files = Files.list(folder)) {
				for (Path file : files.filter(path -> path.toString().endsWith(".kpi")).sorted().toList()) {
					namesAndTexts.add(folder.getFileName() + "/" + file.getFileName());
					namesAndTexts.add(Files.readString(file, StandardCharsets.UTF_8));
				}
			}
		}
		return Models.load(namesAndTexts.toArray(String[]::new));
	}

	private static boolean hasKpiFiles(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.anyMatch(path -> path.toString().endsWith(".kpi"));
		}
	}

	private static List<Path> folders(Path root) {
		try (Stream<Path> folders = Files.list(root)) {
			return folders.filter(Files::isDirectory).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
