package io.yardstick.runtime.load;

import java.util.Arrays;

/**
 * The keys of a source seen so far, as 64-bit fingerprints with the row that holds each: an open-addressing
 * table with linear probing in one {@code long[]}, a slot being two longs (fingerprint, row + 1; row 0 means
 * empty) so that a probe touches one cache line. At most 3/4 full, so ten million keys take 268 MB while
 * the source loads, and nothing after; ten million Strings would take gigabytes. A fingerprint is the exact
 * value for numbers, times and codes; for text it is a 64-bit hash, and a match is confirmed by comparing
 * the text itself (see {@link SourceLoader}). Several entries may share a fingerprint.
 */
final class KeySet {
	private long[] slots;
	private int mask;
	private int size;

	KeySet(int expected) {
		slots = new long[2 * capacityFor(expected)];
		mask = slots.length / 2 - 1;
	}

	private static int capacityFor(int keys) {
		long wanted = Math.max(16, keys * 4L / 3 + 1);
		return (int) Math.min(1 << 30, Long.highestOneBit(wanted - 1) << 1);
	}

	/** The first slot holding the fingerprint, or -1. */
	int first(long fingerprint) {
		return scan(fingerprint, (int) Hashing.mix(fingerprint) & mask);
	}

	/** The next slot after {@code slot} holding the fingerprint, or -1. */
	int next(long fingerprint, int slot) {
		return scan(fingerprint, (slot + 1) & mask);
	}

	int row(int slot) {
		return (int) slots[2 * slot + 1] - 1;
	}

	void add(long fingerprint, int row) {
		if ((size + 1) * 4L > (mask + 1L) * 3L) {
			rehash(2 * (mask + 1));
		}
		put(fingerprint, row);
		size++;
	}

	/** Prepares for this many keys in all. */
	void expect(int keys) {
		int capacity = capacityFor(keys);
		if (capacity > mask + 1) {
			rehash(capacity);
		}
	}

	private int scan(long fingerprint, int slot) {
		final long[] s = slots;
		while (true) {
			int i = 2 * slot;
			if (s[i + 1] == 0) {
				return -1;
			}
			if (s[i] == fingerprint) {
				return slot;
			}
			slot = (slot + 1) & mask;
		}
	}

	private void put(long fingerprint, int row) {
		int slot = (int) Hashing.mix(fingerprint) & mask;
		while (slots[2 * slot + 1] != 0) {
			slot = (slot + 1) & mask;
		}
		slots[2 * slot] = fingerprint;
		slots[2 * slot + 1] = row + 1L;
	}

	private void rehash(int capacity) {
		long[] old = slots;
		slots = new long[2 * capacity];
		mask = capacity - 1;
		for (int i = 0; i < old.length; i += 2) {
			if (old[i + 1] != 0) {
				put(old[i], (int) old[i + 1] - 1);
			}
		}
	}
}
