package io.yardstick.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.views.CausalGraph.Edge;
import io.yardstick.views.CausalGraph.Mark;
import io.yardstick.views.CausalLayout.BandBox;
import io.yardstick.views.CausalLayout.Box;
import io.yardstick.views.CausalLayout.EdgeStyle;
import io.yardstick.views.CausalLayout.NodeBox;
import io.yardstick.views.CausalLayout.Point;
import io.yardstick.views.CausalLayout.Route;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The causal graph's geometry, without a display: what the canvas paints and hit-tests. */
class CausalLayoutTest {
	private static CausalGraph afterSales() {
		return CausalGraph.of(Fixtures.afterSales(), "en");
	}

	@Test
	void bandsStackFromStrategicDown() {
		CausalLayout layout = CausalLayout.compute(afterSales(), 1200);
		assertThat(layout.bands()).extracting(band -> band.band().layer()).containsExactly("strategic", "management",
				"execution");
		int y = CausalLayout.MARGIN;
		for (BandBox band : layout.bands()) {
			assertThat(band.box().y()).isEqualTo(y);
			assertThat(band.box().height()).isEqualTo(CausalLayout.BAND_HEIGHT);
			y += CausalLayout.BAND_HEIGHT;
		}
		assertThat(layout.width()).isEqualTo(1200);
		assertThat(layout.height()).isEqualTo(2 * CausalLayout.MARGIN + 3 * CausalLayout.BAND_HEIGHT
				+ CausalLayout.LEGEND_HEIGHT);
	}

	/**
	 * The top band keeps declaration order; below, each metric sits under the metrics it drives: csat under
	 * churnRate and nps, firstContactResolution under afterSalesCostRate, and firstResponseTime (whose only
	 * link is to backlogRate in its own band) next to backlogRate.
	 */
	@Test
	void nodesAreOrderedUnderWhatTheyDrive() {
		CausalLayout layout = CausalLayout.compute(afterSales(), 1200);
		assertThat(layout.order("strategic")).containsExactly("churnRate", "nps", "afterSalesCostRate");
		assertThat(layout.order("management")).containsExactly("csat", "firstResponseTime", "backlogRate",
				"firstContactResolution");
		assertThat(layout.order("execution")).containsExactly("complaintHandlingTime", "ticketCloseRate", "followUps");
	}

	@Test
	void nodesStayInsideTheirBandAndNeverOverlap() {
		CausalLayout layout = CausalLayout.compute(afterSales(), 400);
		assertThat(layout.width()).as("a narrow canvas widens to the widest band").isEqualTo(
				CausalLayout.TITLE_WIDTH + 2 * CausalLayout.MARGIN + 4 * CausalLayout.NODE_WIDTH + 3 * CausalLayout.GAP
						+ 2 * CausalLayout.GAP);
		List<NodeBox> nodes = layout.nodes();
		assertThat(nodes).hasSize(10);
		for (NodeBox node : nodes) {
			Box band = layout.bands().stream().filter(b -> b.band().layer().equals(node.node().layer())).findFirst()
					.orElseThrow().box();
			assertThat(node.box().y()).isGreaterThan(band.y());
			assertThat(node.box().y() + node.box().height()).isLessThan(band.y() + band.height());
			assertThat(node.box().x()).isGreaterThanOrEqualTo(CausalLayout.TITLE_WIDTH + CausalLayout.MARGIN);
			for (NodeBox other : nodes) {
				if (other != node) {
					assertThat(overlap(node.box(), other.box())).as("%s and %s", node.node().metric(),
							other.node().metric()).isFalse();
				}
			}
		}
	}

	@Test
	void edgesRunFromSourceToTargetAndNeverShareAPort() {
		CausalLayout layout = CausalLayout.compute(afterSales(), 1200);
		assertThat(layout.routes()).hasSize(8);
		Set<Point> ends = new HashSet<>();
		for (Route route : layout.routes()) {
			Box from = layout.node(route.edge().from()).box();
			Box to = layout.node(route.edge().to()).box();
			Point first = route.points().get(0);
			Point last = route.points().get(route.points().size() - 1);
			assertThat(first.y()).isIn(from.y(), from.y() + from.height());
			assertThat(first.x()).isBetween(from.x(), from.x() + from.width());
			assertThat(last.y()).isIn(to.y(), to.y() + to.height());
			assertThat(last.x()).isBetween(to.x(), to.x() + to.width());
			assertThat(ends.add(first)).as("start of %s shared", route.edge()).isTrue();
			assertThat(ends.add(last)).as("end of %s shared", route.edge()).isTrue();
		}
		Route upward = route(layout, "csat", "churnRate");
		assertThat(upward.points()).hasSize(2);
		assertThat(upward.points().get(0).y()).isEqualTo(layout.node("csat").box().y());
		assertThat(upward.points().get(1).y()).isEqualTo(
				layout.node("churnRate").box().y() + CausalLayout.NODE_HEIGHT);
		Route sameBand = route(layout, "firstResponseTime", "backlogRate");
		assertThat(sameBand.points()).as("a link within a band arcs over it").hasSize(4);
		assertThat(sameBand.points().get(1).y()).isEqualTo(layout.node("backlogRate").box().y() - CausalLayout.ARC_LIFT);
	}

	@Test
	void edgesAreColouredByPolarityAndCarryTheirLag() {
		CausalGraph graph = afterSales();
		Edge csatToChurn = edge(graph, "csat", "churnRate");
		Edge csatToNps = edge(graph, "csat", "nps");
		assertThat(csatToChurn.positive()).isFalse();
		assertThat(csatToChurn.lag()).isEqualTo("lag 1 month");
		assertThat(csatToNps.lag()).isNull();
		assertThat(CausalLayout.style(csatToChurn, null)).isEqualTo(new EdgeStyle(CausalLayout.NEGATIVE, 2, false));
		assertThat(CausalLayout.style(csatToNps, null)).isEqualTo(new EdgeStyle(CausalLayout.POSITIVE, 2, false));
		assertThat(CausalLayout.POSITIVE.green).isGreaterThan(CausalLayout.POSITIVE.red);
		assertThat(CausalLayout.NEGATIVE.red).isGreaterThan(CausalLayout.NEGATIVE.green);
	}

	@Test
	void aSelectedLoopThickensItsEdgesAndFadesTheOthers() {
		CausalGraph graph = afterSales();
		assertThat(graph.loops()).extracting(CausalGraph.LoopInfo::name).containsExactly("complaintToChurn",
				"responseToNps", "followUpsToCost");
		Edge inLoop = edge(graph, "complaintHandlingTime", "csat");
		Edge alsoInLoop = edge(graph, "csat", "churnRate");
		Edge outside = edge(graph, "csat", "nps");
		assertThat(inLoop.loops()).containsExactly("complaintToChurn");
		assertThat(CausalLayout.style(inLoop, "complaintToChurn").width()).isEqualTo(5);
		assertThat(CausalLayout.style(alsoInLoop, "complaintToChurn")).isEqualTo(
				new EdgeStyle(CausalLayout.NEGATIVE, 5, false));
		EdgeStyle faded = CausalLayout.style(outside, "complaintToChurn");
		assertThat(faded.width()).isEqualTo(2);
		assertThat(faded.colour()).isEqualTo(CausalLayout.fade(CausalLayout.POSITIVE));
	}

	@Test
	void findingsAreMarkedOnTheirNodesEdgesAndLoops() {
		CausalGraph orphans = CausalGraph.of(Fixtures.wrong("orphan-metric"), "en");
		assertThat(orphans.node("complaints").marks()).containsExactly(Mark.ORPHAN);
		assertThat(orphans.node("contacts").marks()).isEmpty();

		CausalGraph unreached = CausalGraph.of(Fixtures.wrong("strategic-unreached"), "en");
		assertThat(unreached.nodes().stream().filter(n -> n.marks().contains(Mark.UNREACHED))
				.map(CausalGraph.Node::metric)).isNotEmpty().allMatch(name -> unreached.node(name).layer().equals("strategic"));

		CausalGraph links = CausalGraph.of(Fixtures.wrong("link-polarity-contradiction"), "en");
		assertThat(edge(links, "handling", "satisfaction").contradicting()).isTrue();
		assertThat(edge(links, "contacts", "satisfaction").contradicting()).isFalse();
		assertThat(CausalLayout.style(edge(links, "handling", "satisfaction"), null).dashed()).isTrue();

		CausalGraph loops = CausalGraph.of(Fixtures.wrong("loop-polarity-contradiction"), "en");
		assertThat(loops.loops()).singleElement().satisfies(loop -> {
			assertThat(loop.name()).isEqualTo("chain");
			assertThat(loop.contradicting()).isTrue();
			assertThat(loop.steps()).containsExactly("handling", "complaintShare", "satisfaction");
		});
		assertThat(CausalGraph.of(Fixtures.afterSales(), "en").nodes()).allMatch(node -> node.marks().isEmpty());
	}

	@Test
	void nothingToDrawForAnUnusableInput() {
		CausalGraph graph = CausalGraph.of(TemplateInput.unavailable(null, "no template"), "en");
		assertThat(graph.nodes()).isEmpty();
		CausalLayout layout = CausalLayout.compute(graph, 300);
		assertThat(layout.nodeAt(10, 10)).isEmpty();
		assertThat(layout.routes()).isEmpty();
	}

	@Test
	void hitTestingFindsTheNodeUnderAPoint() {
		CausalLayout layout = CausalLayout.compute(afterSales(), 1200);
		Box nps = layout.node("nps").box();
		assertThat(layout.nodeAt(nps.centreX(), nps.centreY())).map(node -> node.node().metric()).contains("nps");
		assertThat(layout.nodeAt(nps.x() - 1, nps.centreY())).isEmpty();
		assertThat(layout.nodeAt(nps.x() + nps.width() - 1, nps.y() + nps.height() - 1)).isPresent();
	}

	private static boolean overlap(Box a, Box b) {
		return a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height()
				&& b.y() < a.y() + a.height();
	}

	private static Edge edge(CausalGraph graph, String from, String to) {
		return graph.edges().stream().filter(e -> e.from().equals(from) && e.to().equals(to)).findFirst().orElseThrow();
	}

	private static Route route(CausalLayout layout, String from, String to) {
		return layout.routes().stream().filter(r -> r.edge().from().equals(from) && r.edge().to().equals(to))
				.findFirst().orElseThrow();
	}
}
