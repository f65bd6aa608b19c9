package io.yardstick.dsl.ide.server;

import com.google.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.log4j.Logger;
import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.xtext.ide.server.BuildManager.Buildable;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.workspace.IProjectConfig;
import org.eclipse.xtext.workspace.ISourceFolder;
import org.eclipse.xtext.workspace.IWorkspaceConfig;
import org.eclipse.xtext.workspace.UnknownProjectConfig;
import org.eclipse.xtext.workspace.WorkspaceConfig;
import org.eclipse.xtext.xbase.lib.Procedures.Procedure2;

/**
 * The server's view of the files, as an editor may describe them: no root at all (a single file opened
 * without a folder), a root, several workspace folders, folders without any .kpi file, and files opened outside
 * every folder (docs/lsp.md, "Workspaces").
 *
 * <p>All workspace folders form one model, the {@code workspace} project, as {@code yardstick validate A B}
 * loads its arguments: a template in one folder may import from another. A folder inside another is already
 * part of it. A file opened outside every folder becomes a project of its own: the file, the files it imports
 * found beside it ({@link LooseFileImports}), and, through a project dependency, everything in the workspace
 * folders. The project goes away when the file is closed.
 *
 * <p>Documents are {@link LenientDocument}s, so that no position a client sends can fail a request, and a
 * build that fails on a text still ends with published diagnostics for it ({@link UnanalysableText}).
 */
public class KpiWorkspaceManager extends WorkspaceManager {
	/** The folders' project is named after its folders, so that a change of folders makes a new project. */
	static final String WORKSPACE_PROJECT = "workspace ";
	private static final Logger LOG = Logger.getLogger(KpiWorkspaceManager.class);

	@Inject
	private UriExtensions uriExtensions;

	@Inject
	private OperationCanceledManager operationCanceledManager;

	/** The files opened outside every folder, each with what it imports; insertion order keeps builds stable. */
	private final Map<URI, LooseFile> looseFiles = new LinkedHashMap<>();
	private int looseGeneration;
	private final Set<URI> replacing = new java.util.HashSet<>();
	private Procedure2<? super URI, ? super Iterable<Issue>> issueAcceptor;

	private record LooseFile(String projectName, List<URI> members, String importLines) {
	}

	@Override
	public void initialize(URI baseDir, Procedure2<? super URI, ? super Iterable<Issue>> issueAcceptor,
			CancelIndicator cancelIndicator) {
		// No rootUri and no rootPath: an editor with a single file and no folder. Nothing to load until it opens one.
		List<WorkspaceFolder> folders = baseDir == null ? List.of()
				: List.of(new WorkspaceFolder(uriExtensions.toUriString(baseDir), ""));
		initialize(folders, issueAcceptor, cancelIndicator);
	}

	@Override
	public void initialize(List<WorkspaceFolder> workspaceFolders,
			Procedure2<? super URI, ? super Iterable<Issue>> issueAcceptor, CancelIndicator cancelIndicator) {
		// While a loose file's project is replaced, its removal must not clear the file's diagnostics: the new
		// project's build publishes them, and a client would see an empty list for its version in between.
		Procedure2<URI, Iterable<Issue>> publishing = (uri, issues) -> {
			if (!(replacing.contains(uri) && !issues.iterator().hasNext())) {
				issueAcceptor.apply(uri, issues);
			}
		};
		this.issueAcceptor = publishing;
		super.initialize(workspaceFolders == null ? List.of() : workspaceFolders, publishing, cancelIndicator);
	}

	@Override
	protected void refreshWorkspaceConfig(CancelIndicator cancelIndicator) {
		try {
			super.refreshWorkspaceConfig(cancelIndicator);
		} catch (RuntimeException | StackOverflowError failure) {
			if (operationCanceledManager.isOperationCanceledException(failure)) {
				throw failure;
			}
			// The first build of a folder failed on some file: the server still starts, and says so where it can.
			LOG.error("the build of the workspace failed", failure);
			reportUnanalysable(new ArrayList<>(getOpenDocuments().keySet()), failure);
		}
	}

	@Override
	protected IWorkspaceConfig createWorkspaceConfig() {
		WorkspaceConfig config = new WorkspaceConfig();
		List<URI> roots = folderRoots(getWorkspaceFolders());
		if (!roots.isEmpty()) {
			config.addProject(SourcesProject.ofFolders(WORKSPACE_PROJECT + roots, roots, config));
		}
		looseFiles.forEach((file, loose) -> {
			List<URI> files = new ArrayList<>();
			files.add(file);
			files.addAll(loose.members());
			config.addProject(SourcesProject.ofFiles(loose.projectName(), file.trimSegments(1).appendSegment(""), files, config));
		});
		return config;
	}

	/** The workspace folders' project, if there are folders. */
	static IProjectConfig workspaceProject(IWorkspaceConfig config) {
		return config.getProjects().stream().filter(project -> project instanceof SourcesProject sources && sources.isFolders())
				.findFirst().orElse(null);
	}

	/** The name of the project this one sees besides itself: every loose file's project sees the folders'. */
	static String visibleProject(IProjectConfig project) {
		boolean loose = project instanceof SourcesProject sources && !sources.isFolders();
		IProjectConfig workspace = loose ? workspaceProject(project.getWorkspaceConfig()) : null;
		return workspace == null ? null : workspace.getName();
	}

	@Override
	public void didChangeWorkspaceFolders(org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams params, CancelIndicator cancelIndicator) {
		// The loose files' projects are made anew too, to depend on the new folders' project.
		looseFiles.replaceAll((file, loose) -> new LooseFile("file " + file + " #" + ++looseGeneration, loose.members(), loose.importLines()));
		super.didChangeWorkspaceFolders(params, cancelIndicator);
	}

	/** Local folders that exist, each once; a folder inside another is left to the outer one. */
	private List<URI> folderRoots(List<WorkspaceFolder> folders) {
		List<Path> paths = new ArrayList<>();
		for (WorkspaceFolder folder : folders) {
			Path path = localPath(folder == null ? null : folder.getUri());
			if (path != null && Files.isDirectory(path)) {
				paths.add(path);
			} else if (folder != null) {
				LOG.warn("workspace folder skipped, it is not a local folder: " + folder.getUri());
			}
		}
		paths.sort(Comparator.comparingInt(Path::getNameCount).thenComparing(Path::toString));
		List<Path> kept = new ArrayList<>();
		for (Path path : paths) {
			if (kept.stream().noneMatch(path::startsWith)) {
				kept.add(path);
			}
		}
		return kept.stream().map(path -> {
			URI uri = fileUri(path);
			return uri.hasTrailingPathSeparator() ? uri : uri.appendSegment("");
		}).toList();
	}

	private Path localPath(String uri) {
		if (uri == null) {
			return null;
		}
		try {
			URI parsed = uriExtensions.toUri(uri);
			return parsed.isFile() ? Paths.get(parsed.toFileString()).toAbsolutePath().normalize() : null;
		} catch (RuntimeException notAPath) {
			return null;
		}
	}

	@Override
	public Buildable didOpen(URI uri, Integer version, String contents) {
		LenientDocument document = new LenientDocument(version, contents);
		getOpenDocuments().put(uri, document);
		if (isOutsideEveryFolder(uri)) {
			looseFiles.put(uri, looseFile(uri, document.getContents()));
			refreshWorkspaceConfig(CancelIndicator.NullImpl);
		}
		return didChangeFiles(List.of(uri), List.of());
	}

	@Override
	public Buildable didChangeTextDocumentContent(URI uri, Integer version,
			Iterable<TextDocumentContentChangeEvent> changes) {
		Document current = getOpenDocuments().get(uri);
		if (current == null) {
			LOG.warn("a change to a document that is not open: " + uri);
			return Buildable.NO_BUILD;
		}
		LenientDocument lenient = current instanceof LenientDocument already ? already
				: new LenientDocument(current.getVersion(), current.getContents());
		LenientDocument changed = lenient.withChanges(version, changes);
		getOpenDocuments().put(uri, changed);
		LooseFile loose = looseFiles.get(uri);
		if (loose != null && !loose.importLines().equals(importLines(changed.getContents()))) {
			// Its imports changed: what the file needs beside it may have changed too.
			looseFiles.put(uri, looseFile(uri, changed.getContents()));
			replacing.add(uri);
			try {
				refreshWorkspaceConfig(CancelIndicator.NullImpl);
			} finally {
				replacing.remove(uri);
			}
		}
		return didChangeFiles(List.of(uri), List.of());
	}

	@Override
	public Buildable didClose(URI uri) {
		if (looseFiles.remove(uri) != null) {
			getOpenDocuments().remove(uri);
			// Dropping its project also clears the diagnostics it published.
			refreshWorkspaceConfig(CancelIndicator.NullImpl);
			return Buildable.NO_BUILD;
		}
		return super.didClose(uri);
	}

	@Override
	public Buildable didChangeFiles(List<URI> dirtyFiles, List<URI> deletedFiles) {
		Buildable build = super.didChangeFiles(dirtyFiles, deletedFiles);
		return cancelIndicator -> {
			try {
				return build.build(cancelIndicator);
			} catch (RuntimeException | StackOverflowError failure) {
				if (operationCanceledManager.isOperationCanceledException(failure)) {
					throw failure;
				}
				LOG.error("a build failed", failure);
				reportUnanalysable(dirtyFiles, failure);
				return List.<IResourceDescription.Delta>of();
			}
		};
	}

	/** Publishes, for each open document among {@code files}, one positioned error that says it was not analysed. */
	private void reportUnanalysable(List<URI> files, Throwable failure) {
		if (issueAcceptor == null) {
			return;
		}
		for (URI file : files) {
			Document document = getOpenDocuments().get(file);
			if (document != null) {
				issueAcceptor.apply(file, List.of(UnanalysableText.issue(file, document.getContents(), failure)));
			}
		}
	}

	/** The version of the open document's text, or null when it is not open. */
	public Integer openVersion(URI uri) {
		Document document = getOpenDocuments().get(uri);
		return document == null ? null : document.getVersion();
	}

	@Override
	protected Document getDocument(XtextResource resource) {
		Document open = getOpenDocuments().get(resource.getURI());
		if (open != null) {
			return open;
		}
		boolean parsed = resource.getParseResult() != null && resource.getParseResult().getRootNode() != null;
		return new LenientDocument(1, parsed ? resource.getParseResult().getRootNode().getText() : "");
	}

	private boolean isOutsideEveryFolder(URI uri) {
		if (!uri.isFile() || looseFiles.containsKey(uri)) {
			return false;
		}
		IProjectConfig project = getWorkspaceConfig().findProjectContaining(uri);
		return project == null || project instanceof UnknownProjectConfig;
	}

	private LooseFile looseFile(URI uri, String text) {
		Path file = Paths.get(uri.toFileString());
		List<URI> members = LooseFileImports.of(file, text, this::inWorkspaceFolder).stream()
				.map(this::fileUri).toList();
		return new LooseFile("file " + uri + " #" + ++looseGeneration, members, importLines(text));
	}

	private boolean inWorkspaceFolder(Path path) {
		IProjectConfig workspace = workspaceProject(getWorkspaceConfig());
		return workspace != null && workspace.findSourceFolderContaining(fileUri(path)) != null;
	}

	/** A file's URI as the file system scanner and the client write it: file:///…, minimally encoded. */
	private URI fileUri(Path path) {
		return uriExtensions.toEmfUri(path.toUri());
	}

	private static String importLines(String text) {
		return LooseFileImports.packageOf(text) + " " + LooseFileImports.importsOf(text);
	}

	/** A project made of source folders: whole folders (the workspace's) or single files (a loose file's). */
	static final class SourcesProject implements IProjectConfig {
		private final String name;
		private final URI path;
		private final Set<ISourceFolder> sources;
		private final IWorkspaceConfig workspace;
		private final boolean folders;

		private SourcesProject(String name, URI path, List<ISourceFolder> sources, boolean folders, IWorkspaceConfig workspace) {
			this.name = name;
			this.path = path;
			this.sources = new java.util.LinkedHashSet<>(sources);
			this.folders = folders;
			this.workspace = workspace;
		}

		static SourcesProject ofFolders(String name, List<URI> roots, IWorkspaceConfig workspace) {
			return new SourcesProject(name, roots.get(0), roots.stream().map(root -> (ISourceFolder) new Folder(root)).toList(), true,
					workspace);
		}

		static SourcesProject ofFiles(String name, URI path, List<URI> files, IWorkspaceConfig workspace) {
			return new SourcesProject(name, path, files.stream().map(file -> (ISourceFolder) new SingleFile(file)).toList(), false,
					workspace);
		}

		/** Whether this is the workspace folders' project. */
		boolean isFolders() {
			return folders;
		}

		@Override
		public String getName() {
			return name;
		}

		@Override
		public URI getPath() {
			return path;
		}

		@Override
		public Set<? extends ISourceFolder> getSourceFolders() {
			return sources;
		}

		@Override
		public ISourceFolder findSourceFolderContaining(URI member) {
			return sources.stream().filter(source -> source.contains(member)).findFirst().orElse(null);
		}

		@Override
		public IWorkspaceConfig getWorkspaceConfig() {
			return workspace;
		}
	}

	private record Folder(URI getPath) implements ISourceFolder {
		@Override
		public String getName() {
			return getPath.toString();
		}
	}

	private record SingleFile(URI getPath) implements ISourceFolder {
		@Override
		public String getName() {
			return getPath.toString();
		}

		@Override
		public boolean contains(URI uri) {
			return getPath.equals(uri);
		}

		@Override
		public List<URI> getAllResources(org.eclipse.xtext.util.IFileSystemScanner scanner) {
			return List.of(getPath);
		}
	}
}
