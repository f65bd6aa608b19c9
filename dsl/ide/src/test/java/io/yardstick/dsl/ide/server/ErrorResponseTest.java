package io.yardstick.dsl.ide.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;

/** What the server would say about a failure that still reached JSON-RPC, and how its documents take positions. */
class ErrorResponseTest {
	private static final String TEXT = "package secret.client\n\ntemplate Confidential {\n}\n";

	@Test
	void anErrorResponseNamesTheFailuresKindOnlyNeverTheTextOrAStackTrace() {
		// Xtext's document put the whole text into this message.
		IndexOutOfBoundsException failure = new IndexOutOfBoundsException("Position [line = 40, character = 2] text was : " + TEXT);

		ResponseError error = KpiLanguageServerLauncher.toResponseError(failure);

		assertThat(error.getCode()).isEqualTo(ResponseErrorCode.InternalError.getValue());
		assertThat(error.getMessage()).isEqualTo(
				"internal error in the Yardstick language server (IndexOutOfBoundsException); its standard error has the details");
		assertThat(error.getData()).isNull();
	}

	@Test
	void positionsPastTheEndMoveToTheNearestPlaceInTheText() {
		LenientDocument document = new LenientDocument(3, TEXT);

		assertThat(document.getOffSet(new Position(0, 7))).isEqualTo(7);
		assertThat(document.getOffSet(new Position(0, 500))).as("past the end of line 0").isEqualTo(TEXT.indexOf('\n'));
		assertThat(document.getOffSet(new Position(40, 2))).as("past the last line").isEqualTo(TEXT.length());
		assertThat(document.getOffSet(new Position(-1, -5))).isZero();
		assertThat(document.getPosition(10_000)).isEqualTo(new Position(4, 0));
		assertThat(document.getLineContent(99)).isEmpty();
		assertThat(document.getSubstring(new Range(new Position(2, 9), new Position(2, 99)))).isEqualTo("Confidential {");
	}

	@Test
	void changesTakeTheClientsVersionAndApplyPastTheEndAtTheEnd() {
		LenientDocument document = new LenientDocument(3, TEXT);

		LenientDocument changed = document.withChanges(7, java.util.List.of(
				new TextDocumentContentChangeEvent(new Range(new Position(90, 0), new Position(95, 0)), "// end\n"),
				new TextDocumentContentChangeEvent(new Range(new Position(0, 8), new Position(0, 14)), "public")));

		assertThat(changed.getVersion()).isEqualTo(7);
		assertThat(changed.getContents()).isEqualTo("package public.client\n\ntemplate Confidential {\n}\n// end\n");
	}
}
