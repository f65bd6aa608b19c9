package io.yardstick.dsl.workspace;

/** Told how far a long validation has got, so a command line can show it. */
@FunctionalInterface
public interface ProgressListener {
	ProgressListener NONE = (phase, done, total) -> {
	};

	/** @param phase "loading" or "validating" */
	void progress(String phase, int done, int total);
}
