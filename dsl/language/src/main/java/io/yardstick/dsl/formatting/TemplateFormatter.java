package io.yardstick.dsl.formatting;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.util.List;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;

/** Formats a whole file with {@link KpiFormatter}: the entry point for the CLI and tests. */
public class TemplateFormatter {
	@Inject
	private Provider<IFormatter2> formatter;

	@Inject
	private Provider<FormatterRequest> requests;

	@Inject
	private Provider<TextRegionAccessBuilder> regionAccess;

	/**
	 * The file's text in canonical layout. A file with syntax errors is returned unchanged: its
	 * structure is not known well enough to move its text around.
	 */
	public String format(XtextResource resource) {
		String text = resource.getParseResult().getRootNode().getText();
		if (resource.getParseResult().hasSyntaxErrors()) {
			return text;
		}
		ITextRegionAccess access = regionAccess.get().forNodeModel(resource).create();
		FormatterRequest request = requests.get().setTextRegionAccess(access);
		List<ITextReplacement> replacements = formatter.get().format(request);
		return access.getRewriter().renderToString(replacements);
	}
}
