package io.yardstick.eclipse.views;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The Yardstick layout: the editor top left, Metric Layers beside it (Review as a tab behind it), Causal Links
 * and Preview below, each big enough to read its columns or its graph.
 */
public final class YardstickPerspective implements IPerspectiveFactory {
	public static final String ID = "io.yardstick.eclipse.perspective";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editor = layout.getEditorArea();
		// The bottom row first, across the whole width, and split on its own: half of a 1600-pixel screen is what
		// Preview needs to show its Status column, and the graph scrolls.
		IFolderLayout bottom = layout.createFolder("io.yardstick.eclipse.bottom", IPageLayout.BOTTOM, 0.5f, editor);
		bottom.addView(CausalLinksPart.ID);
		bottom.addPlaceholder(IPageLayout.ID_PROJECT_EXPLORER);
		IFolderLayout right = layout.createFolder("io.yardstick.eclipse.right", IPageLayout.RIGHT, 0.45f, editor);
		right.addView(MetricLayersPart.ID);
		right.addView(ReviewPart.ID);
		IFolderLayout bottomRight = layout.createFolder("io.yardstick.eclipse.bottomRight", IPageLayout.RIGHT, 0.5f,
				"io.yardstick.eclipse.bottom");
		bottomRight.addView(PreviewPart.ID);
		bottomRight.addPlaceholder(IPageLayout.ID_PROBLEM_VIEW);
		for (String view : new String[] { MetricLayersPart.ID, CausalLinksPart.ID, PreviewPart.ID, ReviewPart.ID,
				IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.ID_OUTLINE, IPageLayout.ID_PROBLEM_VIEW }) {
			layout.addShowViewShortcut(view);
		}
		// Directly in File > New while this perspective is open.
		layout.addNewWizardShortcut("io.yardstick.eclipse.wizard.libraryProject");
		layout.addNewWizardShortcut("io.yardstick.eclipse.wizard.clientTemplate");
		layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.folder");
		layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.file");
	}
}
