package io.yardstick.runtime.load;

import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.text.Texts;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The keys of a loaded source that others refer to: key to row index. Text keys by their bytes (the
 * dictionary whose codes are the rows); other keys by their exact value. Also remembers the keys of the
 * rows rejected under SKIP, so that a row referring to one says why it is unknown.
 */
final class KeyIndex {
	final String source;
	final Path file;
	final FieldSpec key;
	final int kind;
	private final ByteMap textKeys;
	private final KeySet valueKeys;
	private final KeyIndex target;
	private final double unitSeconds;
	private final byte[][] enumValues;
	final Map<String, Long> rejectedKeys = new HashMap<>();

	KeyIndex(String source, Path file, FieldSpec key, ByteMap textKeys, KeySet valueKeys, KeyIndex target) {
		this.source = source;
		this.file = file;
		this.key = key;
		this.kind = Kinds.of(key.type());
		this.textKeys = textKeys;
		this.valueKeys = valueKeys;
		this.target = target;
		this.unitSeconds = kind == Kinds.DURATION ? CellParser.unitSeconds(key.unit()) : 1;
		this.enumValues = kind == Kinds.ENUM ? Kinds.enumBytes(key) : null;
	}

	/** Whether a cell referring to this source is trimmed of spaces first: all but text keys. */
	boolean trims() {
		return kind != Kinds.TEXT;
	}

	/** Whether the keys are texts, looked up by their bytes and {@link Hashing#hash}. */
	boolean byText() {
		return textKeys != null;
	}

	/** The row of a text key given its bytes and their hash, or -1; only when {@link #byText()}. */
	int row(byte[] a, int s, int e, long hash) {
		return textKeys.find(a, s, e, hash);
	}

	/** The row holding the key in the cell, or -1. Safe for several threads, each with its own parser. */
	int row(CellParser parser, byte[] a, int s, int e) {
		if (textKeys != null) {
			return textKeys.find(a, s, e, Hashing.hash(a, s, e));
		}
		long fingerprint = fingerprint(parser, a, s, e);
		if (fingerprint == Long.MIN_VALUE) {
			return -1;
		}
		int slot = valueKeys.first(fingerprint);
		return slot < 0 ? -1 : valueKeys.row(slot);
	}

	/** The fingerprint of a key value written in a cell (as {@link SourceLoader} computes it), MIN_VALUE if bad. */
	private long fingerprint(CellParser parser, byte[] a, int s, int e) {
		if (Kinds.isNumeric(kind)) {
			double value = Kinds.number(parser, kind, key, unitSeconds, a, s, e);
			return value != value ? Long.MIN_VALUE : Kinds.fingerprint(value);
		}
		switch (kind) {
		case Kinds.TIMESTAMP:
			return parser.timestamp(a, s, e);
		case Kinds.DATE:
			return parser.date(a, s, e);
		case Kinds.BOOL: {
			byte flag = parser.bool(a, s, e);
			return flag < 0 ? Long.MIN_VALUE : flag;
		}
		case Kinds.ENUM: {
			int code = parser.enumCode(a, s, e, enumValues, key.enumValues());
			return code < 0 ? Long.MIN_VALUE : code;
		}
		case Kinds.REFERENCE: {
			int row = target.row(parser, a, s, e);
			return row < 0 ? Long.MIN_VALUE : row;
		}
		default:
			return Long.MIN_VALUE;
		}
	}

	/** Why a cell names no row: unknown, or its row was rejected. */
	String unknown(byte[] a, int s, int e, Texts texts) {
		String message = texts.get("cell.notKeyOf", CellParser.found(a, s, e), source);
		Long line = rejectedKeys.get(CellParser.text(a, s, e));
		if (line != null) {
			message += texts.get("cell.keyRowRejected", file, line);
		}
		return message;
	}
}
