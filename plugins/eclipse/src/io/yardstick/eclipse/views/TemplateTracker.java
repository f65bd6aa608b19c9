package io.yardstick.eclipse.views;

import io.yardstick.eclipse.KpiLanguage;
import io.yardstick.runtime.results.Results;
import io.yardstick.views.TemplateInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.PartInitException;

/**
 * The template the Yardstick views of one workbench page show: that of the active .kpi editor's file. One per
 * page, shared by its views, so the folder is loaded and validated once per change and not once per view. It
 * follows editor activation, keeps the last .kpi file while its editor stays open (activating a CSV or the
 * Problems view does not empty the views), reloads when a .kpi file of the loaded folders is saved, and passes
 * the Preview's results and a metric selected in one view to the others.
 */
public final class TemplateTracker {
	/** The family of the background loads, for whoever needs to wait for them. */
	public static final Object JOB_FAMILY = TemplateTracker.class;

	/** A view of the page. Every call comes on the UI thread. */
	public interface Listener {
		/** The template to show: null when no .kpi editor is open. */
		void templateChanged(TemplateInput input);

		/** A preview of the current template completed. */
		default void resultsChanged(Results results) {
		}

		/** A view selected a metric (by name); {@code source} is that view. */
		default void metricSelected(String metric, Listener source) {
		}
	}

	private static final Map<IWorkbenchPage, TemplateTracker> TRACKERS = new HashMap<>();

	private final IWorkbenchPage page;
	private final Display display;
	private final List<Listener> listeners = new ArrayList<>();
	private final IPartListener2 partListener = new PartListener();
	private final IResourceChangeListener saveListener = this::resourcesChanged;
	private IFile file;
	private TemplateLoader.Loaded loaded;
	private Results results;
	/** Counts loads: only the newest one's outcome is shown. */
	private int generation;
	/** Set while a view opens an editor to show a metric: that activation must not move the views elsewhere. */
	private boolean linking;

	private TemplateTracker(IWorkbenchPage page) {
		this.page = page;
		this.display = page.getWorkbenchWindow().getShell().getDisplay();
	}

	/** The page's tracker; the first listener starts it and the last one to leave stops it. */
	static TemplateTracker of(IWorkbenchPage page) {
		return TRACKERS.computeIfAbsent(page, TemplateTracker::new);
	}

	void addListener(Listener listener) {
		if (listeners.isEmpty()) {
			page.addPartListener(partListener);
			ResourcesPlugin.getWorkspace().addResourceChangeListener(saveListener, IResourceChangeEvent.POST_CHANGE);
			follow(kpiFile(page.getActiveEditor()) != null ? kpiFile(page.getActiveEditor()) : anyOpenKpiFile());
		}
		listeners.add(listener);
		if (file == null || loaded != null) {
			listener.templateChanged(input());
		}
		if (results != null) {
			listener.resultsChanged(results);
		}
	}

	void removeListener(Listener listener) {
		listeners.remove(listener);
		if (listeners.isEmpty()) {
			page.removePartListener(partListener);
			ResourcesPlugin.getWorkspace().removeResourceChangeListener(saveListener);
			TRACKERS.remove(page);
			generation++;
		}
	}

	/** The template shown; null while none is open (or while the first load runs). */
	public TemplateInput input() {
		return file == null || loaded == null ? null : loaded.input();
	}

	/** The .kpi file whose template is shown. */
	public IFile file() {
		return file;
	}

	void publishResults(TemplateInput of, Results newResults) {
		if (input() == null || !Objects.equals(input().folder(), of.folder())) {
			return;
		}
		results = newResults;
		for (Listener listener : List.copyOf(listeners)) {
			listener.resultsChanged(newResults);
		}
	}

	void publishSelection(String metric, Listener source) {
		for (Listener listener : List.copyOf(listeners)) {
			if (listener != source) {
				listener.metricSelected(metric, source);
			}
		}
	}

	/** Runs an editor operation of a view without following the editor it activates. */
	void linking(Runnable open) {
		linking = true;
		try {
			open.run();
		} finally {
			linking = false;
		}
	}

	private void follow(IFile newFile) {
		if (Objects.equals(newFile, file) && (newFile == null || loaded != null)) {
			return;
		}
		Path oldFolder = input() == null ? null : input().folder();
		file = newFile;
		loaded = null;
		if (newFile == null) {
			generation++;
			results = null;
			notifyTemplate();
			return;
		}
		load(newFile, oldFolder);
	}

	private void load(IFile target, Path oldFolder) {
		IPath location = target.getLocation();
		if (location == null) {
			return;
		}
		int mine = ++generation;
		Path path = location.toFile().toPath();
		Job job = new Job("Loading the Yardstick template of " + target.getName()) {
			@Override
			protected org.eclipse.core.runtime.IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
				TemplateLoader.Loaded result = TemplateLoader.load(path);
				if (!display.isDisposed()) {
					display.asyncExec(() -> loaded(mine, target, result, oldFolder));
				}
				return org.eclipse.core.runtime.Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == JOB_FAMILY;
			}
		};
		job.setSystem(true);
		job.schedule();
	}

	private void loaded(int mine, IFile target, TemplateLoader.Loaded result, Path oldFolder) {
		if (mine != generation || !target.equals(file)) {
			return;
		}
		loaded = result;
		if (!Objects.equals(oldFolder, result.input().folder())) {
			// Statuses of another folder's preview would be wrong here; a reload of the same folder keeps them.
			results = null;
		}
		notifyTemplate();
	}

	private void notifyTemplate() {
		TemplateInput input = input();
		for (Listener listener : List.copyOf(listeners)) {
			listener.templateChanged(input);
		}
	}

	/** After a save (or any change on disk) of a .kpi file in a loaded folder, the template is loaded again. */
	private void resourcesChanged(IResourceChangeEvent event) {
		TemplateLoader.Loaded current = loaded;
		if (event.getDelta() == null || current == null) {
			return;
		}
		List<Path> folders = current.folders();
		AtomicBoolean touched = new AtomicBoolean();
		try {
			event.getDelta().accept(delta -> {
				IResource resource = delta.getResource();
				if (resource instanceof IFile changed && KpiLanguage.FILE_EXTENSION.equals(changed.getFileExtension())
						&& (delta.getKind() != IResourceDelta.CHANGED || (delta.getFlags() & IResourceDelta.CONTENT) != 0)
						&& changed.getLocation() != null) {
					Path path = changed.getLocation().toFile().toPath().toAbsolutePath().normalize();
					if (folders.stream().anyMatch(folder -> path.startsWith(folder.toAbsolutePath().normalize()))) {
						touched.set(true);
					}
				}
				return !touched.get();
			});
		} catch (CoreException e) {
			return;
		}
		if (touched.get() && !display.isDisposed()) {
			display.asyncExec(() -> {
				if (file != null && loaded == current && file.exists()) {
					load(file, current.input().folder());
				}
			});
		}
	}

	private static IFile kpiFile(IEditorPart editor) {
		return editor == null ? null : kpiFile(editor.getEditorInput());
	}

	private static IFile kpiFile(IEditorInput input) {
		return input instanceof IFileEditorInput fileInput
				&& KpiLanguage.FILE_EXTENSION.equals(fileInput.getFile().getFileExtension()) ? fileInput.getFile() : null;
	}

	/** A .kpi file some open editor shows, or null; editors not yet restored are not restored for this. */
	private IFile anyOpenKpiFile() {
		for (IEditorReference reference : page.getEditorReferences()) {
			try {
				IFile kpi = kpiFile(reference.getEditorInput());
				if (kpi != null) {
					return kpi;
				}
			} catch (PartInitException e) {
				// An editor whose input cannot be restored shows no template.
			}
		}
		return null;
	}

	private boolean isOpen(IFile target) {
		for (IEditorReference reference : page.getEditorReferences()) {
			try {
				if (target.equals(kpiFile(reference.getEditorInput()))) {
					return true;
				}
			} catch (PartInitException e) {
				// Not restorable: not an open editor of the file.
			}
		}
		return false;
	}

	private final class PartListener implements IPartListener2 {
		@Override
		public void partActivated(IWorkbenchPartReference reference) {
			if (!linking && reference instanceof IEditorReference editor) {
				IFile kpi = kpiFile(editor.getEditor(false));
				if (kpi != null) {
					follow(kpi);
				}
			}
		}

		@Override
		public void partInputChanged(IWorkbenchPartReference reference) {
			partActivated(reference);
		}

		@Override
		public void partClosed(IWorkbenchPartReference reference) {
			if (reference instanceof IEditorReference && file != null && !isOpen(file)) {
				IFile active = kpiFile(page.getActiveEditor());
				follow(active != null ? active : anyOpenKpiFile());
			}
		}
	}
}
