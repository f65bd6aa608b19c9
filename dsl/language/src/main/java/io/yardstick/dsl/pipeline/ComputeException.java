package io.yardstick.dsl.pipeline;

import io.yardstick.dsl.workspace.Finding;
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

	private ComputeException(Kind kind, String message, List<String> problems, Finding refusal, Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.problems = List.copyOf(problems);
		this.refusal = refusal;
	}

	public static ComputeException unusable(String message, Throwable cause) {
		return new ComputeException(Kind.UNUSABLE, message, List.of(message), null, cause);
	}

	public static ComputeException badData(List<String> problems) {
		return new ComputeException(Kind.BAD_DATA, problems.size() + " data error(s)", problems, null, null);
	}

	public static ComputeException refused(Finding refusal) {
		return new ComputeException(Kind.REFUSED, refusal.message(), List.of(refusal.message()), refusal, null);
	}

	public Kind kind() {
		return kind;
	}

	/** One line per problem, as a user reads them. */
	public List<String> problems() {
		return problems;
	}

	/** For {@link Kind#REFUSED}: the positioned finding; else null. */
	public Finding refusal() {
		return refusal;
	}
}
