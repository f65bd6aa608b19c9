package io.yardstick.views;

import io.yardstick.views.CausalGraph.Band;
import io.yardstick.views.CausalGraph.Edge;
import io.yardstick.views.CausalGraph.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.swt.graphics.RGB;

/**
 * Where the Causal Links view draws everything, in pixels: pure arithmetic on a {@link CausalGraph}, so that
 * tests can assert positions and the painter only follows it.
 *
 * <p>Bands are stacked from the top level down, with their titles in a left column. Each band's nodes sit
 * in one centred row; the top band keeps declaration order, and every band below is ordered by the mean
 * x of each node's neighbours already placed (the barycentre heuristic), so that links run as vertically as
 * they can and cross less. Edges leave and enter nodes at ports spread along the node's top or bottom side,
 * ordered by where the other end is, so that two links into one node never share a point. A link between
 * bands that are not adjacent passes the bands in between through the gap between nodes nearest its line;
 * a link within a band arcs over it.
 */
public final class CausalLayout {
	public static final int MARGIN = 16;
	public static final int TITLE_WIDTH = 176;
	public static final int NODE_WIDTH = 184;
	/** Room for a label on two lines and the metric's name below it. */
	public static final int NODE_HEIGHT = 58;
	public static final int GAP = 44;
	public static final int BAND_HEIGHT = 160;
	public static final int LEGEND_HEIGHT = 30;
	/** How high a link within a band arcs above its nodes. */
	public static final int ARC_LIFT = 26;

	public static final RGB POSITIVE = new RGB(20, 135, 60);
	public static final RGB NEGATIVE = new RGB(200, 35, 35);

	public record Point(int x, int y) {
	}

	public record Box(int x, int y, int width, int height) {
		public boolean contains(int px, int py) {
			return px >= x && px < x + width && py >= y && py < y + height;
		}

		public int centreX() {
			return x + width / 2;
		}

		public int centreY() {
			return y + height / 2;
		}
	}

	public record BandBox(Band band, Box box) {
	}

	public record NodeBox(Node node, Box box) {
	}

	/** An edge's polyline, first point on the source, last on the target; the label goes at {@code labelAt}. */
	public record Route(Edge edge, List<Point> points, Point labelAt) {
	}

	/** How an edge is stroked: colour by polarity; thicker in the selected loop; dashed when contradicting. */
	public record EdgeStyle(RGB colour, int width, boolean dashed) {
	}

	private final int width;
	private final int height;
	private final List<BandBox> bands;
	private final List<NodeBox> nodes;
	private final List<Route> routes;

	private CausalLayout(int width, int height, List<BandBox> bands, List<NodeBox> nodes, List<Route> routes) {
		this.width = width;
		this.height = height;
		this.bands = bands;
		this.nodes = nodes;
		this.routes = routes;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public List<BandBox> bands() {
		return bands;
	}

	public List<NodeBox> nodes() {
		return nodes;
	}

	public List<Route> routes() {
		return routes;
	}

	/** The node drawn at a point, if any. */
	public Optional<NodeBox> nodeAt(int x, int y) {
		return nodes.stream().filter(node -> node.box().contains(x, y)).findFirst();
	}

	public NodeBox node(String metric) {
		return nodes.stream().filter(node -> node.node().metric().equals(metric)).findFirst().orElse(null);
	}

	/** A band's metrics from left to right. */
	public List<String> order(String layer) {
		return nodes.stream().filter(node -> node.node().layer().equals(layer))
				.sorted(Comparator.comparingInt(node -> node.box().x())).map(node -> node.node().metric()).toList();
	}

	/** The legend's strip below the bands. */
	public Box legend() {
		return new Box(MARGIN, height - MARGIN - LEGEND_HEIGHT, width - 2 * MARGIN, LEGEND_HEIGHT);
	}

	/**
	 * An edge's stroke with a loop selected (null for none): green for positive, red for negative; 2 px, or
	 * 5 px in the selected loop while the other edges fade; dashed when the validator found the polarity
	 * contradicts the metrics' directions.
	 */
	public static EdgeStyle style(Edge edge, String selectedLoop) {
		RGB colour = edge.positive() ? POSITIVE : NEGATIVE;
		boolean inSelected = selectedLoop != null && edge.loops().contains(selectedLoop);
		if (selectedLoop != null && !inSelected) {
			colour = fade(colour);
		}
		return new EdgeStyle(colour, inSelected ? 5 : 2, edge.contradicting());
	}

	/** The colour 60% of the way to white: still tells the polarity, no longer competes with the loop. */
	static RGB fade(RGB colour) {
		return new RGB(colour.red + (255 - colour.red) * 3 / 5, colour.green + (255 - colour.green) * 3 / 5,
				colour.blue + (255 - colour.blue) * 3 / 5);
	}

	public static CausalLayout compute(CausalGraph graph, int availableWidth) {
		Map<String, List<Node>> byBand = new LinkedHashMap<>();
		for (Band band : graph.bands()) {
			byBand.put(band.layer(), new ArrayList<>());
		}
		for (Node node : graph.nodes()) {
			List<Node> members = byBand.get(node.layer());
			if (members != null) {
				members.add(node);
			}
		}
		int widest = byBand.values().stream().mapToInt(List::size).max().orElse(0);
		int rowWidth = widest == 0 ? 0 : widest * NODE_WIDTH + (widest - 1) * GAP;
		int width = Math.max(availableWidth, TITLE_WIDTH + 2 * MARGIN + rowWidth + 2 * GAP);
		int areaStart = TITLE_WIDTH + MARGIN;
		int areaWidth = width - MARGIN - areaStart;
		int height = 2 * MARGIN + graph.bands().size() * BAND_HEIGHT + LEGEND_HEIGHT;

		Map<String, List<String>> neighbours = new HashMap<>();
		for (Edge edge : graph.edges()) {
			neighbours.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge.to());
			neighbours.computeIfAbsent(edge.to(), k -> new ArrayList<>()).add(edge.from());
		}

		List<BandBox> bandBoxes = new ArrayList<>();
		Map<String, NodeBox> placed = new LinkedHashMap<>();
		Map<String, Integer> bandIndex = new HashMap<>();
		int b = 0;
		for (Band band : graph.bands()) {
			int top = MARGIN + b * BAND_HEIGHT;
			bandBoxes.add(new BandBox(band, new Box(MARGIN, top, width - 2 * MARGIN, BAND_HEIGHT)));
			List<Node> members = order(byBand.get(band.layer()), neighbours, placed, areaStart, areaWidth);
			int n = members.size();
			int row = n == 0 ? 0 : n * NODE_WIDTH + (n - 1) * GAP;
			int x = areaStart + (areaWidth - row) / 2;
			int y = top + (BAND_HEIGHT - NODE_HEIGHT) / 2;
			for (Node node : members) {
				placed.put(node.metric(), new NodeBox(node, new Box(x, y, NODE_WIDTH, NODE_HEIGHT)));
				bandIndex.put(node.metric(), b);
				x += NODE_WIDTH + GAP;
			}
			b++;
		}
		List<Route> routes = route(graph.edges(), placed, bandIndex, bandBoxes);
		return new CausalLayout(width, height, List.copyOf(bandBoxes), List.copyOf(placed.values()), List.copyOf(routes));
	}

	/**
	 * A band's nodes ordered by the mean centre x of their neighbours already placed; a node with none there
	 * takes the mean of its neighbours' keys within the band, else the x of its declared slot. Ties keep
	 * declaration order.
	 */
	private static List<Node> order(List<Node> members, Map<String, List<String>> neighbours,
			Map<String, NodeBox> placed, int areaStart, int areaWidth) {
		int n = members.size();
		if (placed.isEmpty() || n < 2) {
			return members;
		}
		Map<String, Double> keys = new HashMap<>();
		for (Node node : members) {
			double sum = 0;
			int count = 0;
			for (String other : neighbours.getOrDefault(node.metric(), List.of())) {
				NodeBox box = placed.get(other);
				if (box != null) {
					sum += box.box().centreX();
					count++;
				}
			}
			if (count > 0) {
				keys.put(node.metric(), sum / count);
			}
		}
		int row = n * NODE_WIDTH + (n - 1) * GAP;
		int start = areaStart + (areaWidth - row) / 2;
		Map<String, Double> finalKeys = new HashMap<>(keys);
		for (int i = 0; i < n; i++) {
			Node node = members.get(i);
			if (keys.containsKey(node.metric())) {
				continue;
			}
			double sum = 0;
			int count = 0;
			for (String other : neighbours.getOrDefault(node.metric(), List.of())) {
				Double key = keys.get(other);
				if (key != null) {
					sum += key;
					count++;
				}
			}
			finalKeys.put(node.metric(), count > 0 ? sum / count : start + i * (NODE_WIDTH + GAP) + NODE_WIDTH / 2.0);
		}
		List<Node> sorted = new ArrayList<>(members);
		// List.sort is stable: equal keys keep declaration order.
		sorted.sort(Comparator.comparingDouble(node -> finalKeys.get(node.metric())));
		return sorted;
	}

	private enum Side {
		TOP, BOTTOM
	}

	private record Attachment(int edge, String node, Side side, int otherX) {
	}

	private static List<Route> route(List<Edge> edges, Map<String, NodeBox> placed, Map<String, Integer> bandIndex,
			List<BandBox> bandBoxes) {
		List<Attachment> attachments = new ArrayList<>();
		List<Integer> drawn = new ArrayList<>();
		for (int e = 0; e < edges.size(); e++) {
			Edge edge = edges.get(e);
			NodeBox from = placed.get(edge.from());
			NodeBox to = placed.get(edge.to());
			if (from == null || to == null) {
				continue;
			}
			drawn.add(e);
			int fromBand = bandIndex.get(edge.from());
			int toBand = bandIndex.get(edge.to());
			Side fromSide = fromBand > toBand || fromBand == toBand ? Side.TOP : Side.BOTTOM;
			Side toSide = fromBand > toBand ? Side.BOTTOM : Side.TOP;
			attachments.add(new Attachment(e, edge.from(), fromSide, to.box().centreX()));
			attachments.add(new Attachment(e, edge.to(), toSide, from.box().centreX()));
		}
		Map<String, List<Attachment>> bySide = new LinkedHashMap<>();
		for (Attachment attachment : attachments) {
			bySide.computeIfAbsent(attachment.node() + "/" + attachment.side(), k -> new ArrayList<>()).add(attachment);
		}
		Map<String, Point> ports = new HashMap<>();
		for (List<Attachment> side : bySide.values()) {
			side.sort(Comparator.comparingInt(Attachment::otherX).thenComparingInt(Attachment::edge));
			for (int i = 0; i < side.size(); i++) {
				Attachment attachment = side.get(i);
				Box box = placed.get(attachment.node()).box();
				int x = box.x() + (i + 1) * box.width() / (side.size() + 1);
				int y = attachment.side() == Side.TOP ? box.y() : box.y() + box.height();
				ports.put(attachment.edge() + "/" + attachment.node() + "/" + attachment.side(), new Point(x, y));
			}
		}
		List<Route> routes = new ArrayList<>();
		for (int e : drawn) {
			Edge edge = edges.get(e);
			int fromBand = bandIndex.get(edge.from());
			int toBand = bandIndex.get(edge.to());
			Side fromSide = fromBand > toBand || fromBand == toBand ? Side.TOP : Side.BOTTOM;
			Side toSide = fromBand > toBand ? Side.BOTTOM : Side.TOP;
			Point start = ports.get(e + "/" + edge.from() + "/" + fromSide);
			Point end = ports.get(e + "/" + edge.to() + "/" + toSide);
			List<Point> points = new ArrayList<>();
			points.add(start);
			if (fromBand == toBand) {
				int lift = start.y() - ARC_LIFT;
				points.add(new Point(start.x(), lift));
				points.add(new Point(end.x(), lift));
			} else {
				int step = fromBand > toBand ? -1 : 1;
				for (int band = fromBand + step; band != toBand; band += step) {
					Box row = bandBoxes.get(band).box();
					int nodeTop = row.y() + (BAND_HEIGHT - NODE_HEIGHT) / 2;
					int nodeBottom = nodeTop + NODE_HEIGHT;
					double t = (double) (row.centreY() - start.y()) / (end.y() - start.y());
					int lineX = (int) Math.round(start.x() + t * (end.x() - start.x()));
					int gapX = nearestGap(placed.values(), bandIndex, band, lineX);
					points.add(new Point(gapX, step < 0 ? nodeBottom + 6 : nodeTop - 6));
					points.add(new Point(gapX, step < 0 ? nodeTop - 6 : nodeBottom + 6));
				}
			}
			points.add(end);
			routes.add(new Route(edge, List.copyOf(points), labelPoint(points)));
		}
		return routes;
	}

	/** The x of the gap in a band's row nearest to x: between two nodes, or just outside the row's ends. */
	private static int nearestGap(Iterable<NodeBox> nodes, Map<String, Integer> bandIndex, int band, int x) {
		List<Box> row = new ArrayList<>();
		for (NodeBox node : nodes) {
			if (bandIndex.get(node.node().metric()) == band) {
				row.add(node.box());
			}
		}
		if (row.isEmpty()) {
			return x;
		}
		row.sort(Comparator.comparingInt(Box::x));
		List<Integer> gaps = new ArrayList<>();
		gaps.add(row.get(0).x() - GAP / 2);
		for (int i = 0; i + 1 < row.size(); i++) {
			gaps.add((row.get(i).x() + row.get(i).width() + row.get(i + 1).x()) / 2);
		}
		Box last = row.get(row.size() - 1);
		gaps.add(last.x() + last.width() + GAP / 2);
		return gaps.stream().min(Comparator.comparingInt(gap -> Math.abs(gap - x))).orElse(x);
	}

	/** The middle of the route's longest segment: where a label has the most room. */
	private static Point labelPoint(List<Point> points) {
		Point bestA = points.get(0);
		Point bestB = points.get(points.size() - 1);
		double best = -1;
		for (int i = 0; i + 1 < points.size(); i++) {
			Point a = points.get(i);
			Point c = points.get(i + 1);
			double length = Math.hypot(c.x() - a.x(), c.y() - a.y());
			if (length > best) {
				best = length;
				bestA = a;
				bestB = c;
			}
		}
		return new Point((bestA.x() + bestB.x()) / 2, (bestA.y() + bestB.y()) / 2);
	}
}
