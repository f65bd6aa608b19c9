package io.yardstick.dsl.ide.server;

import com.google.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.log4j.Logger;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentOnTypeFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import io.yardstick.dsl.workspace.KpiWorkspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.service.OperationCanceledManager;

/**
 * Xtext's language server, made to answer. Every request gets its result, or the empty result of its kind when
 * the text or the position gives nothing to say (docs/lsp.md, "Broken input"); a failure inside a service is
 * logged on the server's standard error and never reaches the client as an internal error, with or without
 * the document's text. Only cancellation is passed on, as the protocol's {@code RequestCancelled}.
 *
 * <p>Diagnostics carry the version of the text they are about, so a client can tell them from an older
 * version's. And the workspace folders a client sends are used even when its capabilities do not announce
 * them, as some clients send folders without saying so.
 */
public class KpiLanguageServer extends LanguageServerImpl {
	private static final Logger LOG = Logger.getLogger(KpiLanguageServer.class);

	@Inject
	private OperationCanceledManager operationCanceledManager;

	@Inject
	private UriExtensions uriExtensions;

	private WorkspaceManager workspace;
	private InitializeParams initializeParams;

	@Inject
	@Override
	public void setWorkspaceManager(WorkspaceManager manager) {
		this.workspace = manager;
		super.setWorkspaceManager(manager);
	}

	@Override
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		this.initializeParams = params;
		return super.initialize(params);
	}

	@Override
	protected boolean clientSupportsWorkspaceFolders() {
		return super.clientSupportsWorkspaceFolders()
				|| initializeParams != null && initializeParams.getWorkspaceFolders() != null && !initializeParams.getWorkspaceFolders().isEmpty();
	}

	@Override
	public void connect(LanguageClient client) {
		this.client = client;
		super.connect(versioning(client));
	}

	/** The client as connected, to publish test failures beside the validator's diagnostics. */
	private LanguageClient client;
	/** Per document URI, the validator's diagnostics last published, and the failing tests of the last save. */
	private final Map<String, List<Diagnostic>> validated = new ConcurrentHashMap<>();
	private final Map<String, List<Diagnostic>> testFailures = new ConcurrentHashMap<>();
	private KpiWorkspace testWorkspace;

	/**
	 * Runs the saved file's template tests (docs/testing.md) and shows each failure on its expectation. On save
	 * only: a run compiles a calculator, which is too slow for every keystroke. An edit drops a file's test
	 * failures until the next save, as their positions no longer hold.
	 */
	@Override
	public void didSave(DidSaveTextDocumentParams params) {
		super.didSave(params);
		URI saved = uriExtensions.toUri(params.getTextDocument().getUri());
		getRequestManager().runRead(cancel -> {
			try {
				Map<String, List<Diagnostic>> found = workspace.doRead(saved, (document, resource) -> resource == null ? Map.of()
						: TestDiagnostics.of(resource.getResourceSet(), saved, testWorkspace()));
				Set<String> touched = new HashSet<>(testFailures.keySet());
				testFailures.clear();
				found.forEach((uri, diagnostics) -> testFailures.put(uriExtensions.toUriString(URI.createURI(uri)), diagnostics));
				touched.addAll(testFailures.keySet());
				touched.forEach(this::republish);
			} catch (RuntimeException e) {
				LOG.error("running the tests of " + saved + " failed", e);
			}
			return null;
		});
	}

	@Override
	public void didChange(DidChangeTextDocumentParams params) {
		if (testFailures.remove(params.getTextDocument().getUri()) != null) {
			republish(params.getTextDocument().getUri());
		}
		super.didChange(params);
	}

	private synchronized KpiWorkspace testWorkspace() {
		if (testWorkspace == null) {
			testWorkspace = new KpiWorkspace();
		}
		return testWorkspace;
	}

	/** The validator's last diagnostics of the document and its test failures, published together. */
	private void republish(String uri) {
		if (client == null) {
			return;
		}
		List<Diagnostic> all = new ArrayList<>(validated.getOrDefault(uri, List.of()));
		all.addAll(testFailures.getOrDefault(uri, List.of()));
		PublishDiagnosticsParams params = new PublishDiagnosticsParams(uri, all);
		params.setVersion(openVersion(uri));
		client.publishDiagnostics(params);
	}

	/** The client, with the version of the open document added to each publication of its diagnostics. */
	private LanguageClient versioning(LanguageClient client) {
		return (LanguageClient) Proxy.newProxyInstance(LanguageClient.class.getClassLoader(), new Class<?>[] { LanguageClient.class },
				(proxy, method, args) -> {
					if (method.getName().equals("publishDiagnostics") && args != null && args[0] instanceof PublishDiagnosticsParams params) {
						if (params.getVersion() == null) {
							params.setVersion(openVersion(params.getUri()));
						}
						// The validator's diagnostics replace the document's; its test failures stay until an edit.
						validated.put(params.getUri(), List.copyOf(params.getDiagnostics()));
						List<Diagnostic> failures = testFailures.get(params.getUri());
						if (failures != null) {
							List<Diagnostic> all = new ArrayList<>(params.getDiagnostics());
							all.addAll(failures);
							params.setDiagnostics(all);
						}
					}
					try {
						return method.invoke(client, args);
					} catch (InvocationTargetException e) {
						throw e.getCause();
					}
				});
	}

	private Integer openVersion(String uri) {
		try {
			return workspace instanceof KpiWorkspaceManager kpi ? kpi.openVersion(uriExtensions.toUri(uri)) : null;
		} catch (RuntimeException notAUri) {
			return null;
		}
	}

	/**
	 * The request's answer; when computing it failed, the empty answer, and the failure in the log. The
	 * request runs as Xtext runs it (read requests in parallel, after the pending writes).
	 */
	private <T> CompletableFuture<T> answer(String method, Supplier<CompletableFuture<T>> request, Supplier<T> empty) {
		CompletableFuture<T> future;
		try {
			future = request.get();
		} catch (RuntimeException | StackOverflowError failure) {
			future = CompletableFuture.failedFuture(failure);
		}
		return future.handle((result, failure) -> {
			if (failure == null) {
				return result;
			}
			Throwable cause = failure;
			while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
				cause = cause.getCause();
			}
			if (cause instanceof CancellationException || operationCanceledManager.isOperationCanceledException(cause)) {
				throw failure instanceof CompletionException completion ? completion : new CompletionException(cause);
			}
			if (cause instanceof ResponseErrorException error && error.getResponseError().getCode() == ResponseErrorCode.ServerNotInitialized.getValue()) {
				// The protocol's answer to a request before initialize.
				throw new CompletionException(error);
			}
			if (cause instanceof ResponseErrorException refused) {
				// Xtext's own refusal, such as rename's "Refactoring cannot be performed" where nothing is renamable.
				LOG.warn(method + ": " + refused.getResponseError().getMessage() + "; answered with an empty result");
			} else {
				LOG.error(method + " failed; answered with an empty result", cause);
			}
			return empty.get();
		});
	}

	@Override
	public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
		return answer("completion", () -> super.completion(params), () -> Either.forRight(new CompletionList()));
	}

	@Override
	public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
		return answer("definition", () -> super.definition(params), () -> Either.forLeft(List.of()));
	}

	@Override
	public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
		return answer("references", () -> super.references(params), List::of);
	}

	@Override
	public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
		return answer("documentSymbol", () -> super.documentSymbol(params), List::of);
	}

	@Override
	public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
			WorkspaceSymbolParams params) {
		return answer("workspace/symbol", () -> super.symbol(params), () -> Either.forRight(List.of()));
	}

	@Override
	public CompletableFuture<Hover> hover(HoverParams params) {
		return answer("hover", () -> super.hover(params), () -> null);
	}

	@Override
	public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
		return answer("signatureHelp", () -> super.signatureHelp(params), SignatureHelp::new);
	}

	@Override
	public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
		return answer("documentHighlight", () -> super.documentHighlight(params), List::of);
	}

	@Override
	public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
		return answer("codeAction", () -> super.codeAction(params), List::of);
	}

	@Override
	public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
		return answer("codeLens", () -> super.codeLens(params), List::of);
	}

	@Override
	public CompletableFuture<CodeLens> resolveCodeLens(CodeLens unresolved) {
		return answer("codeLens/resolve", () -> super.resolveCodeLens(unresolved), () -> unresolved);
	}

	@Override
	public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
		return answer("formatting", () -> super.formatting(params), List::of);
	}

	@Override
	public CompletableFuture<List<? extends TextEdit>> rangeFormatting(DocumentRangeFormattingParams params) {
		return answer("rangeFormatting", () -> super.rangeFormatting(params), List::of);
	}

	/** Not announced; a client that asks anyway gets no edits rather than Xtext's "not implemented" error. */
	@Override
	public CompletableFuture<List<? extends TextEdit>> onTypeFormatting(DocumentOnTypeFormattingParams params) {
		return CompletableFuture.completedFuture(List.of());
	}

	@Override
	public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
		return answer("executeCommand", () -> super.executeCommand(params), () -> null);
	}

	@Override
	public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
		return answer("rename", () -> super.rename(params), WorkspaceEdit::new);
	}

	@Override
	public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
			PrepareRenameParams params) {
		return answer("prepareRename", () -> super.prepareRename(params), () -> null);
	}

	@Override
	public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
		return answer("foldingRange", () -> super.foldingRange(params), List::of);
	}

	@Override
	public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
		return answer("semanticTokens/full", () -> super.semanticTokensFull(params), () -> new SemanticTokens(List.of()));
	}
}
