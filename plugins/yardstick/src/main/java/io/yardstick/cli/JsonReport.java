package io.yardstick.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.Severity;
import io.yardstick.dsl.workspace.ValidationReport;
import io.yardstick.runtime.results.JsonDocuments;
import java.util.List;

/**
 * {@code yardstick validate --format json}: the same content as the text output, as records that Jackson
 * serializes in declaration order, pretty-printed with two spaces and {@code \n} whatever the platform.
 */
@JsonPropertyOrder({ "files", "findings", "summary" })
public record JsonReport(List<String> files, List<JsonFinding> findings, Summary summary) {

	@JsonPropertyOrder({ "file", "line", "column", "endLine", "endColumn", "severity", "code", "message" })
	public record JsonFinding(String file, int line, int column, int endLine, int endColumn, String severity,
			String code, String message) {

		static JsonFinding of(Finding finding) {
			return new JsonFinding(finding.file(), finding.line(), finding.column(), finding.endLine(),
					finding.endColumn(), finding.severity().word(), finding.code(), finding.message());
		}
	}

	@JsonPropertyOrder({ "files", "errors", "warnings", "infos" })
	public record Summary(int files, long errors, long warnings, long infos) {
	}

	public static JsonReport of(ValidationReport report) {
		return new JsonReport(List.copyOf(report.files()),
				report.findings().stream().map(JsonFinding::of).toList(),
				new Summary(report.files().size(), report.count(Severity.ERROR), report.count(Severity.WARNING),
						report.count(Severity.INFO)));
	}

	/** The document, ending with a line feed. */
	public String toJson() {
		return JsonDocuments.toJson(this);
	}
}
