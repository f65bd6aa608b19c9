package io.yardstick.runtime.calc;

import java.util.Arrays;

/**
 * The codes (dictionary codes, referenced rows, flags) one cell of a distinct count has seen, with repeats: appended
 * to blocks that never move, as a percentile's values are ({@link Quantile.CellValues}), so that a row costs one
 * store in the order rows come, and the set is found once, at the end, in one bitmap reused cell after cell. Where
 * the codes repeat enough that a bitmap over 0..the largest is no larger than the blocks, they are folded into one
 * (every code below its end then costs one bit and is not listed again); a cell of many rows over a small
 * dictionary so holds a few words, and one over a large dictionary, four bytes a row.
 */
final class DistinctCodes {
	/** The longest block the listed codes grow by. */
	static final int LONGEST_BLOCK = 4096;
	/** The largest bitmap, in words, that {@link #count} sets bits in (32 MB); above it, codes are sorted. */
	static final int LARGEST_SCRATCH = 1 << 22;

	private int[][] full = new int[4][];
	private int[] fullSizes = new int[4];
	private int fullCount;
	private int[] tail = new int[8];
	private int tailSize;
	/** Codes in the blocks, repeats included, and the largest of them (-1 for none). */
	private int listed;
	private int max = -1;
	/** The codes below {@code 64 * bits.length} that were folded or added since; null before the first fold. */
	private long[] bits;

	/** Adds a code; the caller has left out nulls (negative codes). */
	void add(int code) {
		long[] folded = bits;
		if (folded != null && code >>> 6 < folded.length) {
			folded[code >>> 6] |= 1L << code;
			return;
		}
		if (tailSize == tail.length) {
			keep(tail, tailSize);
			if (!foldIfSmaller()) {
				tail = new int[Math.min(tail.length * 2, LONGEST_BLOCK)];
			}
			tailSize = 0;
		}
		tail[tailSize++] = code;
		listed++;
		if (code > max) {
			max = code;
		}
	}

	/** Takes the other cell's codes, by reference: the other must not be used after. */
	void link(DistinctCodes other) {
		if (other.bits != null) {
			if (bits == null || bits.length < other.bits.length) {
				long[] mine = bits;
				bits = other.bits;
				other.bits = mine;
			}
			if (other.bits != null) {
				for (int word = 0; word < other.bits.length; word++) {
					bits[word] |= other.bits[word];
				}
			}
		}
		keep(tail, tailSize);
		for (int i = 0; i < other.fullCount; i++) {
			keep(other.full[i], other.fullSizes[i]);
		}
		listed += other.listed;
		max = Math.max(max, other.max);
		tail = other.tail;
		tailSize = other.tailSize;
		foldIfSmaller();
	}

	private void keep(int[] block, int used) {
		if (used == 0) {
			return;
		}
		if (fullCount == full.length) {
			full = Arrays.copyOf(full, fullCount * 2);
			fullSizes = Arrays.copyOf(fullSizes, fullCount * 2);
		}
		full[fullCount] = block;
		fullSizes[fullCount++] = used;
	}

	/**
	 * Folds the listed codes into the bitmap when growing it to hold them all takes no more room than they take
	 * listed (four bytes each); the blocks are then dropped, the tail kept for codes past the bitmap's end.
	 */
	private boolean foldIfSmaller() {
		int words = (max >>> 6) + 1;
		int held = bits == null ? 0 : bits.length;
		if (max < 0 || (long) (words - held) * 8 > (long) listed * 4) {
			return false;
		}
		if (words > held) {
			bits = bits == null ? new long[words] : Arrays.copyOf(bits, words);
		}
		long[] into = bits;
		for (int i = 0; i < fullCount; i++) {
			int[] block = full[i];
			for (int at = fullSizes[i] - 1; at >= 0; at--) {
				into[block[at] >>> 6] |= 1L << block[at];
			}
			full[i] = null;
		}
		for (int at = 0; at < tailSize; at++) {
			into[tail[at] >>> 6] |= 1L << tail[at];
		}
		fullCount = 0;
		tailSize = 0;
		listed = 0;
		max = -1;
		return true;
	}

	/** How many words a bitmap needs to hold every code of this cell. */
	private int words() {
		return Math.max(bits == null ? 0 : bits.length, max < 0 ? 0 : (max >>> 6) + 1);
	}

	/** Sets a bit for each code of this cell in {@code into}, which has at least {@link #words()} words. */
	private void markInto(long[] into) {
		if (bits != null) {
			for (int word = 0; word < bits.length; word++) {
				into[word] |= bits[word];
			}
		}
		for (int i = 0; i < fullCount; i++) {
			int[] block = full[i];
			for (int at = fullSizes[i] - 1; at >= 0; at--) {
				into[block[at] >>> 6] |= 1L << block[at];
			}
		}
		for (int at = 0; at < tailSize; at++) {
			into[tail[at] >>> 6] |= 1L << tail[at];
		}
	}

	/** Every code of this cell, repeats included, into {@code into} from {@code at}; returns the end. */
	private int copyTo(int[] into, int at) {
		if (bits != null) {
			for (int word = 0; word < bits.length; word++) {
				for (long rest = bits[word]; rest != 0; rest &= rest - 1) {
					into[at++] = (word << 6) + Long.numberOfTrailingZeros(rest);
				}
			}
		}
		for (int i = 0; i < fullCount; i++) {
			System.arraycopy(full[i], 0, into, at, fullSizes[i]);
			at += fullSizes[i];
		}
		System.arraycopy(tail, 0, into, at, tailSize);
		return at + tailSize;
	}

	/** The bitmap {@link #count} works in, one per kernel; grown as needed and left cleared. */
	static final class Scratch {
		private long[] bits = new long[0];
	}

	/**
	 * How many different codes the cells hold together (null entries hold none). Exact: their codes are marked in
	 * the scratch bitmap, counted and cleared; codes too large for a bitmap of {@link #LARGEST_SCRATCH} words are
	 * sorted instead.
	 */
	static int count(DistinctCodes[] cells, int[] which, Scratch scratch) {
		int words = 0;
		for (int cell : which) {
			if (cells[cell] != null) {
				words = Math.max(words, cells[cell].words());
			}
		}
		if (words == 0) {
			return 0;
		}
		if (words > LARGEST_SCRATCH) {
			return sortedCount(cells, which);
		}
		if (scratch.bits.length < words) {
			scratch.bits = new long[words];
		}
		long[] marks = scratch.bits;
		for (int cell : which) {
			if (cells[cell] != null) {
				cells[cell].markInto(marks);
			}
		}
		int count = 0;
		for (int word = 0; word < words; word++) {
			count += Long.bitCount(marks[word]);
		}
		Arrays.fill(marks, 0, words, 0L);
		return count;
	}

	private static int sortedCount(DistinctCodes[] cells, int[] which) {
		long size = 0;
		for (int cell : which) {
			DistinctCodes held = cells[cell];
			if (held != null) {
				size += held.listed;
				if (held.bits != null) {
					for (long word : held.bits) {
						size += Long.bitCount(word);
					}
				}
			}
		}
		int[] all = new int[Math.toIntExact(size)];
		int at = 0;
		for (int cell : which) {
			if (cells[cell] != null) {
				at = cells[cell].copyTo(all, at);
			}
		}
		Arrays.sort(all);
		int count = 0;
		for (int i = 0; i < all.length; i++) {
			if (i == 0 || all[i] != all[i - 1]) {
				count++;
			}
		}
		return count;
	}
}
