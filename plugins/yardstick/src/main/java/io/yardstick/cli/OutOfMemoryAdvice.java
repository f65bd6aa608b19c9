package io.yardstick.cli;

import io.yardstick.runtime.load.LoadOutOfMemoryError;

/**
 * What to tell a user whose run ran out of memory: what ran out, while doing what, the data's size, how far
 * the heap may grow, and how to give Java more (the launcher's {@code JAVA_OPTS}, or {@code java -Xmx}). Not
 * a bug in Yardstick, so not reported as one.
 */
final class OutOfMemoryAdvice {
	private static final long GB = 1_000_000_000L;

	private OutOfMemoryAdvice() {
	}

	/** The advice when the failure is (or was caused by) running out of memory; else null. */
	static String of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof OutOfMemoryError outOfMemory) {
				return advice(outOfMemory, Runtime.getRuntime().maxMemory());
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	static String advice(OutOfMemoryError error, long maxHeapBytes) {
		StringBuilder text = new StringBuilder("yardstick: ");
		long dataBytes = 0;
		if (error instanceof LoadOutOfMemoryError loading) {
			text.append(loading.getMessage());
			dataBytes = loading.dataBytes();
			maxHeapBytes = loading.maxHeapBytes();
		} else {
			text.append("out of memory (").append(error.getMessage() == null ? "Java heap space" : error.getMessage())
					.append("), with a Java heap that may grow to ").append(LoadOutOfMemoryError.size(maxHeapBytes));
		}
		String heap = suggestedHeap(dataBytes, maxHeapBytes);
		text.append("\nGive Java more memory, such as ").append(heap).append(": with the launcher, JAVA_OPTS=-Xmx")
				.append(heap).append(" ./yardstick ...; with the jar, java -Xmx").append(heap)
				.append(" -jar yardstick.jar ... (loading keeps about 70% of a CSV file's size: see docs/data.md,"
						+ " speed and memory)");
		return text.toString();
	}

	/** Twice the data, and at least twice the heap that was too small, in whole gigabytes. */
	static String suggestedHeap(long dataBytes, long maxHeapBytes) {
		long wanted = Math.max(2 * dataBytes, 2 * maxHeapBytes);
		return Math.max(1, (wanted + GB - 1) / GB) + "g";
	}
}
