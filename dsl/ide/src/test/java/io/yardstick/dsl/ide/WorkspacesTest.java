package io.yardstick.dsl.ide;

import static io.yardstick.dsl.ide.LanguageServerSession.await;
import static io.yardstick.dsl.ide.LanguageServerSession.positionOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersChangeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an editor may say in {@code initialize} about where the files are: nothing (a single file opened
 * without a folder, {@code rootUri: null}), a root, several workspace folders, a root without any .kpi file;
 * and a file opened outside every folder, which is validated with what it imports and nothing else.
 */
class WorkspacesTest {
	/** The fixture template, as the industry template a client template extends. */
	private static final String SERVICE = LanguageServerSession.resource("service.kpi");

	/** Extends the fixture from another package; one deliberate error proves the file is validated. */
	private static final String CLIENT = """
			package clients.acme

			import fixture.Service

			template Acme extends Service {
				layer management "管理层"@zh {
					metric meanCsat "平均评分"@zh : score(1..5) higher-is-better {
						= avg(Ticket.csat)
					}
				}
				link meanCsat -> satisfaction : positive
				link meanCsat -> satisfactoin : positive
			}
			""";

	/** Same package as nothing the client imports, and broken: loading it would show. */
	private static final String UNRELATED = """
			package unrelated

			template Unrelated {
				metric
			""";

	private static List<String> findings(List<Diagnostic> diagnostics) {
		return diagnostics.stream()
				.map(d -> d.getRange().getStart().getLine() + ":" + d.getRange().getStart().getCharacter() + " "
						+ d.getCode().getLeft() + " " + d.getMessage().getLeft())
				.toList();
	}

	private static final List<String> CLIENT_FINDINGS = List.of(
			"11:18 unresolved-reference unknown metric `satisfactoin`; did you mean `satisfaction`?");

	private static Path write(Path file, String text) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file.toRealPath();
	}

	@Test
	void withoutAnyRootASingleFileIsValidatedWithWhatItImportsFromBesideIt(@TempDir Path temp) throws Exception {
		Path library = temp.toRealPath();
		write(library.resolve("service/service.kpi"), SERVICE);
		write(library.resolve("unrelated/unrelated.kpi"), UNRELATED);
		Path client = write(library.resolve("acme/acme.kpi"), CLIENT);

		try (LanguageServerSession session = LanguageServerSession.start(null, params -> params.setRootUri(null))) {
			assertThat(session.initializeResult().getCapabilities().getHoverProvider().getLeft()).isTrue();
			TextDocumentIdentifier opened = session.edit(client, CLIENT);

			assertThat(findings(session.diagnostics(client))).isEqualTo(CLIENT_FINDINGS);
			// The imported template is in the model: definition jumps into it.
			List<? extends Location> definition = await(session.server().getTextDocumentService()
					.definition(new DefinitionParams(opened, positionOf(CLIENT, "extends Service", 9)))).getLeft();
			assertThat(definition).extracting(Location::getUri).containsExactly(LanguageServerSession.uriOf(library.resolve("service/service.kpi")));
			// The broken file beside it is neither loaded nor reported.
			assertThat(session.publications()).extracting(PublishDiagnosticsParams::getUri)
					.doesNotContain(LanguageServerSession.uriOf(library.resolve("unrelated/unrelated.kpi")));
		}
	}

	@Test
	void withARootEveryFileBelowItIsOneModel(@TempDir Path temp) throws Exception {
		Path root = temp.toRealPath();
		write(root.resolve("service/service.kpi"), SERVICE);
		Path client = write(root.resolve("acme/acme.kpi"), CLIENT);

		try (LanguageServerSession session = LanguageServerSession.start(root, params -> {
		})) {
			assertThat(findings(session.diagnostics(client))).as("published by the first build, before any file is opened")
					.isEqualTo(CLIENT_FINDINGS);
			session.edit(client, CLIENT.replace("\tlink meanCsat -> satisfactoin : positive\n", ""));
			assertThat(session.diagnostics(client)).isEmpty();
		}
	}

	@Test
	void severalWorkspaceFoldersAreOneModelAndANestedFolderCountsOnce(@TempDir Path temp) throws Exception {
		Path base = write(temp.resolve("industry/service.kpi"), SERVICE).getParent();
		Path clients = write(temp.resolve("clients/acme.kpi"), CLIENT).getParent();
		Path client = clients.resolve("acme.kpi");

		try (LanguageServerSession session = LanguageServerSession.start(null, params -> {
			params.setRootUri(null);
			params.setWorkspaceFolders(List.of(new WorkspaceFolder(LanguageServerSession.uriOf(clients), "clients"),
					new WorkspaceFolder(LanguageServerSession.uriOf(base), "industry"),
					// Inside "industry": listing it again must not load service.kpi twice (no duplicate names).
					new WorkspaceFolder(LanguageServerSession.uriOf(base), "industry again")));
			WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
			workspace.setWorkspaceFolders(true);
			ClientCapabilities capabilities = params.getCapabilities();
			capabilities.setWorkspace(workspace);
		})) {
			assertThat(session.initializeResult().getCapabilities().getWorkspace().getWorkspaceFolders().getSupported()).isTrue();
			assertThat(findings(session.diagnostics(client))).isEqualTo(CLIENT_FINDINGS);
			assertThat(session.diagnostics(base.resolve("service.kpi"))).isEmpty();
		}
	}

	@Test
	void aFolderAddedLaterJoinsTheModel(@TempDir Path temp) throws Exception {
		Path base = write(temp.resolve("industry/service.kpi"), SERVICE).getParent();
		Path clients = write(temp.resolve("clients/acme.kpi"), CLIENT).getParent();
		Path client = clients.resolve("acme.kpi");

		try (LanguageServerSession session = LanguageServerSession.start(null, params -> {
			params.setRootUri(null);
			params.setWorkspaceFolders(List.of(new WorkspaceFolder(LanguageServerSession.uriOf(clients), "clients")));
		})) {
			assertThat(findings(session.diagnostics(client))).contains(
					"2:7 unresolved-import import `fixture.Service` matches nothing: no template or source is called `fixture.Service`");
			session.server().getWorkspaceService().didChangeWorkspaceFolders(new DidChangeWorkspaceFoldersParams(
					new WorkspaceFoldersChangeEvent(List.of(new WorkspaceFolder(LanguageServerSession.uriOf(base), "industry")), List.of())));
			assertThat(findings(session.diagnostics(client, diagnostics -> findings(diagnostics).equals(CLIENT_FINDINGS))))
					.isEqualTo(CLIENT_FINDINGS);
		}
	}

	@Test
	void aRootWithoutTemplatesTakesTheFirstFileItIsGiven(@TempDir Path temp) throws Exception {
		Path root = temp.toRealPath();
		Files.writeString(root.resolve("README.txt"), "no templates here");

		try (LanguageServerSession session = LanguageServerSession.start(root, params -> {
		})) {
			// A new file, not yet saved: it exists only in the editor.
			Path unsaved = root.resolve("new.kpi");
			session.edit(unsaved, SERVICE);
			assertThat(session.diagnostics(unsaved)).isEmpty();
			session.edit(unsaved, SERVICE.replace("avg(Ticket.csat)", "avg(Ticket.cstat)"));
			assertThat(findings(session.diagnostics(unsaved)))
					.containsExactly("18:16 unresolved-reference unknown field `cstat` in source Ticket; did you mean `csat`?");
		}
	}

	@Test
	void aFileOutsideEveryFolderSeesTheWorkspaceAndOnlyWhatItImports(@TempDir Path temp) throws Exception {
		Path root = write(temp.resolve("workspace/service.kpi"), SERVICE).getParent();
		write(temp.resolve("elsewhere/unrelated/unrelated.kpi"), UNRELATED);
		Path client = write(temp.resolve("elsewhere/acme/acme.kpi"), CLIENT);

		try (LanguageServerSession session = LanguageServerSession.start(root, params -> {
		})) {
			assertThat(session.diagnostics(root.resolve("service.kpi"))).isEmpty();
			session.edit(client, CLIENT);
			assertThat(findings(session.diagnostics(client))).isEqualTo(CLIENT_FINDINGS);
			assertThat(session.publications()).extracting(PublishDiagnosticsParams::getUri)
					.doesNotContain(LanguageServerSession.uriOf(temp.resolve("elsewhere/unrelated/unrelated.kpi").toRealPath()));
			// Adding an import the workspace cannot satisfy is found when the file changes.
			session.edit(client, CLIENT.replace("import fixture.Service", "import fixture.Service\nimport nowhere.Missing"));
			// The edit's diagnostics are waited for: the last publication may still be the one before it.
			String unresolved = "3:7 unresolved-import import `nowhere.Missing` matches nothing: no template or source is called `nowhere.Missing`";
			assertThat(findings(session.diagnostics(client, published -> findings(published).contains(unresolved))))
					.contains(unresolved);
			// Closed, it is forgotten: its problems go with it.
			session.closeDocument(client);
			assertThat(session.diagnostics(client, List::isEmpty)).isEmpty();
		}
	}
}
