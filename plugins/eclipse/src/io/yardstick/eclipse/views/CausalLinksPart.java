package io.yardstick.eclipse.views;

import io.yardstick.views.CausalLinksView;
import io.yardstick.views.TemplateInput;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/**
 * The Causal Links view in the workbench. Clicking a metric shows its declaration in the editor while the
 * focus stays here, so one can walk the graph; double-clicking goes to the editor. A metric selected in
 * Metric Layers is selected here too.
 */
public final class CausalLinksPart extends TemplateViewPart {
	public static final String ID = "io.yardstick.eclipse.views.causalLinks";

	private CausalLinksView view;

	@Override
	protected void createView(Composite parent) {
		view = new CausalLinksView(parent, SWT.NONE);
		view.setLanguage(language());
		view.setMetricSelectionListener(metric -> {
			tracker().linking(() -> EditorLinks.revealMetric(getSite().getPage(), metric, false));
			tracker().publishSelection(metric.getName(), this);
		});
		view.setMetricOpenListener(metric -> tracker().linking(() -> EditorLinks.revealMetric(getSite().getPage(), metric, true)));
	}

	@Override
	public void templateChanged(TemplateInput input) {
		view.setInput(orHint(input, "its causal links"));
	}

	@Override
	public void metricSelected(String metric, TemplateTracker.Listener source) {
		view.setSelectedMetric(metric);
	}

	public CausalLinksView getView() {
		return view;
	}

	@Override
	public void setFocus() {
		view.getCanvas().setFocus();
	}
}
