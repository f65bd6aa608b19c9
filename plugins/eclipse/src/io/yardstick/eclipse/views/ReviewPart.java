package io.yardstick.eclipse.views;

import io.yardstick.views.ReviewView;
import io.yardstick.views.TemplateInput;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/** The Review view in the workbench: the validator's findings of the active template's folder. */
public final class ReviewPart extends TemplateViewPart {
	public static final String ID = "io.yardstick.eclipse.views.review";

	private ReviewView view;
	private TemplateInput input;

	@Override
	protected void createView(Composite parent) {
		view = new ReviewView(parent, SWT.NONE);
		getSite().setSelectionProvider(view.getViewer());
		view.setFindingOpenListener(finding -> {
			if (input != null) {
				tracker().linking(() -> EditorLinks.revealFinding(getSite().getPage(), input.folder(), finding));
			}
		});
	}

	@Override
	public void templateChanged(TemplateInput newInput) {
		input = newInput;
		view.setInput(orHint(newInput, "its findings"));
	}

	public ReviewView getView() {
		return view;
	}

	@Override
	public void setFocus() {
		view.getViewer().getControl().setFocus();
	}
}
