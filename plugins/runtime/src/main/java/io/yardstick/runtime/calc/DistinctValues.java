package io.yardstick.runtime.calc;

/**
 * A set of 64-bit values (dictionary codes, row references, time instants, the bits of numbers) for one cell of
 * a distinct count: open addressing with linear probing in one {@code long[]}, no boxing. The value 0 marks an
 * empty slot; whether 0 itself is in the set is held apart.
 */
final class DistinctValues {
	private static final long FIBONACCI = 0x9E3779B97F4A7C15L;

	private long[] slots = new long[8];
	private int shift = 64 - 3;
	private int size;
	private boolean hasZero;

	void add(long value) {
		if (value == 0) {
			if (!hasZero) {
				hasZero = true;
				size++;
			}
			return;
		}
		long[] table = slots;
		int mask = table.length - 1;
		int at = (int) ((value * FIBONACCI) >>> shift);
		while (true) {
			long held = table[at];
			if (held == value) {
				return;
			}
			if (held == 0) {
				table[at] = value;
				// at most half full: probes stay short
				if (++size * 2 > table.length) {
					grow();
				}
				return;
			}
			at = (at + 1) & mask;
		}
	}

	/** Adds every value of another set. */
	void addAll(DistinctValues other) {
		if (other.hasZero) {
			add(0);
		}
		for (long value : other.slots) {
			if (value != 0) {
				add(value);
			}
		}
	}

	int size() {
		return size;
	}

	private void grow() {
		long[] old = slots;
		slots = new long[old.length * 2];
		shift--;
		int mask = slots.length - 1;
		for (long value : old) {
			if (value != 0) {
				int at = (int) ((value * FIBONACCI) >>> shift);
				while (slots[at] != 0) {
					at = (at + 1) & mask;
				}
				slots[at] = value;
			}
		}
	}
}
