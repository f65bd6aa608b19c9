package io.yardstick.runtime.load;

import java.util.List;
import java.util.stream.Collectors;

/** Loading stopped: a bad row under {@link BadRowPolicy#FAIL}, or a problem with a whole file. */
public final class DataLoadException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	private final transient List<DataError> errors;

	public DataLoadException(List<DataError> errors) {
		super(errors.stream().map(DataError::toText).collect(Collectors.joining("\n")));
		if (errors.isEmpty()) {
			throw new IllegalArgumentException("a load failure needs at least one error");
		}
		this.errors = List.copyOf(errors);
	}

	public DataLoadException(DataError error) {
		this(List.of(error));
	}

	/** The errors, at least one, in file order. */
	public List<DataError> errors() {
		return errors;
	}
}
