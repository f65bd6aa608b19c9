package io.yardstick.dsl.conformance;

import io.yardstick.dsl.conformance.ConditionChange.Movement;
import io.yardstick.dsl.generator.CalculatorGenerator;
import io.yardstick.dsl.kpi.BinaryExpression;
import io.yardstick.dsl.kpi.Condition;
import io.yardstick.dsl.kpi.Exclusion;
import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.InExpression;
import io.yardstick.dsl.kpi.Label;
import io.yardstick.dsl.kpi.Link;
import io.yardstick.dsl.kpi.Loop;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.PeriodReference;
import io.yardstick.dsl.kpi.Symbol;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.model.Layers;
import io.yardstick.dsl.model.ModelText;
import io.yardstick.dsl.model.Overrides;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.types.Functions;
import io.yardstick.report.ConformanceReport;
import io.yardstick.report.ConformanceReport.Change;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;

/**
 * How one template departs from another — a client from its industry template, or a template from its earlier
 * version — classified by meaning, not by text: a target that moved and whether that is tighter or looser for
 * the metric, a filter of a ratio's numerator or denominator, an aggregation, a time window, a kind or unit, a
 * link added, removed or flipped. Both templates are compared as they take effect, inherited members included.
 * {@code docs/conformance.md} lists every category.
 */
public final class Conformance {
	private static final Set<String> PERIOD_FUNCTIONS = Set.of("previous", "change", "changeRate", "rolling", "yearToDate",
			"quarterToDate", "monthToDate", "periodsSince");

	/** The details' words: {@code conformance_en.properties}, {@code conformance_zh.properties}. */
	public static final String TEXTS = "io/yardstick/dsl/conformance/conformance";

	private final List<Change> changes = new ArrayList<>();
	/** The words of the details, in the language asked for; categories and subjects stay stable codes. */
	private final io.yardstick.runtime.text.Texts texts;
	/** The reasons the compared template gives for what it excludes, by "metric name" or "loop name". */
	private final Map<String, String> exclusionReasons = new java.util.HashMap<>();

	private Conformance(String language) {
		this.texts = io.yardstick.runtime.text.Texts.of(TEXTS, language);
	}

	/** {@link #compare(Template, Template, String)} with the details in English. */
	public static ConformanceReport compare(Template template, Template against) {
		return compare(template, against, "en");
	}

	/** The changes from {@code against} to {@code template}, the details in a language (zh or en). */
	public static ConformanceReport compare(Template template, Template against, String language) {
		Conformance conformance = new Conformance(language);
		for (Exclusion exclusion : TemplateHierarchy.exclusions(template)) {
			EObject excluded = exclusion.getMetric() != null ? exclusion.getMetric() : exclusion.getLoop();
			String subject = exclusion.getMetric() != null ? "metric " + exclusion.getMetric().getName()
					: exclusion.getLoop() != null ? "loop " + exclusion.getLoop().getName() : null;
			if (excluded != null && !excluded.eIsProxy() && subject != null) {
				conformance.exclusionReasons.putIfAbsent(subject, exclusion.getReason());
			}
		}
		conformance.metrics(TemplateHierarchy.metrics(template), TemplateHierarchy.metrics(against));
		conformance.links(TemplateHierarchy.links(template), TemplateHierarchy.links(against));
		conformance.loops(TemplateHierarchy.loops(template), TemplateHierarchy.loops(against));
		List<Change> changes = conformance.changes;
		int added = (int) changes.stream().filter(change -> change.change().equals("added")).count();
		int removed = (int) changes.stream().filter(change -> change.change().equals("removed")).count();
		return new ConformanceReport(ConformanceReport.SCHEMA, CalculatorGenerator.qualifiedName(template),
				CalculatorGenerator.qualifiedName(against),
				new ConformanceReport.Summary(added, removed, changes.size() - added - removed), changes);
	}

	// ------------------------------------------------------------------ metrics

	private void metrics(List<Metric> now, List<Metric> before) {
		Map<String, Metric> earlier = byName(before, Metric::getName);
		Map<String, Metric> later = byName(now, Metric::getName);
		for (Metric metric : now) {
			Metric old = earlier.get(metric.getName());
			if (old == null) {
				add("added", "metric " + metric.getName(), "metric-added",
						texts.get("detail.added", Layers.layerName(metric), text(Overrides.formula(metric))));
			} else {
				metric(old, metric);
			}
		}
		for (Metric metric : before) {
			if (!later.containsKey(metric.getName())) {
				removed("metric " + metric.getName(), "metric", texts.get("detail.removed", Layers.layerName(metric)));
			}
		}
	}

	/** Removed, or excluded with a reason: a reviewer reads why the client dropped it. */
	private void removed(String subject, String what, String detail) {
		String reason = exclusionReasons.get(subject);
		if (reason == null) {
			add("removed", subject, what + "-removed", detail);
		} else {
			add("removed", subject, what + "-excluded", texts.get("detail.excluded", reason, detail));
		}
	}

	private void metric(Metric before, Metric after) {
		String subject = "metric " + after.getName();
		if (!Objects.equals(Layers.layerName(before), Layers.layerName(after))) {
			changed(subject, "layer-changed", Layers.layerName(before), Layers.layerName(after));
		}
		String kindBefore = text(before.getKind());
		String kindAfter = text(after.getKind());
		if (!kindBefore.equals(kindAfter)) {
			changed(subject, before.getKind().eClass() == after.getKind().eClass() ? "unit-changed" : "kind-changed",
					kindBefore, kindAfter);
		}
		String directionBefore = Overrides.direction(before);
		String directionAfter = Overrides.direction(after);
		if (!Objects.equals(directionBefore, directionAfter)) {
			changed(subject, "direction-changed", Objects.toString(directionBefore, "none"),
					Objects.toString(directionAfter, "none"));
		}
		condition(subject, "target", Overrides.target(before), Overrides.target(after), true);
		condition(subject, "warning", Overrides.warning(before), Overrides.warning(after), false);
		condition(subject, "critical", Overrides.critical(before), Overrides.critical(after), false);
		formula(subject, Overrides.formula(before), Overrides.formula(after));
		String axisBefore = text(Overrides.timeAxis(before));
		String axisAfter = text(Overrides.timeAxis(after));
		if (!axisBefore.equals(axisAfter)) {
			changed(subject, "time-window-changed", "time " + orNone(axisBefore), "time " + orNone(axisAfter));
		}
		List<String> byBefore = names(Overrides.breakdowns(before));
		List<String> byAfter = names(Overrides.breakdowns(after));
		if (!byBefore.equals(byAfter)) {
			changed(subject, "breakdowns-changed", "by " + orNone(String.join(", ", byBefore)),
					"by " + orNone(String.join(", ", byAfter)));
		}
		String labelsBefore = labels(Overrides.labels(before));
		String labelsAfter = labels(Overrides.labels(after));
		if (!labelsBefore.equals(labelsAfter)
				|| !Objects.equals(Overrides.description(before), Overrides.description(after))) {
			add("changed", subject, "wording-changed", texts.get("detail.wording", labelsBefore, labelsAfter));
		}
	}

	private void condition(String subject, String clause, Condition before, Condition after, boolean judging) {
		Movement movement = ConditionChange.compare(before, after, judging);
		if (movement == Movement.UNCHANGED) {
			return;
		}
		String detail = clause + " " + orNone(text(before)) + " -> " + orNone(text(after));
		String category = switch (movement) {
			case TIGHTENED -> clause + "-tightened";
			case LOOSENED -> clause + "-loosened";
			case ADDED -> clause + "-added";
			case REMOVED -> clause + "-removed";
			default -> clause + "-changed";
		};
		add("changed", subject, category, detail + switch (movement) {
			case TIGHTENED -> texts.get(judging ? "detail.target.tightened" : "detail.threshold.tightened");
			case LOOSENED -> texts.get(judging ? "detail.target.loosened" : "detail.threshold.loosened");
			default -> "";
		});
	}

	// ------------------------------------------------------------------ formulas

	/**
	 * Names the part of the formula that changed: the aggregation, the filter of a division's numerator or
	 * denominator (or of a share: its condition is the numerator's, its {@code where} the denominator's), the
	 * time window (period references and period functions), or else the formula as a whole.
	 */
	private void formula(String subject, Expression before, Expression after) {
		String was = text(before);
		String is = text(after);
		if (was.equals(is)) {
			return;
		}
		int found = changes.size();
		List<FunctionCall> aggregatesBefore = aggregates(before);
		List<FunctionCall> aggregatesAfter = aggregates(after);
		List<String> namesBefore = aggregatesBefore.stream().map(FunctionCall::getFunction).toList();
		List<String> namesAfter = aggregatesAfter.stream().map(FunctionCall::getFunction).toList();
		if (!namesBefore.equals(namesAfter)) {
			changed(subject, "aggregation-changed", String.join(", ", namesBefore), String.join(", ", namesAfter));
		} else {
			for (int i = 0; i < aggregatesBefore.size(); i++) {
				aggregate(subject, aggregatesBefore.get(i), aggregatesAfter.get(i), before, after);
			}
		}
		if (!timeWindow(before).equals(timeWindow(after))) {
			changed(subject, "time-window-changed", orNone(String.join(", ", timeWindow(before))),
					orNone(String.join(", ", timeWindow(after))));
		}
		if (changes.size() == found) {
			changed(subject, "formula-changed", was, is);
		}
	}

	private void aggregate(String subject, FunctionCall before, FunctionCall after, Expression formulaBefore,
			Expression formulaAfter) {
		boolean share = after.getFunction().equals("share");
		String filterBefore = text(before.getFilter());
		String filterAfter = text(after.getFilter());
		if (!filterBefore.equals(filterAfter)) {
			String side = share ? "denominator" : side(before, formulaBefore);
			changed(subject, side == null ? "filter-changed" : side + "-filter-changed",
					after.getFunction() + " where " + orNone(filterBefore), after.getFunction() + " where " + orNone(filterAfter));
		}
		String argumentsBefore = arguments(before);
		String argumentsAfter = arguments(after);
		if (!argumentsBefore.equals(argumentsAfter)) {
			if (share) {
				changed(subject, "numerator-filter-changed", "share(" + argumentsBefore + ")", "share(" + argumentsAfter + ")");
			} else {
				changed(subject, "measure-changed", after.getFunction() + "(" + argumentsBefore + ")",
						after.getFunction() + "(" + argumentsAfter + ")");
			}
		}
	}

	/** numerator or denominator when the aggregate sits on one side of the formula's division, else null. */
	private static String side(FunctionCall aggregate, Expression formula) {
		if (formula instanceof BinaryExpression division && "/".equals(division.getOperator())) {
			if (EcoreUtil2.isAncestor(division.getLeft(), aggregate)) {
				return "numerator";
			}
			if (EcoreUtil2.isAncestor(division.getRight(), aggregate)) {
				return "denominator";
			}
		}
		return null;
	}

	private static List<FunctionCall> aggregates(Expression formula) {
		if (formula == null) {
			return List.of();
		}
		List<FunctionCall> calls = new ArrayList<>();
		// eAllOfType includes the formula itself when it is a call
		for (FunctionCall call : EcoreUtil2.eAllOfType(formula, FunctionCall.class)) {
			if (Functions.isAggregate(call.getFunction())) {
				calls.add(call);
			}
		}
		return calls;
	}

	/** The period references and period functions of a formula, as written, in order. */
	private static List<String> timeWindow(Expression formula) {
		List<String> parts = new ArrayList<>();
		if (formula == null) {
			return parts;
		}
		List<EObject> all = new ArrayList<>();
		all.add(formula);
		formula.eAllContents().forEachRemaining(all::add);
		for (EObject element : all) {
			if (element instanceof PeriodReference || element instanceof InExpression in
					&& in.isInPeriod()) {
				parts.add(text(element));
			} else if (element instanceof FunctionCall call && PERIOD_FUNCTIONS.contains(call.getFunction())) {
				parts.add(text(call));
			}
		}
		return parts;
	}

	private static String arguments(FunctionCall call) {
		return String.join(", ", call.getArguments().stream().map(Conformance::text).toList());
	}

	// ------------------------------------------------------------------ links and loops

	private void links(List<Link> now, List<Link> before) {
		Map<String, Link> earlier = byName(before, Conformance::key);
		Map<String, Link> later = byName(now, Conformance::key);
		for (Link link : now) {
			String subject = "link " + key(link);
			Link old = earlier.get(key(link));
			if (old == null) {
				add("added", subject, "link-added", link.getPolarity().getLiteral() + lag(link));
				continue;
			}
			if (old.getPolarity() != link.getPolarity()) {
				changed(subject, "polarity-flipped", old.getPolarity().getLiteral(), link.getPolarity().getLiteral());
			}
			if (!lag(old).equals(lag(link))) {
				changed(subject, "lag-changed", orNone(lag(old).strip()), orNone(lag(link).strip()));
			}
			if (!Objects.equals(status(old), status(link))) {
				changed(subject, "link-status-changed", status(old), status(link));
			}
		}
		for (Link link : before) {
			if (!later.containsKey(key(link))) {
				add("removed", "link " + key(link), "link-removed", link.getPolarity().getLiteral() + lag(link));
			}
		}
	}

	private void loops(List<Loop> now, List<Loop> before) {
		Map<String, Loop> earlier = byName(before, Loop::getName);
		Map<String, Loop> later = byName(now, Loop::getName);
		for (Loop loop : now) {
			Loop old = earlier.get(loop.getName());
			if (old == null) {
				add("added", "loop " + loop.getName(), "loop-added", steps(loop));
			} else if (!steps(old).equals(steps(loop))) {
				changed("loop " + loop.getName(), "loop-changed", steps(old), steps(loop));
			}
		}
		for (Loop loop : before) {
			if (!later.containsKey(loop.getName())) {
				removed("loop " + loop.getName(), "loop", steps(loop));
			}
		}
	}

	private static String key(Link link) {
		return name(link.getSource()) + " -> " + name(link.getTarget());
	}

	private static String lag(Link link) {
		return link.getLag() == null ? "" : " lag " + link.getLag().toPlainString() + " " + link.getGrain().getLiteral();
	}

	private static String status(Link link) {
		return link.getStatus() == null ? "hypothesized" : link.getStatus().getLiteral();
	}

	private static String steps(Loop loop) {
		return String.join(" -> ", loop.getSteps().stream().map(Conformance::name).toList());
	}

	// ------------------------------------------------------------------ text

	private void changed(String subject, String category, String before, String after) {
		add("changed", subject, category, before + " -> " + after);
	}

	private void add(String change, String subject, String category, String detail) {
		changes.add(new Change(change, subject, category, detail));
	}

	private static String name(Metric metric) {
		return metric == null || metric.eIsProxy() ? "?" : metric.getName();
	}

	private static String text(EObject element) {
		return element == null ? "" : ModelText.full(element);
	}

	private String orNone(String text) {
		return text.isEmpty() ? texts.get("detail.none") : text;
	}

	private static List<String> names(List<Symbol> symbols) {
		return symbols.stream().map(symbol -> symbol == null || symbol.eIsProxy() ? "?" : symbol.getName()).toList();
	}

	private static String labels(List<Label> labels) {
		return String.join(" ", labels.stream()
				.map(label -> "\"" + label.getText() + "\"" + (label.getLanguage() == null ? "" : "@" + label.getLanguage()))
				.toList());
	}

	private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
		Map<String, T> map = new LinkedHashMap<>();
		for (T item : items) {
			map.putIfAbsent(name.apply(item), item);
		}
		return map;
	}
}
