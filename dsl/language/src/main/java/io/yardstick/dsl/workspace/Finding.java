package io.yardstick.dsl.workspace;

import java.util.Comparator;

/**
 * One diagnostic at a place in a file. Lines and columns are 1-based; the end is exclusive.
 * {@code file} is the path as the user gave it, so that editors and terminals can open it.
 */
public record Finding(String file, int line, int column, int endLine, int endColumn, Severity severity, String code,
		String message) {

	/** File, then position, then severity, code and message: the order every output uses. */
	public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
			.thenComparingInt(Finding::line)
			.thenComparingInt(Finding::column)
			.thenComparing(Finding::severity)
			.thenComparing(Finding::code)
			.thenComparing(Finding::message);

	/** {@code path:line:column: severity code: message}, the form compilers use and editors link. */
	public String toText() {
		return file + ":" + line + ":" + column + ": " + severity.word() + " " + code + ": " + message;
	}

	public Finding withFile(String newFile) {
		return new Finding(newFile, line, column, endLine, endColumn, severity, code, message);
	}
}
