package io.yardstick.runtime.calc;

/**
 * A set of 64-bit values (dictionary codes, row references, time instants, the bits of numbers) for one cell of
 * a distinct count, without boxing. It starts as open addressing with linear probing in one {@code long[]} (0
 * marks an empty slot; whether 0 itself is in the set is held apart), and turns into a bitmap over 0..max when
 * every value is a small non-negative number and the bitmap takes no more room than the table would: codes and
 * row references of a cell with many rows, the common case, then cost one bit each and no probing.
 */
final class DistinctValues {
	private static final long FIBONACCI = 0x9E3779B97F4A7C15L;
	/** Values a bitmap may hold: 0 to this, excluded (a 256 MB bitmap at most). */
	private static final long BITMAP_LIMIT = 1L << 31;

	private long[] slots = new long[8];
	private int shift = 64 - 3;
	private boolean hasZero;
	/** The bitmap, once the set is one; then {@link #slots} is null. */
	private long[] bits;
	private int size;
	/** The largest value added, and whether every value lies in 0..BITMAP_LIMIT. */
	private long max;
	private boolean small = true;

	void add(long value) {
		if (bits != null) {
			int word = (int) (value >>> 6);
			if (value >= 0 && word < bits.length) {
				long bit = 1L << value;
				if ((bits[word] & bit) == 0) {
					bits[word] |= bit;
					size++;
				}
				return;
			}
			if (value >= 0 && value < BITMAP_LIMIT && word < 2 * size + 64) {
				bits = java.util.Arrays.copyOf(bits, Math.max(word + 1, bits.length * 2));
				add(value);
				return;
			}
			toTable();
		}
		if (value < 0 || value >= BITMAP_LIMIT) {
			small = false;
		} else if (value > max) {
			max = value;
		}
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
		if (bits != null && other.bits != null && other.bits.length <= bits.length) {
			int count = 0;
			for (int i = 0; i < bits.length; i++) {
				if (i < other.bits.length) {
					bits[i] |= other.bits[i];
				}
				count += Long.bitCount(bits[i]);
			}
			size = count;
			return;
		}
		other.forEach(this::add);
	}

	int size() {
		return size;
	}

	private void forEach(java.util.function.LongConsumer action) {
		if (bits != null) {
			for (int word = 0; word < bits.length; word++) {
				for (long rest = bits[word]; rest != 0; rest &= rest - 1) {
					action.accept(((long) word << 6) + Long.numberOfTrailingZeros(rest));
				}
			}
			return;
		}
		if (hasZero) {
			action.accept(0);
		}
		for (long value : slots) {
			if (value != 0) {
				action.accept(value);
			}
		}
	}

	private void grow() {
		int words = (int) (max >>> 6) + 1;
		if (small && words <= slots.length * 2) {
			long[] bitmap = new long[words];
			forEach(value -> bitmap[(int) (value >>> 6)] |= 1L << value);
			bits = bitmap;
			slots = null;
			return;
		}
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

	/** Back from a bitmap to a table, for a value the bitmap cannot hold at a reasonable size. */
	private void toTable() {
		long[] bitmap = bits;
		int held = size;
		bits = null;
		int capacity = Integer.highestOneBit(Math.max(8, held * 4 - 1));
		slots = new long[capacity];
		shift = 64 - Integer.numberOfTrailingZeros(capacity);
		size = 0;
		hasZero = false;
		small = false;
		for (int word = 0; word < bitmap.length; word++) {
			for (long rest = bitmap[word]; rest != 0; rest &= rest - 1) {
				add(((long) word << 6) + Long.numberOfTrailingZeros(rest));
			}
		}
	}
}
