package io.yardstick.dsl.workspace;

import java.util.List;

/** What validating a set of files found: the files read, and every finding in {@link Finding#ORDER}. */
public record ValidationReport(List<String> files, List<Finding> findings) {

	public long count(Severity severity) {
		return findings.stream().filter(finding -> finding.severity() == severity).count();
	}

	public boolean hasErrors() {
		return count(Severity.ERROR) > 0;
	}

	/**
	 * The report of the named files only: their findings, and the errors of the other files loaded with them
	 * (the files they import), which stop them from being used.
	 */
	public ValidationReport restrictedTo(List<KpiFiles.InputFile> named) {
		if (named.size() == files.size()) {
			return this;
		}
		java.util.Set<String> own = new java.util.HashSet<>();
		named.forEach(file -> own.add(file.displayPath()));
		return new ValidationReport(named.stream().map(KpiFiles.InputFile::displayPath).toList(), findings.stream()
				.filter(finding -> own.contains(finding.file()) || finding.severity() == Severity.ERROR).toList());
	}

	/** {@code 3 files: 1 error, 2 warnings, 0 infos}. */
	public String summary() {
		return files.size() + (files.size() == 1 ? " file" : " files") + ": " + plural(count(Severity.ERROR), "error")
				+ ", " + plural(count(Severity.WARNING), "warning") + ", " + plural(count(Severity.INFO), "info");
	}

	private static String plural(long count, String word) {
		return count + " " + word + (count == 1 ? "" : "s");
	}
}
