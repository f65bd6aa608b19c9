package io.yardstick.review;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.yardstick.runtime.results.JsonDocuments;
import io.yardstick.runtime.results.JsonDocuments.StoredNumber;
import io.yardstick.runtime.spec.Specs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code review.json}: for each declared link, what the data says about it; along each declared loop, the
 * composed sign; and the validator's structural findings, so that one document holds a reviewer's evidence.
 * The wording is "consistent with" and "contradicts", never "proves": a correlation over periods is evidence
 * for a causal link, not a demonstration of one. {@code docs/review.md} explains the method and every field;
 * {@code docs/review.schema.json} is the JSON Schema.
 *
 * @param grouping {@code total}, or the breakdown the points were taken over (such as {@code region})
 */
@JsonPropertyOrder({ "schema", "template", "grain", "grouping", "method", "summary", "links", "loops", "findings" })
public record Review(String schema, String template, String grain, String grouping, Method method, Summary summary,
		List<LinkEvidence> links, List<LoopEvidence> loops, List<StructuralFinding> findings) {
	/** The value of the {@code schema} field; any change to the format, an added field too, changes it. */
	public static final String SCHEMA = "yardstick-review/1";

	public Review {
		links = List.copyOf(links);
		loops = List.copyOf(loops);
		findings = List.copyOf(findings);
	}

	public String toJson() {
		return JsonDocuments.toJson(this);
	}

	/**
	 * How verdicts are reached: a link is judged only from {@code minPoints} pairs or more, and only when both
	 * coefficients have one sign and both p-values are below {@code alpha}. Below {@code permutationBelow} pairs
	 * p-values come from {@code permutations} random permutations drawn from {@code seed}, else from the t
	 * distribution.
	 */
	@JsonPropertyOrder({ "alpha", "minPoints", "permutationBelow", "permutations", "seed" })
	public record Method(double alpha, int minPoints, int permutationBelow, int permutations, long seed) {
		public static final Method DEFAULT = new Method(0.05, 12, 30, 9_999, 20_250_101L);
	}

	@JsonPropertyOrder({ "supported", "contradicted", "inconclusive" })
	public record Summary(int supported, int contradicted, int inconclusive) {
	}

	public enum Verdict {
		SUPPORTED, CONTRADICTED, INCONCLUSIVE;

		@JsonValue
		public String keyword() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * The evidence on one link. {@code shift} is the lag in periods of the run's grain; each point pairs the
	 * cause in {@code period} with the effect {@code shift} periods later ({@code effectPeriod}), within one group.
	 * {@code grouping} is the review's, or {@code total} when one of the two metrics is not broken down by it.
	 * Coefficients, p-values, slope and intercept are null when they cannot be computed (a constant series,
	 * fewer than three points). {@code reasonCode} is the verdict's keyword when judged, else {@code too-few-points},
	 * {@code no-variation}, {@code not-significant} or {@code coefficients-disagree}; {@code reason} says it in a
	 * sentence, in the language of the run ({@code reason.<reasonCode>} in {@code review_en/zh.properties}).
	 */
	@JsonPropertyOrder({ "from", "to", "polarity", "lag", "shift", "grouping", "points", "pearson", "spearman", "slope",
			"intercept", "verdict", "reasonCode", "reason", "sample" })
	public record LinkEvidence(String from, String to, String polarity, Lag lag, int shift, String grouping, int points,
			Pearson pearson, Spearman spearman, @JsonSerialize(using = StoredNumber.class) Double slope,
			@JsonSerialize(using = StoredNumber.class) Double intercept, Verdict verdict, String reasonCode,
			String reason, List<Point> sample) {
		public LinkEvidence {
			sample = List.copyOf(sample);
		}
	}

	@JsonPropertyOrder({ "count", "grain" })
	public record Lag(int count, String grain) {
	}

	/** Pearson's r and its two-sided p-value; {@code test} is {@code t} or {@code permutation}. */
	@JsonPropertyOrder({ "r", "p", "test" })
	public record Pearson(@JsonSerialize(using = StoredNumber.class) Double r,
			@JsonSerialize(using = StoredNumber.class) Double p, String test) {
	}

	/** Spearman's rho (Pearson's r of the ranks, ties averaged) and its two-sided p-value. */
	@JsonPropertyOrder({ "rho", "p", "test" })
	public record Spearman(@JsonSerialize(using = StoredNumber.class) Double rho,
			@JsonSerialize(using = StoredNumber.class) Double p, String test) {
	}

	/** One pair: the cause's value ({@code x}) and the effect's ({@code y}), stored and as a person reads them. */
	@JsonPropertyOrder({ "period", "effectPeriod", "group", "x", "y", "xDisplay", "yDisplay" })
	public record Point(String period, String effectPeriod, List<String> group,
			@JsonSerialize(using = StoredNumber.class) double x, @JsonSerialize(using = StoredNumber.class) double y,
			String xDisplay, String yDisplay) {
		public Point {
			group = Collections.unmodifiableList(new ArrayList<>(group)); // keeps nulls
		}
	}

	/**
	 * A declared loop (a chain of links): the sign its links compose to as declared, and as observed when every
	 * link on it has a verdict; its weakest link is the one with the largest p-value (an unjudged one first).
	 */
	@JsonPropertyOrder({ "name", "labels", "steps", "declaredSign", "observedSign", "verdict", "weakestLink" })
	public record LoopEvidence(String name, Map<String, String> labels, List<String> steps, String declaredSign,
			String observedSign, Verdict verdict, LinkRef weakestLink) {
		public LoopEvidence {
			labels = Specs.copy(labels);
			steps = List.copyOf(steps);
		}
	}

	@JsonPropertyOrder({ "from", "to" })
	public record LinkRef(String from, String to) {
	}

	/** A finding of the validator on the template: severity, code, message and where. */
	@JsonPropertyOrder({ "severity", "code", "message", "file", "line", "column" })
	public record StructuralFinding(String severity, String code, String message, String file, int line, int column) {
	}
}
