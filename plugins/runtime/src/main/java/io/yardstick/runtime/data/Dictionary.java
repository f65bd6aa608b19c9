package io.yardstick.runtime.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Text values of a column, each stored once; rows hold codes. Codes are given in order of first
 * appearance, so loading the same file twice gives the same codes.
 */
public final class Dictionary {
	/** A code that no row holds: what a text literal absent from the data compares as. */
	public static final int NO_MATCH = -2;

	private final List<String> values = new ArrayList<>();
	private final Map<String, Integer> codes = new HashMap<>();

	public static Dictionary of(List<String> values) {
		Dictionary dictionary = new Dictionary();
		values.forEach(dictionary::intern);
		return dictionary;
	}

	/** The value's code, added when new. */
	public int intern(String value) {
		Integer code = codes.get(value);
		if (code != null) {
			return code;
		}
		int added = values.size();
		values.add(value);
		codes.put(value, added);
		return added;
	}

	/** The value's code, or {@link #NO_MATCH} when no row holds it. */
	public int code(String value) {
		Integer code = codes.get(value);
		return code == null ? NO_MATCH : code;
	}

	/** The value of a code; null for the null code -1. */
	public String value(int code) {
		return code < 0 ? null : values.get(code);
	}

	public int size() {
		return values.size();
	}

	public List<String> values() {
		return List.copyOf(values);
	}
}
