package io.yardstick.views;

import io.yardstick.dsl.kpi.Layer;
import io.yardstick.dsl.kpi.Link;
import io.yardstick.dsl.kpi.Loop;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Polarity;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.model.Layers;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.validation.IssueCodes;
import io.yardstick.dsl.workspace.Finding;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the Causal Links view draws, read from a template and its findings: layers as bands from the top
 * level down, metrics as nodes, links as edges with their polarity and lag, declared loops, and the
 * validator's findings that concern the graph (a link or loop whose polarity contradicts the metrics'
 * directions, an orphan metric, a strategic metric no chain reaches). Plain data, so the layout can be
 * computed and tested without a display.
 */
public record CausalGraph(List<Band> bands, List<Node> nodes, List<Edge> edges, List<LoopInfo> loops) {

	/** What the validator found on a node. */
	public enum Mark {
		ORPHAN, UNREACHED
	}

	/** @param level {@link Integer#MIN_VALUE} for a layer of unknown level (drawn last) */
	public record Band(String layer, String label, int level) {
	}

	public record Node(String metric, String label, String layer, Set<Mark> marks) {
	}

	/**
	 * @param lag {@code lag 1 month}, or null without one
	 * @param contradicting the validator found the polarity contradicts the two metrics' directions
	 * @param loops the declared loops this link is a step of
	 */
	public record Edge(String from, String to, boolean positive, String lag, boolean feedback, boolean contradicting,
			List<String> loops) {
	}

	/** @param contradicting the loop composes to a sign that contradicts its ends' directions */
	public record LoopInfo(String name, String label, List<String> steps, boolean contradicting) {
	}

	public static CausalGraph empty() {
		return new CausalGraph(List.of(), List.of(), List.of(), List.of());
	}

	public Node node(String metric) {
		return nodes.stream().filter(node -> node.metric().equals(metric)).findFirst().orElse(null);
	}

	public static CausalGraph of(TemplateInput input, String language) {
		Template template = input == null ? null : input.template();
		if (template == null) {
			return empty();
		}
		FindingLocator locator = new FindingLocator(input.model());
		List<Finding> findings = input.findings();

		List<Band> bands = new ArrayList<>();
		for (Layer layer : TemplateHierarchy.layers(template)) {
			if (layer.getName() != null) {
				bands.add(new Band(layer.getName(), Labels.of(layer.getLabels(), language, layer.getName()),
						Layers.levelOf(layer).orElse(Integer.MIN_VALUE)));
			}
		}
		// Strategic (the highest level) on top; a long keeps MIN_VALUE from overflowing when negated.
		bands.sort(Comparator.comparingLong(band -> -(long) band.level()));

		List<Node> nodes = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (Metric metric : TemplateHierarchy.metrics(template)) {
			if (metric.getName() == null || !names.add(metric.getName())) {
				continue;
			}
			Set<Mark> marks = EnumSet.noneOf(Mark.class);
			if (!locator.on(metric, findings, IssueCodes.ORPHAN_METRIC).isEmpty()) {
				marks.add(Mark.ORPHAN);
			}
			if (!locator.on(metric, findings, IssueCodes.STRATEGIC_UNREACHED).isEmpty()) {
				marks.add(Mark.UNREACHED);
			}
			nodes.add(new Node(metric.getName(), Labels.of(metric.getLabels(), language, metric.getName()),
					Layers.layerName(metric), Set.copyOf(marks)));
		}

		List<LoopInfo> loops = new ArrayList<>();
		for (Loop loop : TemplateHierarchy.loops(template)) {
			List<String> steps = new ArrayList<>();
			for (Metric step : loop.getSteps()) {
				steps.add(step == null || step.eIsProxy() ? null : step.getName());
			}
			loops.add(new LoopInfo(loop.getName(), Labels.of(loop.getLabels(), language, loop.getName()),
					steps, !locator.on(loop, findings, IssueCodes.LOOP_POLARITY_CONTRADICTION).isEmpty()));
		}

		List<Edge> edges = new ArrayList<>();
		for (Link link : TemplateHierarchy.links(template)) {
			String from = nameOf(link.getSource());
			String to = nameOf(link.getTarget());
			if (from == null || to == null || !names.contains(from) || !names.contains(to)) {
				continue; // an unresolved end: the Review view lists it, there is nothing to draw
			}
			List<String> inLoops = new ArrayList<>();
			for (LoopInfo loop : loops) {
				for (int i = 0; i + 1 < loop.steps().size(); i++) {
					if (from.equals(loop.steps().get(i)) && to.equals(loop.steps().get(i + 1))) {
						inLoops.add(loop.name());
						break;
					}
				}
			}
			edges.add(new Edge(from, to, link.getPolarity() != Polarity.NEGATIVE, lag(link), link.isFeedback(),
					!locator.on(link, findings, IssueCodes.LINK_POLARITY_CONTRADICTION).isEmpty(), List.copyOf(inLoops)));
		}
		return new CausalGraph(List.copyOf(bands), List.copyOf(nodes), List.copyOf(edges), List.copyOf(loops));
	}

	private static String nameOf(Metric metric) {
		return metric == null || metric.eIsProxy() ? null : metric.getName();
	}

	/** {@code lag 1 month}, {@code lag 2 quarters}; null for a link without a lag. */
	static String lag(Link link) {
		BigDecimal lag = link.getLag();
		if (lag == null) {
			return null;
		}
		String amount = lag.stripTrailingZeros().toPlainString();
		String grain = link.getGrain() == null ? "" : link.getGrain().getLiteral();
		return "lag " + amount + " " + grain + (lag.compareTo(BigDecimal.ONE) == 0 || grain.isEmpty() ? "" : "s");
	}
}
