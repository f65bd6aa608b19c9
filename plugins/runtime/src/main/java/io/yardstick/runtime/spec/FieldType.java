package io.yardstick.runtime.spec;

/**
 * The kind of a source field or a metric, and how its values are stored in memory. Every value of one
 * storage class shares one null sentinel, so that generated code tests for null without boxing.
 */
public enum FieldType {
	COUNT(Storage.NUMBER), NUMBER(Storage.NUMBER), PERCENT(Storage.NUMBER), RATIO(Storage.NUMBER),
	SCORE(Storage.NUMBER), DURATION(Storage.NUMBER), CURRENCY(Storage.NUMBER), TIMESTAMP(Storage.TIME),
	DATE(Storage.TIME), TEXT(Storage.CODE), BOOL(Storage.FLAG), ENUM(Storage.CODE), REFERENCE(Storage.ROW);

	/** How a column of this kind is held. */
	public enum Storage {
		/** {@code double[]}; null is NaN. Durations in seconds, percents as fractions. */
		NUMBER,
		/** {@code long[]} epoch milliseconds; null is {@link Long#MIN_VALUE}. A date is its first instant. */
		TIME,
		/** {@code int[]} dictionary codes (enums: the index of the declared value); null is -1. */
		CODE,
		/** {@code byte[]}: 1 true, 0 false, -1 null. */
		FLAG,
		/** {@code int[]} row index in the referenced source; null is -1. */
		ROW
	}

	private final Storage storage;

	FieldType(Storage storage) {
		this.storage = storage;
	}

	public Storage storage() {
		return storage;
	}

	/** The kind's name as written in a template: {@code count}, {@code duration}, ... */
	public String keyword() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
