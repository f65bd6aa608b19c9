package io.yardstick.dsl.parser;

import io.yardstick.dsl.model.Limits;
import io.yardstick.dsl.parser.antlr.KpiParser;
import io.yardstick.dsl.parser.antlr.internal.InternalKpiParser;
import io.yardstick.dsl.services.KpiGrammarAccess;
import io.yardstick.dsl.validation.IssueCodes;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.antlr.runtime.BitSet;
import org.antlr.runtime.CharStream;
import org.eclipse.xtext.nodemodel.impl.NodeModelBuilder;
import org.eclipse.xtext.parser.IParseResult;
import org.antlr.runtime.IntStream;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenSource;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.ITokenDefProvider;
import org.eclipse.xtext.parser.antlr.XtextTokenStream;

/**
 * The generated parser with a depth guard: ANTLR descends one Java call per grammar rule, so text
 * nested deeply enough (thousands of parentheses, signs or {@code if}s) would overflow the stack.
 * Before a rule nests past {@link Limits#MAX_NESTING} levels, the guard makes the rule fail as a
 * syntax error of its own code, {@code too-deep}, at the token where the limit is crossed, and the
 * parser skips the over-deep part (balancing parentheses) and goes on with the rest of the file.
 * Chains (a + b + c) are read in a loop, but each operator adds a level to the syntax tree: after
 * parsing, {@link SyntaxDepth} cuts every formula at {@link Limits#MAX_DEPTH} levels.
 */
public class GuardedKpiParser extends KpiParser {
	@com.google.inject.Inject
	private io.yardstick.dsl.validation.ValidationSettings settings;

	@Override
	protected XtextTokenStream createTokenStream(TokenSource tokenSource) {
		return new GuardedTokenStream(tokenSource, getTokenDefProvider());
	}

	@Override
	protected IParseResult doParse(String ruleName, CharStream in, NodeModelBuilder nodeModelBuilder,
			int initialLookAhead) {
		IParseResult result = super.doParse(ruleName, in, nodeModelBuilder, initialLookAhead);
		SyntaxDepth.cut(result.getRootASTElement());
		return result;
	}

	@Override
	protected InternalKpiParser createParser(XtextTokenStream stream) {
		Internal parser = new Internal((GuardedTokenStream) stream, getGrammarAccess());
		parser.language = settings == null ? "en" : settings.language();
		return parser;
	}

	/**
	 * A token stream that can be made to answer "no token any rule accepts" at the next position, so
	 * that the rule just entered fails inside its own error handling (which keeps the node model whole).
	 */
	static final class GuardedTokenStream extends XtextTokenStream {
		/** A token type no rule accepts. */
		private static final int NOTHING_FITS = Token.INVALID_TOKEN_TYPE;
		private boolean blocked;

		GuardedTokenStream(TokenSource source, ITokenDefProvider tokenDefProvider) {
			super(source, tokenDefProvider);
		}

		@Override
		public int LA(int i) {
			return blocked && i == 1 ? NOTHING_FITS : super.LA(i);
		}

		@Override
		public void consume() {
			blocked = false;
			super.consume();
		}
	}

	/** The generated parser, counting open rules and levels of nesting as it enters and leaves rules. */
	static final class Internal extends InternalKpiParser {
		private final GuardedTokenStream stream;
		private final Map<EObject, Boolean> nestingCalls = new IdentityHashMap<>();
		private final int openParen;
		private final int closeParen;
		private final int ifKeyword;
		private final int elseKeyword;
		private final int minus;
		private final int not;
		private EObject pendingCall;
		/** Per open rule: whether it opened a level of nesting. */
		private boolean[] nests = new boolean[256];
		private int openRules;
		private int nesting;
		private boolean tooDeep;
		/** Whether the limit is crossed now, and the follow sets that lie outside the rule that crossed it. */
		private boolean atLimit;
		private int followAtLimit;
		private boolean reportedAtLimit;
		/** The language of the too-deep message: that of the findings. */
		private String language = "en";

		Internal(GuardedTokenStream stream, KpiGrammarAccess grammarAccess) {
			super(stream, grammarAccess);
			this.stream = stream;
			openParen = tokenType("'('");
			closeParen = tokenType("')'");
			ifKeyword = tokenType("'if'");
			elseKeyword = tokenType("'else'");
			minus = tokenType("'-'");
			not = tokenType("'not'");
		}

		private static int tokenType(String name) {
			int type = Arrays.asList(InternalKpiParser.tokenNames).indexOf(name);
			if (type < 0) {
				throw new IllegalStateException("the grammar has no token " + name);
			}
			return type;
		}

		@Override
		protected void newCompositeNode(EObject grammarElement) {
			pendingCall = grammarElement;
			super.newCompositeNode(grammarElement);
		}

		@Override
		protected void enterRule() {
			super.enterRule();
			boolean level = pendingCall != null && nestingCalls.computeIfAbsent(pendingCall, Internal::nests);
			pendingCall = null;
			if (openRules == nests.length) {
				nests = Arrays.copyOf(nests, nests.length * 2);
			}
			nests[openRules++] = level;
			if (level) {
				nesting++;
			}
			if (overLimit()) {
				block();
			}
		}

		@Override
		protected void leaveRule() {
			super.leaveRule();
			ruleEnded();
		}

		/**
		 * A rule ends either with leaveRule() or, when it fails, with recover() in its catch: the generated
		 * code calls leaveRule() only at the end of its try block.
		 */
		private void ruleEnded() {
			if (openRules == 0) {
				return;
			}
			openRules--;
			if (nests[openRules]) {
				nesting--;
			}
			if (!overLimit()) {
				atLimit = false;
			}
			if (nesting == 0) {
				// Out of the formula: the next over-deep part is another one. Within one formula, one error.
				reportedAtLimit = false;
			}
		}

		private boolean overLimit() {
			return nesting > Limits.MAX_NESTING || openRules > Limits.MAX_OPEN_RULES;
		}

		/** The next rule to read a token fails; reading resumes after the over-deep part. */
		private void block() {
			if (!atLimit) {
				atLimit = true;
				// The top follow set belongs to the call of the rule that crossed the limit: inside a chain it
				// holds the chain's own operators, where reading must not resume.
				followAtLimit = state._fsp - 1;
			}
			stream.blocked = true;
		}

		private static boolean nests(EObject grammarElement) {
			return grammarElement instanceof RuleCall call && call.getRule() != null
					&& ("Expression".equals(call.getRule().getName()) || GrammarUtil.containingRule(call) == call.getRule());
		}

		@Override
		public void recover(IntStream input, RecognitionException e) {
			if (!stream.blocked) {
				super.recover(input, e);
				ruleEnded();
				return;
			}
			stream.blocked = false;
			// One error per over-deep part: the condition, then- and else-branch of one if would give three.
			if (!reportedAtLimit) {
				reportedAtLimit = true;
				tooDeep = true;
				reportError(e);
				tooDeep = false;
			}
			state.lastErrorIndex = input.index();
			skipOverDeepPart(followOutsideTheDeepPart());
			ruleEnded();
		}

		/** What may follow the rule that crossed the limit, or any rule around it: where reading resumes. */
		private BitSet followOutsideTheDeepPart() {
			BitSet follow = new BitSet();
			for (int i = 0; i <= Math.min(followAtLimit, state._fsp); i++) {
				follow.orInPlace(state.following[i]);
			}
			return follow;
		}

		/**
		 * Skips the rest of what was being read: a run of signs and {@code not}s, then tokens up to the
		 * first that may follow here, jumping whole parenthesized groups and if-then-else's.
		 */
		private void skipOverDeepPart(BitSet follow) {
			while (stream.LA(1) == minus || stream.LA(1) == not) {
				stream.consume();
			}
			int open = 0;
			for (int type = stream.LA(1); type != Token.EOF; type = stream.LA(1)) {
				if (type == openParen || type == ifKeyword) {
					open++;
				} else if (type == closeParen || type == elseKeyword) {
					if (open == 0) {
						return;
					}
					// An else closes its if, but the else-branch that follows still belongs to it.
					open--;
				} else if (open == 0 && follow.member(type)) {
					return;
				}
				stream.consume();
			}
		}

		@Override
		public SyntaxErrorMessage getSyntaxErrorMessage(RecognitionException e, String[] tokenNames) {
			if (tooDeep) {
				return new SyntaxErrorMessage(io.yardstick.dsl.validation.FindingTexts.of(language).get("too-deep.nesting",
						Limits.MAX_NESTING), IssueCodes.TOO_DEEP);
			}
			return super.getSyntaxErrorMessage(e, tokenNames);
		}
	}
}
