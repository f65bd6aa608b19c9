package io.yardstick.dsl.ide.quickfix;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.inject.Inject;
import com.google.inject.Provider;
import io.yardstick.dsl.validation.QuickFixData;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolution;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolutionAcceptor;
import org.eclipse.xtext.ide.editor.quickfix.IQuickFixProvider;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2.Options;

/**
 * Quick fixes. Each one writes what the validator put in the diagnostic's data (see
 * {@link QuickFixData}; the linker does the same for unresolved names): the text that replaces
 * the diagnostic's range. Nothing is worked out here, so the editor offers exactly the fix that
 * the finding's message suggests, and a finding without data gets no fix.
 *
 * <p>Not Xtext's declarative {@code @QuickFix} methods: those choose a fix's title before they
 * see the diagnostic, and a title should name the replacement ("Call `avg`").
 */
public class KpiQuickFixProvider implements IQuickFixProvider {
	@Inject
	private Provider<DiagnosticResolutionAcceptor> acceptors;

	@Override
	public boolean handlesDiagnostic(Diagnostic diagnostic) {
		return title(diagnostic) != null;
	}

	@Override
	public List<DiagnosticResolution> getResolutions(Options options, Diagnostic diagnostic) {
		DiagnosticResolutionAcceptor acceptor = acceptors.get();
		String title = title(diagnostic);
		String replacement = replacement(diagnostic);
		if (title != null) {
			acceptor.accept(title,
					(fixed, element, document) -> List.of(new TextEdit(fixed.getRange(), replacement)));
		}
		return acceptor.getDiagnosticResolutions(options, diagnostic);
	}

	/** The shared title (the Eclipse plugin's resolutions use the same), or null when the diagnostic has no fix. */
	private static String title(Diagnostic diagnostic) {
		if (diagnostic.getCode() == null || !diagnostic.getCode().isLeft()) {
			return null;
		}
		return QuickFixData.title(diagnostic.getCode().getLeft(), replacement(diagnostic));
	}

	/**
	 * The first data string. Data arrives as the String[] inside the server, and as JSON
	 * when the client sends the diagnostic back with its code action request.
	 */
	static String replacement(Diagnostic diagnostic) {
		Object data = diagnostic.getData();
		if (data instanceof String[] strings) {
			return strings.length == 0 ? null : strings[0];
		}
		if (data instanceof List<?> list) {
			return list.isEmpty() || !(list.get(0) instanceof String text) ? null : text;
		}
		if (data instanceof JsonArray array) {
			return array.isEmpty() ? null : text(array.get(0));
		}
		return data instanceof JsonElement element ? text(element) : null;
	}

	private static String text(JsonElement element) {
		return element instanceof JsonPrimitive primitive && primitive.isString() ? primitive.getAsString() : null;
	}
}
