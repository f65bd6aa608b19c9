package io.yardstick.eclipse.views;

import io.yardstick.views.PreviewView;
import io.yardstick.views.TemplateInput;
import java.util.Objects;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/**
 * The Preview view in the workbench: runs the active template on its folder's {@code data/}. Its results go
 * to Metric Layers' status column. After a save, a preview that had run is run again on the saved template,
 * on the breakdown that was shown, so the numbers never belong to text that is no longer there.
 */
public final class PreviewPart extends TemplateViewPart {
	public static final String ID = "io.yardstick.eclipse.views.preview";

	private PreviewView view;
	private TemplateInput input;
	/** The breakdown to show again when the rerun after a save completes; null for the view's default. */
	private String keptBreakdown;

	@Override
	protected void createView(Composite parent) {
		// Before the view's own Run button can start the first preview.
		CalculatorClassPath.ensure();
		view = new PreviewView(parent, SWT.NONE);
		view.setLanguage(language());
		view.setResultsListener(results -> {
			if (keptBreakdown != null && view.getBreakdown() != null && !keptBreakdown.equals(view.getBreakdown())) {
				try {
					view.setBreakdown(keptBreakdown);
				} catch (IllegalArgumentException gone) {
					// The saved template no longer reports that breakdown: the total is shown.
				}
			}
			keptBreakdown = null;
			if (input != null) {
				tracker().publishResults(input, results);
			}
		});
	}

	@Override
	public void templateChanged(TemplateInput newInput) {
		boolean rerun = newInput != null && input != null && Objects.equals(newInput.folder(), input.folder())
				&& view.getResults() != null;
		keptBreakdown = rerun ? view.getBreakdown() : null;
		input = newInput;
		view.setInput(orHint(newInput, "a preview of it on its sample data"), null);
		if (rerun && newInput.template() != null) {
			start();
		}
	}

	/** Starts a preview, as the view's Run button does. */
	public void start() {
		view.start();
	}

	public PreviewView getView() {
		return view;
	}

	@Override
	public void setFocus() {
		view.getRunButton().setFocus();
	}
}
