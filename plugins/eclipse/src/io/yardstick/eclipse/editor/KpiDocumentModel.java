package io.yardstick.eclipse.editor;

import io.yardstick.eclipse.KpiLanguage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

/**
 * The parsed state of one open .kpi document, shared by the reconciler, content assist, hover and
 * outline. The document is parsed in one resource set together with every other .kpi file of its
 * project, so that imports, sources and templates from other files resolve as they do for the CLI.
 * Access is serialised: EMF resources are not thread-safe, and the reconciler thread and the UI
 * thread both read.
 */
public final class KpiDocumentModel {
	private static final Map<IDocument, KpiDocumentModel> MODELS = new WeakHashMap<>();

	/** Weak: the map above holds models weakly by document, which a strong reference from the value would defeat. */
	private final WeakReference<IDocument> document;
	private XtextResourceSet resourceSet;
	private XtextResource resource;
	private String parsedText;
	/** The other files of the project as they were loaded: file to modification stamp. */
	private Map<IFile, Long> loadedOthers = Map.of();

	private KpiDocumentModel(IDocument document) {
		this.document = new WeakReference<>(document);
	}

	/** The model of a document; one per document, for as long as the document lives. */
	public static KpiDocumentModel of(IDocument document) {
		synchronized (MODELS) {
			return MODELS.computeIfAbsent(document, KpiDocumentModel::new);
		}
	}

	/** The workspace file a document was opened from, or null for one that is not in the workspace. */
	public static IFile fileOf(IDocument document) {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
		if (buffer == null) {
			return null;
		}
		IPath location = buffer.getLocation();
		if (location == null) {
			return null;
		}
		IResource member = ResourcesPlugin.getWorkspace().getRoot().findMember(location);
		return member instanceof IFile file ? file : null;
	}

	public IFile file() {
		IDocument current = document.get();
		return current == null ? null : fileOf(current);
	}

	/**
	 * Runs a reader on the resource parsed from the document's current text. Re-parses only when the
	 * text changed, and reloads the project's other files only when one of them changed.
	 */
	public synchronized <T> T read(Function<XtextResource, T> reader) {
		IDocument current = document.get();
		if (current == null) {
			throw new IllegalStateException("the document was closed");
		}
		String text = current.get();
		IFile file = fileOf(current);
		Map<IFile, Long> others = otherFiles(file);
		if (resourceSet == null || !others.equals(loadedOthers)) {
			resourceSet = newResourceSet(file, others);
			loadedOthers = others;
			resource = null;
		}
		if (resource == null || !text.equals(parsedText)) {
			resource = reload(resourceSet, resource, uriOf(file), text);
			parsedText = text;
		}
		return reader.apply(resource);
	}

	/** The text the resource was last parsed from (what offsets in read() refer to). */
	public synchronized String parsedText() {
		return parsedText;
	}

	private static URI uriOf(IFile file) {
		if (file == null) {
			// A document outside the workspace still gets a .kpi URI so the language's resource factory applies.
			return URI.createURI("memory:/unsaved." + KpiLanguage.FILE_EXTENSION);
		}
		return URI.createPlatformResourceURI(file.getFullPath().toString(), true);
	}

	private static XtextResourceSet newResourceSet(IFile edited, Map<IFile, Long> others) {
		XtextResourceSet set = KpiLanguage.injector().getInstance(XtextResourceSet.class);
		// Every Xtext setup (the views load templates with the language's standalone one) registers its own factory
		// for .kpi in EMF's global registry, and the last one wins. Resources made by another injector carry other
		// grammar objects, and content assist then finds nothing: this set always uses the editor's injector.
		set.getResourceFactoryRegistry().getExtensionToFactoryMap().put(KpiLanguage.FILE_EXTENSION,
				KpiLanguage.injector().getInstance(IResourceFactory.class));
		set.addLoadOption(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name());
		for (IFile other : others.keySet()) {
			try (InputStream in = other.getContents(true)) {
				Resource resource = set.createResource(uriOf(other));
				resource.load(in, set.getLoadOptions());
			} catch (IOException | CoreException | RuntimeException e) {
				// An unreadable neighbour must not stop the edited file from being checked; its names just do not resolve.
			}
		}
		return set;
	}

	private static XtextResource reload(XtextResourceSet set, XtextResource old, URI uri, String text) {
		XtextResource resource = old;
		if (resource == null) {
			Resource existing = set.getResource(uri, false);
			resource = existing instanceof XtextResource xtext ? xtext : (XtextResource) set.createResource(uri);
		}
		resource.unload();
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), set.getLoadOptions());
		} catch (IOException e) {
			// Loading from memory does not do I/O; the parser reports what is wrong with the text as diagnostics.
			throw new IllegalStateException(e);
		}
		return resource;
	}

	/** The other .kpi files of the edited file's project, with their modification stamps. */
	private static Map<IFile, Long> otherFiles(IFile edited) {
		if (edited == null || edited.getProject() == null || !edited.getProject().isAccessible()) {
			return Map.of();
		}
		List<IFile> files = new ArrayList<>();
		collect(edited.getProject(), files);
		Map<IFile, Long> stamps = new LinkedHashMap<>();
		for (IFile file : files) {
			if (!Objects.equals(file, edited)) {
				stamps.put(file, file.getModificationStamp());
			}
		}
		return stamps;
	}

	private static void collect(IContainer container, List<IFile> into) {
		try {
			for (IResource member : container.members()) {
				if (member.isDerived() || member.isTeamPrivateMember() || member.getName().startsWith(".")) {
					continue;
				}
				if (member instanceof IContainer folder) {
					collect(folder, into);
				} else if (member instanceof IFile file && KpiLanguage.FILE_EXTENSION.equals(file.getFileExtension())) {
					into.add(file);
				}
			}
		} catch (CoreException e) {
			// A folder that cannot be listed contributes no files.
		}
	}
}
