package io.yardstick.cli;

import io.yardstick.runtime.load.LoadOutOfMemoryError;
import io.yardstick.runtime.text.Texts;

/**
 * What to tell a user whose run ran out of memory: what ran out, while doing what, the data's size, how far
 * the heap may grow, and how to give Java more (the launcher's {@code JAVA_OPTS}, or {@code java -Xmx}). Not
 * a bug in Yardstick, so not reported as one.
 */
final class OutOfMemoryAdvice {
	private static final long GB = 1_000_000_000L;

	private OutOfMemoryAdvice() {
	}

	/** {@link #of(Throwable, Texts)} in English. */
	static String of(Throwable failure) {
		return of(failure, CliTexts.of("en"));
	}

	/** The advice, in the language of the texts, when the failure is (or was caused by) running out of memory; else null. */
	static String of(Throwable failure, Texts texts) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof OutOfMemoryError outOfMemory) {
				return advice(outOfMemory, Runtime.getRuntime().maxMemory(), texts);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	static String advice(OutOfMemoryError error, long maxHeapBytes) {
		return advice(error, maxHeapBytes, CliTexts.of("en"));
	}

	static String advice(OutOfMemoryError error, long maxHeapBytes, Texts texts) {
		StringBuilder text = new StringBuilder(texts.get("oom.program"));
		long dataBytes = 0;
		if (error instanceof LoadOutOfMemoryError loading) {
			text.append(texts.get("oom.loading", loading.ranOut(), loading.source(), loading.file(),
					size(loading.fileBytes(), texts), size(loading.dataBytes(), texts), size(loading.maxHeapBytes(), texts)));
			dataBytes = loading.dataBytes();
			maxHeapBytes = loading.maxHeapBytes();
		} else {
			text.append(texts.get("oom.other", error.getMessage() == null ? "Java heap space" : error.getMessage(),
					size(maxHeapBytes, texts)));
		}
		return text.append('\n').append(texts.get("oom.advice", suggestedHeap(dataBytes, maxHeapBytes))).toString();
	}

	/** {@link LoadOutOfMemoryError#size}, its words (bytes, unknown) in the language of the texts. */
	static String size(long bytes, Texts texts) {
		if (bytes < 0) {
			return texts.get("oom.sizeUnknown");
		}
		return bytes < 1000 ? texts.get("oom.bytes", bytes) : LoadOutOfMemoryError.size(bytes);
	}

	/** Twice the data, and at least twice the heap that was too small, in whole gigabytes. */
	static String suggestedHeap(long dataBytes, long maxHeapBytes) {
		long wanted = Math.max(2 * dataBytes, 2 * maxHeapBytes);
		return Math.max(1, (wanted + GB - 1) / GB) + "g";
	}
}
