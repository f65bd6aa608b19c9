package io.yardstick.dsl.ide.contentassist;

import io.yardstick.dsl.types.FunctionInfo;
import io.yardstick.dsl.types.Functions;
import io.yardstick.dsl.types.Units;
import java.util.Comparator;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;

/**
 * Completion beyond what the grammar and the scopes give by themselves: function names with
 * their signatures from the function library, duration units and currency codes where a unit
 * goes, and only the keywords a person would type (no punctuation, and not the words that
 * {@code ValidID} lets stand as names).
 */
public class KpiContentProposalProvider extends IdeContentProposalProvider {
	/** A keyword worth proposing: a word such as {@code metric} or {@code higher-is-better}. */
	private static final Pattern WORD = Pattern.compile("[a-zA-Z][a-zA-Z-]*");

	@Override
	protected boolean filterKeyword(Keyword keyword, ContentAssistContext context) {
		AbstractRule rule = GrammarUtil.containingRule(keyword);
		// `count` or `date` reached through ValidID is an identifier that happens to be spelt like a keyword.
		boolean identifier = "ValidID".equals(rule.getName());
		return !identifier && WORD.matcher(keyword.getValue()).matches();
	}

	@Override
	protected void _createProposals(Assignment assignment, ContentAssistContext context,
			IIdeContentProposalAcceptor acceptor) {
		// By rule and feature name rather than the generated accessors, whose numbering changes with the grammar.
		String where = GrammarUtil.containingRule(assignment).getName() + "." + assignment.getFeature();
		if (where.equals("FunctionCall.function")) {
			proposeFunctions(context, acceptor);
		} else if (where.equals("Kind.unit")) {
			proposeDurationUnits(context, acceptor);
		} else if (where.equals("Kind.code")) {
			proposeCurrencies(context, acceptor);
		} else if (where.equals("NumberLiteral.unit")) {
			proposeDurationUnits(context, acceptor);
			proposeCurrencies(context, acceptor);
		} else if (assignment.getTerminal() instanceof org.eclipse.xtext.CrossReference) {
			super._createProposals(assignment, context, acceptor);
		}
		// Other assignments are names and texts the author invents: proposing the feature's name
		// (Xtext's default, such as `name`) would only be noise.
	}

	private void proposeFunctions(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		for (FunctionInfo function : Functions.all()) {
			ContentAssistEntry entry = getProposalCreator().createProposal(function.name(), context, proposal -> {
				proposal.setKind(ContentAssistEntry.KIND_FUNCTION);
				proposal.setDescription(function.signature());
				proposal.setDocumentation(function.summary());
			});
			if (entry != null) {
				acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
			}
		}
	}

	private void proposeDurationUnits(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		for (var unit : Units.DURATION_SECONDS.entrySet()) {
			ContentAssistEntry entry = getProposalCreator().createProposal(unit.getKey(), context, proposal -> {
				proposal.setKind(ContentAssistEntry.KIND_UNIT);
				proposal.setDescription("duration unit: " + unit.getValue() + " s");
			});
			if (entry != null) {
				acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
			}
		}
	}

	private void proposeCurrencies(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		// Sorted and named in English, so that every client sees the same list whatever its locale.
		Currency.getAvailableCurrencies().stream().filter(currency -> Units.isCurrencyCode(currency.getCurrencyCode()))
				.sorted(Comparator.comparing(Currency::getCurrencyCode)).forEach(currency -> {
					ContentAssistEntry entry = getProposalCreator().createProposal(currency.getCurrencyCode(), context,
							proposal -> {
								proposal.setKind(ContentAssistEntry.KIND_UNIT);
								proposal.setDescription("currency: " + currency.getDisplayName(Locale.ENGLISH));
							});
					if (entry != null) {
						acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
					}
				});
	}
}
