package io.yardstick.dsl.ide.quickfix;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.inject.Inject;
import com.google.inject.Provider;
import io.yardstick.dsl.validation.IssueCodes;
import io.yardstick.dsl.validation.QuickFixData;
import java.util.List;
import java.util.Map;
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
	/** The title of each fixable code's fix; %s is the replacement. */
	private static final Map<String, String> TITLES = Map.of(
			IssueCodes.UNRESOLVED_REFERENCE, "Change to `%s`",
			IssueCodes.UNKNOWN_FUNCTION, "Call `%s`",
			IssueCodes.UNKNOWN_UNIT, "Write the unit `%s`",
			IssueCodes.INVALID_KIND, "Write `%s`",
			IssueCodes.DUPLICATE_NAME, "Rename to `%s`",
			IssueCodes.TARGET_DIRECTION, "Declare the direction: `%s`");

	@Inject
	private Provider<DiagnosticResolutionAcceptor> acceptors;

	@Override
	public boolean handlesDiagnostic(Diagnostic diagnostic) {
		return title(diagnostic) != null && replacement(diagnostic) != null;
	}

	@Override
	public List<DiagnosticResolution> getResolutions(Options options, Diagnostic diagnostic) {
		DiagnosticResolutionAcceptor acceptor = acceptors.get();
		String title = title(diagnostic);
		String replacement = replacement(diagnostic);
		if (title != null && replacement != null) {
			acceptor.accept(String.format(title, replacement),
					(fixed, element, document) -> List.of(new TextEdit(fixed.getRange(), replacement)));
		}
		return acceptor.getDiagnosticResolutions(options, diagnostic);
	}

	private static String title(Diagnostic diagnostic) {
		if (diagnostic.getCode() == null || !diagnostic.getCode().isLeft()) {
			return null;
		}
		return TITLES.get(diagnostic.getCode().getLeft());
	}

	/**
	 * The first data string. Data arrives as the issue's String[] inside the server, and as JSON
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
