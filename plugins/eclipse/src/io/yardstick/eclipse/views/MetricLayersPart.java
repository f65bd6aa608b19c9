package io.yardstick.eclipse.views;

import io.yardstick.runtime.results.Results;
import io.yardstick.views.MetricLayersView;
import io.yardstick.views.TemplateInput;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/** The Metric Layers view in the workbench: the active template's layers and metrics, statuses from the Preview. */
public final class MetricLayersPart extends TemplateViewPart {
	public static final String ID = "io.yardstick.eclipse.views.metricLayers";

	private MetricLayersView view;

	@Override
	protected void createView(Composite parent) {
		view = new MetricLayersView(parent, SWT.NONE);
		view.setLanguage(language());
		getSite().setSelectionProvider(view.getViewer());
		view.setMetricOpenListener(metric -> tracker().linking(() -> EditorLinks.revealMetric(getSite().getPage(), metric, true)));
		view.setMetricSelectionListener(metric -> tracker().publishSelection(metric.getName(), this));
	}

	@Override
	public void templateChanged(TemplateInput input) {
		view.setInput(orHint(input, "its layers and metrics"));
	}

	@Override
	public void resultsChanged(Results results) {
		view.setResults(results);
	}

	public MetricLayersView getView() {
		return view;
	}

	@Override
	public void setFocus() {
		view.getViewer().getControl().setFocus();
	}
}
