package io.yardstick.eclipse.editor;

import io.yardstick.eclipse.KpiLanguage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.util.TextRegion;

/**
 * Completion in .kpi documents from the language's ide module: the same keywords, names and
 * cross-references the language server offers, computed on the document's current text.
 */
public class KpiContentAssistProcessor implements IContentAssistProcessor {
	/** The ide module's context factory runs its parser passes on a pool; a small shared one suffices. */
	private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "Yardstick content assist");
		thread.setDaemon(true);
		return thread;
	});
	private static final int MAX_PROPOSALS = 200;

	/** One proposal the ide module made, with its priority (higher first). */
	record Entry(ContentAssistEntry entry, int priority) {
	}

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		IDocument document = viewer.getDocument();
		List<Entry> entries = proposals(document, offset);
		List<ICompletionProposal> proposals = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (Entry found : entries) {
			ContentAssistEntry entry = found.entry();
			String prefix = entry.getPrefix() == null ? "" : entry.getPrefix();
			String text = entry.getProposal();
			if (text == null || !seen.add(text)) {
				continue;
			}
			String label = entry.getLabel() != null ? entry.getLabel() : text;
			String display = entry.getDescription() == null ? label : label + " - " + entry.getDescription();
			int start = Math.max(0, offset - prefix.length());
			proposals.add(new CompletionProposal(text, start, offset - start, text.length(), null, display, null,
					entry.getDocumentation()));
		}
		return proposals.toArray(ICompletionProposal[]::new);
	}

	/** The ide module's proposals at an offset of a document, best first. */
	public static List<Entry> proposals(IDocument document, int offset) {
		KpiDocumentModel model = KpiDocumentModel.of(document);
		List<Entry> entries = new ArrayList<>();
		model.read(resource -> {
			String text = model.parsedText();
			ContentAssistContextFactory factory = KpiLanguage.injector().getInstance(ContentAssistContextFactory.class);
			factory.setPool(POOL);
			ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, resource);
			IdeContentProposalProvider provider = KpiLanguage.injector().getInstance(IdeContentProposalProvider.class);
			provider.createProposals(List.of(contexts), new IIdeContentProposalAcceptor() {
				@Override
				public void accept(ContentAssistEntry entry, int priority) {
					if (entry != null) {
						entries.add(new Entry(entry, priority));
					}
				}

				@Override
				public boolean canAcceptMoreProposals() {
					return entries.size() < MAX_PROPOSALS;
				}
			});
			return null;
		});
		entries.sort(Comparator.comparingInt(Entry::priority).reversed()
				.thenComparing(entry -> String.valueOf(entry.entry().getProposal())));
		return entries;
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		// After a dot come a source's fields, the most common thing to look up.
		return new char[] { '.' };
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
