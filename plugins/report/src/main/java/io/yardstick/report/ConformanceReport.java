package io.yardstick.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.yardstick.runtime.results.JsonDocuments;
import java.util.List;

/**
 * How a template departs from another, each change classified by meaning ({@code yardstick diff}; built by the
 * dsl's {@code Conformance}). report.html shows it on a page of its own when the template extends another.
 * {@code docs/conformance.md} lists every category and {@code docs/conformance.schema.json} is its schema.
 */
@JsonPropertyOrder({ "schema", "template", "against", "summary", "changes" })
public record ConformanceReport(String schema, String template, String against, Summary summary,
		List<Change> changes) {
	/** The value of the {@code schema} field. */
	public static final String SCHEMA = "yardstick-conformance/1";

	public ConformanceReport {
		changes = List.copyOf(changes);
	}

	public String toJson() {
		return JsonDocuments.toJson(this);
	}

	@JsonPropertyOrder({ "added", "removed", "changed" })
	public record Summary(int added, int removed, int changed) {
	}

	/**
	 * One difference. {@code change} is added, removed or changed; {@code subject} what changed ({@code metric
	 * csat}, {@code link csat -> nps}, {@code loop x}); {@code category} its meaning, a stable code; {@code detail}
	 * the before and after as a person reads them.
	 */
	@JsonPropertyOrder({ "change", "subject", "category", "detail" })
	public record Change(String change, String subject, String category, String detail) {
	}
}
