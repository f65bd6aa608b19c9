package io.yardstick.engines;

import io.yardstick.runtime.load.LoadMessage;
import java.util.List;

/** Rows in the engine that a run cannot use as they are: duplicate keys, references to nothing. */
public final class EngineDataException extends Exception {
	private final transient List<LoadMessage> messages;

	public EngineDataException(List<LoadMessage> messages) {
		super(String.join("\n", messages.stream().map(LoadMessage::toString).toList()));
		this.messages = List.copyOf(messages);
	}

	/** The errors in English. */
	public List<String> errors() {
		return messages.stream().map(LoadMessage::toString).toList();
	}

	/** The errors, to be told in the run's language. */
	public List<LoadMessage> messages() {
		return messages;
	}
}
