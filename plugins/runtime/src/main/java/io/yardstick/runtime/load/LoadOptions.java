package io.yardstick.runtime.load;

import io.yardstick.runtime.text.Texts;
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
 * @param maxCellLines the most physical lines one quoted cell may span; a cell over more makes its row bad
 *     (a quote that swallows the rows after it is far more common than a text of that many lines)
 * @param maxBadRows under SKIP, how many of a source's rows may be rejected before loading stops
 *     (no limit unless set; the command line sets 5% by default)
 * @param language the language of the data errors and warnings ({@code en} or {@code zh}, see
 *     {@link LoadTexts}); English unless set, so that a library caller's messages do not depend on its locale
 */
public record LoadOptions(BadRowPolicy policy, Path quarantineDir, ProgressListener progress,
		boolean keepUnreferencedKeys, int maxCellLines, BadRowLimit maxBadRows, String language) {

	public LoadOptions(BadRowPolicy policy, Path quarantineDir, ProgressListener progress,
			boolean keepUnreferencedKeys, int maxCellLines, BadRowLimit maxBadRows) {
		this(policy, quarantineDir, progress, keepUnreferencedKeys, maxCellLines, maxBadRows, null);
	}

	public LoadOptions(BadRowPolicy policy, Path quarantineDir, ProgressListener progress,
			boolean keepUnreferencedKeys, int maxCellLines) {
		this(policy, quarantineDir, progress, keepUnreferencedKeys, maxCellLines, BadRowLimit.NONE);
	}

	/** The default of {@link #maxCellLines}. */
	public static final int DEFAULT_MAX_CELL_LINES = 100;

	public LoadOptions(BadRowPolicy policy, Path quarantineDir, ProgressListener progress,
			boolean keepUnreferencedKeys) {
		this(policy, quarantineDir, progress, keepUnreferencedKeys, DEFAULT_MAX_CELL_LINES);
	}

	public LoadOptions {
		if (maxCellLines < 1) {
			throw new IllegalArgumentException("a cell spans at least one line, so the limit cannot be " + maxCellLines);
		}
		policy = policy == null ? BadRowPolicy.FAIL : policy;
		maxBadRows = maxBadRows == null ? BadRowLimit.NONE : maxBadRows;
		progress = progress == null ? ProgressListener.NONE : progress;
		language = language == null || language.isBlank() ? "en" : Texts.textLanguage(language);
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
		return new LoadOptions(BadRowPolicy.SKIP, quarantineDir, progress, keepUnreferencedKeys, maxCellLines, maxBadRows, language);
	}

	/** FAIL on the first bad row. */
	public LoadOptions failOnBadRows() {
		return new LoadOptions(BadRowPolicy.FAIL, quarantineDir, progress, keepUnreferencedKeys, maxCellLines, maxBadRows, language);
	}

	public LoadOptions withProgress(ProgressListener listener) {
		return new LoadOptions(policy, quarantineDir, listener, keepUnreferencedKeys, maxCellLines, maxBadRows, language);
	}

	public LoadOptions keepingUnreferencedKeys(boolean keep) {
		return new LoadOptions(policy, quarantineDir, progress, keep, maxCellLines, maxBadRows, language);
	}

	/** A quoted cell over more than {@code lines} physical lines makes its row bad. */
	public LoadOptions withMaxCellLines(int lines) {
		return new LoadOptions(policy, quarantineDir, progress, keepUnreferencedKeys, lines, maxBadRows, language);
	}

	/** Under SKIP, loading stops when more of a source's rows than the limit are rejected. */
	public LoadOptions withMaxBadRows(BadRowLimit limit) {
		return new LoadOptions(policy, quarantineDir, progress, keepUnreferencedKeys, maxCellLines, limit, language);
	}

	/**
	 * Data errors and warnings in this language: {@code zh} (or any Chinese tag) for Chinese, else English, as
	 * {@link Texts#textLanguage} chooses; the command line passes its {@code --language}.
	 */
	public LoadOptions inLanguage(String chosen) {
		return new LoadOptions(policy, quarantineDir, progress, keepUnreferencedKeys, maxCellLines, maxBadRows, chosen);
	}
}
