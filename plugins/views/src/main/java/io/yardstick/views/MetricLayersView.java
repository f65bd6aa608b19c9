package io.yardstick.views;

import io.yardstick.dsl.kpi.Metric;
import io.yardstick.runtime.results.Results;
import io.yardstick.views.MetricLayersContentProvider.MetricRow;
import java.util.function.Consumer;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;

/**
 * The Metric Layers view: the template's layers from strategic down, each metric with its label, kind,
 * unit, direction, target as written and its status in the last preview. Double-clicking a metric tells the
 * open listener (a ViewPart opens the editor there); selecting one tells the selection listener.
 */
public final class MetricLayersView extends Composite {
	private static final int[] WIDTHS = { 150, 160, 90, 50, 120, 80, 90 };

	private final Label message;
	private final TreeViewer viewer;
	private final MetricLayersLabelProvider labels;
	private TemplateInput input;
	private Results results;
	private Consumer<Metric> openListener = metric -> {
	};
	private Consumer<Metric> selectionListener = metric -> {
	};

	public MetricLayersView(Composite parent, int style) {
		super(parent, style);
		setLayout(new GridLayout(1, false));
		message = new Label(this, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(message);
		viewer = new TreeViewer(this, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		Tree tree = viewer.getTree();
		tree.setHeaderVisible(true);
		tree.setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(tree);
		for (int i = 0; i < MetricLayersLabelProvider.HEADERS.length; i++) {
			TreeColumn column = new TreeColumn(tree, SWT.LEFT);
			column.setText(MetricLayersLabelProvider.HEADERS[i]);
			column.setWidth(WIDTHS[i]);
		}
		tree.getColumn(MetricLayersLabelProvider.STATUS).setToolTipText("Status of the total in the latest period of the last preview");
		viewer.setContentProvider(new MetricLayersContentProvider());
		labels = new MetricLayersLabelProvider("en");
		viewer.setLabelProvider(labels);
		viewer.addDoubleClickListener(event -> {
			Metric metric = metricOf(event.getSelection());
			if (metric != null) {
				openListener.accept(metric);
			} else if (event.getSelection() instanceof IStructuredSelection selection && !selection.isEmpty()) {
				Object layer = selection.getFirstElement();
				viewer.setExpandedState(layer, !viewer.getExpandedState(layer));
			}
		});
		viewer.addSelectionChangedListener(event -> {
			Metric metric = metricOf(event.getSelection());
			if (metric != null) {
				selectionListener.accept(metric);
			}
		});
		setInput(null);
	}

	private static Metric metricOf(Object selection) {
		return selection instanceof IStructuredSelection structured
				&& structured.getFirstElement() instanceof MetricRow row ? row.metric() : null;
	}

	/** The template to show; null shows a hint. The last preview's results are kept only for the same folder. */
	public void setInput(TemplateInput newInput) {
		if (newInput == null || input == null || !java.util.Objects.equals(newInput.folder(), input.folder())) {
			results = null;
		}
		input = newInput;
		refreshContent();
	}

	/** The last preview's results, for the status column; null clears it. */
	public void setResults(Results newResults) {
		results = newResults;
		refreshContent();
	}

	/** The language of labels, such as en or zh. */
	public void setLanguage(String language) {
		labels.setLanguage(language);
		viewer.refresh(true);
		fitColumns();
	}

	public void setMetricOpenListener(Consumer<Metric> listener) {
		openListener = listener == null ? metric -> {
		} : listener;
	}

	public void setMetricSelectionListener(Consumer<Metric> listener) {
		selectionListener = listener == null ? metric -> {
		} : listener;
	}

	/** The viewer, for a ViewPart to register as its site's selection provider. */
	public TreeViewer getViewer() {
		return viewer;
	}

	/** The line above the tree: why nothing is shown, or what the tree is based on. */
	public String getMessage() {
		return message.getText();
	}

	/** Columns as wide as their longest text (never narrower than the default), so no name is cut. */
	private void fitColumns() {
		TreeColumn[] columns = viewer.getTree().getColumns();
		for (int i = 0; i < columns.length; i++) {
			columns[i].pack();
			columns[i].setWidth(Math.max(columns[i].getWidth() + 8, WIDTHS[i]));
		}
	}

	private void refreshContent() {
		String text;
		if (input == null) {
			text = "Open a folder of .kpi templates to see its layers and metrics.";
		} else if (input.template() == null) {
			text = input.problem();
		} else if (input.hasErrors()) {
			text = "The template has " + input.report().count(io.yardstick.dsl.workspace.Severity.ERROR)
					+ " error(s) (see Review): the tree shows what could be read; no status until they are fixed.";
		} else if (results == null) {
			text = "Status: run a preview to see how each metric stands in the latest period.";
		} else {
			int periods = results.periods().count();
			text = "Status: total of " + (periods == 0 ? "no period" : results.periods().label(periods - 1))
					+ " in the last preview.";
		}
		message.setText(text);
		viewer.setInput(input == null || input.template() == null ? null
				: new MetricLayersContentProvider.Input(input.template(), results));
		viewer.expandAll();
		fitColumns();
		layout(true, true);
	}
}
