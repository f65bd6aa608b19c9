package io.yardstick.dsl.ide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random edits to the after-sales template, as typing, pasting and deleting make them, each followed by random
 * requests at random positions, some of them stale (computed on the text before the edit, as a client's
 * request sent just before the edit reached the server). Asserts that every request is answered without an
 * error, and that diagnostics arrive for every version of the text.
 *
 * <p>Seeded and bounded: {@value #DEFAULT_EDITS} edits by default (about a minute); {@code -Dyardstick.fuzz=long}
 * runs {@value #LONG_EDITS}, {@code -Dyardstick.fuzz.edits=N} any number, {@code -Dyardstick.fuzz.seed=S} another
 * seed. A failure names the seed and the edit, and leaves the text in target/fuzz/ so that it can become a
 * named case of the regression tests.
 */
class LanguageServerFuzzTest {
	static final long DEFAULT_SEED = 20261206L;
	static final int DEFAULT_EDITS = 300;
	static final int LONG_EDITS = 5_000;
	private static final long REQUEST_SECONDS = 60;
	private static final Path TEMPLATES = Path.of("..", "..", "example-templates", "after-sales-standard");

	/** Text a user pastes or types: pieces of the language, broken pieces, and characters editors meet. */
	private static final List<String> FRAGMENTS = List.of("metric ", "layer ", "source ", "link ", "loop ", "template X {",
			"{", "}", "(", ")", "[", "]", "\"", "\"unclosed", "//", "/*", "*/", "->", ":", ".", ",", "=", " where ", " by ",
			"avg(", "share(", "count(Ticket)", "Ticket.", "Ticket.csat", "previous(", "target >= ", "2h", "95%", "500 CNY",
			"@zh", "@en", "higher-is-better", "score(1..5)", "duration(", "currency(", "enum(a, b)", "import ", "package ",
			"extends ", "\n", "\n\t", "\t", " ", "0", "99999999999999999999", "-", "*", "/", "<=", "满意度", "\u2028",
			"\r\n", "\uD83D\uDE00", "\u0000", "metric m : number { = 1 }", "= avg(Ticket.csat)\n\ttarget >= 4.2");

	@Test
	void everyRequestIsAnsweredAndEveryVersionDiagnosedUnderRandomEdits(@TempDir Path workspace) throws Exception {
		long seed = Long.getLong("yardstick.fuzz.seed", DEFAULT_SEED);
		int edits = Integer.getInteger("yardstick.fuzz.edits", "long".equals(System.getProperty("yardstick.fuzz")) ? LONG_EDITS : DEFAULT_EDITS);
		String original = Files.readString(TEMPLATES.resolve("after-sales.kpi"), StandardCharsets.UTF_8);
		Map<String, String> files = Map.of("after-sales.kpi", original,
				"customers.kpi", Files.readString(TEMPLATES.resolve("customers.kpi"), StandardCharsets.UTF_8));
		Random random = new Random(seed);
		List<String> failures = new ArrayList<>();
		int requests = 0;

		try (LanguageServerSession session = LanguageServerSession.start(workspace, files)) {
			TextDocumentIdentifier file = session.open("after-sales.kpi");
			String uri = file.getUri();
			session.diagnostics("after-sales.kpi");
			String text = original;
			for (int edit = 0; edit < edits && failures.size() < 20; edit++) {
				String before = text;
				Change change = randomChange(random, text, original, edit);
				text = change.after();
				int version = session.change(uri, List.of(change.event()));
				try {
					PublishDiagnosticsParams published = session.diagnostics(uri, version);
					assertThat(published.getVersion()).isEqualTo(version);
				} catch (IllegalStateException noDiagnostics) {
					failures.add(report(seed, edit, change.what(), "no diagnostics for version " + version, text));
					break;
				}
				int count = 1 + random.nextInt(3);
				for (int i = 0; i < count; i++) {
					String stale = random.nextInt(4) == 0 ? before : text;
					Position position = randomPosition(random, stale);
					Request request = randomRequest(random, session.server().getTextDocumentService(), file, position, text);
					requests++;
					String failure = failure(request.answer());
					if (failure != null) {
						failures.add(report(seed, edit, change.what(), request.name() + " at " + position.getLine() + ":"
								+ position.getCharacter() + ": " + failure, text));
					}
				}
			}
		}
		assertThat(failures).as("seed %d, %d edits, %d requests", seed, edits, requests).isEmpty();
		assertThat(requests).isGreaterThanOrEqualTo(edits);
	}

	record Change(String what, TextDocumentContentChangeEvent event, String after) {
	}

	/** An edit as an incremental change (a range and its new text); now and then the whole text. */
	static Change randomChange(Random random, String text, String original, int index) {
		int kind = random.nextInt(100);
		int start = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
		if (kind < 3) {
			return whole("restore the original", original);
		}
		if (kind < 5) {
			return whole("empty the file", "");
		}
		if (kind < 8) {
			int depth = random.nextInt(10) == 0 ? 5_000 : 50 + random.nextInt(500);
			String nested = "(".repeat(depth) + "Ticket.csat" + ")".repeat(random.nextBoolean() ? depth : depth / 2);
			return replace("nest " + depth + " parentheses at " + start, text, start, start, nested);
		}
		if (kind < 10) {
			String sum = String.join(" + ", java.util.Collections.nCopies(200 + random.nextInt(2_000), "avg(Ticket.csat)"));
			return replace("a long sum at " + start, text, start, start, sum);
		}
		if (kind < 45) {
			String fragment = FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
			return replace("insert " + quote(fragment) + " at " + start, text, start, start, fragment);
		}
		if (kind < 60) {
			int from = original.isEmpty() ? 0 : random.nextInt(original.length());
			int to = Math.min(original.length(), from + random.nextInt(400));
			return replace("paste " + (to - from) + " characters of the template at " + start, text, start, start, original.substring(from, to));
		}
		if (kind < 90) {
			int end = Math.min(text.length(), start + 1 + random.nextInt(random.nextInt(10) == 0 ? 2_000 : 40));
			return replace("delete " + start + ".." + end, text, start, end, "");
		}
		int end = Math.min(text.length(), start + random.nextInt(60));
		String fragment = FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
		return replace("replace " + start + ".." + end + " by " + quote(fragment), text, start, end, fragment);
	}

	private static Change whole(String what, String text) {
		return new Change(what, new TextDocumentContentChangeEvent(text), text);
	}

	private static Change replace(String what, String text, int start, int end, String inserted) {
		Range range = new Range(LanguageServerSession.positionAt(text, start), LanguageServerSession.positionAt(text, end));
		String after = text.substring(0, start) + inserted + text.substring(end);
		return new Change(what, new TextDocumentContentChangeEvent(range, inserted), after);
	}

	private static String quote(String fragment) {
		return "\"" + fragment.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "\"";
	}

	/** Anywhere in the text, at its end, or past it: beyond the last line, or beyond the end of a line. */
	static Position randomPosition(Random random, String text) {
		int kind = random.nextInt(10);
		if (kind == 0) {
			return new Position(text.split("\n", -1).length + random.nextInt(50), random.nextInt(80));
		}
		if (kind == 1) {
			Position inText = LanguageServerSession.positionAt(text, random.nextInt(text.length() + 1));
			return new Position(inText.getLine(), inText.getCharacter() + 1 + random.nextInt(200));
		}
		return LanguageServerSession.positionAt(text, text.isEmpty() ? 0 : random.nextInt(text.length() + 1));
	}

	record Request(String name, CompletableFuture<?> answer) {
	}

	static Request randomRequest(Random random, TextDocumentService documents, TextDocumentIdentifier file, Position position,
			String text) {
		Position other = randomPosition(random, text);
		Range range = position.getLine() < other.getLine() ? new Range(position, other) : new Range(other, position);
		FormattingOptions options = new FormattingOptions(4, random.nextBoolean());
		return switch (random.nextInt(10)) {
			case 0 -> new Request("hover", documents.hover(new HoverParams(file, position)));
			case 1 -> new Request("completion", documents.completion(new CompletionParams(file, position)));
			case 2 -> new Request("definition", documents.definition(new DefinitionParams(file, position)));
			case 3 -> new Request("references", documents.references(new ReferenceParams(file, position, new ReferenceContext(true))));
			case 4 -> new Request("formatting", documents.formatting(new DocumentFormattingParams(file, options)));
			case 5 -> new Request("rangeFormatting", documents.rangeFormatting(new DocumentRangeFormattingParams(file, options, range)));
			case 6 -> new Request("semanticTokens", documents.semanticTokensFull(new SemanticTokensParams(file)));
			case 7 -> new Request("documentSymbol", documents.documentSymbol(new DocumentSymbolParams(file)));
			case 8 -> new Request("codeAction", documents.codeAction(new CodeActionParams(file, range, new CodeActionContext(List.of()))));
			default -> new Request("rename", documents.rename(new RenameParams(file, position, "renamed" + random.nextInt(100))));
		};
	}

	/** Null when the request was answered; otherwise what went wrong. */
	static String failure(CompletableFuture<?> answer) {
		try {
			answer.get(REQUEST_SECONDS, TimeUnit.SECONDS);
			return null;
		} catch (ExecutionException e) {
			return "error response: " + e.getCause();
		} catch (TimeoutException e) {
			return "no answer within " + REQUEST_SECONDS + " s";
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	private static String report(long seed, int edit, String what, String failure, String text) throws IOException {
		Path folder = Path.of("target", "fuzz");
		Files.createDirectories(folder);
		Path saved = folder.resolve("seed-" + seed + "-edit-" + edit + ".kpi");
		Files.writeString(saved, text, StandardCharsets.UTF_8);
		return "edit " + edit + " (" + what + "): " + failure + "; text after the edit: " + saved.toAbsolutePath();
	}
}
