package io.yardstick.runtime.load;

import java.nio.file.Path;

/**
 * The Java heap ran out while a source was loading: an {@link OutOfMemoryError} that says which source and
 * file, how large the data is and how large the heap may grow, so that a user can tell how much to give.
 * Thrown after the loader's columns are unreachable, so that handling it has memory again.
 */
public final class LoadOutOfMemoryError extends OutOfMemoryError {
	private static final long serialVersionUID = 1L;

	private final String source;
	private final transient Path file;
	private final long fileBytes;
	private final long dataBytes;
	private final long maxHeapBytes;
	private final String ranOut;

	/**
	 * @param ranOut what the JVM said ran out: {@code Java heap space}, {@code GC overhead limit exceeded}...
	 * @param fileBytes the size of the source's file; -1 when unknown
	 * @param dataBytes the size of all the files bound to the template's sources
	 */
	public LoadOutOfMemoryError(String ranOut, String source, Path file, long fileBytes, long dataBytes,
			long maxHeapBytes) {
		super("out of memory (" + ranOut + ") while loading " + source + " from " + file + " ("
				+ size(fileBytes) + "; the data files are " + size(dataBytes) + " in all), with a Java heap"
				+ " that may grow to " + size(maxHeapBytes));
		this.ranOut = ranOut;
		this.source = source;
		this.file = file;
		this.fileBytes = fileBytes;
		this.dataBytes = dataBytes;
		this.maxHeapBytes = maxHeapBytes;
	}

	public String ranOut() {
		return ranOut;
	}

	public String source() {
		return source;
	}

	public Path file() {
		return file;
	}

	public long fileBytes() {
		return fileBytes;
	}

	public long dataBytes() {
		return dataBytes;
	}

	public long maxHeapBytes() {
		return maxHeapBytes;
	}

	/** {@code 840 bytes}, {@code 12.5 MB}, {@code 1.2 GB}: decimal units, one decimal. */
	public static String size(long bytes) {
		if (bytes < 0) {
			return "size unknown";
		}
		if (bytes < 1_000_000) {
			return bytes < 1000 ? bytes + " bytes" : String.format(java.util.Locale.ROOT, "%.1f kB", bytes / 1e3);
		}
		return bytes < 1_000_000_000 ? String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6)
				: String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9);
	}
}
