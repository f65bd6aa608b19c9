package io.yardstick.eclipse.studio;

import io.yardstick.eclipse.views.PreviewPart;
import io.yardstick.eclipse.views.ReviewPart;
import io.yardstick.eclipse.views.YardstickPerspective;
import io.yardstick.eclipse.wizard.NewClientTemplateWizard;
import io.yardstick.eclipse.wizard.TemplateLibrary;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.IntroPart;

/**
 * Yardstick Studio's welcome page (bound to the product io.yardstick.eclipse.studio in plugin.xml, so an Eclipse
 * that merely installed the plugin keeps its own): the four steps of a consultant's first template, each with the
 * button that does it. Shown at the first start and from Help > Welcome.
 */
public final class WelcomePart extends IntroPart {
	/** The steps in order: title, what it does, the button's label. */
	public record Step(String title, String text, String button) {
	}

	public static final List<Step> STEPS = List.of(
			new Step("Open an industry template",
					"Copies Yardstick's template library (five industry templates, each with sample data) into the project "
							+ TemplateLibrary.DEFAULT_PROJECT + " and opens the after-sales service template with the "
							+ "Yardstick views: Metric Layers, Causal Links, Preview and Review.",
					"Open the after-sales template"),
			new Step("Make a client's template",
					"A client template extends the industry template and keeps only what differs for the client: an "
							+ "overridden metric, an excluded one, an extended source. The wizard writes it in the canonical "
							+ "layout, with commented examples taken from the template you chose.",
					"New client template..."),
			new Step("Preview it on the sample data",
					"Preview runs the template's calculator on its folder's data/ (one CSV file per source) per month and "
							+ "breakdown; Metric Layers then shows each metric's status against its target.",
					"Show the preview"),
			new Step("Review it",
					"Review lists the validator's findings by rule, with the layers' coverage and the causal chains; "
							+ "double-click a finding to go to it. Rules and their severities are in Window > Preferences > "
							+ "Yardstick.",
					"Show the review"));

	private Composite content;

	@Override
	public void createPartControl(Composite parent) {
		ScrolledComposite scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
		content = new Composite(scroll, SWT.NONE);
		content.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
		GridLayout layout = new GridLayout(2, false);
		layout.marginWidth = 40;
		layout.marginHeight = 30;
		layout.verticalSpacing = 8;
		layout.horizontalSpacing = 16;
		content.setLayout(layout);

		label(content, "Welcome to Yardstick Studio", JFaceResources.HEADER_FONT, 2);
		label(content, "Write layered KPI templates: start from an industry template, make a client's template from it, "
				+ "preview it on sample data and review it.", JFaceResources.DEFAULT_FONT, 2);
		spacer(content);
		for (int i = 0; i < STEPS.size(); i++) {
			Step step = STEPS.get(i);
			int index = i;
			Label number = label(content, String.valueOf(i + 1), JFaceResources.HEADER_FONT, 1);
			number.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
			label(content, step.title(), JFaceResources.BANNER_FONT, 1);
			spacer(content, 1);
			Label text = label(content, step.text(), JFaceResources.DEFAULT_FONT, 1);
			((GridData) text.getLayoutData()).widthHint = 720;
			spacer(content, 1);
			Button button = new Button(content, SWT.PUSH);
			button.setText(step.button());
			button.addListener(SWT.Selection, event -> run(index));
			spacer(content);
		}
		label(content, "Later: File > New > Yardstick for templates and the library, Window > Perspective > Yardstick for "
				+ "the views, Help > Welcome for this page.", JFaceResources.DEFAULT_FONT, 2);
		scroll.setContent(content);
		scroll.setExpandHorizontal(true);
		scroll.setExpandVertical(true);
		scroll.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
	}

	private static Label label(Composite parent, String text, String font, int columns) {
		Label label = new Label(parent, SWT.WRAP);
		label.setText(text);
		label.setFont(JFaceResources.getFont(font));
		label.setBackground(parent.getBackground());
		label.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, columns, 1));
		return label;
	}

	private static void spacer(Composite parent, int columns) {
		Label spacer = new Label(parent, SWT.NONE);
		spacer.setBackground(parent.getBackground());
		spacer.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false, columns, 1));
	}

	private static void spacer(Composite parent) {
		spacer(parent, 2);
	}

	/** Does what the step's button does. */
	public void run(int step) {
		IWorkbenchWindow window = getIntroSite().getWorkbenchWindow();
		try {
			IProject project = TemplateLibrary.createProject(TemplateLibrary.DEFAULT_PROJECT);
			PlatformUI.getWorkbench().getIntroManager().closeIntro(this);
			IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(YardstickPerspective.ID, window);
			IFile afterSales = project.getFile(TemplateLibrary.AFTER_SALES);
			switch (step) {
			case 0 -> IDE.openEditor(page, afterSales, true);
			case 1 -> {
				NewClientTemplateWizard wizard = new NewClientTemplateWizard();
				wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
				new WizardDialog(window.getShell(), wizard).open();
			}
			case 2 -> {
				if (page.getActiveEditor() == null) {
					IDE.openEditor(page, afterSales, true);
				}
				page.showView(PreviewPart.ID);
			}
			case 3 -> {
				if (page.getActiveEditor() == null) {
					IDE.openEditor(page, afterSales, true);
				}
				page.showView(ReviewPart.ID);
			}
			default -> throw new IllegalArgumentException("no step " + step);
			}
		} catch (CoreException e) {
			MessageDialog.openError(window.getShell(), "Yardstick Studio", STEPS.get(step).title() + " failed: " + e.getMessage());
		}
	}

	/** The page's controls, for the UI tests. */
	public Control getControl() {
		return content;
	}

	@Override
	public void standbyStateChanged(boolean standby) {
		// The page is the same in both states; the workbench only makes it smaller.
	}

	@Override
	public void setFocus() {
		content.setFocus();
	}
}
