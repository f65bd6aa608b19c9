package io.yardstick.dsl.ide;

import static io.yardstick.dsl.ide.LanguageServerSession.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Semantic tokens say what each name is, decoded here with the legend the server announced. */
class SemanticTokensTest {

	@Test
	void tellsMetricsSourcesFieldsDimensionsKindsAndQuantitiesApart(@TempDir Path workspace) throws Exception {
		try (LanguageServerSession session = LanguageServerSession.start(workspace,
				Map.of("service.kpi", LanguageServerSession.resource("service.kpi")))) {
			TextDocumentIdentifier file = session.open("service.kpi");
			String[] lines = session.text("service.kpi").split("\n", -1);
			SemanticTokensLegend legend = session.initializeResult().getCapabilities().getSemanticTokensProvider().getLegend();

			SemanticTokens tokens = await(session.server().getTextDocumentService().semanticTokensFull(new SemanticTokensParams(file)));
			List<String> decoded = decode(tokens.getData(), legend, lines);

			assertThat(onLine(decoded, 18)).containsExactly("= operator", "avg function+defaultLibrary", "Ticket struct",
					"csat property");
			assertThat(onLine(decoded, 17)).containsExactly("metric keyword", "satisfaction variable+declaration",
					"\"满意度\" string", "zh decorator", "\"Satisfaction\" string", "en decorator", "score type", "1 number",
					".. operator", "5 number", "higher-is-better modifier");
			assertThat(onLine(decoded, 22)).containsExactly("by keyword", "area enum");
			assertThat(onLine(decoded, 30)).containsExactly("target keyword", "<= operator", "8h number");
			assertThat(onLine(decoded, 8)).containsExactly("region property+declaration", "text type", "dimension keyword");
			assertThat(onLine(decoded, 0)).containsExactly(
					"// The language server tests' template: small, with one of each kind of element. comment");
			assertThat(onLine(decoded, 47)).containsExactly("tile keyword", "satisfaction variable", "trend keyword",
					"by keyword", "area enum");
		}
	}

	/** Each token as "line: text type+modifiers", from the protocol's relative five-integer encoding. */
	private static List<String> decode(List<Integer> data, SemanticTokensLegend legend, String[] lines) {
		List<String> tokens = new ArrayList<>();
		int line = 0;
		int character = 0;
		for (int i = 0; i < data.size(); i += 5) {
			int deltaLine = data.get(i);
			line += deltaLine;
			character = deltaLine == 0 ? character + data.get(i + 1) : data.get(i + 1);
			String text = lines[line].substring(character, character + data.get(i + 2));
			StringBuilder type = new StringBuilder(legend.getTokenTypes().get(data.get(i + 3)));
			int modifiers = data.get(i + 4);
			for (int bit = 0; bit < legend.getTokenModifiers().size(); bit++) {
				if ((modifiers & (1 << bit)) != 0) {
					type.append('+').append(legend.getTokenModifiers().get(bit));
				}
			}
			tokens.add(line + ": " + text + " " + type);
		}
		return tokens;
	}

	private static List<String> onLine(List<String> tokens, int line) {
		String prefix = line + ": ";
		return tokens.stream().filter(token -> token.startsWith(prefix)).map(token -> token.substring(prefix.length())).toList();
	}
}
