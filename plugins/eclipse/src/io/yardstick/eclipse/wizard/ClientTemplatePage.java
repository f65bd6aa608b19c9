package io.yardstick.eclipse.wizard;

import io.yardstick.dsl.clienttemplate.ClientTemplateWriter;
import io.yardstick.dsl.clienttemplate.TemplateChoice;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.ContainerSelectionDialog;

/**
 * Page 2: where the client template goes and what it is called. The file name, package and labels
 * follow the name and the chosen template until the user edits them.
 */
public class ClientTemplatePage extends WizardPage {
	private final TemplateChoicePage choicePage;
	private final Set<String> reserved = TemplateCatalog.reservedWords();
	private Text folder;
	private Text name;
	private Text file;
	private Text packageName;
	private Text zhLabel;
	private Text enLabel;
	private final Set<Text> edited = new HashSet<>();
	private boolean deriving;
	private String initialFolder;

	ClientTemplatePage(TemplateChoicePage choicePage, IContainer initial) {
		super("client");
		this.choicePage = choicePage;
		this.initialFolder = initial == null ? "" : initial.getFullPath().toString();
		setTitle("Client template");
		setDescription("Where the client's template goes, and its name and labels.");
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		page.setLayout(new GridLayout(3, false));
		folder = field(page, "&Folder:", "The project or folder of the client template; the industry template's files are copied beside it.");
		Button browse = new Button(page, SWT.PUSH);
		browse.setText("B&rowse...");
		browse.addListener(SWT.Selection, event -> browse());
		name = field(page, "&Name:", "The template's name, a valid identifier such as AcmeAfterSales.");
		filler(page);
		file = field(page, "File na&me:", "The .kpi file the wizard writes.");
		filler(page);
		packageName = field(page, "&Package:", "The package of the client file, such as aftersales.acme.");
		filler(page);
		zhLabel = field(page, "Label (&zh):", "The template's Chinese label; leave empty for none.");
		filler(page);
		enLabel = field(page, "Label (&en):", "The template's English label; leave empty for none.");
		filler(page);
		Label note = new Label(page, SWT.WRAP);
		note.setText("The new file extends the chosen template and changes nothing yet; a commented skeleton in it shows "
				+ "how to override a metric, exclude one with a reason, and add fields to a source.");
		GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(600, SWT.DEFAULT).indent(0, 12).applyTo(note);

		folder.setText(initialFolder);
		for (Text derived : new Text[] { file, packageName, zhLabel, enLabel }) {
			derived.addModifyListener(event -> {
				if (!deriving) {
					edited.add(derived);
				}
			});
		}
		for (Text any : new Text[] { folder, name, file, packageName, zhLabel, enLabel }) {
			any.addModifyListener(event -> validate());
		}
		name.addModifyListener(event -> derive());
		setControl(page);
		validate();
	}

	@Override
	public void setVisible(boolean visible) {
		super.setVisible(visible);
		if (visible) {
			// The chosen template may have changed on page 1: the proposals follow it.
			derive();
			name.setFocus();
		}
	}

	private Text field(Composite page, String label, String tip) {
		Label caption = new Label(page, SWT.NONE);
		caption.setText(label);
		Text text = new Text(page, SWT.BORDER | SWT.SINGLE);
		text.setToolTipText(tip);
		text.setMessage(tip);
		GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(text);
		return text;
	}

	private static void filler(Composite page) {
		new Label(page, SWT.NONE);
	}

	private void browse() {
		ContainerSelectionDialog dialog = new ContainerSelectionDialog(getShell(), container(), false,
				"Choose the folder of the client template:");
		if (dialog.open() == ContainerSelectionDialog.OK && dialog.getResult().length > 0) {
			folder.setText(((IPath) dialog.getResult()[0]).toString());
		}
	}

	/** Proposes file, package and labels from the name and the chosen template, where the user has not typed. */
	private void derive() {
		TemplateChoice choice = choicePage.selected();
		String client = name.getText().strip();
		if (choice == null || client.isEmpty()) {
			return;
		}
		deriving = true;
		try {
			set(file, ClientTemplateWriter.fileName(client));
			set(packageName, ClientTemplateWriter.packageFor(choice.qualifiedName(), client));
			set(zhLabel, choice.zhLabel().isEmpty() ? "" : client + " " + choice.zhLabel());
			set(enLabel, choice.enLabel().isEmpty() ? "" : client + " " + choice.enLabel());
		} finally {
			deriving = false;
		}
	}

	private void set(Text text, String value) {
		if (!edited.contains(text) && !text.getText().equals(value)) {
			text.setText(value);
		}
	}

	private void validate() {
		String problem = problem();
		setErrorMessage(problem);
		setPageComplete(problem == null);
	}

	private String problem() {
		IContainer container = container();
		if (folder.getText().isBlank()) {
			return "Choose the project or folder of the client template.";
		}
		if (container == null || !container.isAccessible()) {
			return "'" + folder.getText().strip() + "' is not an open project or folder of the workspace.";
		}
		String nameProblem = ClientTemplateWriter.nameProblem(name.getText().strip(), reserved);
		if (nameProblem != null) {
			return nameProblem;
		}
		String fileName = file.getText().strip();
		if (!fileName.endsWith(".kpi") || fileName.length() <= ".kpi".length() || fileName.contains("/")) {
			return "The file name ends with .kpi and names no folder, such as acme.kpi.";
		}
		if (container.getFile(IPath.fromOSString(fileName)).exists()) {
			return "'" + container.getFullPath().append(fileName) + "' exists already: choose another name or folder.";
		}
		return ClientTemplateWriter.packageProblem(packageName.getText(), reserved);
	}

	/** The chosen folder, or null if the text names none. */
	public IContainer container() {
		String path = folder == null ? initialFolder : folder.getText().strip();
		if (path.isEmpty()) {
			return null;
		}
		IResource resource = ResourcesPlugin.getWorkspace().getRoot().findMember(IPath.fromOSString(path));
		return resource instanceof IContainer container ? container : null;
	}

	public String fileName() {
		return file.getText().strip();
	}

	public ClientTemplateWriter.Client client(TemplateChoice choice) {
		return new ClientTemplateWriter.Client(packageName.getText().strip(), name.getText().strip(),
				zhLabel.getText().strip(), enLabel.getText().strip(), choice.qualifiedName(), choice.title(),
				choice.examples());
	}

	/** Fills the page as a user would type; for tests and for callers that know the answers. */
	public void fill(String folderPath, String templateName) {
		folder.setText(folderPath);
		name.setText(templateName);
	}

	/** Sets the labels as a user would type them. */
	public void labels(String zh, String en) {
		zhLabel.setText(zh);
		enLabel.setText(en);
	}
}
