package io.yardstick.engines;

import java.util.List;

/** Rows in the engine that a run cannot use as they are: duplicate keys, references to nothing. */
public final class EngineDataException extends Exception {
	private final List<String> errors;

	public EngineDataException(List<String> errors) {
		super(String.join("\n", errors));
		this.errors = List.copyOf(errors);
	}

	public List<String> errors() {
		return errors;
	}
}
