package io.yardstick.runtime.load;

/**
 * Told how far loading has come: once when a source starts (0 bytes), then about every 1% of its file,
 * and once when it is done ({@code bytesDone == bytesTotal}). Called on the loading thread.
 */
@FunctionalInterface
public interface ProgressListener {
	ProgressListener NONE = (source, bytesDone, bytesTotal) -> {
	};

	void progress(String source, long bytesDone, long bytesTotal);
}
