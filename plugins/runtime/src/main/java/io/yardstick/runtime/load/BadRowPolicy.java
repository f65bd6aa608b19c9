package io.yardstick.runtime.load;

/** What loading does with a row that cannot be read. */
public enum BadRowPolicy {
	/** Stop at the first bad row with a {@link DataLoadException}. The default. */
	FAIL,
	/**
	 * Leave the row out, write it with its reason to the source's quarantine file, count it in the report
	 * and go on. Problems with a whole file stop loading all the same.
	 */
	SKIP
}
