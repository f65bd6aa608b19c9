package io.yardstick.views;

import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.views.CausalGraph.LoopInfo;
import io.yardstick.views.CausalGraph.Mark;
import io.yardstick.views.CausalLayout.BandBox;
import io.yardstick.views.CausalLayout.Box;
import io.yardstick.views.CausalLayout.EdgeStyle;
import io.yardstick.views.CausalLayout.NodeBox;
import io.yardstick.views.CausalLayout.Point;
import io.yardstick.views.CausalLayout.Route;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.events.PaintEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The Causal Links view: layers as horizontal bands (the strategic layer on top), metrics as nodes in their
 * band, links as arrows coloured by polarity (green positive, red negative) with their lag, and the
 * validator's findings marked (dashed: polarity contradicts the directions; orphan and unreached badges on
 * nodes). Choosing a declared loop in the combo thickens its links. Clicking a node selects it and tells the
 * selection listener; double-clicking tells the open listener. Geometry comes from {@link CausalLayout}.
 */
public final class CausalLinksView extends Composite {
	private static final RGB[] BAND_FILLS = { new RGB(236, 242, 250), new RGB(246, 248, 251) };
	private static final RGB TEXT = new RGB(30, 30, 30);
	private static final RGB SECONDARY = new RGB(100, 100, 100);
	private static final RGB NODE_BORDER = new RGB(120, 130, 145);
	private static final RGB SELECTED = new RGB(20, 90, 200);
	private static final RGB LOOP_HALO = new RGB(255, 214, 90);
	private static final RGB ORPHAN = new RGB(130, 130, 130);
	private static final RGB UNREACHED = new RGB(215, 120, 0);
	private static final RGB WARNING = new RGB(200, 120, 0);

	private final Combo loopChoice;
	private final Label message;
	private final ScrolledComposite scroller;
	private final Canvas canvas;
	private TemplateInput input;
	private String language = "en";
	private CausalGraph graph = CausalGraph.empty();
	private CausalLayout layout = CausalLayout.compute(graph, 0);
	private String selectedLoop;
	private String selectedMetric;
	private Consumer<Metric> selectionListener = metric -> {
	};
	private Consumer<Metric> openListener = metric -> {
	};

	public CausalLinksView(Composite parent, int style) {
		super(parent, style);
		setLayout(new GridLayout(1, false));
		Composite bar = new Composite(this, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
		bar.setLayout(new GridLayout(3, false));
		Label loopLabel = new Label(bar, SWT.NONE);
		loopLabel.setText("Highlight loop:");
		loopChoice = new Combo(bar, SWT.READ_ONLY);
		GridDataFactory.fillDefaults().hint(380, SWT.DEFAULT).applyTo(loopChoice);
		loopChoice.addListener(SWT.Selection, event -> {
			int index = loopChoice.getSelectionIndex();
			selectLoop(index <= 0 ? null : graph.loops().get(index - 1).name());
		});
		message = new Label(bar, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(message);

		scroller = new ScrolledComposite(this, SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(scroller);
		canvas = new Canvas(scroller, SWT.DOUBLE_BUFFERED);
		canvas.setBackground(new Color(255, 255, 255));
		scroller.setContent(canvas);
		scroller.setExpandHorizontal(true);
		scroller.setExpandVertical(true);
		scroller.addListener(SWT.Resize, event -> relayout());
		canvas.addPaintListener(this::paint);
		canvas.addListener(SWT.MouseDown, event -> {
			if (event.button == 1) {
				click(event.x, event.y);
			}
		});
		canvas.addListener(SWT.MouseDoubleClick, event -> layout.nodeAt(event.x, event.y)
				.map(node -> metric(node.node().metric())).ifPresent(metric -> openListener.accept(metric)));
		setInput(null);
	}

	public void setInput(TemplateInput newInput) {
		input = newInput;
		selectedLoop = null;
		selectedMetric = null;
		rebuild();
	}

	public void setLanguage(String newLanguage) {
		language = newLanguage;
		rebuild();
	}

	public void setMetricSelectionListener(Consumer<Metric> listener) {
		selectionListener = listener == null ? metric -> {
		} : listener;
	}

	public void setMetricOpenListener(Consumer<Metric> listener) {
		openListener = listener == null ? metric -> {
		} : listener;
	}

	/** Highlights a declared loop by name; null highlights none. */
	public void selectLoop(String loop) {
		selectedLoop = loop;
		int index = 0;
		for (int i = 0; i < graph.loops().size(); i++) {
			if (graph.loops().get(i).name().equals(loop)) {
				index = i + 1;
			}
		}
		loopChoice.select(index);
		canvas.redraw();
	}

	/** Selects a metric's node, as when an editor's cursor moves into it; does not tell the listener. */
	public void setSelectedMetric(String metric) {
		selectedMetric = metric;
		canvas.redraw();
	}

	public String getSelectedMetric() {
		return selectedMetric;
	}

	public String getSelectedLoop() {
		return selectedLoop;
	}

	public CausalGraph getGraph() {
		return graph;
	}

	/** The layout the canvas is painted from; canvas coordinates. */
	public CausalLayout getCausalLayout() {
		return layout;
	}

	public Canvas getCanvas() {
		return canvas;
	}

	public String getMessage() {
		return message.getText();
	}

	private void click(int x, int y) {
		NodeBox hit = layout.nodeAt(x, y).orElse(null);
		selectedMetric = hit == null ? null : hit.node().metric();
		canvas.redraw();
		if (hit != null) {
			Metric metric = metric(hit.node().metric());
			if (metric != null) {
				selectionListener.accept(metric);
			}
		}
	}

	private Metric metric(String name) {
		if (input == null || input.template() == null) {
			return null;
		}
		return TemplateHierarchy.metrics(input.template()).stream().filter(m -> name.equals(m.getName())).findFirst()
				.orElse(null);
	}

	private void rebuild() {
		graph = CausalGraph.of(input, language);
		loopChoice.removeAll();
		loopChoice.add(graph.loops().isEmpty() ? "(no loops declared)" : "None");
		for (LoopInfo loop : graph.loops()) {
			loopChoice.add(loop.name() + (loop.label().equals(loop.name()) ? "" : " — " + loop.label())
					+ (loop.contradicting() ? "  ⚠ polarity contradicts" : ""));
		}
		loopChoice.setEnabled(!graph.loops().isEmpty());
		selectLoop(selectedLoop);
		message.setText(summary());
		relayout();
	}

	private String summary() {
		if (input == null) {
			return "Open a template to see its causal links.";
		}
		if (input.template() == null) {
			return input.problem();
		}
		long contradicting = graph.edges().stream().filter(CausalGraph.Edge::contradicting).count()
				+ graph.loops().stream().filter(LoopInfo::contradicting).count();
		long orphans = graph.nodes().stream().filter(n -> n.marks().contains(Mark.ORPHAN)).count();
		long unreached = graph.nodes().stream().filter(n -> n.marks().contains(Mark.UNREACHED)).count();
		String text = graph.nodes().size() + " metrics, " + graph.edges().size() + " links, " + graph.loops().size()
				+ " loops";
		if (contradicting + orphans + unreached > 0) {
			text += "; findings: " + contradicting + " polarity, " + orphans + " orphan, " + unreached + " unreached";
		}
		return input.hasErrors() ? text + " (the template has errors: links that do not resolve are not drawn)" : text;
	}

	private void relayout() {
		int available = scroller.getClientArea().width;
		layout = CausalLayout.compute(graph, available);
		scroller.setMinSize(layout.width(), layout.height());
		canvas.redraw();
	}

	private void paint(PaintEvent event) {
		GC gc = event.gc;
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		gc.setBackground(new Color(255, 255, 255));
		gc.fillRectangle(canvas.getClientArea());
		if (graph.bands().isEmpty()) {
			gc.setForeground(new Color(SECONDARY));
			gc.drawText(input == null || input.template() == null ? message.getText() : "The template declares no layers.",
					CausalLayout.MARGIN, CausalLayout.MARGIN, true);
			return;
		}
		int b = 0;
		for (BandBox band : layout.bands()) {
			Box box = band.box();
			gc.setBackground(new Color(BAND_FILLS[b++ % 2]));
			gc.fillRectangle(box.x(), box.y(), box.width(), box.height());
			gc.setForeground(new Color(TEXT));
			gc.drawText(fit(gc, band.band().label(), CausalLayout.TITLE_WIDTH - 12), box.x() + 8, box.y() + 10, true);
			gc.setForeground(new Color(SECONDARY));
			String level = band.band().level() == Integer.MIN_VALUE ? "level ?" : "level " + band.band().level();
			gc.drawText(fit(gc, band.band().layer() + " · " + level, CausalLayout.TITLE_WIDTH - 12), box.x() + 8,
					box.y() + 10 + gc.getFontMetrics().getHeight(), true);
		}
		if (selectedLoop != null) {
			paintLoopHalo(gc);
		}
		for (Route route : layout.routes()) {
			paintEdge(gc, route);
		}
		for (NodeBox node : layout.nodes()) {
			paintNode(gc, node);
		}
		for (Route route : layout.routes()) {
			paintEdgeLabel(gc, route);
		}
		paintLegend(gc);
	}

	private void paintLoopHalo(GC gc) {
		LoopInfo loop = graph.loops().stream().filter(l -> l.name().equals(selectedLoop)).findFirst().orElse(null);
		if (loop == null) {
			return;
		}
		gc.setBackground(new Color(LOOP_HALO));
		for (String step : loop.steps()) {
			NodeBox node = step == null ? null : layout.node(step);
			if (node != null) {
				Box box = node.box();
				gc.fillRoundRectangle(box.x() - 5, box.y() - 5, box.width() + 10, box.height() + 10, 16, 16);
			}
		}
	}

	private void paintEdge(GC gc, Route route) {
		EdgeStyle style = CausalLayout.style(route.edge(), selectedLoop);
		gc.setForeground(new Color(style.colour()));
		gc.setBackground(new Color(style.colour()));
		gc.setLineWidth(style.width());
		gc.setLineStyle(style.dashed() ? SWT.LINE_DASH : SWT.LINE_SOLID);
		List<Point> points = route.points();
		int[] polyline = new int[points.size() * 2];
		for (int i = 0; i < points.size(); i++) {
			polyline[2 * i] = points.get(i).x();
			polyline[2 * i + 1] = points.get(i).y();
		}
		gc.drawPolyline(polyline);
		gc.setLineStyle(SWT.LINE_SOLID);
		Point tip = points.get(points.size() - 1);
		Point before = points.get(points.size() - 2);
		double angle = Math.atan2(tip.y() - before.y(), tip.x() - before.x());
		int size = 9 + style.width();
		int[] head = { tip.x(), tip.y(), (int) Math.round(tip.x() - size * Math.cos(angle - 0.4)),
				(int) Math.round(tip.y() - size * Math.sin(angle - 0.4)),
				(int) Math.round(tip.x() - size * Math.cos(angle + 0.4)),
				(int) Math.round(tip.y() - size * Math.sin(angle + 0.4)) };
		gc.fillPolygon(head);
		gc.setLineWidth(1);
	}

	/** Lag and contradiction labels, drawn last on a white plate so that no line runs through them. */
	private void paintEdgeLabel(GC gc, Route route) {
		StringBuilder text = new StringBuilder();
		if (route.edge().lag() != null) {
			text.append(route.edge().lag());
		}
		if (route.edge().contradicting()) {
			text.append(text.length() == 0 ? "" : " · ").append("⚠ polarity");
		}
		if (route.edge().feedback()) {
			text.append(text.length() == 0 ? "" : " · ").append("feedback");
		}
		if (text.length() == 0) {
			return;
		}
		org.eclipse.swt.graphics.Point extent = gc.textExtent(text.toString());
		int x = route.labelAt().x() - extent.x / 2;
		int y = route.labelAt().y() - extent.y / 2;
		gc.setBackground(new Color(255, 255, 255));
		gc.fillRoundRectangle(x - 4, y - 1, extent.x + 8, extent.y + 2, 8, 8);
		EdgeStyle style = CausalLayout.style(route.edge(), selectedLoop);
		gc.setForeground(new Color(route.edge().contradicting() ? WARNING : style.colour()));
		gc.drawRoundRectangle(x - 4, y - 1, extent.x + 8, extent.y + 2, 8, 8);
		gc.drawText(text.toString(), x, y, true);
	}

	private void paintNode(GC gc, NodeBox node) {
		Box box = node.box();
		boolean orphan = node.node().marks().contains(Mark.ORPHAN);
		boolean unreached = node.node().marks().contains(Mark.UNREACHED);
		boolean selected = node.node().metric().equals(selectedMetric);
		gc.setBackground(new Color(255, 255, 255));
		gc.fillRoundRectangle(box.x(), box.y(), box.width(), box.height(), 10, 10);
		RGB border = selected ? SELECTED : unreached ? UNREACHED : orphan ? ORPHAN : NODE_BORDER;
		gc.setForeground(new Color(border));
		gc.setLineWidth(selected || unreached ? 3 : 1);
		gc.setLineStyle(orphan && !selected ? SWT.LINE_DASH : SWT.LINE_SOLID);
		gc.drawRoundRectangle(box.x(), box.y(), box.width(), box.height(), 10, 10);
		gc.setLineStyle(SWT.LINE_SOLID);
		gc.setLineWidth(1);
		int lineHeight = gc.getFontMetrics().getHeight();
		List<String> label = wrap(gc, node.node().label(), box.width() - 12);
		int top = box.y() + (box.height() - (label.size() + 1) * lineHeight) / 2;
		gc.setForeground(new Color(TEXT));
		for (String line : label) {
			gc.drawText(line, box.centreX() - gc.textExtent(line).x / 2, top, true);
			top += lineHeight;
		}
		gc.setForeground(new Color(SECONDARY));
		String name = fit(gc, node.node().metric(), box.width() - 12);
		gc.drawText(name, box.centreX() - gc.textExtent(name).x / 2, top, true);
		String badge = unreached ? "unreached" : orphan ? "orphan" : null;
		if (badge != null) {
			org.eclipse.swt.graphics.Point extent = gc.textExtent(badge);
			int x = box.x() + box.width() - extent.x - 6;
			int y = box.y() - extent.y / 2 - 2;
			gc.setBackground(new Color(unreached ? UNREACHED : ORPHAN));
			gc.fillRoundRectangle(x - 4, y, extent.x + 8, extent.y + 2, 8, 8);
			gc.setForeground(new Color(255, 255, 255));
			gc.drawText(badge, x, y + 1, true);
		}
	}

	private void paintLegend(GC gc) {
		Box legend = layout.legend();
		int y = legend.centreY();
		int x = legend.x() + 8;
		gc.setLineWidth(2);
		x = legendLine(gc, x, y, CausalLayout.POSITIVE, false, "positive");
		x = legendLine(gc, x, y, CausalLayout.NEGATIVE, false, "negative");
		legendLine(gc, x, y, SECONDARY, true, "polarity contradicts the directions");
		gc.setLineWidth(1);
	}

	private static int legendLine(GC gc, int x, int y, RGB colour, boolean dashed, String text) {
		gc.setForeground(new Color(colour));
		gc.setLineStyle(dashed ? SWT.LINE_DASH : SWT.LINE_SOLID);
		gc.drawLine(x, y, x + 28, y);
		gc.setLineStyle(SWT.LINE_SOLID);
		gc.setForeground(new Color(TEXT));
		gc.drawText(text, x + 34, y - gc.getFontMetrics().getHeight() / 2, true);
		return x + 34 + gc.textExtent(text).x + 24;
	}

	/**
	 * A label on one line, or on two when it is too long: broken at the last space that fits (anywhere, for
	 * text without spaces such as Chinese), the second line cut with an ellipsis if still too long.
	 */
	static List<String> wrap(GC gc, String text, int width) {
		if (text == null || gc.textExtent(text).x <= width) {
			return List.of(text == null ? "" : text);
		}
		int end = text.length();
		while (end > 1 && gc.textExtent(text.substring(0, end)).x > width) {
			end--;
		}
		int space = text.lastIndexOf(' ', end);
		int cut = space > 0 ? space : end;
		return List.of(text.substring(0, cut).strip(), fit(gc, text.substring(cut).strip(), width));
	}

	/** The text, cut with an ellipsis to fit the width in the GC's font. */
	static String fit(GC gc, String text, int width) {
		if (text == null) {
			return "";
		}
		if (gc.textExtent(text).x <= width) {
			return text;
		}
		int end = text.length();
		while (end > 1 && gc.textExtent(text.substring(0, end) + "…").x > width) {
			end--;
		}
		return text.substring(0, end) + "…";
	}
}
