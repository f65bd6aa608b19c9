package io.yardstick.eclipse.wizard;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Status;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Yardstick's template library as a workspace project: every template folder the build bundled into
 * library/templates (its .kpi files, README and sample data in data/), copied as it is in example-templates,
 * so that the editor, Preview and Review work on it at once.
 */
public final class TemplateLibrary {
	/** The project the welcome page and the wizard propose. */
	public static final String DEFAULT_PROJECT = "yardstick-templates";
	/** The industry template a consultant starts from, relative to the project. */
	public static final String AFTER_SALES = "after-sales-standard/after-sales.kpi";

	private TemplateLibrary() {
	}

	/** The bundled files by path relative to library/templates, e.g. after-sales-standard/data/Ticket.csv. */
	public static Map<String, URL> files() {
		Map<String, URL> files = new TreeMap<>();
		Bundle bundle = FrameworkUtil.getBundle(TemplateLibrary.class);
		Enumeration<URL> entries = bundle == null ? null : bundle.findEntries(TemplateCatalog.LIBRARY_ROOT, "*", true);
		while (entries != null && entries.hasMoreElements()) {
			URL url = entries.nextElement();
			String path = url.getPath();
			if (!path.endsWith("/")) {
				files.put(path.substring(path.indexOf(TemplateCatalog.LIBRARY_ROOT) + TemplateCatalog.LIBRARY_ROOT.length() + 1),
						url);
			}
		}
		return files;
	}

	/**
	 * Creates and opens the project if needed, then copies in every library file it does not have yet: files the
	 * user changed are left as they are.
	 */
	public static IProject createProject(String name) throws CoreException {
		return createProject(name, null);
	}

	/** As {@link #createProject(String)}, the project at the location, or in the workspace when it is null. */
	public static IProject createProject(String name, URI location) throws CoreException {
		Map<String, URL> files = files();
		if (files.isEmpty()) {
			throw new CoreException(Status.error("The template library is missing from the Yardstick plugin."));
		}
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		IWorkspaceRunnable copy = monitor -> {
			if (!project.exists()) {
				IProjectDescription description = project.getWorkspace().newProjectDescription(name);
				description.setLocationURI(location);
				project.create(description, monitor);
			}
			if (!project.isOpen()) {
				project.open(monitor);
			}
			for (Map.Entry<String, URL> entry : files.entrySet()) {
				IFile file = project.getFile(IPath.fromPortableString(entry.getKey()));
				if (file.exists()) {
					continue;
				}
				createFolders(file.getParent());
				try (InputStream in = entry.getValue().openStream()) {
					file.create(in, true, monitor);
				} catch (IOException e) {
					throw new CoreException(Status.error("Could not read " + entry.getKey() + " from the template library", e));
				}
				if (entry.getKey().endsWith(".kpi")) {
					file.setCharset("UTF-8", monitor);
				}
			}
		};
		ResourcesPlugin.getWorkspace().run(copy, ResourcesPlugin.getWorkspace().getRoot(), IResource.NONE, null);
		return project;
	}

	private static void createFolders(IContainer container) throws CoreException {
		if (container instanceof IFolder folder && !folder.exists()) {
			createFolders(folder.getParent());
			folder.create(true, true, null);
		}
	}
}
