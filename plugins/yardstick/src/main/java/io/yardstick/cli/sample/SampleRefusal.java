package io.yardstick.cli.sample;

import java.util.List;

/**
 * Why a template's sample data cannot be drawn, as a key of the command line's messages ({@code sample.refused.*})
 * with its arguments, so that sample-data tells it in the language of --language; the message is the English text.
 */
public final class SampleRefusal extends IllegalArgumentException {
	private static final long serialVersionUID = 1L;

	private final String key;
	private final transient List<Object> arguments;

	SampleRefusal(String key, String english, Object... arguments) {
		super(english);
		this.key = key;
		this.arguments = List.of(arguments);
	}

	/** The key after {@code sample.refused.}. */
	public String key() {
		return key;
	}

	public Object[] arguments() {
		return arguments.toArray();
	}
}
