package io.yardstick.eclipse.preferences;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.preference.IPersistentPreferenceStore;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/**
 * Window > Preferences > Yardstick: the core-limit of templates that set none (rule 8), and the
 * severity of each issue code, edited in place in the table (click a severity to change it).
 */
public class YardstickPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {
	/** Offered in this order in the severity column. */
	static final String[] SEVERITIES = { YardstickPreferences.ERROR, YardstickPreferences.WARNING,
			YardstickPreferences.INFO, YardstickPreferences.IGNORE };

	private Spinner coreLimit;
	private TableViewer table;
	/** The page's working copy: nothing reaches the store before OK or Apply. */
	private final Map<String, String> severities = new LinkedHashMap<>();

	public YardstickPreferencePage() {
		setDescription("How Yardstick validates .kpi templates in the editor. The command line and the language server "
				+ "keep the language's defaults.");
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(YardstickPreferences.store());
	}

	@Override
	protected IPreferenceStore doGetPreferenceStore() {
		return YardstickPreferences.store();
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		page.setLayout(new GridLayout(2, false));

		Label limitLabel = new Label(page, SWT.NONE);
		limitLabel.setText("Default &core-limit (core metrics per layer):");
		coreLimit = new Spinner(page, SWT.BORDER);
		coreLimit.setValues(YardstickPreferences.defaultCoreLimit(), 1, 99, 0, 1, 5);
		Label limitNote = new Label(page, SWT.WRAP);
		limitNote.setText("Rule 8 (core-limit-exceeded) warns about a layer with more core metrics than this, unless "
				+ "the template or one it extends sets its own core-limit.");
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(500, SWT.DEFAULT).applyTo(limitNote);

		Label tableLabel = new Label(page, SWT.WRAP);
		tableLabel.setText("&Severity of each finding (click a severity to change it; ignore shows no marker):");
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).indent(0, 10).applyTo(tableLabel);
		Composite tableArea = new Composite(page, SWT.NONE);
		TableColumnLayout columns = new TableColumnLayout();
		tableArea.setLayout(columns);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(860, 380).applyTo(tableArea);
		table = new TableViewer(tableArea, SWT.SINGLE | SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
		table.getTable().setHeaderVisible(true);
		table.getTable().setLinesVisible(true);

		TableViewerColumn code = column(columns, "Code", 230);
		code.setLabelProvider(text(rule -> rule.code()));
		TableViewerColumn rule = column(columns, "Rule", 50);
		rule.setLabelProvider(text(r -> r.rule()));
		TableViewerColumn severity = column(columns, "Severity", 90);
		severity.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return severities.get(((Rule) element).code());
			}

			@Override
			public Color getForeground(Object element) {
				// A changed severity stands out from the language's default.
				Rule r = (Rule) element;
				return r.severity().equals(severities.get(r.code())) ? null
						: Display.getCurrent().getSystemColor(SWT.COLOR_DARK_BLUE);
			}
		});
		severity.setEditingSupport(new SeverityEditing(table));
		TableViewerColumn meaning = column(columns, "Finding", 0);
		meaning.setLabelProvider(text(r -> r.meaning()));

		load(false);
		table.setContentProvider(ArrayContentProvider.getInstance());
		table.setInput(Rules.all());
		return page;
	}

	/** A column of a fixed width in pixels, or (width 0) one that takes the rest: the meanings are long. */
	private TableViewerColumn column(TableColumnLayout layout, String title, int pixels) {
		TableViewerColumn column = new TableViewerColumn(table, SWT.NONE);
		column.getColumn().setText(title);
		layout.setColumnData(column.getColumn(), pixels > 0 ? new ColumnPixelData(pixels) : new ColumnWeightData(1, 200));
		return column;
	}

	private static ColumnLabelProvider text(java.util.function.Function<Rule, String> text) {
		return new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((Rule) element);
			}

			@Override
			public String getToolTipText(Object element) {
				return ((Rule) element).meaning();
			}
		};
	}

	/** Fills the working copy from the store, or from the language's defaults. */
	private void load(boolean defaults) {
		IPreferenceStore store = getPreferenceStore();
		severities.clear();
		for (Rule rule : Rules.all()) {
			String key = YardstickPreferences.severityKey(rule.code());
			String value = defaults ? store.getDefaultString(key) : store.getString(key);
			severities.put(rule.code(), value.isEmpty() ? rule.severity() : value);
		}
		coreLimit.setSelection(defaults ? store.getDefaultInt(YardstickPreferences.DEFAULT_CORE_LIMIT)
				: YardstickPreferences.defaultCoreLimit());
	}

	@Override
	protected void performDefaults() {
		load(true);
		table.refresh();
		super.performDefaults();
	}

	@Override
	public boolean performOk() {
		IPreferenceStore store = getPreferenceStore();
		severities.forEach((code, value) -> store.setValue(YardstickPreferences.severityKey(code), value));
		store.setValue(YardstickPreferences.DEFAULT_CORE_LIMIT, coreLimit.getSelection());
		if (store instanceof IPersistentPreferenceStore persistent) {
			try {
				persistent.save();
			} catch (java.io.IOException e) {
				setErrorMessage("The preferences could not be saved: " + e.getMessage());
				return false;
			}
		}
		return true;
	}

	/** Sets a code's severity as a click in the table does; takes effect with OK or Apply. */
	public void setSeverity(String code, String severity) {
		if (!List.of(SEVERITIES).contains(severity) || !severities.containsKey(code)) {
			throw new IllegalArgumentException(code + " = " + severity);
		}
		severities.put(code, severity);
		table.refresh();
	}

	/** Sets the default core-limit as the spinner does; takes effect with OK or Apply. */
	public void setDefaultCoreLimit(int limit) {
		coreLimit.setSelection(limit);
	}

	/** Shows a code's row, for a reader (or a screenshot) to find it. */
	public void reveal(String code) {
		Rule rule = Rules.of(code);
		if (rule != null) {
			table.setSelection(new org.eclipse.jface.viewers.StructuredSelection(rule), true);
		}
	}

	private final class SeverityEditing extends EditingSupport {
		private final ComboBoxCellEditor editor;

		SeverityEditing(TableViewer viewer) {
			super(viewer);
			editor = new ComboBoxCellEditor(viewer.getTable(), SEVERITIES, SWT.READ_ONLY);
		}

		@Override
		protected CellEditor getCellEditor(Object element) {
			return editor;
		}

		@Override
		protected boolean canEdit(Object element) {
			return true;
		}

		@Override
		protected Object getValue(Object element) {
			return List.of(SEVERITIES).indexOf(severities.get(((Rule) element).code()));
		}

		@Override
		protected void setValue(Object element, Object value) {
			int index = (Integer) value;
			if (index >= 0) {
				severities.put(((Rule) element).code(), SEVERITIES[index]);
				getViewer().update(element, null);
			}
		}
	}
}
