package io.yardstick.cli.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.cli.Main;
import io.yardstick.dsl.testing.GoldenFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template library: every folder of example-templates validates without errors or warnings, runs on its
 * sample data, and gives exactly its golden results ({@code expected/results.csv}, and {@code expected/cohorts.csv}
 * where it declares a cohort table); the sample data is what its
 * generator writes ({@code <Name>SampleData} in this package, for the templates that have one). A template whose
 * data holds history before the months it reports names the run's options in {@code expected/run.args}, as its
 * README's run command writes them.
 */
class ExampleTemplatesTest {
	private static final Path LIBRARY = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
			.resolve("../../example-templates").normalize();

	@TempDir
	Path out;

	static List<Path> templates() {
		try (Stream<Path> folders = Files.list(LIBRARY)) {
			return folders.filter(Files::isDirectory).filter(ExampleTemplatesTest::hasKpiFiles).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static boolean hasKpiFiles(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.anyMatch(file -> file.toString().endsWith(".kpi"));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String[] run(String... args) {
		StringWriter stdout = new StringWriter();
		StringWriter stderr = new StringWriter();
		int exit = Main.run(args, new PrintWriter(stdout, true), new PrintWriter(stderr, true), false);
		return new String[] { Integer.toString(exit), stdout.toString(), stderr.toString() };
	}

	/** As one model: a client template extends an industry template of a sibling folder. */
	@Test
	void theLibraryValidatesWithoutErrorsOrWarnings() {
		String[] result = run("validate", LIBRARY.toString());
		assertThat(result[0]).as(result[1]).isEqualTo("0");
		long files = templates().stream().mapToLong(ExampleTemplatesTest::kpiFiles).sum();
		assertThat(result[1]).containsPattern("\\n" + files + " files: 0 errors, 0 warnings, \\d+ infos?\\n$");
	}

	/** A template that extends another: its conformance report against it, as {@code yardstick diff} prints it. */
	@TestFactory
	Stream<DynamicTest> everyClientTemplateGivesItsGoldenConformanceReport() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Path folder : templates()) {
			Path golden = folder.resolve("expected/conformance.txt");
			if (!Files.exists(golden) && !extendsAnother(folder)) {
				continue;
			}
			tests.add(DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
				String[] result = run("diff", folder.toString());
				assertThat(result[0]).as(result[2]).isEqualTo("0");
				GoldenFiles.assertMatches(golden, result[1]);
			}));
		}
		assertThat(tests).isNotEmpty();
		return tests.stream();
	}

	private static long kpiFiles(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(path -> path.toString().endsWith(".kpi")).count();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static boolean extendsAnother(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".kpi")).toList()) {
				if (Files.readString(file, StandardCharsets.UTF_8).matches("(?s).*\\btemplate\\s+\\w+[^{]*\\bextends\\b.*")) {
					return true;
				}
			}
			return false;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@TestFactory
	Stream<DynamicTest> everyTemplateRunsOnItsSampleDataAndGivesItsGoldenResults() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Path folder : templates()) {
			if (!Files.isDirectory(folder.resolve("data"))) {
				continue;
			}
			tests.add(DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
				Path results = out.resolve(folder.getFileName().toString());
				List<String> args = new ArrayList<>(List.of("run", folder.toString(), "--data",
						folder.resolve("data").toString(), "--out", results.toString()));
				args.addAll(runArgs(folder));
				String[] result = run(args.toArray(String[]::new));
				assertThat(result[0]).as(result[2]).isEqualTo(Integer.toString(Main.EXIT_OK));
				String csv = Files.readString(results.resolve("results.csv"), StandardCharsets.UTF_8);
				assertThat(csv).as("a byte order mark, for Excel").startsWith("\uFEFF");
				GoldenFiles.assertMatches(folder.resolve("expected/results.csv"), csv.substring(1));
				Path cohorts = results.resolve("cohorts.csv");
				if (Files.exists(cohorts) || Files.exists(folder.resolve("expected/cohorts.csv"))) {
					String table = Files.readString(cohorts, StandardCharsets.UTF_8);
					assertThat(table).as("a byte order mark, for Excel").startsWith("\uFEFF");
					GoldenFiles.assertMatches(folder.resolve("expected/cohorts.csv"), table.substring(1));
				}
			}));
		}
		assertThat(tests).isNotEmpty();
		return tests.stream();
	}

	/** The options of {@code expected/run.args}, separated by white space; none when the file is absent. */
	static List<String> runArgs(Path folder) throws IOException {
		Path file = folder.resolve("expected/run.args");
		if (!Files.exists(file)) {
			return List.of();
		}
		String text = Files.readString(file, StandardCharsets.UTF_8).strip();
		return text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
	}

	@TestFactory
	Stream<DynamicTest> sampleDataIsWhatItsGeneratorWrites() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Path folder : templates()) {
			Class<?> generator = generator(folder.getFileName().toString());
			if (generator == null) {
				continue;
			}
			tests.add(DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
				Method files = generator.getMethod("files");
				@SuppressWarnings("unchecked")
				Map<String, String> written = (Map<String, String>) files.invoke(null);
				assertThat(written).isNotEmpty();
				for (Map.Entry<String, String> file : written.entrySet()) {
					assertThat(Files.readString(folder.resolve("data").resolve(file.getKey()), StandardCharsets.UTF_8))
							.as("%s/data/%s: regenerate with java %s.java %s/data", folder.getFileName(), file.getKey(),
									generator.getSimpleName(), folder)
							.isEqualTo(file.getValue());
				}
			}));
		}
		return tests.stream();
	}

	/** medical-service → MedicalServiceSampleData, or null when the template has no generator of its own. */
	private static Class<?> generator(String folder) {
		StringBuilder name = new StringBuilder(ExampleTemplatesTest.class.getPackageName()).append('.');
		for (String part : folder.split("-")) {
			name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
		}
		try {
			return Class.forName(name.append("SampleData").toString());
		} catch (ClassNotFoundException e) {
			return null;
		}
	}
}
