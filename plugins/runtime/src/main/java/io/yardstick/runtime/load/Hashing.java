package io.yardstick.runtime.load;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** A fast 64-bit hash of byte ranges (eight bytes per step, then a strong finaliser). */
final class Hashing {
	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
	private static final long K1 = 0x9E3779B97F4A7C15L;
	private static final long K2 = 0xC2B2AE3D27D4EB4FL;

	private Hashing() {
	}

	static long hash(byte[] a, int s, int e) {
		long h = 0x27D4EB2F165667C5L ^ ((e - s) * K2);
		int i = s;
		for (; i + 8 <= e; i += 8) {
			long w = (long) LONGS.get(a, i);
			h = Long.rotateLeft(h ^ (w * K1), 29) * K2;
		}
		if (i < e) {
			long w = 0;
			for (int shift = 0; i < e; i++, shift += 8) {
				w |= (a[i] & 0xFFL) << shift;
			}
			h = Long.rotateLeft(h ^ (w * K1), 29) * K2;
		}
		return mix(h);
	}

	/** The finaliser of MurmurHash3: every input bit affects every output bit. */
	static long mix(long h) {
		h ^= h >>> 33;
		h *= 0xFF51AFD7ED558CCDL;
		h ^= h >>> 33;
		h *= 0xC4CEB9FE1A85EC53L;
		h ^= h >>> 33;
		return h;
	}
}
