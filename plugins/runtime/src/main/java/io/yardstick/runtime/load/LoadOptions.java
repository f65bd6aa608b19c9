package io.yardstick.runtime.load;

import java.nio.file.Path;

/**
 * How to load.
 *
 * @param policy what to do with a bad row; FAIL by default
 * @param quarantineDir where SKIP writes {@code <Source>.rejected.csv}; required with SKIP
 * @param progress told of progress; never null
 * @param keepUnreferencedKeys whether to keep the column of every text key. By default a text key that no
 *     other source refers to, no formula reads ({@code TemplateSpec.reads}) and that is no dimension is only
 *     checked for uniqueness, which saves a String per row.
 */
public record LoadOptions(BadRowPolicy policy, Path quarantineDir, ProgressListener progress,
		boolean keepUnreferencedKeys) {

	public LoadOptions {
		policy = policy == null ? BadRowPolicy.FAIL : policy;
		progress = progress == null ? ProgressListener.NONE : progress;
		if (policy == BadRowPolicy.SKIP && quarantineDir == null) {
			throw new IllegalArgumentException("skipping bad rows needs a quarantine folder for them");
		}
	}

	/** FAIL on the first bad row, no progress, unreferenced text keys checked but not kept. */
	public static LoadOptions defaults() {
		return new LoadOptions(BadRowPolicy.FAIL, null, ProgressListener.NONE, false);
	}

	/** SKIP bad rows, writing them to {@code <quarantineDir>/<Source>.rejected.csv}. */
	public LoadOptions skipBadRows(Path quarantineDir) {
		return new LoadOptions(BadRowPolicy.SKIP, quarantineDir, progress, keepUnreferencedKeys);
	}

	/** FAIL on the first bad row. */
	public LoadOptions failOnBadRows() {
		return new LoadOptions(BadRowPolicy.FAIL, quarantineDir, progress, keepUnreferencedKeys);
	}

	public LoadOptions withProgress(ProgressListener listener) {
		return new LoadOptions(policy, quarantineDir, listener, keepUnreferencedKeys);
	}

	public LoadOptions keepingUnreferencedKeys(boolean keep) {
		return new LoadOptions(policy, quarantineDir, progress, keep);
	}
}
