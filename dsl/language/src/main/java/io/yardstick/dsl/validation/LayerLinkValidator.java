package io.yardstick.dsl.validation;

import static io.yardstick.dsl.validation.IssueCodes.LINK_DOWNWARD;
import static io.yardstick.dsl.validation.IssueCodes.LINK_INVALID;
import static io.yardstick.dsl.validation.IssueCodes.LINK_POLARITY_CONTRADICTION;
import static io.yardstick.dsl.validation.IssueCodes.LOOP_BROKEN;
import static io.yardstick.dsl.validation.IssueCodes.LOOP_POLARITY_CONTRADICTION;
import static io.yardstick.dsl.validation.IssueCodes.ORPHAN_METRIC;
import static io.yardstick.dsl.validation.IssueCodes.STRATEGIC_UNREACHED;

import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.Link;
import io.yardstick.dsl.kpi.LinkStatus;
import io.yardstick.dsl.kpi.Loop;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Polarity;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.model.Direction;
import io.yardstick.dsl.model.LayerLevels;
import io.yardstick.dsl.model.Layers;
import io.yardstick.dsl.model.TemplateHierarchy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.eclipse.xtext.validation.Check;

/**
 * Rule 5 (links respect the layers, close the loop from execution to strategy, leave no metric
 * alone) and rule 6 (polarity against the metrics' directions, loops follow declared links). The
 * graph checks run once per template and are linear in metrics plus links.
 */
public class LayerLinkValidator extends AbstractKpiCheck {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;

	@Check
	public void checkLink(Link link) {
		Metric from = link.getSource();
		Metric to = link.getTarget();
		if (!resolved(from) || !resolved(to)) {
			return;
		}
		if (from == to) {
			error(message(link, LINK_INVALID + ".self", from.getName(), to.getName()), link, KPI.getLink_Target(),
					LINK_INVALID);
			return;
		}
		OptionalInt fromLevel = Layers.levelOf(from);
		OptionalInt toLevel = Layers.levelOf(to);
		if (!link.isFeedback() && fromLevel.isPresent() && toLevel.isPresent()
				&& fromLevel.getAsInt() > toLevel.getAsInt()) {
			error(message(link, LINK_DOWNWARD, from.getName(), Layers.layerName(from), to.getName(), Layers.layerName(to)),
					link, KPI.getLink_Target(), LINK_DOWNWARD);
		}
		checkPolarity(link, from, to);
	}

	/**
	 * Rule 6: improving the cause must, by the link's sign, improve the effect. Feedback links are
	 * balancing by design (a result pushing an operation back), so they are not held to it.
	 */
	private void checkPolarity(Link link, Metric from, Metric to) {
		if (link.isFeedback()) {
			return;
		}
		Optional<Direction> fromDirection = Direction.of(from);
		Optional<Direction> toDirection = Direction.of(to);
		if (fromDirection.isEmpty() || toDirection.isEmpty() || fromDirection.get().sign() == 0
				|| toDirection.get().sign() == 0) {
			return;
		}
		int sign = sign(link.getPolarity()) * fromDirection.get().sign() * toDirection.get().sign();
		if (sign < 0) {
			warning(message(link, LINK_POLARITY_CONTRADICTION, from.getName(), to.getName(), link.getPolarity().getLiteral(),
					fromDirection.get().keyword(), toDirection.get().keyword()), link, KPI.getLink_Polarity(),
					LINK_POLARITY_CONTRADICTION);
		}
	}

	/** Rule 5 over the whole graph: duplicate links, orphans, and strategic metrics no chain reaches. */
	@Check
	public void checkGraph(Template template) {
		List<Metric> metrics = TemplateHierarchy.metrics(template);
		List<Link> links = TemplateHierarchy.links(template);
		TemplateHierarchy.Resolver resolver = TemplateHierarchy.resolver(template);
		reportDuplicateLinks(template, links);
		Set<Metric> linked = Collections.newSetFromMap(new IdentityHashMap<>());
		Map<Metric, List<Metric>> effects = new IdentityHashMap<>();
		for (Link link : links) {
			if (!resolved(link.getSource()) || !resolved(link.getTarget())) {
				continue;
			}
			// An inherited link names the ancestor's metrics; here they may be overridden.
			Metric from = resolver.resolve(link.getSource());
			Metric to = resolver.resolve(link.getTarget());
			linked.add(from);
			linked.add(to);
			if (link.getStatus() != LinkStatus.REJECTED) {
				effects.computeIfAbsent(from, m -> new ArrayList<>()).add(to);
			}
		}
		// Orphans are relative to a link graph: a template without any link has none yet, and its
		// unreached strategic metrics below already say what is missing.
		for (Metric metric : linked.isEmpty() ? List.<Metric>of() : metrics) {
			if (owned(metric, template) && !linked.contains(metric)) {
				warning(message(metric, ORPHAN_METRIC, metric.getName()), metric, KPI.getSymbol_Name(), ORPHAN_METRIC);
			}
		}
		reportUnreached(template, metrics, effects);
	}

	private void reportDuplicateLinks(Template template, List<Link> links) {
		Map<List<Metric>, Link> seen = new HashMap<>();
		for (Link link : links) {
			if (!resolved(link.getSource()) || !resolved(link.getTarget())) {
				continue;
			}
			Link earlier = seen.putIfAbsent(List.of(link.getSource(), link.getTarget()), link);
			if (earlier != null && TemplateHierarchy.templateOf(link) == template) {
				error(message(link, LINK_INVALID + ".duplicate", link.getSource().getName(), link.getTarget().getName(),
						lineOf(earlier)), link, KPI.getLink_Source(), LINK_INVALID);
			}
		}
	}

	/**
	 * Breadth-first from every metric of the lowest populated layer, along links that are not
	 * rejected; every strategic metric (see LayerLevels.isStrategic) must be reached.
	 */
	private void reportUnreached(Template template, List<Metric> metrics, Map<Metric, List<Metric>> effects) {
		Metric lowest = null;
		boolean severalLevels = false;
		for (Metric metric : metrics) {
			OptionalInt level = Layers.levelOf(metric);
			if (level.isEmpty()) {
				continue;
			}
			if (lowest != null && level.getAsInt() != Layers.levelOf(lowest).getAsInt()) {
				severalLevels = true;
			}
			if (lowest == null || level.getAsInt() < Layers.levelOf(lowest).getAsInt()) {
				lowest = metric;
			}
		}
		if (!severalLevels) {
			return; // metrics on one level have no chain to close
		}
		int bottom = Layers.levelOf(lowest).getAsInt();
		Set<Metric> reached = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Metric> queue = new ArrayDeque<>();
		for (Metric metric : metrics) {
			if (Layers.levelOf(metric).orElse(Integer.MIN_VALUE) == bottom && reached.add(metric)) {
				queue.add(metric);
			}
		}
		while (!queue.isEmpty()) {
			for (Metric effect : effects.getOrDefault(queue.poll(), List.of())) {
				if (reached.add(effect)) {
					queue.add(effect);
				}
			}
		}
		LayerLevels levels = analyses().layerLevels(template);
		for (Metric metric : metrics) {
			if (owned(metric, template) && levels.isStrategic(metric) && !reached.contains(metric)) {
				warning(message(metric, STRATEGIC_UNREACHED, metric.getName(), Layers.layerName(lowest)), metric,
						KPI.getSymbol_Name(), STRATEGIC_UNREACHED);
			}
		}
	}

	// ------------------------------------------------------------------ loops

	@Check
	public void checkLoop(Loop loop) {
		Template template = TemplateHierarchy.templateOf(loop);
		List<Metric> steps = loop.getSteps();
		if (template == null || steps.size() < 2) {
			return; // a loop cut short is a syntax error already
		}
		// By the metrics the template computes: a loop and a link may name an original and its override.
		Map<List<Metric>, Link> links = new HashMap<>();
		TemplateHierarchy.Resolver resolver = TemplateHierarchy.resolver(template);
		for (Link link : TemplateHierarchy.links(template)) {
			if (resolved(link.getSource()) && resolved(link.getTarget())) {
				links.putIfAbsent(List.of(resolver.resolve(link.getSource()), resolver.resolve(link.getTarget())), link);
			}
		}
		int sign = 1;
		for (int i = 0; i + 1 < steps.size(); i++) {
			Metric from = steps.get(i);
			Metric to = steps.get(i + 1);
			if (!resolved(from) || !resolved(to)) {
				return;
			}
			Metric effectiveFrom = resolver.resolve(from);
			Metric effectiveTo = resolver.resolve(to);
			Link link = effectiveFrom == null || effectiveTo == null ? null
					: links.get(List.of(effectiveFrom, effectiveTo));
			if (link == null) {
				error(message(loop, LOOP_BROKEN, loop.getName(), from.getName(), to.getName()), loop, KPI.getLoop_Steps(),
						i + 1, LOOP_BROKEN);
				return;
			}
			sign *= sign(link.getPolarity());
		}
		Metric first = steps.get(0);
		Metric last = steps.get(steps.size() - 1);
		Optional<Direction> firstDirection = Direction.of(first);
		Optional<Direction> lastDirection = Direction.of(last);
		if (first != last && firstDirection.isPresent() && lastDirection.isPresent()
				&& sign * firstDirection.get().sign() * lastDirection.get().sign() < 0) {
			warning(message(loop, LOOP_POLARITY_CONTRADICTION, loop.getName(),
					message(loop, sign > 0 ? "sign.positive" : "sign.negative"), first.getName(),
					firstDirection.get().keyword(), last.getName(), lastDirection.get().keyword()), loop, KPI.getLoop_Name(),
					LOOP_POLARITY_CONTRADICTION);
		}
	}

	private static int sign(Polarity polarity) {
		return polarity == Polarity.NEGATIVE ? -1 : 1;
	}

	private static boolean resolved(Metric metric) {
		return metric != null && !metric.eIsProxy();
	}

	private static boolean owned(Metric metric, Template template) {
		return TemplateHierarchy.templateOf(metric) == template;
	}
}
