package io.yardstick.runtime.load;

/** The loader's tunables that tests change, saved so that a test can put them back. */
final class LoaderSettings {
	private final int threads = SourceLoader.threads;
	private final long parallelFromBytes = SourceLoader.parallelFromBytes;
	private final int batchSize = SourceLoader.batchSize;
	private final long chunkBytes = SourceLoader.chunkBytes;
	private final int readBufferSize = SourceLoader.readBufferSize;

	void restore() {
		SourceLoader.threads = threads;
		SourceLoader.parallelFromBytes = parallelFromBytes;
		SourceLoader.batchSize = batchSize;
		SourceLoader.chunkBytes = chunkBytes;
		SourceLoader.readBufferSize = readBufferSize;
	}
}
