package io.yardstick.dsl.workspace;

/** How bad a finding is. Errors make `yardstick validate` exit 1; warnings and infos do not. */
public enum Severity {
	ERROR,
	WARNING,
	INFO;

	/** The word the CLI prints: {@code error}, {@code warning}, {@code info}. */
	public String word() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
