package io.yardstick.eclipse.wizard;

import io.yardstick.dsl.clienttemplate.TemplateChoice;
import io.yardstick.dsl.clienttemplate.TemplateFolders;
import io.yardstick.dsl.services.KpiGrammarAccess;
import io.yardstick.eclipse.KpiLanguage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The templates a client template can extend: the industry templates of Yardstick's template
 * library, bundled into this plugin at build time (features/pom.xml copies example-templates into
 * library/templates), and every template found in the workspace. Each folder is parsed as one
 * model, so that the skeleton's examples can name the template's real layers, metrics and sources.
 */
public final class TemplateCatalog {
	/** Where the build puts the library in the bundle, one folder per template as in example-templates. */
	static final String LIBRARY_ROOT = "library/templates";

	private TemplateCatalog() {
	}

	/** The grammar's keywords that cannot be identifiers: all keywords but those ValidID admits (client, count...). */
	public static Set<String> reservedWords() {
		return TemplateFolders.reservedWords(KpiLanguage.injector().getInstance(KpiGrammarAccess.class));
	}

	/** The library's industry templates (those that extend nothing), sorted by folder. */
	public static List<TemplateChoice> library() {
		Bundle bundle = FrameworkUtil.getBundle(TemplateCatalog.class);
		Map<String, Map<String, byte[]>> folders = new TreeMap<>();
		Enumeration<URL> entries = bundle == null ? null : bundle.findEntries(LIBRARY_ROOT, "*", true);
		while (entries != null && entries.hasMoreElements()) {
			URL url = entries.nextElement();
			String path = url.getPath();
			String relative = path.substring(path.indexOf(LIBRARY_ROOT) + LIBRARY_ROOT.length() + 1);
			int slash = relative.indexOf('/');
			if (slash < 0 || relative.endsWith("/") || relative.indexOf('/', slash + 1) >= 0) {
				continue; // only files directly inside a template's folder
			}
			try (InputStream in = url.openStream()) {
				folders.computeIfAbsent(relative.substring(0, slash), f -> new TreeMap<>())
						.put(relative.substring(slash + 1), in.readAllBytes());
			} catch (IOException e) {
				// An unreadable entry of our own bundle: leave that file out, the others still list.
			}
		}
		List<TemplateChoice> choices = new ArrayList<>();
		folders.forEach((folder, files) -> choices.addAll(templatesOf(folder, files, TemplateChoice.LIBRARY, null, true)));
		return choices;
	}

	/** Every template in the workspace's open projects, by path. */
	public static List<TemplateChoice> workspace() {
		List<TemplateChoice> choices = new ArrayList<>();
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			if (project.isAccessible()) {
				collect(project, choices);
			}
		}
		choices.sort(Comparator.comparing(TemplateChoice::origin).thenComparing(TemplateChoice::qualifiedName));
		return choices;
	}

	/** Whether a .kpi file of the project declares the template, so it needs no copy. */
	public static boolean declares(IProject project, String qualifiedName) {
		List<TemplateChoice> found = new ArrayList<>();
		collect(project, found);
		return found.stream().anyMatch(choice -> choice.qualifiedName().equals(qualifiedName));
	}

	private static void collect(IContainer container, List<TemplateChoice> into) {
		Map<String, byte[]> files = new TreeMap<>();
		List<IContainer> folders = new ArrayList<>();
		try {
			for (IResource member : container.members()) {
				if (member.isDerived() || member.isTeamPrivateMember() || member.getName().startsWith(".")) {
					continue;
				}
				if (member instanceof IContainer folder) {
					folders.add(folder);
				} else if (member instanceof IFile file && (KpiLanguage.FILE_EXTENSION.equals(file.getFileExtension())
						|| "README.md".equals(file.getName()))) {
					try (InputStream in = file.getContents(true)) {
						files.put(file.getName(), in.readAllBytes());
					}
				}
			}
		} catch (CoreException | IOException e) {
			// A folder that cannot be read offers no templates; the rest of the workspace still does.
		}
		if (files.keySet().stream().anyMatch(name -> name.endsWith("." + KpiLanguage.FILE_EXTENSION))) {
			into.addAll(templatesOf(container.getName(), files, container.getFullPath().toString(),
					container.getProject().getName(), false));
		}
		for (IContainer folder : folders) {
			collect(folder, into);
		}
	}

	/** Parses one folder's files together and describes its templates. */
	static List<TemplateChoice> templatesOf(String folder, Map<String, byte[]> files, String origin, String project,
			boolean industryOnly) {
		return TemplateFolders.templatesOf(KpiLanguage.injector().getInstance(XtextResourceSet.class), folder, files,
				origin, project, industryOnly);
	}
}
