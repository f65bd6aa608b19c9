package io.yardstick.runtime.load;

import java.util.List;
import java.util.stream.Collectors;

/** Loading stopped: a bad row under {@link BadRowPolicy#FAIL}, or a problem with a whole file. */
public final class DataLoadException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	private final transient List<DataError> errors;
	private final boolean badRow;

	public DataLoadException(List<DataError> errors) {
		this(errors, false);
	}

	private DataLoadException(List<DataError> errors, boolean badRow) {
		super(errors.stream().map(DataError::toText).collect(Collectors.joining("\n")));
		if (errors.isEmpty()) {
			throw new IllegalArgumentException("a load failure needs at least one error");
		}
		this.errors = List.copyOf(errors);
		this.badRow = badRow;
	}

	/** Loading stopped at a bad row under {@link BadRowPolicy#FAIL}: skipping bad rows would go on. */
	public static DataLoadException badRow(DataError error) {
		return new DataLoadException(List.of(error), true);
	}

	public DataLoadException(DataError error) {
		this(List.of(error));
	}

	/**
	 * Whether loading stopped at one bad row, which {@link BadRowPolicy#SKIP} would set aside; false for a
	 * problem with a whole file (no file, a missing column, another encoding, too many bad rows), which
	 * stops loading under either policy.
	 */
	public boolean isBadRow() {
		return badRow;
	}

	/** The errors, at least one, in file order. */
	public List<DataError> errors() {
		return errors;
	}
}
