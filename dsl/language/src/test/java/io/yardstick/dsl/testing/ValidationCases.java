package io.yardstick.dsl.testing;

import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.KpiFiles;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.dsl.workspace.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Validation golden cases: each case folder holds {@code model/} (the .kpi files, validated as
 * one model) and {@code expected/findings.txt} (every finding, one per line, paths relative to
 * the case folder).
 */
public final class ValidationCases {
	public static final Path WRONG_TEMPLATES = Path.of("src/test/resources/wrong-templates");

	private ValidationCases() {
	}

	public static List<Path> caseFolders(Path root) {
		try (Stream<Path> folders = Files.list(root)) {
			return folders.filter(Files::isDirectory).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The findings of a case as its golden file holds them. */
	public static String findingsText(KpiWorkspace workspace, Path caseFolder) {
		try {
			ValidationReport report = workspace.validateFiles(KpiFiles.collect(List.of(caseFolder.resolve("model"))),
					ProgressListener.NONE);
			return render(report.findings(), caseFolder);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static String render(List<Finding> findings, Path relativeTo) {
		return findings.stream()
				.map(finding -> finding.withFile(relativeTo.relativize(Path.of(finding.file())).toString().replace('\\', '/')))
				.map(Finding::toText)
				.collect(Collectors.joining("\n", "", findings.isEmpty() ? "" : "\n"));
	}

	public static Path expectedFile(Path caseFolder) {
		return caseFolder.resolve("expected/findings.txt");
	}
}
