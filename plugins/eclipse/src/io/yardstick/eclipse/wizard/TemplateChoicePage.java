package io.yardstick.eclipse.wizard;

import io.yardstick.dsl.clienttemplate.TemplateChoice;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import java.util.function.Function;

/** Page 1: which industry template the client's template extends. */
public class TemplateChoicePage extends WizardPage {
	private final List<TemplateChoice> choices;
	private TableViewer viewer;
	private Text details;

	TemplateChoicePage(List<TemplateChoice> choices) {
		super("template");
		this.choices = choices;
		setTitle("Industry template");
		setDescription("Choose the template the client's template extends: it inherits everything and changes only what differs.");
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		page.setLayout(new GridLayout(1, false));
		Label intro = new Label(page, SWT.WRAP);
		intro.setText("Industry templates from Yardstick's template library, then the templates in your workspace:");
		GridDataFactory.fillDefaults().grab(true, false).applyTo(intro);

		Composite tableArea = new Composite(page, SWT.NONE);
		TableColumnLayout columns = new TableColumnLayout();
		tableArea.setLayout(columns);
		GridDataFactory.fillDefaults().grab(true, true).hint(980, 220).applyTo(tableArea);
		viewer = new TableViewer(tableArea, SWT.SINGLE | SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		column(columns, "Template", 36, TemplateChoicePage::labels);
		column(columns, "Industry", 16, TemplateChoice::industry);
		column(columns, "Extends as", 34, TemplateChoice::qualifiedName);
		column(columns, "From", 14, choice -> choice.fromLibrary() ? "template library" : choice.origin());
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.setInput(choices);
		viewer.addSelectionChangedListener(event -> update());
		viewer.addDoubleClickListener(event -> {
			if (isPageComplete()) {
				getContainer().showPage(getNextPage());
			}
		});

		details = new Text(page, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
		GridDataFactory.fillDefaults().grab(true, false).hint(980, 90).applyTo(details);

		if (!choices.isEmpty()) {
			viewer.setSelection(new StructuredSelection(choices.get(0)), true);
		}
		setControl(page);
		update();
	}

	private void column(TableColumnLayout layout, String title, int weight, Function<TemplateChoice, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
		column.getColumn().setText(title);
		layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 80));
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((TemplateChoice) element);
			}
		});
	}

	private static String labels(TemplateChoice choice) {
		List<String> parts = new ArrayList<>();
		if (!choice.enLabel().isEmpty()) {
			parts.add(choice.enLabel());
		}
		if (!choice.zhLabel().isEmpty()) {
			parts.add(choice.zhLabel());
		}
		return parts.isEmpty() ? choice.simpleName() : String.join(" · ", parts);
	}

	private void update() {
		TemplateChoice choice = selected();
		if (choices.isEmpty()) {
			setErrorMessage("No template found: the plugin's template library is missing and the workspace has no .kpi template.");
		} else {
			setErrorMessage(null);
		}
		details.setText(choice == null ? "" : describe(choice));
		setPageComplete(choice != null);
	}

	private static String describe(TemplateChoice choice) {
		StringBuilder text = new StringBuilder(labels(choice)).append(" (").append(choice.qualifiedName()).append(")");
		if (!choice.description().isEmpty()) {
			text.append("\n").append(choice.description());
		}
		String files = String.join(", ", choice.files().keySet().stream().filter(name -> name.endsWith(".kpi")).toList());
		text.append("\nFiles: ").append(files).append(choice.fromLibrary()
				? ", copied into your project with the client template." : " (" + choice.origin() + ").");
		return text.toString();
	}

	public TemplateChoice selected() {
		IStructuredSelection selection = viewer == null ? StructuredSelection.EMPTY : viewer.getStructuredSelection();
		return (TemplateChoice) selection.getFirstElement();
	}

	/** Selects the first template of this qualified name; false if the page lists none. */
	public boolean select(String qualifiedName) {
		for (TemplateChoice choice : choices) {
			if (choice.qualifiedName().equals(qualifiedName)) {
				viewer.setSelection(new StructuredSelection(choice), true);
				return true;
			}
		}
		return false;
	}

	List<TemplateChoice> choices() {
		return choices;
	}
}
