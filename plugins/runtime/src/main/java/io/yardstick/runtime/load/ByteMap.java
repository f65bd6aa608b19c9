package io.yardstick.runtime.load;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Distinct byte strings, each given a code in order of first addition: the dictionary of a text column
 * while it loads, looked up by byte range so that a cell needs no String. The bytes are kept once, in one
 * arena. A slot of the open-addressing table is two longs: 24 bits of the hash, the length (up to 255) and
 * the code; and the first eight bytes. A probe compares those without leaving the slot's cache line, so a
 * value of up to eight bytes (most codes and keys) is found without touching the arena.
 */
final class ByteMap {
	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private long[] table;
	private int mask;
	private int size;
	/** Per code: offset in the arena (high half) and length (low half). */
	private long[] spans = new long[64];
	/** Per code: the hash of its bytes, so that neither a rehash nor another map's lookup computes it again. */
	private long[] hashes = new long[64];
	private byte[] arena = new byte[1024];
	private int arenaLength;

	ByteMap() {
		table = new long[2 * 64];
		mask = 63;
	}

	int size() {
		return size;
	}

	/** The code of the bytes, or -1. */
	int find(byte[] a, int s, int e, long hash) {
		int length = e - s;
		long tag = tag(hash, length);
		long prefix = prefix(a, s, length);
		int slot = (int) hash & mask;
		final long[] t = table;
		while (true) {
			long meta = t[2 * slot];
			if (meta == 0) {
				return -1;
			}
			if ((meta & 0xFFFFFFFF00000000L) == tag && t[2 * slot + 1] == prefix) {
				int code = (int) meta - 1;
				if (length <= 8) {
					return code;
				}
				int offset = (int) (spans[code] >>> 32);
				if (length <= 16) {
					// the tag holds the length and the prefix the first eight bytes: the last eight decide, in
					// one comparison rather than a call that pays off only on long values (ids of 9 to 16 bytes)
					if ((long) LONGS.get(arena, offset + length - 8) == (long) LONGS.get(a, e - 8)) {
						return code;
					}
				} else if ((int) spans[code] == length
						&& Arrays.equals(arena, offset + 8, offset + length, a, s + 8, e)) {
					return code;
				}
			}
			slot = (slot + 1) & mask;
		}
	}

	private static long tag(long hash, int length) {
		return (hash & 0xFFFFFF0000000000L) | ((long) Math.min(length, 255) << 32);
	}

	/** The first eight bytes (fewer, zero-padded), little-endian. */
	private static long prefix(byte[] a, int s, int length) {
		if (length >= 8) {
			return (long) LONGS.get(a, s);
		}
		if (s + 8 <= a.length) {
			return length == 0 ? 0 : (long) LONGS.get(a, s) & (-1L >>> (64 - 8 * length));
		}
		long value = 0;
		for (int i = 0; i < length; i++) {
			value |= (a[s + i] & 0xFFL) << (8 * i);
		}
		return value;
	}

	/** Adds bytes known to be absent; their code. */
	int add(byte[] a, int s, int e, long hash) {
		int code = size;
		if (code == spans.length) {
			spans = Arrays.copyOf(spans, code * 2);
			hashes = Arrays.copyOf(hashes, code * 2);
		}
		int length = e - s;
		if ((long) arenaLength + length > Integer.MAX_VALUE - 64) {
			throw new IllegalStateException("more than 2 GB of distinct text in one column");
		}
		if (arenaLength + length > arena.length) {
			arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 64,
					Math.max(arena.length * 2L, (long) arenaLength + length)));
		}
		System.arraycopy(a, s, arena, arenaLength, length);
		spans[code] = ((long) arenaLength << 32) | length;
		hashes[code] = hash;
		arenaLength += length;
		size++;
		if (size * 8L > (mask + 1L) * 5L) {
			rehash();
		} else {
			place(table, mask, hash, code, length, prefix(a, s, length));
		}
		return code;
	}

	/** Forgets every value, keeping the room: the next chunk's dictionary. */
	void clear() {
		if (size > 0) {
			java.util.Arrays.fill(table, 0);
			size = 0;
			arenaLength = 0;
		}
	}

	/**
	 * The code in this map of each of another map's values, or -1 for those it lacks, into {@code codes}. One
	 * lookup after another with nothing between them, so that their cache misses overlap.
	 */
	void findAll(ByteMap other, int[] codes) {
		final long[] otherSpans = other.spans;
		final long[] otherHashes = other.hashes;
		final byte[] otherArena = other.arena;
		for (int code = 0; code < other.size; code++) {
			long span = otherSpans[code];
			int offset = (int) (span >>> 32);
			codes[code] = find(otherArena, offset, offset + (int) span, otherHashes[code]);
		}
	}

	/** Adds another map's value, known to be absent from this one; its code here. */
	int addFrom(ByteMap other, int code) {
		long span = other.spans[code];
		int offset = (int) (span >>> 32);
		return add(other.arena, offset, offset + (int) span, other.hashes[code]);
	}

	/** The code of the bytes, added when new. */
	int intern(byte[] a, int s, int e) {
		long hash = Hashing.hash(a, s, e);
		int code = find(a, s, e, hash);
		return code >= 0 ? code : add(a, s, e, hash);
	}

	String value(int code) {
		long span = spans[code];
		return new String(arena, (int) (span >>> 32), (int) span, StandardCharsets.UTF_8);
	}

	/** The values as a compact dictionary with the same codes. */
	io.yardstick.runtime.data.Dictionary toDictionary() {
		return io.yardstick.runtime.data.Dictionary.ofUtf8(arena, spans, size);
	}

	List<String> values() {
		List<String> values = new ArrayList<>(size);
		for (int code = 0; code < size; code++) {
			values.add(value(code));
		}
		return values;
	}

	private static void place(long[] table, int mask, long hash, int code, int length, long prefix) {
		int slot = (int) hash & mask;
		while (table[2 * slot] != 0) {
			slot = (slot + 1) & mask;
		}
		table[2 * slot] = tag(hash, length) | (code + 1L);
		table[2 * slot + 1] = prefix;
	}

	/** Doubles the table; every code's hash is computed again from its bytes. */
	private void rehash() {
		int capacity = 2 * (mask + 1);
		long[] bigger = new long[2 * capacity];
		int biggerMask = capacity - 1;
		for (int code = 0; code < size; code++) {
			long span = spans[code];
			int offset = (int) (span >>> 32);
			int length = (int) span;
			place(bigger, biggerMask, hashes[code], code, length, prefix(arena, offset, length));
		}
		table = bigger;
		mask = biggerMask;
	}
}
