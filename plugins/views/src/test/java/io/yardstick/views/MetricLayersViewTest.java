package io.yardstick.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.kpi.Metric;
import io.yardstick.views.MetricLayersContentProvider.LayerRow;
import io.yardstick.views.MetricLayersContentProvider.MetricRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricLayersViewTest {
	private Shell shell;

	@AfterEach
	void closeShell() {
		if (shell != null) {
			shell.dispose();
		}
	}

	private static MetricLayersContentProvider.Input input() {
		return new MetricLayersContentProvider.Input(Fixtures.afterSales().template(),
				Fixtures.afterSalesPreview().results());
	}

	@Test
	void layersComeTopDownWithTheirMetricsInDeclarationOrder() {
		List<LayerRow> rows = MetricLayersContentProvider.rows(input());
		assertThat(rows).extracting(LayerRow::name).containsExactly("strategic", "management", "execution");
		assertThat(rows).extracting(row -> row.metrics().stream().map(m -> m.metric().getName()).toList())
				.containsExactly(List.of("churnRate", "nps", "afterSalesCostRate"),
						List.of("csat", "firstResponseTime", "firstContactResolution", "backlogRate"),
						List.of("ticketCloseRate", "complaintHandlingTime", "followUps"));
		MetricLayersContentProvider provider = new MetricLayersContentProvider();
		assertThat(provider.hasChildren(rows.get(0))).isTrue();
		assertThat(provider.getChildren(rows.get(2))).hasSize(3);
	}

	/** Every column of every row in English; statuses are the golden results' for the total of 2026-06. */
	@Test
	void everyRowReadsAsTheTemplateWritesIt() {
		MetricLayersLabelProvider labels = new MetricLayersLabelProvider("en");
		List<String> lines = new ArrayList<>();
		for (LayerRow layer : MetricLayersContentProvider.rows(input())) {
			lines.add(line(labels, layer));
			for (MetricRow metric : layer.metrics()) {
				lines.add("  " + line(labels, metric));
			}
		}
		assertThat(lines).containsExactly(
				"strategic | Strategic | level 3 |  |  |  | 3 metrics",
				"  churnRate | Churn rate | percent | % | lower is better | <= 5% | on target",
				"  nps | Net promoter score | score(-100..100) |  | higher is better | >= 30 | off target",
				"  afterSalesCostRate | After-sales cost rate | percent | % | lower is better | <= 3% | on target",
				"management | Management | level 2 |  |  |  | 4 metrics",
				"  csat | Customer satisfaction score | score(1..5) |  | higher is better | >= 4.2 | off target",
				"  firstResponseTime | First response time | duration | h | lower is better | <= 2h | off target",
				"  firstContactResolution | First-contact resolution | percent | % | higher is better | >= 75% | off target",
				"  backlogRate | Backlog rate | percent | % | lower is better | <= 10% | on target",
				"execution | Execution | level 1 |  |  |  | 3 metrics",
				"  ticketCloseRate | Ticket close rate | percent | % | higher is better | >= 90% | warning",
				"  complaintHandlingTime | Complaint handling time | duration | h | lower is better | <= 24h | warning",
				"  followUps | Follow-ups per ticket | number |  | lower is better | <= 1.5 | on target");
	}

	@Test
	void labelsFollowTheLanguageAndFallBackToTheFirstLabel() {
		LayerRow strategic = MetricLayersContentProvider.rows(input()).get(0);
		MetricRow churn = strategic.metrics().get(0);
		MetricLayersLabelProvider labels = new MetricLayersLabelProvider("zh");
		assertThat(labels.getColumnText(strategic, MetricLayersLabelProvider.LABEL)).isEqualTo("战略层");
		assertThat(labels.getColumnText(churn, MetricLayersLabelProvider.LABEL)).isEqualTo("客户流失率");
		labels.setLanguage("fr");
		assertThat(labels.getColumnText(churn, MetricLayersLabelProvider.LABEL)).as("no fr label: the first one")
				.isEqualTo("客户流失率");
	}

	@Test
	void withoutAPreviewTheStatusColumnIsEmpty() {
		MetricLayersContentProvider.Input unrun = new MetricLayersContentProvider.Input(
				Fixtures.afterSales().template(), null);
		MetricRow churn = MetricLayersContentProvider.rows(unrun).get(0).metrics().get(0);
		assertThat(churn.status()).isEqualTo(MetricStatus.NOT_RUN);
		assertThat(new MetricLayersLabelProvider("en").getColumnText(churn, MetricLayersLabelProvider.STATUS)).isEmpty();
	}

	@Test
	void doubleClickingAMetricTellsTheListenerAndScreenshot() {
		shell = Swt.shell("Metric Layers", 1000, 470);
		MetricLayersView view = new MetricLayersView(shell, SWT.NONE);
		view.setInput(Fixtures.afterSales());
		view.setResults(Fixtures.afterSalesPreview().results());
		AtomicReference<Metric> opened = new AtomicReference<>();
		List<String> selected = new ArrayList<>();
		view.setMetricOpenListener(opened::set);
		view.setMetricSelectionListener(metric -> selected.add(metric.getName()));
		shell.open();
		Swt.pump();

		Tree tree = view.getViewer().getTree();
		assertThat(tree.getItemCount()).isEqualTo(3);
		TreeItem management = tree.getItem(1);
		assertThat(management.getExpanded()).isTrue();
		TreeItem csat = management.getItem(0);
		assertThat(csat.getText(MetricLayersLabelProvider.NAME)).isEqualTo("csat");
		assertThat(csat.getText(MetricLayersLabelProvider.STATUS)).isEqualTo("off target");
		view.getViewer().setSelection(new StructuredSelection(csat.getData()), true);
		Event event = new Event();
		event.item = csat;
		tree.notifyListeners(SWT.DefaultSelection, event);
		assertThat(opened.get()).isNotNull();
		assertThat(opened.get().getName()).isEqualTo("csat");
		assertThat(selected).containsExactly("csat");
		assertThat(view.getMessage()).isEqualTo("Status: total of 2026-06 in the last preview.");
		Path png = Swt.screenshot(shell, "metric-layers");
		assertThat(png).exists();
	}

	@Test
	void aTemplateWithErrorsShowsWhatCouldBeReadAndSaysSo() {
		shell = Swt.shell("Metric Layers", 800, 300);
		MetricLayersView view = new MetricLayersView(shell, SWT.NONE);
		view.setInput(Fixtures.wrong("unresolved-reference"));
		assertThat(view.getMessage()).startsWith("The template has 10 error(s) (see Review)");
		assertThat(view.getViewer().getTree().getItemCount()).isGreaterThan(0);

		view.setInput(TemplateInput.load(Fixtures.AFTER_SALES.resolve("no-such-folder")));
		assertThat(view.getMessage()).startsWith("no such folder: ");
		assertThat(view.getViewer().getTree().getItemCount()).isZero();
		view.setInput(null);
		assertThat(view.getMessage()).startsWith("Open a folder");
	}

	private static String line(MetricLayersLabelProvider labels, Object row) {
		List<String> cells = new ArrayList<>();
		for (int column = 0; column < MetricLayersLabelProvider.HEADERS.length; column++) {
			cells.add(labels.getColumnText(row, column));
		}
		return String.join(" | ", cells);
	}
}
