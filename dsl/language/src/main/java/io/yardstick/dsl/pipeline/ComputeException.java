package io.yardstick.dsl.pipeline;

import io.yardstick.dsl.workspace.Finding;
import io.yardstick.runtime.load.LoadMessage;
import java.util.List;

/** Why an engine computed nothing: the run stops, and {@link #kind()} says whose the problem is. */
public final class ComputeException extends Exception {
	private static final long serialVersionUID = 1L;

	public enum Kind {
		/** The engine cannot be reached or used as asked: a refused connection, a missing table or column. */
		UNUSABLE,
		/** The engine's rows break the template's rules: a duplicate key, a reference to no row. */
		BAD_DATA,
		/** The engine cannot compute a construct of the template exactly; {@link #refusal()} says where. */
		REFUSED
	}

	private final Kind kind;
	private final transient List<String> problems;
	private final transient Finding refusal;
	/** The problems to be told in the run's language, or null when they are only in {@link #problems}. */
	private final transient List<LoadMessage> messages;

	private ComputeException(Kind kind, String message, List<String> problems, Finding refusal, Throwable cause,
			List<LoadMessage> messages) {
		super(message, cause);
		this.kind = kind;
		this.problems = List.copyOf(problems);
		this.refusal = refusal;
		this.messages = messages == null ? null : List.copyOf(messages);
	}

	public static ComputeException unusable(String message, Throwable cause) {
		return new ComputeException(Kind.UNUSABLE, message, List.of(message), null, cause, null);
	}

	/** A table or column the template needs is not there: told in the run's language ({@link #problems(String)}). */
	public static ComputeException unusable(LoadMessage message, Throwable cause) {
		return new ComputeException(Kind.UNUSABLE, message.toString(), List.of(message.toString()), null, cause,
				List.of(message));
	}

	/** The rows break the template's rules; each problem told in the run's language ({@link #problems(String)}). */
	public static ComputeException badData(List<LoadMessage> problems) {
		return new ComputeException(Kind.BAD_DATA, problems.size() + " data error(s)",
				problems.stream().map(LoadMessage::toString).toList(), null, null, problems);
	}

	public static ComputeException refused(Finding refusal) {
		return new ComputeException(Kind.REFUSED, refusal.message(), List.of(refusal.message()), refusal, null, null);
	}

	public Kind kind() {
		return kind;
	}

	/** One line per problem, as a user reads them, in English. */
	public List<String> problems() {
		return problems;
	}

	/** {@link #problems()} in {@code en} or {@code zh}, where the problems have words of their own in both. */
	public List<String> problems(String language) {
		return messages == null ? problems : messages.stream().map(message -> message.in(language)).toList();
	}

	/** For {@link Kind#REFUSED}: the positioned finding; else null. */
	public Finding refusal() {
		return refusal;
	}
}
