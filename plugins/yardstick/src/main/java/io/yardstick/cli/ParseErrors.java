package io.yardstick.cli;

import io.yardstick.runtime.text.Texts;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * picocli's own parse errors (an unknown option, a missing one, a value it cannot convert) in the language of
 * the texts. In English they stay picocli's words, which the {@code parse.*} keys of {@code messages_en} only
 * mirror; a command's own usage errors are phrased from the texts already and pass through as they are.
 */
final class ParseErrors {
	private ParseErrors() {
	}

	static String message(ParameterException problem, Texts texts) {
		if (texts.language().equals("en")) {
			return problem.getMessage();
		}
		if (problem instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
			return texts.get("parse.unknown", quoted(unmatched.getUnmatched()));
		}
		if (problem instanceof OverwrittenOptionException overwritten && overwritten.getOverwritten() != null) {
			return texts.get("parse.repeated", name(overwritten.getOverwritten()));
		}
		if (problem instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
			// "Missing required parameter for option '--out'" is an option given without its value.
			if (problem.getMessage().contains(" for option ")) {
				return texts.get("parse.noValue", name(missing.getMissing().get(0)));
			}
			List<String> names = new ArrayList<>();
			missing.getMissing().forEach(spec -> names.add(name(spec)));
			return texts.get("parse.missing", String.join("、", names));
		}
		if (problem.getArgSpec() != null && problem.getValue() != null) {
			List<String> candidates = new ArrayList<>();
			Iterable<String> known = problem.getArgSpec().completionCandidates();
			if (known != null) {
				known.forEach(candidates::add);
			}
			return candidates.isEmpty() ? texts.get("parse.badValue", name(problem.getArgSpec()), problem.getValue())
					: texts.get("parse.badChoice", name(problem.getArgSpec()), problem.getValue(),
							String.join(", ", candidates));
		}
		return problem.getMessage();
	}

	private static String name(ArgSpec spec) {
		return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
	}

	private static String quoted(List<String> arguments) {
		return String.join(" ", arguments.stream().map(argument -> "'" + argument + "'").toList());
	}
}
