package io.yardstick.views;

import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.spec.DimensionSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/**
 * The Preview view: runs the template's calculator on its sample data in a background thread, with a
 * progress bar and a Cancel button that stops the run, and shows each metric's value, target and status per
 * period for the total or a breakdown chosen in the combo. When a preview completes the results listener is
 * told (a ViewPart passes them to the Metric Layers view for its status column).
 */
public final class PreviewView extends Composite {
	private static final int[] WIDTHS = { 230, 80, 150, 110, 130, 90 };

	private final Button run;
	private final Button cancel;
	private final ProgressBar progress;
	private final Label phase;
	private final Label message;
	private final Combo breakdown;
	private final TableViewer viewer;
	private final PreviewLabelProvider labels;
	private final List<String> groupings = new ArrayList<>();
	private TemplateInput input;
	private Path dataFolder;
	private Results results;
	private String language = "en";
	private Worker worker;
	private Consumer<Results> resultsListener = r -> {
	};
	/** Told of each step's name on the worker thread before the step starts; tests hold a run there. */
	Consumer<String> phaseHook = name -> {
	};

	public PreviewView(Composite parent, int style) {
		super(parent, style);
		setLayout(new GridLayout(1, false));
		Composite bar = new Composite(this, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
		bar.setLayout(new GridLayout(4, false));
		run = new Button(bar, SWT.PUSH);
		run.setText("Run preview");
		run.addListener(SWT.Selection, event -> start());
		cancel = new Button(bar, SWT.PUSH);
		cancel.setText("Cancel");
		cancel.setEnabled(false);
		cancel.addListener(SWT.Selection, event -> cancel());
		progress = new ProgressBar(bar, SWT.HORIZONTAL | SWT.SMOOTH);
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(progress);
		phase = new Label(bar, SWT.NONE);
		GridDataFactory.fillDefaults().hint(260, SWT.DEFAULT).align(SWT.FILL, SWT.CENTER).applyTo(phase);

		message = new Label(this, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(message);

		Composite choice = new Composite(this, SWT.NONE);
		choice.setLayout(new GridLayout(2, false));
		Label breakdownLabel = new Label(choice, SWT.NONE);
		breakdownLabel.setText("Breakdown:");
		breakdown = new Combo(choice, SWT.READ_ONLY);
		GridDataFactory.fillDefaults().hint(220, SWT.DEFAULT).applyTo(breakdown);
		breakdown.addListener(SWT.Selection, event -> showTable());

		viewer = new TableViewer(this, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		Table table = viewer.getTable();
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
		for (int i = 0; i < PreviewLabelProvider.HEADERS.length; i++) {
			TableColumn column = new TableColumn(table, i == PreviewLabelProvider.VALUE ? SWT.RIGHT : SWT.LEFT);
			column.setText(PreviewLabelProvider.HEADERS[i]);
			column.setWidth(WIDTHS[i]);
		}
		viewer.setContentProvider(new PreviewContentProvider());
		labels = new PreviewLabelProvider("en");
		viewer.setLabelProvider(labels);
		addDisposeListener(event -> cancel());
		setInput(null, null);
	}

	/**
	 * The template to preview and the folder of its sample data (one {@code <Source>.csv} per source); a null
	 * data folder means the template folder's {@code data/}. Cancels a preview still running for the last one.
	 */
	public void setInput(TemplateInput newInput, Path newDataFolder) {
		cancel();
		// The old run ends on its own; forgetting it here makes finished() ignore its outcome.
		worker = null;
		cancel.setEnabled(false);
		input = newInput;
		dataFolder = newDataFolder != null ? newDataFolder : newInput == null ? null : newInput.dataFolder();
		results = null;
		groupings.clear();
		breakdown.removeAll();
		breakdown.setEnabled(false);
		viewer.setInput(null);
		progress.setSelection(0);
		phase.setText("");
		run.setEnabled(newInput != null && newInput.template() != null);
		setMessage(newInput == null ? "Open a template to preview it on its sample data."
				: newInput.template() == null ? newInput.problem()
						: "Run the preview to compute " + newInput.template().getName() + " on " + dataFolder + ".");
	}

	public void setLanguage(String newLanguage) {
		language = newLanguage;
		labels.setLanguage(newLanguage);
		if (results != null) {
			fillBreakdowns();
		}
		viewer.refresh(true);
	}

	/** Told, on the UI thread, of each preview that completes. */
	public void setResultsListener(Consumer<Results> listener) {
		resultsListener = listener == null ? r -> {
		} : listener;
	}

	/** Starts a preview in the background; does nothing while one runs. */
	public void start() {
		if (worker != null || input == null || input.template() == null) {
			return;
		}
		worker = new Worker(getDisplay(), input, dataFolder);
		run.setEnabled(false);
		cancel.setEnabled(true);
		progress.setSelection(0);
		setMessage("Previewing…");
		worker.start();
	}

	/** Asks a running preview to stop; it ends at its next check, within about 1% of a data file. */
	public void cancel() {
		if (worker != null) {
			worker.monitor.setCanceled(true);
			if (!cancel.isDisposed() && !phase.isDisposed()) {
				cancel.setEnabled(false);
				phase.setText("cancelling…");
			}
		}
	}

	public boolean isRunning() {
		return worker != null;
	}

	public Results getResults() {
		return results;
	}

	public String getMessage() {
		return message.getText();
	}

	/** The breakdown shown: {@code total}, {@code region}, … */
	public String getBreakdown() {
		int index = breakdown.getSelectionIndex();
		return index < 0 ? null : groupings.get(index);
	}

	public void setBreakdown(String grouping) {
		int index = groupings.indexOf(grouping);
		if (index < 0) {
			throw new IllegalArgumentException("no breakdown " + grouping + "; there are " + groupings);
		}
		breakdown.select(index);
		showTable();
	}

	public TableViewer getViewer() {
		return viewer;
	}

	public Button getRunButton() {
		return run;
	}

	public Button getCancelButton() {
		return cancel;
	}

	public ProgressBar getProgressBar() {
		return progress;
	}

	private void finished(Worker done, PreviewRunner.Outcome outcome) {
		if (isDisposed() || worker != done) {
			return;
		}
		worker = null;
		run.setEnabled(true);
		cancel.setEnabled(false);
		phase.setText(outcome.succeeded() ? "done" : outcome.cancelled() ? "cancelled" : "failed");
		if (!outcome.succeeded()) {
			progress.setSelection(0);
			setMessage(outcome.message());
			return;
		}
		progress.setSelection(progress.getMaximum());
		results = outcome.results();
		fillBreakdowns();
		breakdown.select(0);
		showTable();
		int periods = results.periods().count();
		setMessage(periods == 0 ? "The sample data covers no period: nothing to show."
				: "Computed " + results.template().metrics().size() + " metrics over " + periods + " months ("
						+ results.periods().label(0) + " to " + results.periods().label(periods - 1) + ").");
		resultsListener.accept(results);
	}

	private void fillBreakdowns() {
		String shown = getBreakdown();
		groupings.clear();
		groupings.addAll(PreviewContentProvider.groupings(results));
		breakdown.removeAll();
		for (String grouping : groupings) {
			breakdown.add(breakdownText(grouping));
		}
		breakdown.setEnabled(true);
		int index = shown == null ? 0 : Math.max(0, groupings.indexOf(shown));
		breakdown.select(index);
	}

	/** {@code Total}, or the dimensions' labels: {@code Region (region)}. */
	private String breakdownText(String grouping) {
		if (grouping.equals("total")) {
			return "Total";
		}
		List<String> parts = new ArrayList<>();
		for (String dimension : grouping.split("\\*")) {
			String label = results.template().dimension(dimension).map(DimensionSpec::labels)
					.map(l -> io.yardstick.runtime.results.Values.label(l, language, dimension)).orElse(dimension);
			parts.add(label.equals(dimension) ? dimension : label + " (" + dimension + ")");
		}
		return "By " + String.join(" × ", parts);
	}

	private void showTable() {
		labels.setZone(results == null ? null : results.template().zone());
		String grouping = getBreakdown();
		viewer.setInput(results == null || grouping == null ? null : new PreviewContentProvider.Input(results, grouping));
	}

	private void setMessage(String text) {
		message.setText(text == null ? "" : text);
		layout(true, true);
	}

	/** The background run: its own thread, reporting to the view through the display's queue. */
	private final class Worker extends Thread {
		private final Display display;
		private final TemplateInput runInput;
		private final Path runData;
		final UiMonitor monitor;

		Worker(Display display, TemplateInput runInput, Path runData) {
			super("yardstick-preview");
			setDaemon(true);
			this.display = display;
			this.runInput = runInput;
			this.runData = runData;
			this.monitor = new UiMonitor(display);
		}

		@Override
		public void run() {
			PreviewRunner.Outcome outcome = PreviewRunner.run(runInput, runData, monitor);
			if (!display.isDisposed()) {
				display.asyncExec(() -> finished(this, outcome));
			}
		}
	}

	/**
	 * The worker's monitor: cancellation is a volatile flag the worker reads; progress goes to the progress
	 * bar and the phase label on the UI thread.
	 */
	private final class UiMonitor implements IProgressMonitor {
		private final Display display;
		private volatile boolean cancelled;
		private int total;
		private int worked;

		UiMonitor(Display display) {
			this.display = display;
		}

		@Override
		public void beginTask(String name, int totalWork) {
			total = totalWork;
			ui(() -> {
				progress.setMaximum(Math.max(1, totalWork));
				progress.setSelection(0);
			});
		}

		@Override
		public void done() {
			// finished() sets the final state.
		}

		@Override
		public void internalWorked(double work) {
			worked(work >= 1 ? (int) work : 0);
		}

		@Override
		public boolean isCanceled() {
			return cancelled;
		}

		@Override
		public void setCanceled(boolean value) {
			cancelled = value;
		}

		@Override
		public void setTaskName(String name) {
		}

		@Override
		public void subTask(String name) {
			phaseHook.accept(name);
			ui(() -> {
				if (!cancelled) {
					phase.setText(name);
				}
			});
		}

		@Override
		public void worked(int work) {
			worked = Math.min(total, worked + work);
			int now = worked;
			ui(() -> progress.setSelection(now));
		}

		private void ui(Runnable update) {
			if (!display.isDisposed()) {
				display.asyncExec(() -> {
					if (!progress.isDisposed()) {
						update.run();
					}
				});
			}
		}
	}
}
