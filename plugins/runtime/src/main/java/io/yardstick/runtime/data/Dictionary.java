package io.yardstick.runtime.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Text values of a column, each stored once; rows hold codes. Codes are given in order of first
 * appearance, so loading the same file twice gives the same codes.
 *
 * <p>Held compactly, because a key column may have millions of values (customer ids): the values' UTF-8
 * bytes one after another in one array, an offset per code, and an open-addressing table of codes (about
 * 20 bytes per value of a few characters, where a String and a hash map entry each took about 100). A
 * value's String is made when asked for; those of a small dictionary (dimension labels, compared in
 * formulas row by row) are kept once made.
 */
public final class Dictionary {
	/** A code that no row holds: what a text literal absent from the data compares as. */
	public static final int NO_MATCH = -2;
	/** Dictionaries of up to this many values keep the Strings they have made. */
	private static final int CACHED = 1 << 16;

	private byte[] bytes;
	private int length;
	/** Per code its first byte; {@code offsets[size]} is the end of the last. */
	private int[] offsets;
	private int size;
	/** Code + 1 per slot, 0 for an empty slot; at most half full. */
	private int[] slots;
	private volatile String[] strings;

	private Dictionary(byte[] bytes, int length, int[] offsets, int size) {
		this.bytes = bytes;
		this.length = length;
		this.offsets = offsets;
		this.size = size;
		this.slots = new int[tableSize(size)];
		for (int code = 0; code < size; code++) {
			place(slots, hash(bytes, offsets[code], offsets[code + 1]), code);
		}
	}

	public Dictionary() {
		this(new byte[64], 0, new int[17], 0);
	}

	public static Dictionary of(List<String> values) {
		Dictionary dictionary = new Dictionary();
		values.forEach(dictionary::intern);
		return dictionary;
	}

	/**
	 * The dictionary of {@code count} distinct values given as UTF-8: value {@code i} is the bytes
	 * {@code utf8[spans[i] >>> 32 ..]} of length {@code (int) spans[i]}. Codes are the indexes.
	 */
	public static Dictionary ofUtf8(byte[] utf8, long[] spans, int count) {
		int total = 0;
		for (int code = 0; code < count; code++) {
			total += (int) spans[code];
		}
		byte[] bytes = new byte[Math.max(16, total)];
		int[] offsets = new int[count + 1];
		int at = 0;
		for (int code = 0; code < count; code++) {
			int valueLength = (int) spans[code];
			System.arraycopy(utf8, (int) (spans[code] >>> 32), bytes, at, valueLength);
			offsets[code] = at;
			at += valueLength;
		}
		offsets[count] = at;
		return new Dictionary(bytes, at, offsets, count);
	}

	/** The value's code, added when new. */
	public int intern(String value) {
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
		int hash = hash(utf8, 0, utf8.length);
		int code = find(utf8, hash);
		return code >= 0 ? code : add(utf8, hash);
	}

	/** The value's code, or {@link #NO_MATCH} when no row holds it. */
	public int code(String value) {
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
		int code = find(utf8, hash(utf8, 0, utf8.length));
		return code < 0 ? NO_MATCH : code;
	}

	/** The value of a code; null for the null code -1. */
	public String value(int code) {
		if (code < 0) {
			return null;
		}
		if (code >= size) {
			throw new IndexOutOfBoundsException("code " + code + " of a dictionary of " + size);
		}
		String[] made = strings;
		if (made == null && size <= CACHED) {
			made = new String[Math.max(16, size)];
			strings = made;
		}
		if (made != null && code < made.length) {
			String known = made[code];
			if (known == null) {
				known = make(code);
				made[code] = known;
			}
			return known;
		}
		return make(code);
	}

	public int size() {
		return size;
	}

	public List<String> values() {
		List<String> values = new ArrayList<>(size);
		for (int code = 0; code < size; code++) {
			values.add(value(code));
		}
		return List.copyOf(values);
	}

	private String make(int code) {
		return new String(bytes, offsets[code], offsets[code + 1] - offsets[code], StandardCharsets.UTF_8);
	}

	private int find(byte[] utf8, int hash) {
		int mask = slots.length - 1;
		for (int slot = hash & mask;; slot = (slot + 1) & mask) {
			int entry = slots[slot];
			if (entry == 0) {
				return -1;
			}
			int code = entry - 1;
			if (Arrays.equals(bytes, offsets[code], offsets[code + 1], utf8, 0, utf8.length)) {
				return code;
			}
		}
	}

	private int add(byte[] utf8, int hash) {
		int code = size;
		if (length + utf8.length > bytes.length) {
			bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + utf8.length));
		}
		System.arraycopy(utf8, 0, bytes, length, utf8.length);
		length += utf8.length;
		if (code + 2 > offsets.length) {
			offsets = Arrays.copyOf(offsets, offsets.length * 2);
		}
		offsets[code + 1] = length;
		size++;
		strings = null;
		if (size * 2 > slots.length) {
			slots = new int[tableSize(size)];
			for (int c = 0; c < size; c++) {
				place(slots, hash(bytes, offsets[c], offsets[c + 1]), c);
			}
		} else {
			place(slots, hash, code);
		}
		return code;
	}

	private static int tableSize(int values) {
		return Integer.highestOneBit(Math.max(16, values * 2 + 1) - 1) << 1;
	}

	private static void place(int[] slots, int hash, int code) {
		int mask = slots.length - 1;
		int slot = hash & mask;
		while (slots[slot] != 0) {
			slot = (slot + 1) & mask;
		}
		slots[slot] = code + 1;
	}

	private static int hash(byte[] a, int from, int to) {
		int h = 0x9E3779B9 ^ (to - from);
		for (int i = from; i < to; i++) {
			h = (h ^ a[i]) * 0x01000193;
		}
		h ^= h >>> 15;
		h *= 0x2C1B3C6D;
		return h ^ (h >>> 13);
	}
}
